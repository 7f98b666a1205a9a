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
}

const ROOT = 0;

export function buildAutomaton(rawPatterns: readonly string[]): Automaton {
  // goto function in one Map keyed by state * 65536 + code unit: compact and fast in V8.
  const next = new Map<number, number>();
  const depth: number[] = [0];
  const terminal: number[] = [-1]; // pattern ending at this state, or -1
  const patternLength: number[] = [];
  const usedCode = new Uint8Array(65536);
  // Patterns that start or end with an ASCII letter or digit (digit codes like 356, 1353) must not
  // match inside a longer word or number: 13560 does not contain the code 356.
  // A bare digit code (all digits) matches only inside quotation marks: official text writes “1353”,
  // while 第1353段 or 356元 are ordinary numbers.
  const edgeAlnum: number[] = [];

  rawPatterns.forEach((raw, p) => {
    const pattern = foldString(raw);
    patternLength.push(pattern.length);
    edgeAlnum.push(
      (isAsciiAlnum(pattern.charCodeAt(0)) ? 1 : 0) | (isAsciiAlnum(pattern.charCodeAt(pattern.length - 1)) ? 2 : 0) | (/^[0-9]+$/.test(pattern) ? 4 : 0),
    );
    if (pattern.length === 0) return;
    let s = ROOT;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern.charCodeAt(i);
      usedCode[c] = 1;
      const key = s * 65536 + c;
      let t = next.get(key);
      if (t === undefined) {
        t = depth.length;
        depth.push(depth[s]! + 1);
        terminal.push(-1);
        next.set(key, t);
      }
      s = t;
    }
    if (terminal[s] === -1) terminal[s] = p; // the first of duplicate surfaces wins
  });

  const stateCount = depth.length;
  // For matching, transitions move into flat typed arrays: the root's as a dense table (0 = stay at
  // the root), the others in an open-addressing hash. A Map of 60,000 numeric keys (20,000 terms) was
  // 2-3x slower per character than one of 2,000 (docs/performance.md, "scale").
  const rootNext = new Int32Array(65536);
  let size = 16;
  while (size < next.size * 2) size *= 2;
  const mask = size - 1;
  const slotState = new Int32Array(size).fill(-1);
  const slotCode = new Uint16Array(size);
  const slotTarget = new Int32Array(size);
  for (const [key, t] of next) {
    if (key < 65536) {
      rootNext[key] = t;
      continue;
    }
    const from = Math.floor(key / 65536);
    const c = key - from * 65536;
    let h = slotOf(from, c) & mask;
    while (slotState[h] !== -1) h = (h + 1) & mask;
    slotState[h] = from;
    slotCode[h] = c;
    slotTarget[h] = t;
  }
  const fail = new Int32Array(stateCount);
  const dict = new Int32Array(stateCount); // nearest proper suffix state that is terminal, or 0
  // Children lists for the BFS, derived from the goto map.
  const children: Array<Array<[number, number]>> = Array.from({ length: stateCount }, () => []);
  for (const [key, t] of next) {
    const s = Math.floor(key / 65536);
    children[s]!.push([key - s * 65536, t]);
  }
  const queue: number[] = [];
  for (const [, t] of children[ROOT]!) {
    fail[t] = ROOT;
    dict[t] = ROOT;
    queue.push(t);
  }
  for (let qi = 0; qi < queue.length; qi++) {
    const s = queue[qi]!;
    for (const [c, t] of children[s]!) {
      let f = fail[s]!;
      let g: number | undefined;
      while ((g = next.get(f * 65536 + c)) === undefined && f !== ROOT) f = fail[f]!;
      const ft = g !== undefined && g !== t ? g : ROOT;
      fail[t] = ft;
      dict[t] = terminal[ft]! >= 0 ? ft : dict[ft]!;
      queue.push(t);
    }
  }

  function findMatches(text: string): Match[] {
    const found: Match[] = [];
    let s = ROOT;
    for (let i = 0; i < text.length; i++) {
      // Folded here as well, so raw text with no whitespace to drop can be matched without a copy.
      const c = foldTextCode(text.charCodeAt(i));
      if (usedCode[c] === 0) {
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
        let t = -1;
        for (let st = slotState[h]!; st !== -1; h = (h + 1) & mask, st = slotState[h]!) {
          if (st === s && slotCode[h] === c) {
            t = slotTarget[h]!;
            break;
          }
        }
        if (t >= 0) {
          s = t;
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
            ? start > 0 && i + 1 < text.length && OPEN_QUOTES.includes(text.charAt(start - 1)) && CLOSE_QUOTES.includes(text.charAt(i + 1))
            : !((edges & 1) !== 0 && start > 0 && isAsciiAlnum(foldTextCode(text.charCodeAt(start - 1)))) &&
              !((edges & 2) !== 0 && i + 1 < text.length && isAsciiAlnum(foldTextCode(text.charCodeAt(i + 1)))))
        ) {
          found.push({ start, end: i + 1, pattern: p });
        }
        o = dict[o]!;
      }
    }
    if (found.length < 2) return found;
    // Leftmost-longest: by start, then longest; drop anything overlapping a kept match.
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    const kept: Match[] = [];
    let lastEnd = -1;
    for (const m of found) {
      if (m.start >= lastEnd) {
        kept.push(m);
        lastEnd = m.end;
      }
    }
    return kept;
  }

  return { patternCount: rawPatterns.length, stateCount, findMatches };
}

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
