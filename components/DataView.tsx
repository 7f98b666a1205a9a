import { useState } from 'preact/hooks';
import { ankiTsv, parseJsonFile, toCsv } from '../core/export-formats';
import type { Lang } from '../core/ui-text';
import { collectBackup, type ImportOutcome } from '../runtime/backup';
import { entriesById } from '../runtime/glossary';
import { askBackground } from '../runtime/messages';
import type { UserEntriesOutcome } from '../runtime/user-glossary';
import type { VocabularyItem } from '../runtime/vocabulary';
import { downloadText } from './download';
import { StorageUsage } from './StorageUsage';
import { UserEntriesList } from './UserEntriesList';

/** Export (CSV, Anki TSV, JSON backup) and import (backup, user glossary file). */
export function DataView({ vocabulary, lang, onImported }: { vocabulary: VocabularyItem[]; lang: Lang; onImported(): void }) {
  const zh = lang === 'zh';
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // Bumped after every change here, so the storage figures and the personal entries are read again.
  const [changes, setChanges] = useState(0);
  const changed = () => {
    setChanges(changes + 1);
    onImported();
  };
  const failed = (err: unknown) => ({ ok: false as const, error: String(err) });
  const readFile = async (input: HTMLInputElement): Promise<string | null> => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return null;
    if (file.size > 5 * 1024 * 1024) {
      setMessage({ ok: false, text: zh ? `文件过大（${(file.size / 1048576).toFixed(1)} MB，上限 5 MB），未导入任何内容。` : `The file is too large (${(file.size / 1048576).toFixed(1)} MB; the limit is 5 MB). Nothing was imported.` });
      return null;
    }
    return file.text();
  };
  const exportCsv = () =>
    downloadText(
      'tifa-vocabulary.csv',
      toCsv(
        ['term', 'pinyin', 'summary_zh', 'saved_at', 'page_title', 'url', 'sentence'],
        vocabulary.map((v) => [v.term, entriesById.get(v.id)?.pinyin ?? '', entriesById.get(v.id)?.summary_zh ?? '', v.savedAt, v.title, v.url, v.sentence]),
      ),
      'text/csv',
    );
  const exportAnki = () => downloadText('tifa-anki.txt', ankiTsv([...new Set(vocabulary.map((v) => v.id))].map((id) => entriesById.get(id)!).filter(Boolean)), 'text/tab-separated-values');
  const exportBackup = async () => downloadText('tifa-backup.json', JSON.stringify(await collectBackup(), null, 2), 'application/json');
  const importBackup = async (e: Event) => {
    const text = await readFile(e.target as HTMLInputElement);
    if (text === null) return;
    // The background restores it (checks, then one write of everything: all or nothing).
    const r = await askBackground<ImportOutcome>({ type: 'restore-backup', text }).catch(failed);
    setMessage(r.ok ? { ok: true, text: zh ? `已恢复：生词 ${r.vocabulary} 条，个人条目 ${r.userEntries} 条。` : `Restored: ${r.vocabulary} vocabulary items, ${r.userEntries} personal entries.` } : { ok: false, text: `${zh ? '未导入，原有数据未改动。' : 'Nothing was imported; your data is unchanged.'} ${r.error}` });
    if (r.ok) changed();
  };
  const importGlossary = async (e: Event) => {
    const text = await readFile(e.target as HTMLInputElement);
    if (text === null) return;
    const parsed = parseJsonFile(text, zh ? '词表文件' : 'The glossary file');
    if (!parsed.ok) return setMessage({ ok: false, text: `${zh ? '未导入，原有数据未改动。' : 'Nothing was imported; your data is unchanged.'} ${parsed.error}` });
    const r = await askBackground<UserEntriesOutcome<{ added: number; overridden: number }>>({ type: 'import-user-entries', name: 'your glossary file', data: parsed.value }).catch(failed);
    if (!r.ok) return setMessage({ ok: false, text: `${zh ? '未导入，原有数据未改动。' : 'Nothing was imported; your data is unchanged.'} ${r.error}` });
    setMessage({ ok: true, text: zh ? `已导入：新增 ${r.value.added} 条，覆盖 ${r.value.overridden} 条。` : `Imported: ${r.value.added} added, ${r.value.overridden} overridden.` });
    changed();
  };
  return (
    <section aria-labelledby="data-heading">
      <h2 id="data-heading">{zh ? '导出与导入' : 'Export and import'}</h2>
      <p class="buttons">
        <button type="button" onClick={exportCsv}>{zh ? '生词本 CSV' : 'Vocabulary CSV'}</button>
        <button type="button" onClick={exportAnki}>{zh ? 'Anki 卡片（TSV）' : 'Anki cards (TSV)'}</button>
        <button type="button" onClick={() => void exportBackup()}>{zh ? 'JSON 备份' : 'JSON backup'}</button>
      </p>
      <label class="row">
        {zh ? '从 JSON 备份恢复' : 'Restore a JSON backup'} <input type="file" accept=".json,application/json" data-import="backup" onChange={(e) => void importBackup(e)} />
      </label>
      <label class="row">
        {zh ? '导入个人词表文件（增加或覆盖条目）' : 'Import a glossary file (adds or overrides entries)'}{' '}
        <input type="file" accept=".json,application/json" data-import="glossary" onChange={(e) => void importGlossary(e)} />
      </label>
      {message ? (
        <p role={message.ok ? 'status' : 'alert'} class={message.ok ? 'ok' : 'error'}>
          {message.text}
        </p>
      ) : null}
      <StorageUsage lang={lang} vocabulary={vocabulary.length} changes={changes} />
      <UserEntriesList lang={lang} changes={changes} onChanged={changed} />
    </section>
  );
}
