/**
 * What a content script needs before it can scan: settings and the match index, in one storage read.
 * No storage library and no bundled index here, to keep the script small (docs/performance.md).
 */
import { browser } from '#imports';
import { isMatchIndex, type MatchIndex } from '../core/glossary-types';
import { DEFAULT_SETTINGS, settingsFromStored, type Settings } from '../core/settings';
import { PAGE_DATA_KEYS } from './gate-handoff';

/** `begun`: the same storage read, already begun by the gate (runtime/gate-handoff.ts). */
export async function loadPageData(begun?: Promise<Record<string, unknown>>): Promise<{ settings: Settings; index: MatchIndex | null }> {
  let stored: Record<string, unknown> = {};
  try {
    stored = await (begun ?? browser.storage.local.get(PAGE_DATA_KEYS));
  } catch {
    // storage unavailable: defaults, and the index from the background
  }
  let settings: Settings;
  try {
    settings = settingsFromStored(stored.settings, stored['settings$']);
  } catch {
    settings = { ...DEFAULT_SETTINGS };
  }
  const index: MatchIndex | null = isMatchIndex(stored.matchIndex) ? stored.matchIndex : await indexFromBackground();
  return { settings, index };
}

/** The background's copy of the match index (the bundled one), or null if it cannot be had. */
export async function indexFromBackground(): Promise<MatchIndex | null> {
  try {
    const fromBackground: unknown = await browser.runtime.sendMessage({ type: 'get-match-index' });
    return isMatchIndex(fromBackground) ? fromBackground : null;
  } catch {
    return null;
  }
}
