/**
 * The JSON backup: settings, vocabulary, review state and personal entries. Import checks everything
 * before writing anything, so a bad file changes nothing.
 */
import { BACKUP_FORMAT, BACKUP_VERSION, parseBackup, type Backup } from '../core/export-formats';
import { validateEntries } from '../core/glossary-validate';
import { getReview, reviewItem, sanitizeReview } from './review';
import { getSettings, sanitizeSettings, settingsItem } from './settings';
import { getUserEntries, userEntriesItem } from './user-glossary';
import { getVocabulary, sanitizeVocabulary, vocabularyBackupItem, vocabularyItem } from './vocabulary';

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
  // Everything checked: now write.
  await settingsItem.setValue(sanitizeSettings(b.settings));
  await vocabularyItem.setValue(vocabulary);
  await vocabularyBackupItem.setValue(vocabulary);
  await reviewItem.setValue(sanitizeReview(b.review));
  await userEntriesItem.setValue(userEntries);
  return { ok: true, vocabulary: vocabulary.length, userEntries: userEntries.length };
}
