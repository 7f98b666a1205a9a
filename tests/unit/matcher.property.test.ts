/**
 * Property-based tests for the matcher (core/matcher.ts), the match-text preparation
 * (core/normalize.ts) and the text model (core/text-model.ts).
 *
 * Every property compares the code under test with an independent, deliberately naive reference
 * written here from the documented rules, not from the implementation:
 *
 * - Folding: full-width ASCII U+FF01..U+FF5E to half-width, U+3000 to a space, then ASCII upper case
 *   to lower case. One code unit in, one out. Patterns are folded; the text given to `findMatches`
 *   is folded as well, after mapping every whitespace code unit to U+0020 (so raw text with no
 *   whitespace to drop can be matched in place, as findOccurrences does).
 * - prepareMatchText: every whitespace code unit becomes U+0020, except that a maximal whitespace
 *   run is dropped when the code point before it and the code point after it are Han (BMP CJK
 *   ranges, or the supplementary ideographic planes 2-3, U+20000..U+3FFFF).
 * - Leftmost-longest: scan left to right; at each code unit take the longest pattern (after
 *   folding) that matches there and passes the boundary rules (ties: the lowest pattern index,
 *   "the first of duplicate surfaces wins"); skip past it; otherwise advance one code unit.
 * - Boundary rules: a pattern that starts (ends) with an ASCII letter or digit does not match right
 *   after (before) an ASCII letter or digit of the folded text; a pattern made only of digits matches
 *   only between an opening and a closing quotation mark of the folded text (“‘「『"' and ”’」』"').
 *   The alphabets include letters, digits and quotation marks (full-width ones too) so these rules
 *   are exercised, and the reference implements them.
 *
 * Restrictions, on purpose:
 * - The text handed to `findMatches` in property 1 is either raw (unfolded) or prepared text; both
 *   are valid inputs (folding is idempotent).
 * - Patterns are not passed through prepareMatchText by the matcher (only folded), so a pattern
 *   holding whitespace between Han characters, or a non-ideographic space such as U+00A0, can never
 *   match prepared text. Such patterns do occur in the generated lists (substrings of raw text) and
 *   the reference agrees that they never match; patterns meant to match are drawn from prepared text.
 * - Offsets are checked to land on code-point boundaries, not grapheme boundaries: a pattern ending
 *   in "e" matches the "e" of "e\u0301" (the combining mark is a separate code point, not an ASCII
 *   letter or digit, so no boundary rule applies). That is how the matcher behaves today.
 * - No U+000D in DOM texts: the HTML parser normalises CR, so the raw text would not round-trip.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { buildAutomaton, type Match } from '../../core/matcher';
import { prepareMatchText } from '../../core/normalize';
import { collectBlocks, findOccurrences, findOccurrencesInBlocks, locate, type Block } from '../../core/text-model';

const NUM_RUNS = 250;

// ---------------------------------------------------------------------------------------------
// Independent reference
// ---------------------------------------------------------------------------------------------

function refFold(s: string): string {
  return s
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/[A-Z]/g, (ch) => ch.toLowerCase());
}

const SPACES = '\\t\\n\\f\\r \\u00a0\\u2000-\\u200b\\u202f\\u205f\\u3000\\ufeff';
const SPACE_RE = new RegExp(`^[${SPACES}]$`);
const SPACES_RE = new RegExp(`[${SPACES}]`, 'g');
function refIsSpace(cp: number): boolean {
  return cp <= 0xffff && SPACE_RE.test(String.fromCharCode(cp));
}

/** The text as the matcher reads it: every whitespace code unit a space, then folded. */
function refTextFold(s: string): string {
  return refFold(s.replace(SPACES_RE, ' '));
}

function refIsHan(cp: number): boolean {
  return (
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3ffff)
  );
}

interface CodePoint {
  cp: number;
  at: number;
  len: number;
}
function codePoints(s: string): CodePoint[] {
  const out: CodePoint[] = [];
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    out.push({ cp, at: i, len });
    i += len;
  }
  return out;
}

function refHasHan(s: string): boolean {
  return codePoints(s).some((c) => refIsHan(c.cp));
}

/** Reference prepareMatchText: the text to match and, per code unit, its raw offset. */
function refPrepare(raw: string): { text: string; offsets: number[] } {
  const cps = codePoints(raw);
  let text = '';
  const offsets: number[] = [];
  for (let k = 0; k < cps.length; ) {
    if (refIsSpace(cps[k]!.cp)) {
      let j = k;
      while (j < cps.length && refIsSpace(cps[j]!.cp)) j++;
      const drop = k > 0 && refIsHan(cps[k - 1]!.cp) && j < cps.length && refIsHan(cps[j]!.cp);
      if (!drop) {
        for (let q = k; q < j; q++) {
          text += ' ';
          offsets.push(cps[q]!.at);
        }
      }
      k = j;
      continue;
    }
    const c = cps[k]!;
    for (let u = 0; u < c.len; u++) {
      text += refFold(raw.charAt(c.at + u));
      offsets.push(c.at + u);
    }
    k++;
  }
  return { text, offsets };
}

const OPEN_QUOTES = ['“', '‘', '「', '『', '"', "'"];
const CLOSE_QUOTES = ['”', '’', '」', '』', '"', "'"];
const isAlnum = (ch: string | undefined) => ch !== undefined && /^[0-9A-Za-z]$/.test(ch);

function refBoundaryOk(text: string, start: number, end: number, pattern: string): boolean {
  if (/^[0-9]+$/.test(pattern)) {
    return start > 0 && end < text.length && OPEN_QUOTES.includes(text[start - 1]!) && CLOSE_QUOTES.includes(text[end]!);
  }
  if (isAlnum(pattern[0]) && isAlnum(text[start - 1])) return false;
  if (isAlnum(pattern[pattern.length - 1]) && isAlnum(text[end])) return false;
  return true;
}

/** Naive leftmost-longest search; offsets are into `given` (folding keeps the length). */
function refMatch(given: string, patterns: readonly string[]): Match[] {
  const text = refTextFold(given);
  const folded = patterns.map(refFold);
  const out: Match[] = [];
  let i = 0;
  while (i < text.length) {
    let best = -1;
    folded.forEach((p, k) => {
      if (p.length === 0 || !text.startsWith(p, i) || !refBoundaryOk(text, i, i + p.length, p)) return;
      if (best < 0 || p.length > folded[best]!.length) best = k;
    });
    if (best >= 0) {
      const end = i + folded[best]!.length;
      out.push({ start: i, end, pattern: best });
      i = end;
    } else {
      i++;
    }
  }
  return out;
}

/** Reference for the whole pipeline on raw text: raw offsets [start, end) and the pattern index. */
function refOccurrences(raw: string, patterns: readonly string[]): Array<{ start: number; end: number; pattern: number }> {
  const { text, offsets } = refPrepare(raw);
  return refMatch(text, patterns).map((m) => ({ start: offsets[m.start]!, end: offsets[m.end - 1]! + 1, pattern: m.pattern }));
}

function splitsSurrogatePair(s: string, offset: number): boolean {
  if (offset <= 0 || offset >= s.length) return false;
  const before = s.charCodeAt(offset - 1);
  const after = s.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

function fakeBlock(raw: string): Block {
  return { owner: null as unknown as Node, nodes: [], nodeStart: [], raw };
}

// ---------------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------------

/** One code point (as a string) of a small alphabet, Han-heavy so that matches are frequent. */
const charArb = fc.oneof(
  { arbitrary: fc.constantFrom('两', '个', '立'), weight: 8 },
  // Plane-2 Han (CJK ext. B), plane-3 Han (CJK ext. G), an emoji (not Han).
  { arbitrary: fc.constantFrom('𠀀', '𰀀', '😀'), weight: 2 },
  { arbitrary: fc.constantFrom('a', 'B', '1', '2', 'Ａ', '１'), weight: 4 },
  { arbitrary: fc.constantFrom(' ', '\u00a0', '\u3000', '\t', '\n'), weight: 3 },
  { arbitrary: fc.constantFrom('\u0301', '“', '”', '"', '、'), weight: 2 },
);

const cpsArb = fc.array(charArb, { maxLength: 24 });

interface TermPick {
  start: number;
  len: number;
  style: number;
}
const picksArb = fc.array(fc.record({ start: fc.nat(), len: fc.integer({ min: 1, max: 6 }), style: fc.nat() }), { maxLength: 6 });
const extrasArb = fc.array(fc.array(charArb, { minLength: 0, maxLength: 3 }).map((a) => a.join('')), { maxLength: 2 });

/** Rewrite a folded string into one of its unfolded spellings (upper case, full width, U+3000). */
function unfold(s: string, style: number): string {
  let out = '';
  let k = 0;
  for (const ch of s) {
    const v = (style >>> (2 * (k++ % 15))) & 3;
    const code = ch.charCodeAt(0);
    if (v === 1 && /^[a-z]$/.test(ch)) out += ch.toUpperCase();
    else if (v === 2 && code >= 0x21 && code <= 0x7e) out += String.fromCharCode(code + 0xfee0);
    else if (v === 3 && /^[a-z]$/.test(ch)) out += String.fromCharCode(code - 0x20 + 0xfee0);
    else if (v !== 0 && ch === ' ') out += '\u3000';
    else out += ch;
  }
  return out;
}

/** Terms: code-point-aligned substrings of `source`, re-spelled, plus a few random strings. */
function termsFrom(source: string, picks: readonly TermPick[], extras: readonly string[]): string[] {
  const cps = Array.from(source);
  const terms: string[] = [];
  for (const p of picks) {
    if (cps.length === 0) break;
    const start = p.start % cps.length;
    terms.push(unfold(cps.slice(start, start + p.len).join(''), p.style));
  }
  return [...terms, ...extras];
}

// ---------------------------------------------------------------------------------------------
// DOM helpers
// ---------------------------------------------------------------------------------------------

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function textNodesInOrder(node: Node, out: Text[] = []): Text[] {
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3) out.push(c as Text);
    else textNodesInOrder(c, out);
  }
  return out;
}

/** The text between two boundary points, walking the document's text nodes in tree order. */
function rangeText(all: readonly Text[], s: { node: Text; offset: number }, e: { node: Text; offset: number }): string {
  const si = all.indexOf(s.node);
  const ei = all.indexOf(e.node);
  if (si < 0 || ei < 0 || ei < si) throw new Error(`bad range: nodes ${si}..${ei}`);
  if (si === ei) return s.node.data.slice(s.offset, e.offset);
  let text = s.node.data.slice(s.offset);
  for (let k = si + 1; k < ei; k++) text += all[k]!.data;
  return text + e.node.data.slice(0, e.offset);
}

interface Decoration {
  tags: string[];
  /** Whitespace to insert at this cut when the characters on both sides are Han. */
  ws: string | null;
  wsTag: string;
}
const decorationArb: fc.Arbitrary<Decoration> = fc.record({
  tags: fc.array(fc.constantFrom('b', 'span', 'i'), { maxLength: 2 }),
  ws: fc.option(fc.constantFrom(' ', '\u00a0', '\u3000', '\n ', ' \u00a0 '), { nil: null }),
  wsTag: fc.constantFrom('', 'b', 'span', 'i'),
});

const wrap = (html: string, tags: readonly string[]) => tags.reduceRight((inner, t) => `<${t}>${inner}</${t}>`, html);

/**
 * Split `cps` at the cut points, wrap pieces in inline elements, and insert whitespace at cuts
 * between two Han characters. Returns the HTML and the raw text the block should read.
 */
function buildSplitHtml(cps: readonly string[], cuts: readonly number[], decorations: readonly Decoration[]): { html: string; raw: string } {
  const points = [...new Set(cuts.map((c) => c % (cps.length + 1)))].sort((a, b) => a - b);
  const bounds = [0, ...points.filter((p) => p > 0 && p < cps.length), cps.length];
  let html = '';
  let raw = '';
  for (let k = 0; k + 1 < bounds.length; k++) {
    const piece = cps.slice(bounds[k]!, bounds[k + 1]!).join('');
    const d = decorations.length > 0 ? decorations[k % decorations.length]! : { tags: [], ws: null, wsTag: '' };
    html += wrap(escapeHtml(piece), d.tags);
    raw += piece;
    const next = bounds[k + 1]!;
    if (d.ws !== null && next < cps.length && next > 0 && refIsHan(cps[next - 1]!.codePointAt(0)!) && refIsHan(cps[next]!.codePointAt(0)!)) {
      html += wrap(escapeHtml(d.ws), d.wsTag ? [d.wsTag] : []);
      raw += d.ws;
    }
  }
  return { html, raw };
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

describe('matcher properties (fast-check)', () => {
  it('0. regressions found by these properties: supplementary-plane Han', () => {
    // Plane 3 (CJK ext. G, U+30000) is Han: the space between it and other Han is dropped.
    expect(prepareMatchText('两 \u{30000}').text).toBe('两\u{30000}');
    // A block of only astral Han characters is still collected and matched.
    const { document } = parseHTML('<html><body><p>\u{20000}\u{20001}</p></body></html>');
    const { blocks } = collectBlocks(document.body as unknown as Node);
    expect(blocks.flatMap((b) => findOccurrences(b, buildAutomaton(['\u{20000}\u{20001}']), [0]))).toHaveLength(1);
  });

  it('1. matches equal a naive leftmost-longest reference', () => {
    fc.assert(
      fc.property(cpsArb, fc.boolean(), picksArb, extrasArb, (cps, prepared, picks, extras) => {
        const raw = cps.join('');
        const text = prepared ? prepareMatchText(raw).text : raw;
        const terms = termsFrom(text, picks, extras);
        expect(buildAutomaton(terms).findMatches(text)).toEqual(refMatch(text, terms));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('1b. the reference agrees on a dense digit/quote alphabet (boundary rules)', () => {
    // Quoted digit codes as tokens, so that bare digit patterns do meet their quotation marks.
    const dense = fc.array(
      fc.constantFrom('“12”', '「1」', '"21"', "'2'", '『12」', '＂12＂', '＇1＇', '“2＂', '1', '2', 'a', 'B', '两', '“', '”', '"', "'", '＂', '「', '」', ' '),
      { maxLength: 12 },
    );
    const digitTerms = fc.subarray(['12', '21', '1', '2', '１２', '12a', 'b1', '两1', '1两', '“1', '2”']);
    fc.assert(
      fc.property(dense, picksArb, digitTerms, (tokens, picks, fixed) => {
        const text = tokens.join('');
        const terms = [...termsFrom(text, picks, []), ...fixed];
        expect(buildAutomaton(terms).findMatches(text)).toEqual(refMatch(text, terms));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('2. matches are sorted, non-overlapping, and each is its folded pattern', () => {
    // Any Unicode text here (lone surrogates included), with terms cut from it. (Built from code
    // points: fc.string({ unit: 'binary' }) is slow to generate.)
    const anyChar = fc.oneof(
      fc.integer({ min: 0, max: 0x10ffff }).map((cp) => String.fromCodePoint(cp)),
      fc.integer({ min: 0xd800, max: 0xdfff }).map((cu) => String.fromCharCode(cu)),
      fc.constantFrom('a', 'B', '1', '两', '个', '“', '”'),
    );
    const anyText = fc.array(anyChar, { maxLength: 30 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.oneof(anyText, cpsArb.map((a) => a.join(''))), picksArb, extrasArb, (text, picks, extras) => {
        const terms = termsFrom(text, picks, extras);
        const matches = buildAutomaton(terms).findMatches(text);
        let lastEnd = 0;
        for (const m of matches) {
          expect(m.start).toBeGreaterThanOrEqual(lastEnd);
          expect(m.end).toBeGreaterThan(m.start);
          expect(m.end).toBeLessThanOrEqual(text.length);
          expect(m.pattern).toBeGreaterThanOrEqual(0);
          expect(m.pattern).toBeLessThan(terms.length);
          expect(refTextFold(text.slice(m.start, m.end))).toBe(refFold(terms[m.pattern]!));
          lastEnd = m.end;
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('3. raw occurrences equal the reference, normalise to their surface form, and keep code points whole', () => {
    fc.assert(
      fc.property(cpsArb, picksArb, picksArb, extrasArb, (cps, picksPrepared, picksRaw, extras) => {
        const raw = cps.join('');
        // Terms from the prepared text (can match) and from the raw text (may hold dropped spaces).
        const terms = [...termsFrom(prepareMatchText(raw).text, picksPrepared, []), ...termsFrom(raw, picksRaw, extras)];
        const occ = findOccurrences(fakeBlock(raw), buildAutomaton(terms), terms.map((_, i) => i));
        expect(occ.map((o) => ({ start: o.start, end: o.end, pattern: o.entry }))).toEqual(refOccurrences(raw, terms));
        for (const o of occ) {
          const slice = raw.slice(o.start, o.end);
          expect(refPrepare(slice).text).toBe(refFold(terms[o.entry]!));
          expect(splitsSurrogatePair(raw, o.start)).toBe(false);
          expect(splitsSurrogatePair(raw, o.end)).toBe(false);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('4. terms split across inline elements are found and located in the DOM', () => {
    fc.assert(
      fc.property(
        cpsArb,
        picksArb,
        extrasArb,
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.array(decorationArb, { maxLength: 9 }),
        (cps, picks, extras, cuts, decorations) => {
          const unsplit = cps.join('');
          const terms = termsFrom(prepareMatchText(unsplit).text, picks, extras);
          const { html, raw } = buildSplitHtml(cps, cuts, decorations);
          const { document } = parseHTML(`<!doctype html><html><body><p>${html}</p></body></html>`);
          const body = document.body as unknown as Node;
          const { blocks } = collectBlocks(body);

          // The block reads exactly the text that was split up (when it holds any Han character).
          expect(blocks.map((b) => b.raw)).toEqual(refHasHan(unsplit) ? [raw] : []);

          const automaton = buildAutomaton(terms);
          const identity = terms.map((_, i) => i);
          const occ = blocks.flatMap((b) => findOccurrences(b, automaton, identity));
          // Same occurrences as matching the unsplit text (inserted spaces sit between Han characters).
          const expected = refHasHan(unsplit) ? refOccurrences(unsplit, terms) : [];
          expect(occ.map((o) => o.entry)).toEqual(expected.map((m) => m.pattern));
          expect(occ.length).toBe(findOccurrences(fakeBlock(unsplit), automaton, identity).length * (refHasHan(unsplit) ? 1 : 0));

          const all = textNodesInOrder(body);
          for (const o of occ) {
            const s = locate(o.block, o.start, false);
            const e = locate(o.block, o.end, true);
            // A start points into the node holding its first character, an end into the node holding its last.
            expect(s.offset).toBeGreaterThanOrEqual(0);
            expect(s.offset).toBeLessThan(s.node.data.length);
            expect(e.offset).toBeGreaterThan(0);
            expect(e.offset).toBeLessThanOrEqual(e.node.data.length);
            expect(splitsSurrogatePair(s.node.data, s.offset)).toBe(false);
            expect(splitsSurrogatePair(e.node.data, e.offset)).toBe(false);
            const text = rangeText(all, s, e);
            expect(text).toBe(o.block.raw.slice(o.start, o.end));
            expect(refPrepare(text).text).toBe(refFold(terms[o.entry]!));
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('5. one call over many blocks finds, block by block, what the reference finds in each', () => {
    fc.assert(
      fc.property(fc.array(cpsArb, { minLength: 1, maxLength: 6 }), picksArb, extrasArb, (blocksCps, picks, extras) => {
        const raws = blocksCps.map((cps) => cps.join(''));
        // Terms drawn across block boundaries too: they must never match across one.
        const terms = termsFrom(prepareMatchText(raws.join('')).text, picks, extras);
        const blocks = raws.map(fakeBlock);
        const found = findOccurrencesInBlocks(blocks, buildAutomaton(terms), terms.map((_, i) => i));
        const expected = raws.flatMap((raw, b) => refOccurrences(raw, terms).map((o) => ({ block: b, ...o })));
        expect(found.map((o) => ({ block: blocks.indexOf(o.block), start: o.start, end: o.end, pattern: o.entry }))).toEqual(expected);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
