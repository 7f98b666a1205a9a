/**
 * Matching a page: blocks → occurrences → detection signals. Shared by the content script and the
 * `scan` CLI so both count the same occurrences on the same page.
 */
import { AutomatonTablesError, buildAutomaton, loadAutomaton, unpackAutomaton, type Automaton } from './matcher';
import type { MatchIndex } from './glossary-types';
import { findOccurrencesInBlocks, type Block, type Occurrence } from './text-model';
import type { PageSignals } from './detector';

export interface PageMatcher {
  index: MatchIndex;
  automaton: Automaton;
}

/**
 * The index's prebuilt automaton when it has one of the right shape for its patterns; otherwise one
 * built from the patterns (an index from an older build, or tables damaged in storage), which is
 * slower only. Damage that only matching can find (values are not checked state by state when a page
 * loads them) makes matchBlocks switch to a built automaton.
 */
export function createPageMatcher(index: MatchIndex): PageMatcher {
  if (index.automaton) {
    try {
      const layout = unpackAutomaton(index.automaton);
      if (layout.patternCount === index.patterns.length) return { index, automaton: loadAutomaton(layout) };
    } catch {
      // fall through: build from the patterns
    }
  }
  return { index, automaton: buildAutomaton(index.patterns) };
}

/**
 * The blocks' occurrences, appended to `out`. If the automaton turns out to be damaged, it is replaced
 * by one built from the patterns and the blocks are matched again (what they had added is dropped).
 */
export function matchBlocks(matcher: PageMatcher, blocks: readonly Block[], out: Occurrence[] = []): Occurrence[] {
  const before = out.length;
  try {
    return findOccurrencesInBlocks(blocks, matcher.automaton, matcher.index.patternEntry, out);
  } catch (error) {
    if (!(error instanceof AutomatonTablesError)) throw error;
    out.length = before;
    matcher.automaton = buildAutomaton(matcher.index.patterns);
    return findOccurrencesInBlocks(blocks, matcher.automaton, matcher.index.patternEntry, out);
  }
}

/** Consecutive runs of blocks holding about `chars` characters each (a block is never split). */
export function chunkBlocks(blocks: readonly Block[], chars: number): Block[][] {
  const chunks: Block[][] = [];
  let chunk: Block[] = [];
  let size = 0;
  for (const b of blocks) {
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
  // in plain loops: this runs once per page, before the JIT has optimised it, where a callback per
  // occurrence (reduce) was two thirds of its ~3 ms in a profile of the 2 MB benchmark page.
  let entries = 0;
  for (const o of args.occurrences) if (o.entry >= entries) entries = o.entry + 1;
  const seen = new Uint8Array(entries);
  let distinct = 0;
  for (const o of args.occurrences) if (seen[o.entry] === 0) (seen[o.entry] = 1), distinct++;
  return {
    host: args.host,
    title: args.title,
    head: pageHead(args.blocks),
    textLength: args.textLength,
    matches: args.occurrences.length,
    distinctTerms: distinct,
  };
}

export function termCounts(index: MatchIndex, occurrences: readonly Occurrence[]): Record<string, number> {
  const counts = new Map<number, number>();
  for (const o of occurrences) counts.set(o.entry, (counts.get(o.entry) ?? 0) + 1);
  const out: Record<string, number> = {};
  for (const [entry, n] of [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])) out[index.terms[entry]!] = n;
  return out;
}
