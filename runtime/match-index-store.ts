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

/** Background: store the bundled index unless the stored copy is the same (by digest). */
export async function publishMatchIndex(): Promise<void> {
  const index = bundledMatchIndex();
  const stored = (await browser.storage.local.get(MATCH_INDEX_KEY))[MATCH_INDEX_KEY] as { digest?: unknown } | undefined;
  if (stored?.digest !== index.digest) await browser.storage.local.set({ [MATCH_INDEX_KEY]: index });
}
