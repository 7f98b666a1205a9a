/**
 * The user's own entries: added from the text analysis page, or imported from a glossary file. They add
 * to or override the bundled entries (same id). Validated with the same rules as ours.
 */
import { storage } from '#imports';
import type { CuratedEntry, Entry } from '../core/glossary-types';
import { GlossaryError, validateEntries } from '../core/glossary-validate';

export const userEntriesItem = storage.defineItem<CuratedEntry[]>('local:userEntries', { fallback: [], version: 1 });

export async function getUserEntries(): Promise<CuratedEntry[]> {
  const value = await userEntriesItem.getValue().catch(() => []);
  try {
    return validateEntries([{ name: 'stored personal entries', data: value }]);
  } catch {
    return [];
  }
}

/** Validate a user's glossary file; on success the entries replace the stored ones with the same id. */
export async function importUserEntries(name: string, data: unknown, knownIds: Set<string>): Promise<{ added: number; overridden: number }> {
  const incoming = validateEntries([{ name, data }], { knownIds });
  const current = await getUserEntries();
  const byId = new Map(current.map((e) => [e.id, e]));
  let overridden = 0;
  for (const e of incoming) {
    if (knownIds.has(e.id) || byId.has(e.id)) overridden++;
    byId.set(e.id, e);
  }
  await userEntriesItem.setValue([...byId.values()]);
  return { added: incoming.length - overridden, overridden };
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
