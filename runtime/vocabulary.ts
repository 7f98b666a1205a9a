/**
 * The vocabulary list: terms the reader saved, with where and when, in two copies (main and backup)
 * written together. Written only by the background, through its write queue (./write-queue.ts); the
 * rules for items, copies and limits are core/vocabulary.ts.
 */
import { browser } from '#imports';
import { LIMITS, pickVocabulary, withItem, withItemsBack, withoutItems, type VocabularyItem } from '../core/vocabulary';
import { inWriteQueue, isQuotaError } from './write-queue';

export { sanitizeVocabulary, type VocabularyItem } from '../core/vocabulary';

/** The storage keys of the two copies. */
export const VOCABULARY_KEY = 'vocabulary';
export const VOCABULARY_BACKUP_KEY = 'vocabularyBackup';

/** The vocabulary: the main copy, or the backup where the main one is damaged (core/vocabulary.ts). */
export async function getVocabulary(): Promise<VocabularyItem[]> {
  const got = await browser.storage.local.get([VOCABULARY_KEY, VOCABULARY_BACKUP_KEY]).catch(() => ({}) as Record<string, unknown>);
  return pickVocabulary(got[VOCABULARY_KEY], got[VOCABULARY_BACKUP_KEY]).items;
}

/** Both copies at once, in one write: both or neither. */
export function vocabularyValues(items: VocabularyItem[]): Record<string, VocabularyItem[]> {
  return { [VOCABULARY_KEY]: items, [VOCABULARY_BACKUP_KEY]: items };
}

export type WriteOutcome<T = VocabularyItem[]> = { ok: true; value: T } | { ok: false; reason: 'full' | 'quota' | 'failed'; detail?: string };

/** Run a change of the list in the write queue; a failed write (storage full) is an outcome, never a throw. */
function change<T>(next: (list: VocabularyItem[]) => { items: VocabularyItem[] | null; value: T }): Promise<WriteOutcome<T>> {
  return inWriteQueue(async () => {
    try {
      const { items, value } = next(await getVocabulary());
      if (!items) return { ok: false as const, reason: 'full' as const };
      await browser.storage.local.set(vocabularyValues(items));
      return { ok: true as const, value };
    } catch (err) {
      return { ok: false as const, reason: isQuotaError(err) ? ('quota' as const) : ('failed' as const), detail: String(err) };
    }
  });
}

/** Save one item (the same term from the same page replaces the older save). */
export function addToVocabulary(item: VocabularyItem): Promise<WriteOutcome> {
  return change((list) => {
    const items = withItem(list, item);
    return { items, value: items ?? list };
  });
}

/** Delete the items named (by id and page), or all of them; the value is what was removed, for undo. */
export function deleteFromVocabulary(keys: ReadonlyArray<{ id: string; url: string }> | 'all'): Promise<WriteOutcome> {
  return change((list) => {
    const { kept, removed } = keys === 'all' ? { kept: [], removed: list } : withoutItems(list, keys);
    return { items: kept, value: removed };
  });
}

/** Undo a delete: the removed items back in their places (already sanitised by the caller). */
export function restoreVocabularyItems(items: VocabularyItem[]): Promise<WriteOutcome> {
  return change((list) => {
    const next = withItemsBack(list, items);
    return { items: next, value: next };
  });
}

/** Why a save failed, in the reader's words (shown in the card and on the options page). */
export function saveFailureMessage(reason: 'full' | 'quota' | 'failed' | 'rate' | 'unknown-entry'): { zh: string; en: string } {
  switch (reason) {
    case 'full':
      return { zh: `未能加入：生词本已满（${LIMITS.items} 条）。请在设置页“生词本”中删除一些条目。`, en: `Not saved: the vocabulary is full (${LIMITS.items} items). Delete some on the options page, under Vocabulary.` };
    case 'quota':
      return { zh: '未能加入：浏览器给扩展的存储空间已满。请在设置页“生词本”中删除一些条目。', en: 'Not saved: the storage the browser gives the extension is full. Delete some vocabulary items on the options page.' };
    case 'rate':
      return { zh: '未能加入：这个页面保存得过于频繁，请稍后再试。', en: 'Not saved: too many saves from this page just now. Try again in a minute.' };
    case 'unknown-entry':
      return { zh: '未能加入：词表中没有这个条目。', en: 'Not saved: the glossary has no such entry.' };
    default:
      return { zh: '未能加入生词本，请稍后再试。', en: 'Not saved. Try again later.' };
  }
}
