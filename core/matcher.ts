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
 * The automaton as plain arrays, as compileAutomaton makes it from the patterns.
 * States are numbered in creation order (a pattern's states mostly consecutive, which keeps matching
 * with a large automaton in cache: breadth-first numbering measured ~35% slower with 20,000 terms):
 * state t (t >= 1) is created by transition t - 1, from `from[t - 1]` (a lower state) on `code[t - 1]`.
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

/**
 * The automaton laid out for matching, in the typed arrays the matcher reads. Laid out once, by the
 * glossary build, and shipped in the match index (packAutomaton), so that a page only decodes it:
 * loading then does no work per state (20,000 terms load in ~2 ms, ours in ~1: docs/performance.md,
 * "Scale"). Transitions are flat typed arrays rather than a Map: a Map of 60,000 numeric keys (20,000
 * terms) was 2-3x slower per character than one of 2,000.
 */
export interface AutomatonLayout {
  stateCount: number;
  patternCount: number;
  /** The root's transitions: code unit, target state. */
  rootCode: CodeUnits;
  rootTarget: Values;
  /** Every code unit some pattern uses. */
  usedCode: CodeUnits;
  /**
   * The other transitions, in an open-addressing hash (linear probing from `slotOf`) whose size is a
   * power of two: source state (0 = empty slot, the root's transitions are not here), code unit, target.
   */
  slotState: Values;
  slotCode: CodeUnits;
  slotTarget: Values;
  /** Per state: failure link; nearest terminal proper suffix (or 0); pattern ending here + 1 (or 0); depth. */
  fail: Values;
  dict: Values;
  terminal: Values;
  depth: Values;
  /** Per pattern: AutomatonTables.edges. */
  edges: Values;
}

/**
 * Non-negative values: Int32Array as laid out; as unpacked, a view of the decoded bytes in their
 * packed width (no copy: converting 20,000 terms' tables to Int32Array took ~2 ms).
 */
type Values = Int32Array | Uint32Array | Uint16Array | Uint8Array;
type CodeUnits = Uint16Array | Uint8Array;

const LAYOUT_ARRAYS = ['rootCode', 'rootTarget', 'usedCode', 'slotState', 'slotCode', 'slotTarget', 'fail', 'dict', 'terminal', 'depth', 'edges'] as const;
type LayoutArray = (typeof LAYOUT_ARRAYS)[number];
const CODE_ARRAYS: ReadonlySet<LayoutArray> = new Set(['rootCode', 'usedCode', 'slotCode']);

/**
 * Bounds that every automaton we lay out keeps, so that matching can bound its own work and never
 * hangs on tables damaged in storage, without checking every state when a page loads them:
 * the longest run of occupied hash slots (a lookup probes at most that many), and the most patterns
 * ending at one position (the dictionary chain of a state). Matching a text of n code units then
 * takes at most n failure steps, 2n lookups and MAX_ENDINGS * n dictionary steps; a scan that takes
 * more than SCAN_STEPS_PER_UNIT * n + SCAN_STEPS_BASE steps is on damaged tables and stops.
 */
const MAX_SLOT_RUN = 128;
const MAX_ENDINGS = 64;
const SCAN_STEPS_PER_UNIT = 1 + 2 * MAX_SLOT_RUN + MAX_ENDINGS;
const SCAN_STEPS_BASE = 1024;

/** The packed layout's format; a stored index in another format is rebuilt from its patterns. */
export const AUTOMATON_FORMAT = 2;

/**
 * The layout packed for extension storage: each array as one string, its values' byte width (1, 2 or
 * 4, the least that holds them) followed by their little-endian bytes in base64. Decoding is then one
 * native call per array (`Uint8Array.fromBase64`), read in place through a typed-array view, with no
 * loop over values (docs/performance.md, "Scale").
 */
export type PackedAutomaton = { format: typeof AUTOMATON_FORMAT; stateCount: number; patternCount: number } & Record<LayoutArray, string>;

/** Thrown for tables that are not a well-formed automaton (a damaged stored index), when laid out, loaded, or matched with. */
export class AutomatonTablesError extends Error {}

export function buildAutomaton(rawPatterns: readonly string[]): Automaton {
  return loadAutomaton(layoutAutomaton(compileAutomaton(rawPatterns)));
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

/**
 * The tables laid out for matching (by the glossary build; on a page only when its index has no usable
 * layout). The tables are compileAutomaton's, sound by construction: the property tests hold its
 * matching to a reference. Pages never load tables, only layouts, whose damage matching itself
 * survives (loadAutomaton). The bounds matching relies on are kept here: the hash grows until no run
 * of occupied slots is longer than MAX_SLOT_RUN, and no position may end more than MAX_ENDINGS patterns.
 */
export function layoutAutomaton(tables: AutomatonTables): AutomatonLayout {
  const { from, code } = tables;
  const stateCount = tables.fail.length;
  const patternCount = tables.edges.length;
  const fail = Int32Array.from(tables.fail);
  const dict = Int32Array.from(tables.dict);
  const edges = Int32Array.from(tables.edges);
  const terminal = Int32Array.from(tables.terminal, (p) => p + 1);
  // A state's parent has a lower number, so depths come in one pass.
  const depth = new Int32Array(stateCount);
  for (let t = 1; t < stateCount; t++) depth[t] = depth[from[t - 1]!]! + 1;
  // Patterns ending at a position: those of the state reached and of its dictionary chain (states
  // taken by depth, so a chain's next state is counted before it).
  const byDepth = Array.from({ length: stateCount }, (_, t) => t).sort((a, b) => depth[a]! - depth[b]!);
  const endings = new Int32Array(stateCount);
  for (const t of byDepth) {
    endings[t] = (terminal[t] !== 0 ? 1 : 0) + (dict[t] === ROOT ? 0 : endings[dict[t]!]!);
    if (endings[t]! > MAX_ENDINGS) throw new AutomatonTablesError(`automaton tables: more than ${MAX_ENDINGS} patterns end at state ${t}`);
  }
  const rootCode: number[] = [];
  const rootTarget: number[] = [];
  const used = new Set<number>();
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    used.add(c);
    if (from[i] === ROOT) rootCode.push(c), rootTarget.push(i + 1);
  }
  let size = 16;
  while (size < code.length * 2) size *= 2;
  for (;;) {
    const slots = hashTransitions(from, code, size);
    if (slots) {
      return {
        stateCount,
        patternCount,
        rootCode: Uint16Array.from(rootCode),
        rootTarget: Int32Array.from(rootTarget),
        usedCode: Uint16Array.from([...used].sort((a, b) => a - b)),
        ...slots,
        fail,
        dict,
        terminal,
        depth,
        edges,
      };
    }
    size *= 2;
  }
}

/** The non-root transitions hashed into `size` slots, or null when a run of occupied slots is longer than MAX_SLOT_RUN. */
function hashTransitions(from: ArrayLike<number>, code: ArrayLike<number>, size: number) {
  const mask = size - 1;
  const slotState = new Int32Array(size);
  const slotCode = new Uint16Array(size);
  const slotTarget = new Int32Array(size);
  for (let i = 0; i < code.length; i++) {
    const f = from[i]!;
    if (f === ROOT) continue;
    let h = slotOf(f, code[i]!) & mask;
    while (slotState[h] !== 0) h = (h + 1) & mask;
    slotState[h] = f;
    slotCode[h] = code[i]!;
    slotTarget[h] = i + 1;
  }
  // Longest run of occupied slots, wrapping around (a lookup that misses probes a whole run).
  let run = 0;
  for (let k = 0; k < 2 * size; k++) {
    run = slotState[k & mask] !== 0 ? run + 1 : 0;
    if (run > MAX_SLOT_RUN) return null;
  }
  return { slotState, slotCode, slotTarget };
}

export function packAutomaton(layout: AutomatonLayout): PackedAutomaton {
  const pack = (name: LayoutArray, list: ArrayLike<number>): string => {
    let max = 0;
    for (let i = 0; i < list.length; i++) {
      if (list[i]! < 0) throw new Error(`automaton layout: negative value in ${name}`);
      max = Math.max(max, list[i]!);
    }
    const width = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
    // Little-endian bytes (written by hand: `DataView` is also the name of a component, which WXT
    // auto-imports into every module).
    const bytes = new Uint8Array(list.length * width);
    for (let i = 0; i < list.length; i++) for (let b = 0; b < width; b++) bytes[i * width + b] = (list[i]! >>> (8 * b)) & 0xff;
    return String(width) + toBase64(bytes);
  };
  const out: Record<string, unknown> = { format: AUTOMATON_FORMAT, stateCount: layout.stateCount, patternCount: layout.patternCount };
  for (const name of LAYOUT_ARRAYS) out[name] = pack(name, layout[name]);
  return out as PackedAutomaton;
}

/**
 * The layout from its packed form, as it comes from storage. Only its shape is checked here (format,
 * counts, encoding; lengths when it is loaded): nothing is done per state, and matching bounds its own
 * work (loadAutomaton), so damaged values cannot hang a page; they throw AutomatonTablesError when met.
 */
export function unpackAutomaton(packed: unknown): AutomatonLayout {
  if (typeof packed !== 'object' || packed === null) throw new AutomatonTablesError('automaton tables: missing');
  const p = packed as Record<string, unknown>;
  if (p.format !== AUTOMATON_FORMAT) throw new AutomatonTablesError('automaton tables: another format');
  const { stateCount, patternCount } = p;
  if (!Number.isInteger(stateCount) || !Number.isInteger(patternCount) || (stateCount as number) < 1 || (patternCount as number) < 0)
    throw new AutomatonTablesError('automaton tables: bad counts');
  // Typed arrays over the bytes are read in the host's order: on a big-endian host (none that runs
  // these browsers today) the page builds the automaton from the patterns instead.
  if (!LITTLE_ENDIAN) throw new AutomatonTablesError('automaton tables: big-endian host');
  const out: Record<string, unknown> = { stateCount, patternCount };
  for (const name of LAYOUT_ARRAYS) {
    const s = p[name];
    const width = typeof s === 'string' ? Number(s[0]) : NaN;
    let bytes: Uint8Array | null = null;
    try {
      if (typeof s === 'string' && (width === 1 || width === 2 || (width === 4 && !CODE_ARRAYS.has(name)))) bytes = fromBase64(s.slice(1));
    } catch {
      // not base64
    }
    if (!bytes || bytes.length % width !== 0) throw new AutomatonTablesError(`automaton tables: ${name} damaged`);
    const length = bytes.length / width;
    out[name] = width === 1 ? bytes : width === 2 ? new Uint16Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, length) : new Uint32Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, length);
  }
  return out as unknown as AutomatonLayout;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

type Base64Codec = { fromBase64?: (s: string) => Uint8Array };

/** Base64 to bytes: natively where the browser has it (Chromium 140, Firefox 133), else through atob. */
function fromBase64(s: string): Uint8Array {
  const native = (Uint8Array as unknown as Base64Codec).fromBase64;
  if (native) return native(s);
  const binary = atob(s);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let k = 0; k < bytes.length; k += 8192) binary += String.fromCharCode(...bytes.subarray(k, k + 8192));
  return btoa(binary);
}

/**
 * The matching automaton from its layout. Only the root's dense tables are built here (work that does
 * not grow with the automaton); the layout's shape is checked, and every loop of matching is bounded
 * (SCAN_STEPS_PER_UNIT), so damaged values make a scan throw AutomatonTablesError instead of hanging,
 * and no match it reports lies outside its text or names a pattern that does not exist.
 */
export function loadAutomaton(layout: AutomatonLayout): Automaton {
  const { stateCount, patternCount, rootCode, rootTarget, usedCode, slotState, slotCode, slotTarget, fail, dict, terminal, depth, edges: edgeAlnum } = layout;
  const size = slotState.length;
  if (
    fail.length !== stateCount ||
    dict.length !== stateCount ||
    terminal.length !== stateCount ||
    depth.length !== stateCount ||
    edgeAlnum.length !== patternCount ||
    rootCode.length !== rootTarget.length ||
    slotCode.length !== size ||
    slotTarget.length !== size ||
    size < 1 ||
    (size & (size - 1)) !== 0
  )
    throw new AutomatonTablesError('automaton tables: arrays of the wrong length');
  const mask = size - 1;
  // The root's transitions as a dense table (0 = stay at the root), since most characters of a page are
  // read at the root.
  const rootNext = new Int32Array(65536);
  for (let i = 0; i < rootCode.length; i++) {
    const t = rootTarget[i]!;
    if (t < 1 || t >= stateCount) throw new AutomatonTablesError(`automaton tables: bad root transition ${i}`);
    rootNext[rootCode[i]!] = t;
  }
  // What the matcher reads for each text code unit: its folded form when some pattern uses that, else
  // -1 (back to the root). One table lookup per character instead of two function calls: the loop
  // mostly runs before the JIT has optimised it, where calls are what costs (docs/performance.md).
  const codeClass = new Int32Array(65536).fill(-1);
  for (let i = 0; i < usedCode.length; i++) codeClass[usedCode[i]!] = usedCode[i]!;
  // A folded form is never itself folded again, so its entry above says whether a pattern uses it.
  for (const c of FOLDED_SOURCES) {
    const f = foldTextCode(c);
    codeClass[c] = codeClass[f] === f ? f : -1;
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
    // Steps left for this text beyond one per code unit (failure links, probes past the first slot,
    // dictionary links): far more than sound tables need, so running out means damaged tables.
    let steps = SCAN_STEPS_PER_UNIT * length + SCAN_STEPS_BASE;
    for (let i = 0; i < length; i++) {
      // Folded here as well, so raw text with no whitespace to drop can be matched without a copy.
      const c = codeClass[text.charCodeAt(i)]!;
      if (c < 0) {
        s = ROOT;
        continue;
      }
      // Follow failure links until a state has a transition on c.
      for (;;) {
        if (s === ROOT) {
          s = rootNext[c]!;
          break;
        }
        let h = slotOf(s, c) & mask;
        let next = -1;
        for (let st = slotState[h]!; st !== 0; h = (h + 1) & mask, st = slotState[h]!) {
          if (st === s && slotCode[h] === c) {
            next = slotTarget[h]!;
            break;
          }
          if (--steps < 0) throw damagedScan();
        }
        if (next >= 0) {
          s = next;
          break;
        }
        s = fail[s]!;
        if (--steps < 0) throw damagedScan();
      }
      let o = terminal[s] !== 0 ? s : dict[s]!;
      while (o !== ROOT) {
        if (--steps < 0) throw damagedScan();
        // Read from tables that may be damaged: a value out of range (or undefined) fails these tests.
        const p = terminal[o]! - 1;
        const d = depth[o]!;
        const start = i + 1 - d;
        if (p >= 0 && p < patternCount && d > 0 && start >= 0) {
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

function damagedScan(): AutomatonTablesError {
  return new AutomatonTablesError('automaton tables: damaged (a scan ran out of steps)');
}
