import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MatchIndex } from '../../core/glossary-types';
import { AutomatonTablesError, buildAutomaton, compileAutomaton, loadAutomaton, packAutomaton, unpackAutomaton, type AutomatonTables } from '../../core/matcher';
import { foldTextCode, prepareMatchText } from '../../core/normalize';
import { createPageMatcher } from '../../core/page-scan';

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
  it('reads every code unit as its folded form (full-width, upper case, whitespace)', () => {
    const automaton = buildAutomaton(['a', 'z', '两', '\u0020']);
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const f = foldTextCode(c);
      const expected = f === 0x61 || f === 0x7a || f === 0x4e24 || f === 0x20 ? 1 : 0;
      if (automaton.findMatches(String.fromCharCode(c)).length !== expected) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });

  it('returns nothing for an empty pattern list or text', () => {
    expect(buildAutomaton([]).findMatches('两个确立')).toEqual([]);
    expect(buildAutomaton(['两个确立']).findMatches('')).toEqual([]);
  });
});

describe('prebuilt automaton tables (shipped in the match index)', () => {
  const index = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'dictionary', 'generated', 'match-index.json'), 'utf8')) as MatchIndex;
  const corpusDir = join(import.meta.dirname, '..', '..', 'dictionary', 'corpus');
  const corpus = readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(corpusDir, f), 'utf8'))
    .join('\n');
  const text = prepareMatchText(corpus).text;

  it('the index carries packed tables that match exactly as an automaton built from its patterns', () => {
    expect(index.automaton).toBeDefined();
    const loaded = loadAutomaton(unpackAutomaton(index.automaton));
    const built = buildAutomaton(index.patterns);
    expect(loaded.stateCount).toBe(built.stateCount);
    const matches = loaded.findMatches(text);
    expect(matches.length).toBeGreaterThan(100);
    expect(matches).toEqual(built.findMatches(text));
  });

  it('packs values beyond one code unit in two, and unpacks them unchanged', () => {
    const tables: AutomatonTables = { from: [0], code: [0x4e00], fail: [0, 0], dict: [0, 0], terminal: [-1, 70000], edges: [0] };
    const packed = packAutomaton(tables);
    expect(packed.terminal[0]).toBe('2');
    expect(packed.fail[0]).toBe('1');
    expect(Array.from(unpackAutomaton(packed).terminal)).toEqual([-1, 70000]);
    // No surrogate code units: packed strings survive storage's UTF-8 round trip.
    for (const value of Object.values(packAutomaton(compileAutomaton(index.patterns)))) expect(/[\ud800-\udfff]/.test(value)).toBe(false);
  });

  it('rejects damaged tables, and the page matcher then builds from the patterns', () => {
    // Creation order: 0 root; 1 两, 2 两个, 3 两个确, 4 两个确立, 5 两个维, 6 两个维护, 7 个, 8 个确.
    const good = compileAutomaton(['两个确立', '两个维护', '个确']);
    expect(Array.from(good.fail)).toEqual([0, 0, 7, 8, 0, 0, 0, 0, 0]);
    expect(Array.from(good.dict)).toEqual([0, 0, 0, 8, 0, 0, 0, 0, 0]);
    expect(() => loadAutomaton(structuredClone(good))).not.toThrow();
    const damage: Array<(t: AutomatonTables) => void> = [
      (t) => ((t.fail as number[])[3] = 4), // failure link to a deeper state: could loop
      (t) => ((t.fail as number[])[3] = 5), // failure link to a state as deep as itself
      (t) => ((t.dict as number[])[3] = 7), // dictionary link to a state where no pattern ends
      (t) => ((t.from as number[])[0] = 1), // a state entered from itself
      (t) => ((t.code as number[])[0] = 70000), // not a code unit
      (t) => ((t.terminal as number[])[4] = 7), // no such pattern
      (t) => (t.fail as number[]).pop(), // lengths differ
    ];
    for (const d of damage) {
      const t = structuredClone(good);
      d(t);
      expect(() => loadAutomaton(t)).toThrow(AutomatonTablesError);
    }
    expect(() => unpackAutomaton({ ...packAutomaton(good), fail: 'x' })).toThrow(AutomatonTablesError);
    expect(() => unpackAutomaton(null)).toThrow(AutomatonTablesError);

    const damaged: MatchIndex = { ...index, automaton: { ...index.automaton!, fail: index.automaton!.from } };
    const fromDamaged = createPageMatcher(damaged).automaton.findMatches(text);
    expect(fromDamaged).toEqual(buildAutomaton(index.patterns).findMatches(text));
  });

  it('scanTexts matches each text on its own: no match crosses from one text to the next', () => {
    const automaton = buildAutomaton(['两个确立', '确立', '两个维护']);
    const texts = ['坚持两个', '确立和两个维护', '', '两个确立两个确立'];
    const list = automaton.scanTexts(texts);
    const found = Array.from({ length: list.count }, (_, i) => [list.text[i], list.start[i], list.end[i], list.pattern[i]]);
    const perText = texts.flatMap((text, t) => automaton.findMatches(text).map((m) => [t, m.start, m.end, m.pattern]));
    expect(found).toEqual(perText);
    expect(found).toEqual([
      [1, 0, 2, 1],
      [1, 3, 7, 2],
      [3, 0, 4, 0],
      [3, 4, 8, 0],
    ]);
  });

  it('keeps leftmost-longest when many candidates overlap in one text (past the candidate buffer)', () => {
    const automaton = buildAutomaton(['甲乙', '乙丙', '甲乙丙', '丙丁']);
    const text = '甲乙丙丁'.repeat(200);
    const matches = automaton.findMatches(text);
    // 800 candidates (甲乙, 乙丙, 甲乙丙, 丙丁 in every repeat); kept: 甲乙丙 in each, since 丙丁 overlaps it.
    expect(matches).toEqual(Array.from({ length: 200 }, (_, k) => ({ start: 4 * k, end: 4 * k + 3, pattern: 2 })));
  });
});
