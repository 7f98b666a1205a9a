/**
 * Delete one, some or all items of a stored list, with undo: the state and actions shared by the
 * vocabulary list and the personal entries. The deleting itself is the background's (the one writer);
 * `remove` and `putBack` send it the request and answer what was removed or an error.
 */
import { useState } from 'preact/hooks';

export type Removal<T> = { ok: true; removed: T[] } | { ok: false; error: string };

export interface Deletion<K, T> {
  selected: ReadonlySet<K>;
  toggle(key: K): void;
  /** Delete these (one item, the selection) or all. */
  remove(keys: K[] | 'all'): Promise<void>;
  /** What the last delete removed (offered for undo), or null. */
  lastRemoved: T[] | null;
  undo(): Promise<void>;
  error: string | null;
}

export function useDeletion<K, T>(deps: { remove(keys: K[] | 'all'): Promise<Removal<T>>; putBack(items: T[]): Promise<{ ok: boolean; error?: string }>; onChanged(): void }): Deletion<K, T> {
  const [selected, setSelected] = useState<ReadonlySet<K>>(new Set());
  const [lastRemoved, setLastRemoved] = useState<T[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  return {
    selected,
    toggle(key) {
      const next = new Set(selected);
      if (!next.delete(key)) next.add(key);
      setSelected(next);
    },
    async remove(keys) {
      const r = await deps.remove(keys).catch((err: unknown) => ({ ok: false as const, error: String(err) }));
      if (!r.ok) return setError(r.error);
      setError(null);
      setSelected(new Set());
      setLastRemoved(r.removed);
      deps.onChanged();
    },
    lastRemoved,
    async undo() {
      if (!lastRemoved) return;
      const r = await deps.putBack(lastRemoved).catch((err: unknown) => ({ ok: false, error: String(err) }));
      if (!r.ok) return setError(r.error ?? 'failed');
      setError(null);
      setLastRemoved(null);
      deps.onChanged();
    },
    error,
  };
}
