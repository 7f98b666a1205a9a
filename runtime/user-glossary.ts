/**
 * The user's own entries: added from the text analysis page, or imported from a glossary file. They add
 * to or override the bundled entries (same id). Validated with the same rules as ours. Written only by
 * the background, in its write queue (./write-queue.ts).
 */
import { browser, storage } from '#imports';
import type { CuratedEntry, Entry } from '../core/glossary-types';
import { GlossaryError, validateEntries } from '../core/glossary-validate';
import { inWriteQueue, isQuotaError } from './write-queue';

export const userEntriesItem = storage.defineItem<CuratedEntry[]>('local:userEntries', { fallback: [], version: 1 });

export async function getUserEntries(): Promise<CuratedEntry[]> {
  const value = await userEntriesItem.getValue().catch(() => []);
  try {
    return validateEntries([{ name: 'stored personal entries', data: value }]);
  } catch {
    return [];
  }
}

export type UserEntriesOutcome<T> = { ok: true; value: T } | { ok: false; error: string };

/** A change of the stored entries, in the background's write queue; a failed check or write is an outcome. */
function change<T>(next: (current: CuratedEntry[]) => { entries: CuratedEntry[]; value: T }): Promise<UserEntriesOutcome<T>> {
  return inWriteQueue(async () => {
    try {
      const { entries, value } = next(await getUserEntries());
      await browser.storage.local.set({ userEntries: entries });
      return { ok: true as const, value };
    } catch (err) {
      return { ok: false as const, error: isQuotaError(err) ? 'The browser’s storage for the extension is full: nothing was changed.' : (err as Error).message };
    }
  });
}

/** Validate a user's glossary file; on success the entries replace the stored ones with the same id. */
export function importUserEntries(name: string, data: unknown, knownIds: Set<string>): Promise<UserEntriesOutcome<{ added: number; overridden: number }>> {
  return change((current) => {
    const incoming = validateEntries([{ name, data }], { knownIds });
    const byId = new Map(current.map((e) => [e.id, e]));
    let overridden = 0;
    for (const e of incoming) {
      if (knownIds.has(e.id) || byId.has(e.id)) overridden++;
      byId.set(e.id, e);
    }
    return { entries: [...byId.values()], value: { added: incoming.length - overridden, overridden } };
  });
}

/** Delete personal entries by id, or all; the value is what was removed, for undo. */
export function deleteUserEntries(ids: readonly string[] | 'all'): Promise<UserEntriesOutcome<CuratedEntry[]>> {
  return change((current) => {
    const gone = (e: CuratedEntry) => ids === 'all' || ids.includes(e.id);
    return { entries: current.filter((e) => !gone(e)), value: current.filter(gone) };
  });
}

/** Undo a delete: the removed entries back (validated again), unless an entry with the same id came meanwhile. */
export function restoreUserEntries(data: unknown[]): Promise<UserEntriesOutcome<CuratedEntry[]>> {
  return change((current) => {
    const back = validateEntries([{ name: 'the deleted personal entries', data }]).filter((e) => !current.some((c) => c.id === e.id));
    const entries = [...current, ...back];
    return { entries, value: entries };
  });
}

export { GlossaryError };

/** A user entry as a full entry, for cards and search. */
export function userEntryToEntry(e: CuratedEntry): Entry {
  return {
    id: e.id,
    term: e.term,
    variants: e.variants ?? [],
    pinyin: e.pinyin ?? '',
    category: e.category,
    level: e.level,
    region: e.region ?? null,
    summary_zh: e.summary_zh,
    explanation_zh: e.explanation_zh,
    english: e.english,
    explanation_en: e.explanation_en,
    components: e.components ?? [],
    origin: e.origin ?? null,
    evidence: e.evidence,
    related: e.related ?? [],
    examples: [],
    notes: [...(e.notes ?? []), '个人条目 (personal entry)'],
    // A personal entry's citations are the user's own: shown as written, not checked against the record.
    sources: (e.sources ?? []).map((c) =>
      typeof c === 'string'
        ? { title: c, date: '', url: null, quote: '', ref: null, supports: [] }
        : { title: c.title ?? c.doc ?? c.speech ?? '', date: c.date ?? '', url: c.url ?? null, quote: c.quote, ref: null, supports: c.supports ?? [] },
    ),
    corpus_count: 0,
    history: { first: null, uses: [] },
  };
}
