/** What a content script reads before scanning: settings and the match index, from storage or the background. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isMatchIndex } from '../../core/glossary-types';
import { DEFAULT_SETTINGS, settingsFromStored } from '../../core/settings';
import { bundledMatchIndex, publishMatchIndex } from '../../runtime/match-index-store';
import { loadPageData } from '../../runtime/page-data';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('settings as the content script reads them', () => {
  it('gives the defaults when nothing is stored, and migrates a v1 value like the storage layer', () => {
    expect(settingsFromStored(undefined, undefined)).toEqual(DEFAULT_SETTINGS);
    expect(settingsFromStored({ mode: 'manual', neverSites: ['x.com'] }, undefined)).toMatchObject({ mode: 'click', siteRules: { 'x.com': 'never' } });
    expect(settingsFromStored({ mode: 'all' }, { v: 2 })).toMatchObject({ mode: 'all' });
    expect(settingsFromStored('garbage', { v: 2 })).toEqual(DEFAULT_SETTINGS);
  });
});

describe('match index in storage', () => {
  it('accepts the bundled index and rejects damaged ones', () => {
    const index = bundledMatchIndex();
    expect(isMatchIndex(index)).toBe(true);
    expect(index.digest).toMatch(/^[0-9a-f]{16}$/);
    expect(isMatchIndex({ ...index, patternEntry: index.patternEntry.slice(1) })).toBe(false);
    expect(isMatchIndex({ ...index, patternEntry: [...index.patternEntry.slice(1), index.ids.length] })).toBe(false);
    expect(isMatchIndex({ ...index, terms: 'x' })).toBe(false);
    expect(isMatchIndex(null)).toBe(false);
  });

  it('is published by the background only when its digest or its automaton\'s tables changed', async () => {
    await publishMatchIndex();
    const first = (await fakeBrowser.storage.local.get('matchIndex')).matchIndex;
    expect(first).toEqual(bundledMatchIndex());
    let writes = 0;
    fakeBrowser.storage.local.onChanged.addListener(() => writes++);
    await publishMatchIndex();
    expect(writes).toBe(0);
    // A copy whose automaton was damaged in storage keeps its digest: it is stored again all the same.
    const bundled = bundledMatchIndex();
    await fakeBrowser.storage.local.set({ matchIndex: { ...bundled, automaton: { ...bundled.automaton, fail: bundled.automaton!.dict } } });
    writes = 0;
    await publishMatchIndex();
    expect(writes).toBe(1);
    expect((await fakeBrowser.storage.local.get('matchIndex')).matchIndex).toEqual(bundled);
  });

  it('is read from storage with the settings, and asked of the background when missing or damaged', async () => {
    await publishMatchIndex();
    await fakeBrowser.storage.local.set({ settings: { mode: 'all' }, settings$: { v: 2 } });
    const fromStorage = await loadPageData();
    expect(fromStorage.settings.mode).toBe('all');
    expect(fromStorage.index?.digest).toBe(bundledMatchIndex().digest);

    await fakeBrowser.storage.local.set({ matchIndex: { version: 1, ids: 'broken' } });
    let asked = 0;
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (m: unknown) => {
      if ((m as { type?: string }).type === 'get-match-index') {
        asked++;
        return bundledMatchIndex();
      }
      return undefined;
    }) as never);
    const fromBackground = await loadPageData();
    expect(asked).toBe(1);
    expect(fromBackground.index?.digest).toBe(bundledMatchIndex().digest);
  });
});
