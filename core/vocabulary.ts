/**
 * The vocabulary list's rules, pure: what a stored item may hold, which copy to trust when one is
 * damaged, and what a save, a delete or an undo makes of the list. The background applies them
 * (runtime/vocabulary.ts) as the one writer.
 */

export interface VocabularyItem {
  id: string;
  term: string;
  savedAt: string;
  url: string;
  title: string;
  sentence: string;
}

/**
 * Bounds on what any tab can make the background store. A page could once fill the vocabulary with
 * items of its choosing until storage was full (issue 21); now every field has a length, and the list
 * a size, that a reader's own saving never comes near.
 */
export const LIMITS = {
  /** Items in the list. ~1 KB each at most, stored twice (main and backup copy): well inside the 10 MB of storage.local. */
  items: 2000,
  id: 100,
  term: 100,
  savedAt: 40,
  url: 2048,
  title: 300,
  sentence: 500,
} as const;

/** Ids are the glossary's (lower-case ASCII words joined by hyphens, digits allowed). */
const ID_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** One stored item, repaired where it can be (over-long text is cut), or null when it cannot be. */
export function sanitizeVocabularyItem(value: unknown): VocabularyItem | null {
  if (typeof value !== 'object' || value === null) return null;
  const r = value as Record<string, unknown>;
  if (typeof r.id !== 'string' || r.id.length > LIMITS.id || !ID_RE.test(r.id)) return null;
  if (typeof r.term !== 'string' || r.term.length === 0 || r.term.length > LIMITS.term) return null;
  const text = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');
  const url = text(r.url, LIMITS.url + 1);
  return {
    id: r.id,
    term: r.term,
    savedAt: typeof r.savedAt === 'string' && r.savedAt.length <= LIMITS.savedAt && !Number.isNaN(Date.parse(r.savedAt)) ? r.savedAt : '',
    // Only a web page's address, whole: a `javascript:` or `data:` URL (or a cut one) is dropped.
    url: url.length <= LIMITS.url && /^https?:\/\//i.test(url) ? url : '',
    title: text(r.title, LIMITS.title),
    sentence: text(r.sentence, LIMITS.sentence),
  };
}

/** A stored list, keeping its valid items (null when it is not a list at all). */
export function sanitizeVocabulary(value: unknown): VocabularyItem[] | null {
  if (!Array.isArray(value)) return null;
  const out: VocabularyItem[] = [];
  for (const v of value.slice(0, LIMITS.items)) {
    const item = sanitizeVocabularyItem(v);
    if (item) out.push(item);
  }
  return out;
}

/**
 * Which copy to read: the main one, unless it is damaged, and then the backup. Damaged includes a list
 * that had items but none valid: read as empty, the next save would have overwritten the good backup
 * with it (issue 21: 3 items lost). `fromBackup` says the main copy was not used.
 */
export function pickVocabulary(main: unknown, backup: unknown): { items: VocabularyItem[]; fromBackup: boolean } {
  const fromMain = sanitizeVocabulary(main);
  const damaged = fromMain === null || (fromMain.length === 0 && Array.isArray(main) && main.length > 0);
  if (!damaged) return { items: fromMain, fromBackup: false };
  return { items: sanitizeVocabulary(backup) ?? [], fromBackup: true };
}

/** Items are one per entry and page: saving the same term from the same page again replaces it. */
export const sameItem = (a: { id: string; url: string }, b: { id: string; url: string }) => a.id === b.id && a.url === b.url;

/** The list with `item` saved, or null when the list is full and the item is new. */
export function withItem(list: readonly VocabularyItem[], item: VocabularyItem): VocabularyItem[] | null {
  const rest = list.filter((x) => !sameItem(x, item));
  if (rest.length >= LIMITS.items) return null;
  return [...rest, item];
}

/** The list without the items named by `keys` (id and url), and what was taken out (for undo). */
export function withoutItems(list: readonly VocabularyItem[], keys: ReadonlyArray<{ id: string; url: string }>): { kept: VocabularyItem[]; removed: VocabularyItem[] } {
  const kept: VocabularyItem[] = [];
  const removed: VocabularyItem[] = [];
  for (const x of list) (keys.some((k) => sameItem(k, x)) ? removed : kept).push(x);
  return { kept, removed };
}

/**
 * Undo of a delete: the removed items back, each where it was in saving order (by savedAt), unless the
 * same term was saved from the same page again meanwhile (the newer save wins). Capped like any list.
 */
export function withItemsBack(list: readonly VocabularyItem[], back: readonly VocabularyItem[]): VocabularyItem[] {
  const missing = back.filter((b) => !list.some((x) => sameItem(x, b)));
  return [...list, ...missing].sort((a, b) => a.savedAt.localeCompare(b.savedAt)).slice(-LIMITS.items);
}
