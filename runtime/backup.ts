/**
 * The JSON backup: settings, vocabulary, review state and personal entries. Import checks everything
 * before writing anything, so a bad file changes nothing; then it writes everything in one
 * `storage.local.set` in the background's write queue (./write-queue.ts): all of it or, when storage is
 * full, none of it, and saves arriving meanwhile wait behind it. The options page only sends the file's
 * text (message `restore-backup`).
 */
import { browser } from '#imports';
import { BACKUP_FORMAT, BACKUP_VERSION, parseBackup, type Backup } from '../core/export-formats';
import { validateEntries } from '../core/glossary-validate';
import { SETTINGS_VERSION } from '../core/settings';
import { getReview, sanitizeReview } from './review';
import { getSettings, sanitizeSettings } from './settings';
import { getUserEntries } from './user-glossary';
import { getVocabulary, sanitizeVocabulary, vocabularyValues } from './vocabulary';
import { inWriteQueue, isQuotaError } from './write-queue';

export async function collectBackup(now = new Date()): Promise<Backup> {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    settings: await getSettings(),
    vocabulary: await getVocabulary(),
    review: await getReview(),
    userEntries: await getUserEntries(),
  };
}

export type ImportOutcome = { ok: true; vocabulary: number; userEntries: number } | { ok: false; error: string };

export async function restoreBackup(text: string, knownIds: Set<string>): Promise<ImportOutcome> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return parsed;
  const b = parsed.value;
  const vocabulary = sanitizeVocabulary(b.vocabulary);
  if (!vocabulary) return { ok: false, error: 'The backup’s vocabulary is not a list.' };
  let userEntries;
  try {
    userEntries = validateEntries([{ name: 'the backup’s personal entries', data: b.userEntries }], { knownIds });
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
  // Everything checked: now write, all keys in one set (with the settings' version, as @wxt-dev/storage keeps it).
  const values = {
    settings: sanitizeSettings(b.settings),
    settings$: { v: SETTINGS_VERSION },
    ...vocabularyValues(vocabulary),
    review: sanitizeReview(b.review),
    userEntries,
  };
  return inWriteQueue(async (): Promise<ImportOutcome> => {
    try {
      await browser.storage.local.set(values);
    } catch (err) {
      return { ok: false, error: isQuotaError(err) ? 'The browser’s storage for the extension is full: nothing was restored. Delete some vocabulary items first.' : `Nothing was restored: ${String(err)}` };
    }
    return { ok: true, vocabulary: vocabulary.length, userEntries: userEntries.length };
  });
}
