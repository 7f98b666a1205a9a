import { useEffect, useState } from 'preact/hooks';
import type { CuratedEntry } from '../core/glossary-types';
import type { Lang } from '../core/ui-text';
import { askBackground } from '../runtime/messages';
import { getUserEntries, type UserEntriesOutcome } from '../runtime/user-glossary';
import { DeletionBar } from './DeletionBar';
import { useDeletion, type Removal } from './use-deletion';

async function asRemoval(outcome: Promise<UserEntriesOutcome<CuratedEntry[]>>): Promise<Removal<CuratedEntry>> {
  const r = await outcome;
  return r.ok ? { ok: true, removed: r.value } : r;
}

/** The personal glossary (entries added from text analysis or imported): delete one, some or all, with undo. */
export function UserEntriesList({ lang, changes, onChanged }: { lang: Lang; changes: number; onChanged(): void }) {
  const zh = lang === 'zh';
  const [entries, setEntries] = useState<CuratedEntry[]>([]);
  const [read, setRead] = useState(0);
  useEffect(() => void getUserEntries().then(setEntries), [changes, read]);
  const deletion = useDeletion<string, CuratedEntry>({
    remove: (ids) => asRemoval(askBackground({ type: 'delete-user-entries', ids })),
    putBack: (removed) => asRemoval(askBackground({ type: 'undo-delete-user-entries', entries: removed })),
    onChanged: () => {
      setRead(read + 1);
      onChanged();
    },
  });
  return (
    <section aria-labelledby="user-entries-heading">
      <h3 id="user-entries-heading">
        {zh ? '个人条目' : 'Personal entries'} <span class="muted">({entries.length})</span>
      </h3>
      <DeletionBar deletion={deletion} count={entries.length} lang={lang} what={zh ? '个人条目' : 'personal entries'} />
      <ul class="user-entries">
        {entries.map((e) => (
          <li key={e.id}>
            <input type="checkbox" aria-label={zh ? `选择“${e.term}”` : `Select ${e.term}`} checked={deletion.selected.has(e.id)} onChange={() => deletion.toggle(e.id)} />{' '}
            <span lang="zh-CN">{e.term}</span> <span class="muted">{e.summary_zh}</span>{' '}
            <button type="button" class="link" onClick={() => void deletion.remove([e.id])}>
              {zh ? '删除' : 'Delete'}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
