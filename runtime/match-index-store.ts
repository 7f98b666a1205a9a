/**
 * The match index travels to content scripts through extension storage rather than inside the content
 * script's code: it would be a quarter of the script's size on every page (docs/performance.md). The
 * background keeps the stored copy current; a content script that finds none (storage cleared, first
 * moments after install) asks the background for it.
 */
import { browser } from '#imports';
import type { MatchIndex } from '../core/glossary-types';
import bundledIndex from '../dictionary/generated/match-index.json';

export const MATCH_INDEX_KEY = 'matchIndex';

/** Background: the bundled match index. */
export function bundledMatchIndex(): MatchIndex {
  return bundledIndex as MatchIndex;
}

/**
 * Background: store the bundled index unless the stored copy is the same: by digest, and by the packed
 * tables of its automaton, which pages check only for shape (core/matcher.ts), so a copy damaged in
 * storage would otherwise send every page to the background for a sound one until the next update.
 */
export async function publishMatchIndex(): Promise<void> {
  const index = bundledMatchIndex();
  const stored = (await browser.storage.local.get(MATCH_INDEX_KEY))[MATCH_INDEX_KEY] as { digest?: unknown; automaton?: unknown } | undefined;
  const storedTables = (typeof stored?.automaton === 'object' && stored.automaton) || {};
  const sameTables = Object.entries(index.automaton ?? {}).every(([key, value]) => (storedTables as Record<string, unknown>)[key] === value);
  if (stored?.digest !== index.digest || !sameTables) await browser.storage.local.set({ [MATCH_INDEX_KEY]: index });
}
