import { describe, expect, it } from 'vitest';
import { buildAutomaton } from '../../core/matcher';
import { prepareMatchText } from '../../core/normalize';

const found = (patterns: string[], text: string) =>
  buildAutomaton(patterns)
    .findMatches(text)
    .map((m) => [text.slice(m.start, m.end), patterns[m.pattern]]);

describe('matcher (Aho-Corasick, leftmost-longest)', () => {
  it('prefers the longest match at the leftmost start', () => {
    const p = ['中国特色社会主义', '习近平新时代中国特色社会主义思想', '新时代'];
    expect(found(p, '坚持习近平新时代中国特色社会主义思想')).toEqual([['习近平新时代中国特色社会主义思想', p[1]]]);
  });
  it('finds non-overlapping matches, leftmost first', () => {
    expect(found(['甲乙', '乙丙', '丙'], '甲乙丙')).toEqual([
      ['甲乙', '甲乙'],
      ['丙', '丙'],
    ]);
    expect(found(['两个确立', '两个维护'], '两个确立两个维护两个')).toEqual([
      ['两个确立', '两个确立'],
      ['两个维护', '两个维护'],
    ]);
  });
  it('follows failure links across partial matches', () => {
    // 六稳六|稳六保: the automaton must recover from the false start 六稳六稳.
    expect(buildAutomaton(['六稳六保']).findMatches('六稳六稳六保')).toEqual([{ start: 2, end: 6, pattern: 0 }]);
    // Leftmost wins over longest-overall: 稳六 starts before 六稳六保.
    expect(found(['六稳六保', '稳六'], '六稳六稳六保').map((m) => m[0])).toEqual(['稳六', '稳六']);
  });
  it('folds full-width forms and case on the pattern side', () => {
    // Text is folded by prepareMatchText before matching; patterns are folded here.
    expect(found(['Ｖ型'], prepareMatchText('ｖ型反转').text).map((m) => m[0])).toEqual(['v型']);
  });
  it('keeps digit codes whole: 356 is not found inside 13560', () => {
    expect(found(['356'], '“356”特色产业')).toEqual([['356', '356']]);
    expect(found(['356'], '共13560人')).toEqual([]);
  });
  it('matches a bare digit code only inside quotation marks', () => {
    expect(found(['1353'], '明确了「1353」总体发展思路')).toEqual([['1353', '1353']]);
    expect(found(['1353'], '第1353段')).toEqual([]);
    expect(found(['356'], '票价356元')).toEqual([]);
    expect(found(['356'], '“356')).toEqual([]);
    expect(found(['两个确立', '356'], '“356”和“两个确立”')).toEqual([['356', '356'], ['两个确立', '两个确立']]);
  });
  it('handles astral-plane characters without shifting offsets', () => {
    const text = '𠀀两个确立𠀀';
    const m = buildAutomaton(['两个确立']).findMatches(text);
    expect(m).toEqual([{ start: 2, end: 6, pattern: 0 }]);
  });
  it('returns nothing for an empty pattern list or text', () => {
    expect(buildAutomaton([]).findMatches('两个确立')).toEqual([]);
    expect(buildAutomaton(['两个确立']).findMatches('')).toEqual([]);
  });
});
