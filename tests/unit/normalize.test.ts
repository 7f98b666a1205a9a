import { describe, expect, it } from 'vitest';
import { ANY_SPACE_RE, foldString, isSpaceCode, prepareMatchText } from '../../core/normalize';

describe('normalize', () => {
  it('folds full-width ASCII and case without changing length', () => {
    expect(foldString('ＡＢｃ１２３')).toBe('abc123');
    expect(foldString('两个确立')).toBe('两个确立');
  });
  it('drops whitespace between Han characters and maps offsets back', () => {
    const raw = '四个\u00a0 自信、 abc def';
    const { text, rawOffset } = prepareMatchText(raw);
    expect(text).toBe('四个自信、 abc def');
    const at = text.indexOf('自信');
    expect(raw.slice(rawOffset[at]!, rawOffset[at + 1]! + 1)).toBe('自信');
    // Space between a Han character and punctuation or Latin is kept.
    expect(text.includes(' abc')).toBe(true);
  });
  it('treats the ideographic space like any space', () => {
    expect(prepareMatchText('两个\u3000确立').text).toBe('两个确立');
  });
  it('keeps spaces next to astral-plane Han and maps them right', () => {
    const raw = '𠀀 两个';
    const { text } = prepareMatchText(raw);
    expect(text).toBe('𠀀两个');
  });
});

describe('ANY_SPACE_RE (the quick whitespace check before hasDroppableSpace)', () => {
  it('accepts exactly the code units isSpaceCode accepts', () => {
    const disagree: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (ANY_SPACE_RE.test(String.fromCharCode(c)) !== isSpaceCode(c)) disagree.push(c);
    expect(disagree).toEqual([]);
  });
});
