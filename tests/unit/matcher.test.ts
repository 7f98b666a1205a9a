import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MatchIndex } from '../../core/glossary-types';
import fc from 'fast-check';
import { AUTOMATON_FORMAT, AutomatonTablesError, buildAutomaton, compileAutomaton, layoutAutomaton, loadAutomaton, packAutomaton, unpackAutomaton, type PackedAutomaton } from '../../core/matcher';
import { foldTextCode, prepareMatchText } from '../../core/normalize';
import { createPageMatcher, loadPageMatcher, matchBlocks } from '../../core/page-scan';
import type { Block } from '../../core/text-model';

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

  it('packs each array in the least byte width that holds it, and unpacks it unchanged', () => {
    const layout = layoutAutomaton(compileAutomaton(['两个确立', 'a1']));
    const big = { ...layout, edges: Int32Array.from([0, 70000]), patternCount: 2 };
    const packed = packAutomaton(big);
    expect(packed.format).toBe(AUTOMATON_FORMAT);
    expect(packed.edges[0]).toBe('4');
    expect(packed.fail[0]).toBe('1');
    expect(packed.rootCode[0]).toBe('2');
    const unpacked = unpackAutomaton(JSON.parse(JSON.stringify(packed)));
    for (const key of Object.keys(layout) as Array<keyof typeof layout>) {
      const value = unpacked[key];
      expect(typeof value === 'number' ? value : Array.from(value), key).toEqual(typeof big[key] === 'number' ? big[key] : Array.from(big[key] as ArrayLike<number>));
    }
    // Base64 only: packed strings survive storage's JSON and UTF-8 round trip.
    for (const [key, value] of Object.entries(packAutomaton(layoutAutomaton(compileAutomaton(index.patterns)))))
      if (typeof value === 'string') expect(value, key).toMatch(/^[124][A-Za-z0-9+/]*={0,2}$/);
  });

  it('lays out the failure and dictionary links as compiled, with depths and patterns + 1', () => {
    // Creation order: 0 root; 1 两, 2 两个, 3 两个确, 4 两个确立, 5 两个维, 6 两个维护, 7 个, 8 个确.
    const tables = compileAutomaton(['两个确立', '两个维护', '个确']);
    expect(Array.from(tables.fail)).toEqual([0, 0, 7, 8, 0, 0, 0, 0, 0]);
    expect(Array.from(tables.dict)).toEqual([0, 0, 0, 8, 0, 0, 0, 0, 0]);
    const layout = layoutAutomaton(tables);
    expect(Array.from(layout.depth)).toEqual([0, 1, 2, 3, 4, 3, 4, 1, 2]);
    expect(Array.from(layout.terminal)).toEqual([0, 0, 0, 0, 1, 0, 2, 0, 3]);
    expect(Array.from(layout.rootCode).map((c) => String.fromCharCode(c))).toEqual(['两', '个']);
    expect(Array.from(layout.rootTarget)).toEqual([1, 7]);
    // Every other transition is in the hash exactly once.
    expect(Array.from(layout.slotState).filter((s) => s !== 0)).toHaveLength(6);
  });

  it('refuses more patterns ending at one position than matching allows for', () => {
    const nested = Array.from({ length: 70 }, (_, k) => '甲'.repeat(k + 1));
    expect(() => layoutAutomaton(compileAutomaton(nested))).toThrow(/patterns end at state/);
    expect(() => layoutAutomaton(compileAutomaton(nested.slice(0, 60)))).not.toThrow();
  });

  it('rejects packed tables of the wrong shape: no page matcher from them, and createPageMatcher builds from the patterns', () => {
    const packed = index.automaton!;
    const shapes: unknown[] = [
      null,
      'tables',
      { ...packed, format: 1 }, // an index from an older build
      { ...packed, fail: 'x' },
      { ...packed, fail: '3AAAA' }, // no such width
      { ...packed, rootCode: '4AAAAAA==' }, // code units wider than 16 bits
      { ...packed, fail: '2AAA=' }, // odd number of bytes for 16-bit values
      { ...packed, fail: '2!!!!' }, // not base64
      { ...packed, stateCount: -1 },
      { ...packed, slotState: packed.fail }, // lengths differ
      { ...packed, rootTarget: packed.rootTarget.slice(0, 1) + '/////' }, // a root transition out of range
    ];
    for (const shape of shapes) {
      expect(() => loadAutomaton(unpackAutomaton(shape)), JSON.stringify(shape)?.slice(0, 60)).toThrow(AutomatonTablesError);
      // A page asks the background for its copy; extension pages and the CLI build from the patterns.
      expect(loadPageMatcher({ ...index, automaton: shape as PackedAutomaton })).toBeNull();
      const matcher = createPageMatcher({ ...index, automaton: shape as PackedAutomaton });
      expect(matcher.automaton.findMatches(text)).toEqual(buildAutomaton(index.patterns).findMatches(text));
    }
    expect(loadPageMatcher(index)).not.toBeNull();
  });

  it('never hangs on damaged values, reports only matches inside its text, or says it is damaged', () => {
    // Tables damaged value by value: each array of the packed layout with random bytes overwritten.
    // Matching must end, every match it reports must lie in its text and name a real pattern, or it
    // must throw AutomatonTablesError; and the page matcher must then match as a sound automaton does.
    const small = ['两个确立', '两个维护', '个确', '确立', '四个意识', '六稳六保', '六稳', 'A1', '1353'];
    const sample = '坚持两个确立，做到两个维护，增强四个意识，六稳六保“1353”A1两个确立。'.repeat(20);
    const sound = layoutAutomaton(compileAutomaton(small));
    const packedSound = packAutomaton(sound);
    const expected = buildAutomaton(small).findMatches(sample);
    const keys = Object.keys(packedSound).filter((k) => typeof packedSound[k as keyof PackedAutomaton] === 'string') as Array<keyof PackedAutomaton>;
    let threw = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...keys),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }),
        (key, edits) => {
          const value = packedSound[key] as string;
          const bytes = Uint8Array.from(atob(value.slice(1)), (ch) => ch.charCodeAt(0));
          if (bytes.length === 0) return;
          for (const [at, byte] of edits) bytes[at % bytes.length] = byte;
          const damaged = { ...packedSound, [key]: value[0] + btoa(String.fromCharCode(...bytes)) };
          let automaton;
          try {
            automaton = loadAutomaton(unpackAutomaton(damaged));
          } catch (error) {
            expect(error).toBeInstanceOf(AutomatonTablesError);
            return;
          }
          try {
            for (const m of automaton.findMatches(sample)) {
              expect(m.start).toBeGreaterThanOrEqual(0);
              expect(m.end).toBeGreaterThan(m.start);
              expect(m.end).toBeLessThanOrEqual(sample.length);
              expect(m.pattern).toBeGreaterThanOrEqual(0);
              expect(m.pattern).toBeLessThan(small.length);
            }
          } catch (error) {
            if (!(error instanceof AutomatonTablesError)) throw error;
            threw++;
            // A page's matchBlocks says so and leaves what earlier blocks found as it was; the page
            // then matches again with the background's sound copy (entrypoints/content/page-session.ts).
            const index: MatchIndex = { version: 1, digest: 'x', ids: small, terms: small, categories: small.map(() => 0), patterns: small, patternEntry: small.map((_, i) => i), automaton: damaged };
            const blocks = [{ raw: sample }] as unknown as Block[];
            const found = [{ block: blocks[0]!, start: 0, end: 1, entry: 0 }];
            expect(() => matchBlocks(loadPageMatcher(index)!, blocks, found)).toThrow(AutomatonTablesError);
            expect(found).toHaveLength(1);
            const sound = loadPageMatcher({ ...index, automaton: packedSound })!;
            expect(matchBlocks(sound, blocks).map((o) => [o.start, o.end, o.entry])).toEqual(expected.map((m) => [m.start, m.end, m.pattern]));
          }
        },
      ),
      { numRuns: 400, seed: 20261206 },
    );
    // Some damage must have been of the kind only matching finds (a loop in the links).
    expect(threw).toBeGreaterThan(0);
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
