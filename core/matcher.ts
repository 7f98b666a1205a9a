/**
 * Aho-Corasick automaton with leftmost-longest selection.
 *
 * Patterns and text are matched as UTF-16 code units, so offsets are DOM offsets. Cost per character
 * does not grow with the number of patterns; building is linear in their total length.
 * Measured against mark.js and a RegExp alternation in bench/ (docs/performance.md).
 */
import { foldString, foldTextCode } from './normalize';

export interface Match {
  /** Offset of the first code unit, in the text given to `findMatches`. */
  start: number;
  /** Offset after the last code unit. */
  end: number;
  /** Index of the pattern in the list given to `buildAutomaton`. */
  pattern: number;
}

export interface Automaton {
  readonly patternCount: number;
  readonly stateCount: number;
  /** Non-overlapping matches, leftmost first, longest at each start. */
  findMatches(text: string): Match[];
  /**
   * The matches of many texts in one call, each text matched on its own (as findMatches would),
   * text by text in findMatches' order. One call for a page's blocks, with no copy of their text
   * and no object per match (docs/performance.md). The list is reused: read it before the next call.
   */
  scanTexts(texts: readonly string[]): MatchList;
}

/** Matches as parallel arrays: match i is in text `text[i]`, at [start[i], end[i]), of pattern `pattern[i]`. */
export interface MatchList {
  count: number;
  text: Int32Array;
  start: Int32Array;
  end: Int32Array;
  pattern: Int32Array;
}

const ROOT = 0;

/**
 * The automaton as plain arrays, so it can be built once (by the glossary build) and shipped in the
 * match index instead of being rebuilt on every page (docs/performance.md, "Why it is fast").
 * States are numbered in creation order (a pattern's states mostly consecutive, which keeps matching
 * with a large automaton in cache: breadth-first numbering measured ~35% slower with 20,000 terms):
 * state t (t >= 1) is created by transition t - 1, from `from[t - 1]` (a lower state) on `code[t - 1]`,
 * and its depth is derived when loading.
 */
export interface AutomatonTables {
  from: ArrayLike<number>;
  code: ArrayLike<number>;
  /** Per state: failure link; nearest terminal proper suffix (or 0); pattern ending here (or -1). */
  fail: ArrayLike<number>;
  dict: ArrayLike<number>;
  terminal: ArrayLike<number>;
  /** Per pattern: 1 = starts with an ASCII letter or digit, 2 = ends with one, 4 = all digits. */
  edges: ArrayLike<number>;
}

const TABLE_KEYS = ['from', 'code', 'fail', 'dict', 'terminal', 'edges'] as const;

/**
 * The tables packed as one string per array, as they travel through extension storage: a string
 * is read back in one piece, where an array of 25,000 numbers costs ~8 ms more per page (measured in
 * Chromium, docs/performance.md). Each value v >= -1 is stored as v + 1: one code unit from U+0100
 * when every value fits below the surrogates, else two (base 32768); the first character says which.
 */
export type PackedAutomaton = Record<(typeof TABLE_KEYS)[number], string>;

const PACK_BASE = 0x100;
const ONE_UNIT_LIMIT = 0xd800 - PACK_BASE;

export function packAutomaton(tables: AutomatonTables): PackedAutomaton {
  const pack = (list: ArrayLike<number>): string => {
    let max = 0;
    for (let i = 0; i < list.length; i++) max = Math.max(max, list[i]! + 1);
    if (max >= 2 ** 30) throw new Error('automaton too large to pack');
    const units: number[] = [];
    if (max < ONE_UNIT_LIMIT) for (let i = 0; i < list.length; i++) units.push(PACK_BASE + list[i]! + 1);
    else for (let i = 0; i < list.length; i++) units.push(PACK_BASE + ((list[i]! + 1) >> 15), PACK_BASE + ((list[i]! + 1) & 0x7fff));
    let out = max < ONE_UNIT_LIMIT ? '1' : '2';
    for (let k = 0; k < units.length; k += 8192) out += String.fromCharCode(...units.slice(k, k + 8192));
    return out;
  };
  return Object.fromEntries(TABLE_KEYS.map((k) => [k, pack(tables[k])])) as PackedAutomaton;
}

export function unpackAutomaton(packed: unknown): AutomatonTables {
  if (typeof packed !== 'object' || packed === null) throw new AutomatonTablesError('automaton tables: missing');
  const unpack = (s: unknown): Int32Array => {
    if (typeof s !== 'string' || (s[0] !== '1' && s[0] !== '2')) throw new AutomatonTablesError('automaton tables: not packed');
    const width = s[0] === '1' ? 1 : 2;
    if ((s.length - 1) % width !== 0) throw new AutomatonTablesError('automaton tables: truncated');
    const out = new Int32Array((s.length - 1) / width);
    if (width === 1) for (let i = 0; i < out.length; i++) out[i] = s.charCodeAt(1 + i) - PACK_BASE - 1;
    else for (let i = 0; i < out.length; i++) out[i] = ((s.charCodeAt(1 + 2 * i) - PACK_BASE) << 15) + (s.charCodeAt(2 + 2 * i) - PACK_BASE) - 1;
    return out;
  };
  const p = packed as Record<string, unknown>;
  return Object.fromEntries(TABLE_KEYS.map((k) => [k, unpack(p[k])])) as unknown as AutomatonTables;
}

export function buildAutomaton(rawPatterns: readonly string[]): Automaton {
  return loadAutomaton(compileAutomaton(rawPatterns));
}

export function compileAutomaton(rawPatterns: readonly string[]): AutomatonTables {
  // The trie, states in creation order: goto function in one Map keyed by state * 65536 + code unit.
  const next = new Map<number, number>();
  const from: number[] = [];
  const code: number[] = [];
  const children: Array<Array<[number, number]>> = [[]];
  const terminal: number[] = [-1]; // pattern ending at this state, or -1
  // Patterns that start or end with an ASCII letter or digit (digit codes like 356, 1353) must not
  // match inside a longer word or number: 13560 does not contain the code 356.
  // A bare digit code (all digits) matches only inside quotation marks: official text writes “1353”,
  // while 第1353段 or 356元 are ordinary numbers.
  const edges: number[] = [];

  rawPatterns.forEach((raw, p) => {
    const pattern = foldString(raw);
    edges.push(
      (isAsciiAlnum(pattern.charCodeAt(0)) ? 1 : 0) | (isAsciiAlnum(pattern.charCodeAt(pattern.length - 1)) ? 2 : 0) | (/^[0-9]+$/.test(pattern) ? 4 : 0),
    );
    if (pattern.length === 0) return;
    let s = ROOT;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern.charCodeAt(i);
      const key = s * 65536 + c;
      let t = next.get(key);
      if (t === undefined) {
        t = terminal.length;
        terminal.push(-1);
        children.push([]);
        children[s]!.push([c, t]);
        next.set(key, t);
        from.push(s);
        code.push(c);
      }
      s = t;
    }
    if (terminal[s] === -1) terminal[s] = p; // the first of duplicate surfaces wins
  });

  // Failure and dictionary links, breadth-first (a state's links are set before its children's).
  const stateCount = terminal.length;
  const fail = new Array<number>(stateCount).fill(ROOT);
  const dict = new Array<number>(stateCount).fill(ROOT); // nearest proper suffix state that is terminal, or 0
  const queue: number[] = [ROOT];
  for (let qi = 0; qi < queue.length; qi++) {
    const s = queue[qi]!;
    for (const [c, t] of children[s]!) {
      if (s !== ROOT) {
        let f = fail[s]!;
        let g: number | undefined;
        while ((g = next.get(f * 65536 + c)) === undefined && f !== ROOT) f = fail[f]!;
        const ft = g !== undefined && g !== t ? g : ROOT;
        fail[t] = ft;
        dict[t] = terminal[ft]! >= 0 ? ft : dict[ft]!;
      }
      queue.push(t);
    }
  }
  return { from, code, fail, dict, terminal, edges };
}

/** Thrown by loadAutomaton for tables that are not a well-formed automaton (a damaged stored index). */
export class AutomatonTablesError extends Error {}

/**
 * The matching automaton from its tables. The tables may come from storage, so they are checked
 * first: indices in range, depth one more along every transition, failure and dictionary links to
 * shallower states (so following them always ends at the root). A failed check throws.
 */
export function loadAutomaton(tables: AutomatonTables): Automaton {
  const { from, code, fail: failList, dict: dictList, terminal: terminalList, edges: edgeList } = tables;
  const isList = (x: unknown): x is ArrayLike<number> => Array.isArray(x) || x instanceof Int32Array;
  if (![from, code, failList, dictList, terminalList, edgeList].every(isList)) throw new AutomatonTablesError('automaton tables: not arrays');
  const stateCount = failList.length;
  const patternCount = edgeList.length;
  if (stateCount < 1 || dictList.length !== stateCount || terminalList.length !== stateCount)
    throw new AutomatonTablesError('automaton tables: state arrays differ in length');
  if (from.length !== stateCount - 1 || code.length !== stateCount - 1) throw new AutomatonTablesError('automaton tables: one transition per state expected');
  const fail = Int32Array.from(failList);
  const dict = Int32Array.from(dictList);
  const terminal = Int32Array.from(terminalList);
  const edgeAlnum = Int32Array.from(edgeList);
  // Depth is derived (a state's parent has a lower number); then every link is checked to lead to a
  // shallower state, so failure and dictionary chains always end at the root.
  const depth = new Int32Array(stateCount);
  if (fail[0] !== ROOT || dict[0] !== ROOT || terminal[0] !== -1) throw new AutomatonTablesError('automaton tables: bad root');
  for (let t = 1; t < stateCount; t++) {
    const parent = from[t - 1]!;
    if (!Number.isInteger(parent) || parent < 0 || parent >= t) throw new AutomatonTablesError(`automaton tables: bad parent of state ${t}`);
    depth[t] = depth[parent]! + 1;
  }
  for (let t = 1; t < stateCount; t++) {
    const f = fail[t]!;
    const d = dict[t]!;
    if (f < 0 || f >= stateCount || depth[f]! >= depth[t]!) throw new AutomatonTablesError(`automaton tables: bad failure link at state ${t}`);
    if (d < 0 || d >= stateCount || (d !== ROOT && (depth[d]! >= depth[t]! || terminal[d]! < 0)))
      throw new AutomatonTablesError(`automaton tables: bad dictionary link at state ${t}`);
    if (terminal[t]! < -1 || terminal[t]! >= patternCount) throw new AutomatonTablesError(`automaton tables: bad terminal at state ${t}`);
  }
  // For matching, transitions live in flat typed arrays: the root's as a dense table (0 = stay at
  // the root), the others in an open-addressing hash. A Map of 60,000 numeric keys (20,000 terms) was
  // 2-3x slower per character than one of 2,000 (docs/performance.md, "scale").
  const usedCode = new Uint8Array(65536);
  // What the matcher reads for each text code unit: its folded form when some pattern uses that, else
  // -1 (back to the root). One table lookup per character instead of two function calls: the loop
  // mostly runs before the JIT has optimised it, where calls are what costs (docs/performance.md).
  const codeClass = new Int32Array(65536).fill(-1);
  const rootNext = new Int32Array(65536);
  let size = 16;
  while (size < code.length * 2) size *= 2;
  const mask = size - 1;
  const slotState = new Int32Array(size).fill(-1);
  const slotCode = new Uint16Array(size);
  const slotTarget = new Int32Array(size);
  for (let i = 0; i < code.length; i++) {
    const f = from[i]!;
    const c = code[i]!;
    const t = i + 1;
    if (!Number.isInteger(c) || c < 0 || c > 0xffff) throw new AutomatonTablesError(`automaton tables: bad transition ${i}`);
    usedCode[c] = 1;
    codeClass[c] = c;
    if (f === ROOT) {
      rootNext[c] = t;
      continue;
    }
    let h = slotOf(f, c) & mask;
    while (slotState[h] !== -1) h = (h + 1) & mask;
    slotState[h] = f;
    slotCode[h] = c;
    slotTarget[h] = t;
  }

  for (const c of FOLDED_SOURCES) {
    const f = foldTextCode(c);
    codeClass[c] = usedCode[f] === 1 ? f : -1;
  }

  // Candidates of the text being scanned, in the order they are found (by end), and the kept
  // matches of a call: typed arrays reused between calls, so matching a page allocates no object
  // per match (garbage collection was ~15% of a long page's first paint; docs/performance.md).
  let candStart = new Int32Array(64);
  let candEnd = new Int32Array(64);
  let candPattern = new Int32Array(64);
  let order = new Int32Array(64);
  const kept: MatchList = { count: 0, text: new Int32Array(256), start: new Int32Array(256), end: new Int32Array(256), pattern: new Int32Array(256) };

  function scanTexts(texts: readonly string[]): MatchList {
    kept.count = 0;
    for (let t = 0; t < texts.length; t++) {
      const n = scanText(texts[t]!);
      if (n > 0) keepLeftmostLongest(t, n);
    }
    return kept;
  }

  /**
   * One text's candidates into the candidate arrays; returns their number. A function of its own, so
   * that the character loop is its outermost loop: V8 compiles a hot loop on the stack (OSR), and
   * code entered at a loop nested in another deoptimises whenever that loop exits. With the loop
   * over texts around it here, that was at the end of every block of a page (~130 times on the
   * 2 MB benchmark page, traced with --trace-deopt), each time falling back to unoptimised code.
   */
  function scanText(text: string): number {
    const length = text.length;
    let n = 0;
    let s = ROOT;
    for (let i = 0; i < length; i++) {
      // Folded here as well, so raw text with no whitespace to drop can be matched without a copy.
      const c = codeClass[text.charCodeAt(i)]!;
      if (c < 0) {
        s = ROOT;
        continue;
      }
      // Follow failure links until a state has a transition on c; the root's are a dense table,
      // since most characters of a page are read at the root.
      for (;;) {
        if (s === ROOT) {
          s = rootNext[c]!;
          break;
        }
        let h = slotOf(s, c) & mask;
        let next = -1;
        for (let st = slotState[h]!; st !== -1; h = (h + 1) & mask, st = slotState[h]!) {
          if (st === s && slotCode[h] === c) {
            next = slotTarget[h]!;
            break;
          }
        }
        if (next >= 0) {
          s = next;
          break;
        }
        s = fail[s]!;
      }
      let o = terminal[s]! >= 0 ? s : dict[s]!;
      while (o !== ROOT) {
        const p = terminal[o]!;
        const start = i + 1 - depth[o]!;
        const edges = edgeAlnum[p]!;
        if (
          edges === 0 ||
          ((edges & 4) !== 0
            ? start > 0 && i + 1 < length && OPEN_QUOTES.includes(text.charAt(start - 1)) && CLOSE_QUOTES.includes(text.charAt(i + 1))
            : !((edges & 1) !== 0 && start > 0 && isAsciiAlnum(foldTextCode(text.charCodeAt(start - 1)))) &&
              !((edges & 2) !== 0 && i + 1 < length && isAsciiAlnum(foldTextCode(text.charCodeAt(i + 1)))))
        ) {
          if (n === candStart.length) growCandidates();
          candStart[n] = start;
          candEnd[n] = i + 1;
          candPattern[n] = p;
          n++;
        }
        o = dict[o]!;
      }
    }
    return n;
  }

  /**
   * Keep the leftmost-longest of the text's n candidates: by start, then longest; anything
   * overlapping a kept match is dropped. Candidates arrive by end, so by start they are nearly in
   * order already: an insertion sort of their indices is linear in practice and calls no comparator.
   */
  function keepLeftmostLongest(t: number, n: number): void {
    for (let k = 0; k < n; k++) {
      const start = candStart[k]!;
      const end = candEnd[k]!;
      let j = k - 1;
      while (j >= 0) {
        const other = order[j]!;
        const os = candStart[other]!;
        if (os < start || (os === start && candEnd[other]! >= end)) break;
        order[j + 1] = other;
        j--;
      }
      order[j + 1] = k;
    }
    let lastEnd = -1;
    for (let k = 0; k < n; k++) {
      const m = order[k]!;
      if (candStart[m]! < lastEnd) continue;
      if (kept.count === kept.start.length) growKept();
      const i = kept.count++;
      kept.text[i] = t;
      kept.start[i] = candStart[m]!;
      kept.end[i] = candEnd[m]!;
      kept.pattern[i] = candPattern[m]!;
      lastEnd = candEnd[m]!;
    }
  }

  function growCandidates(): void {
    candStart = widen(candStart);
    candEnd = widen(candEnd);
    candPattern = widen(candPattern);
    order = new Int32Array(candStart.length);
  }

  function growKept(): void {
    kept.text = widen(kept.text);
    kept.start = widen(kept.start);
    kept.end = widen(kept.end);
    kept.pattern = widen(kept.pattern);
  }

  function findMatches(text: string): Match[] {
    const list = scanTexts([text]);
    const out: Match[] = [];
    for (let i = 0; i < list.count; i++) out.push({ start: list.start[i]!, end: list.end[i]!, pattern: list.pattern[i]! });
    return out;
  }

  return { patternCount, stateCount, findMatches, scanTexts };
}

/** Every code unit that foldTextCode changes: full-width ASCII, upper-case ASCII, whitespace. */
const FOLDED_SOURCES: number[] = (() => {
  const out: number[] = [];
  for (let c = 0xff01; c <= 0xff5e; c++) out.push(c);
  for (let c = 0x41; c <= 0x5a; c++) out.push(c);
  for (const c of [0x09, 0x0a, 0x0c, 0x0d, 0xa0, 0x3000, 0x202f, 0x205f, 0xfeff]) out.push(c);
  for (let c = 0x2000; c <= 0x200b; c++) out.push(c);
  return out;
})();

/** Hash of a transition (state, code unit) for the open-addressing table. */
function slotOf(state: number, code: number): number {
  return (Math.imul(state, 0x9e3779b1) ^ Math.imul(code, 0x85ebca77)) >>> 0;
}

/** Quotation marks that may enclose a digit code: curly, corner, straight and full-width. */
const OPEN_QUOTES = '“‘「『"\'＂＇';
const CLOSE_QUOTES = '”’」』"\'＂＇';

function isAsciiAlnum(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

/** A typed array twice as long, with the same values first. */
function widen(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
