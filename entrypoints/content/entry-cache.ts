/**
 * Entries of the terms on this page, fetched from the background in one message after painting, so a
 * card opens without a round trip. Anything else (a related term) is asked for when needed.
 */
import type { EntryView } from '../../runtime/messages';

export class EntryCache {
  private readonly entries = new Map<string, EntryView>();

  constructor(
    private readonly fetchMany: (ids: string[]) => Promise<EntryView[]>,
    /** Called once the first entries are in: a moment to prepare the card. */
    private readonly onFirstEntries: (first: EntryView) => void,
  ) {}

  get(id: string): EntryView | null {
    return this.entries.get(id) ?? null;
  }

  prefetch(ids: readonly string[]): void {
    const missing = ids.filter((id) => !this.entries.has(id));
    if (missing.length === 0) return;
    const wasEmpty = this.entries.size === 0;
    void this.fetchMany(missing)
      .then((views) => {
        for (const v of views) this.entries.set(v.entry.id, v);
        if (wasEmpty && views[0]) this.onFirstEntries(views[0]);
      })
      .catch(() => undefined); // the card falls back to asking for its entry when it opens
  }
}

/** Run `work` when the page is idle (or soon, where requestIdleCallback is missing). */
export function whenIdle(work: () => void): void {
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
  if (idle) idle(work, { timeout: 1000 });
  else setTimeout(work, 50);
}
