/**
 * Matching a page: blocks → occurrences → detection signals. Shared by the content script and the
 * `scan` CLI so both count the same occurrences on the same page.
 */
import { buildAutomaton, loadAutomaton, unpackAutomaton, type Automaton } from './matcher';
import type { MatchIndex } from './glossary-types';
import { findOccurrencesInBlocks, type Block, type Occurrence } from './text-model';
import type { PageSignals } from './detector';

export interface PageMatcher {
  index: MatchIndex;
  automaton: Automaton;
}

/**
 * The index's prebuilt automaton, when it has one of the right shape for its patterns; else null (an
 * index from an older build, or tables damaged in storage). The content script then asks the
 * background for its copy rather than building one: building would put the compiler in every page's
 * script (~0.6 KB gzip).
 */
export function loadPageMatcher(index: MatchIndex): PageMatcher | null {
  if (!index.automaton) return null;
  try {
    const layout = unpackAutomaton(index.automaton);
    return layout.patternCount === index.patterns.length ? { index, automaton: loadAutomaton(layout) } : null;
  } catch {
    return null;
  }
}

/** The prebuilt automaton when usable, else one built from the patterns (extension pages, the CLI: slower only). */
export function createPageMatcher(index: MatchIndex): PageMatcher {
  return loadPageMatcher(index) ?? { index, automaton: buildAutomaton(index.patterns) };
}

/**
 * The blocks' occurrences, appended to `out`. Damage in the automaton that only matching finds (values
 * are not checked state by state when a page loads them) throws AutomatonTablesError, with `out` as it
 * was: the caller gets a sound automaton and matches again.
 */
export function matchBlocks(matcher: PageMatcher, blocks: readonly Block[], out: Occurrence[] = []): Occurrence[] {
  const before = out.length;
  try {
    return findOccurrencesInBlocks(blocks, matcher.automaton, matcher.index.patternEntry, out);
  } catch (error) {
    out.length = before;
    throw error;
  }
}

/** How many of the first blocks make a page's head of at least `chars` characters, and their characters. */
export function headLength(blocks: readonly Block[], chars: number): { blocks: number; chars: number } {
  let total = 0;
  let i = 0;
  while (i < blocks.length && total < chars) total += blocks[i++]!.raw.length;
  return { blocks: i, chars: total };
}

/** Consecutive runs of blocks holding about `chars` characters each (a block is never split). */
export function chunkBlocks(blocks: readonly Block[], chars: number): Block[][] {
  const chunks: Block[][] = [];
  let chunk: Block[] = [];
  let size = 0;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    chunk.push(b);
    size += b.raw.length;
    if (size >= chars) {
      chunks.push(chunk);
      chunk = [];
      size = 0;
    }
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/** The first characters of the page's text, block by block, for title, salutation and date lines. */
export function pageHead(blocks: readonly Block[], limit = 3000): string {
  let head = '';
  for (const b of blocks) {
    if (head.length >= limit) break;
    head += b.raw.trim() + '\n';
  }
  return head.slice(0, limit);
}

export function pageSignals(args: {
  host: string;
  title: string;
  blocks: readonly Block[];
  textLength: number;
  occurrences: readonly Occurrence[];
}): PageSignals {
  // Distinct entries, counted without a set over every occurrence (tens of thousands on long pages),
  // in indexed loops: this runs once per page, before the JIT has optimised it, where a callback per
  // occurrence (reduce) was two thirds of its ~3 ms in a profile of the 2 MB benchmark page, and where
  // `for…of` allocates a result object per element (720 KB here on that page, in a heap profile).
  const list = args.occurrences;
  let entries = 0;
  for (let i = 0; i < list.length; i++) if (list[i]!.entry >= entries) entries = list[i]!.entry + 1;
  const seen = new Uint8Array(entries);
  let distinct = 0;
  for (let i = 0; i < list.length; i++) {
    const entry = list[i]!.entry;
    if (seen[entry] === 0) (seen[entry] = 1), distinct++;
  }
  return {
    host: args.host,
    title: args.title,
    head: pageHead(args.blocks),
    textLength: args.textLength,
    matches: args.occurrences.length,
    distinctTerms: distinct,
  };
}

/** [entry, occurrences] for each entry found, the most frequent first (ties by entry). */
export function entryCounts(occurrences: readonly Occurrence[]): Array<[number, number]> {
  const counts = new Map<number, number>();
  for (let i = 0; i < occurrences.length; i++) {
    const entry = occurrences[i]!.entry;
    counts.set(entry, (counts.get(entry) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
}

export function termCounts(index: MatchIndex, occurrences: readonly Occurrence[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [entry, n] of entryCounts(occurrences)) out[index.terms[entry]!] = n;
  return out;
}
