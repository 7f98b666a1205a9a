import type { Lang } from '../core/ui-text';
import type { Deletion } from './use-deletion';

/** The list's delete controls: delete the selected, delete all, and undo of the last delete. */
export function DeletionBar<K, T>({ deletion, count, lang, what }: { deletion: Deletion<K, T>; count: number; lang: Lang; what: string }) {
  const zh = lang === 'zh';
  const { selected, lastRemoved, error } = deletion;
  return (
    <div class="deletion">
      <p class="buttons">
        <button type="button" data-delete="selected" disabled={selected.size === 0} onClick={() => void deletion.remove([...selected])}>
          {zh ? `删除所选（${selected.size}）` : `Delete selected (${selected.size})`}
        </button>
        <button type="button" data-delete="all" disabled={count === 0} onClick={() => void deletion.remove('all')}>
          {zh ? `全部删除` : `Delete all`}
        </button>
      </p>
      {lastRemoved ? (
        <p role="status" class="ok">
          {zh ? `已删除${what} ${lastRemoved.length} 条。` : `Deleted ${lastRemoved.length} ${what}.`}{' '}
          <button type="button" data-undo="" onClick={() => void deletion.undo()}>
            {zh ? '撤销' : 'Undo'}
          </button>
        </p>
      ) : null}
      {error ? (
        <p role="alert" class="error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
