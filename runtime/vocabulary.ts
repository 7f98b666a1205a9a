/**
 * The vocabulary list: terms the reader saved, with where and when. Written only by the background
 * (one writer, so two tabs saving at once lose nothing); a copy is kept as a backup.
 */
import { storage } from '#imports';

export interface VocabularyItem {
  id: string;
  term: string;
  savedAt: string;
  url: string;
  title: string;
  sentence: string;
}

export const vocabularyItem = storage.defineItem<VocabularyItem[]>('local:vocabulary', { fallback: [], version: 1 });
export const vocabularyBackupItem = storage.defineItem<VocabularyItem[]>('local:vocabularyBackup', { fallback: [] });

export function sanitizeVocabulary(value: unknown): VocabularyItem[] | null {
  if (!Array.isArray(value)) return null;
  const out: VocabularyItem[] = [];
  for (const v of value) {
    if (typeof v !== 'object' || v === null) continue;
    const r = v as Record<string, unknown>;
    if (typeof r.id !== 'string' || typeof r.term !== 'string') continue;
    out.push({
      id: r.id,
      term: r.term,
      savedAt: typeof r.savedAt === 'string' ? r.savedAt : '',
      // Only a web page's address is kept: a `javascript:` or `data:` URL from an imported file is dropped.
      url: typeof r.url === 'string' && /^https?:\/\//i.test(r.url) ? r.url : '',
      title: typeof r.title === 'string' ? r.title : '',
      sentence: typeof r.sentence === 'string' ? r.sentence : '',
    });
  }
  return out;
}

/** The vocabulary, recovered from the backup copy if the stored value is corrupted. */
export async function getVocabulary(): Promise<VocabularyItem[]> {
  const main = sanitizeVocabulary(await vocabularyItem.getValue().catch(() => null));
  if (main) return main;
  return sanitizeVocabulary(await vocabularyBackupItem.getValue().catch(() => null)) ?? [];
}

let queue: Promise<unknown> = Promise.resolve();
/** Serialised read-modify-write: saves arriving together are applied one after the other. */
export function addToVocabulary(item: VocabularyItem): Promise<VocabularyItem[]> {
  const run = queue.then(async () => {
    const list = await getVocabulary();
    const next = [...list.filter((x) => !(x.id === item.id && x.url === item.url)), item];
    await vocabularyItem.setValue(next);
    await vocabularyBackupItem.setValue(next);
    return next;
  });
  queue = run.catch(() => undefined);
  return run;
}
