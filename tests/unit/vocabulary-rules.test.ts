/** The vocabulary's rules (core/vocabulary.ts) and the per-tab rate limit (core/rate-limit.ts), pure. */
import { describe, expect, it } from 'vitest';
import { RateLimit } from '../../core/rate-limit';
import { LIMITS, pickVocabulary, sanitizeVocabulary, sanitizeVocabularyItem, withItem, withItemsBack, withoutItems, type VocabularyItem } from '../../core/vocabulary';

const item = (i: number, over: Partial<VocabularyItem> = {}): VocabularyItem => ({
  id: 'si-ge-yi-shi',
  term: '四个意识',
  savedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
  url: `https://www.gov.cn/${i}`,
  title: 'T',
  sentence: '增强“四个意识”。',
  ...over,
});

describe('which copy is read', () => {
  it('falls back to the backup when the main copy is a list with items but none valid (issue 21: 3 items lost)', () => {
    const backup = [item(1), item(2), item(3)];
    expect(pickVocabulary([{ bogus: 1 }, 7, null], backup)).toEqual({ items: backup, fromBackup: true });
  });
  it('falls back when the main copy is not a list; keeps a main copy that is really empty', () => {
    expect(pickVocabulary('{{{', [item(1)]).items).toEqual([item(1)]);
    expect(pickVocabulary(undefined, [item(1)]).items).toEqual([item(1)]);
    expect(pickVocabulary([], [item(1)])).toEqual({ items: [], fromBackup: false });
  });
  it('keeps the valid items of a partly damaged main copy', () => {
    expect(pickVocabulary([item(1), { id: 'x' }], [item(2)])).toEqual({ items: [item(1)], fromBackup: false });
  });
});

describe('what an item may hold', () => {
  it('cuts over-long text and refuses what it cannot repair', () => {
    const long = sanitizeVocabularyItem(item(1, { title: 'x'.repeat(5000), sentence: 's'.repeat(5000) }))!;
    expect([long.title.length, long.sentence.length]).toEqual([LIMITS.title, LIMITS.sentence]);
    expect(sanitizeVocabularyItem(item(1, { id: 'Bad Id' }))).toBeNull();
    expect(sanitizeVocabularyItem(item(1, { term: '' }))).toBeNull();
    expect(sanitizeVocabularyItem(item(1, { term: '四'.repeat(LIMITS.term + 1) }))).toBeNull();
    expect(sanitizeVocabularyItem(item(1, { url: `https://a.cn/${'x'.repeat(LIMITS.url)}` }))!.url).toBe('');
    expect(sanitizeVocabularyItem(item(1, { savedAt: 'yesterday' }))!.savedAt).toBe('');
  });
  it('reads at most LIMITS.items items of a stored list', () => {
    expect(sanitizeVocabulary(Array.from({ length: LIMITS.items + 50 }, (_, i) => item(i)))!.length).toBe(LIMITS.items);
  });
});

describe('saving, deleting, undoing', () => {
  it('refuses a new item when the list is full, but replaces an existing one', () => {
    const full = Array.from({ length: LIMITS.items }, (_, i) => item(i));
    expect(withItem(full, item(LIMITS.items))).toBeNull();
    const again = withItem(full, item(3, { sentence: 'again' }))!;
    expect(again.length).toBe(LIMITS.items);
    expect(again.at(-1)!.sentence).toBe('again');
  });
  it('deletes the items named and puts them back where they were', () => {
    const list = [item(1), item(2), item(3)];
    const { kept, removed } = withoutItems(list, [{ id: 'si-ge-yi-shi', url: 'https://www.gov.cn/2' }]);
    expect(kept).toEqual([item(1), item(3)]);
    expect(removed).toEqual([item(2)]);
    expect(withItemsBack(kept, removed)).toEqual(list);
    // Saved again from that page meanwhile: the newer save stays, the old one does not come back beside it.
    expect(withItemsBack([...kept, item(2, { savedAt: '2026-03-01T00:00:00.000Z' })], removed).length).toBe(3);
  });
});

describe('rate limit per tab', () => {
  it('allows max events in any window, per key', () => {
    const limit = new RateLimit(3, 1000);
    expect([0, 10, 20, 30].map((t) => limit.allow(1, t))).toEqual([true, true, true, false]);
    expect(limit.allow(2, 30)).toBe(true);
    expect(limit.allow(1, 1005)).toBe(true); // the first has left the window
  });
});
