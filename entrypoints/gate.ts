/**
 * The gate: the script declared for every page outside DIRECT_MATCHES, ~1.3 KB with no polyfill and
 * no UI. A page without Chinese text costs this and nothing more; a page with it gets the reader (the
 * content script bundle, entrypoints/content/) by a dynamic import, begun at once beside the storage
 * read. It does not begin reading the page: that made no difference to when highlights were painted
 * (the import's own tasks then wait behind the walk) and every byte here is compiled on every page.
 */
import type { browser as Browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { leaveHandoff, PAGE_DATA_KEYS, READER_PATH } from '../runtime/gate-handoff';
import { pageHasHan } from './content/han-gate';

export default defineUnlistedScript(() => {
  // Nothing else is touched on a page without Chinese text: no attribute, no mark (docs/performance.md).
  if (!pageHasHan(document)) return;
  performance.mark('tifa:start');
  // Firefox has a promise-based `browser`; Chrome's `chrome` returns promises in MV3.
  const g = globalThis as { browser?: typeof Browser; chrome?: typeof Browser };
  const ext = (g.browser?.runtime ? g.browser : g.chrome)!;
  const stored = ext.storage.local.get(PAGE_DATA_KEYS);
  stored.catch(() => undefined); // the reader reports it when it awaits
  leaveHandoff({ stored });
  import(/* @vite-ignore */ ext.runtime.getURL(`/${READER_PATH}`)).catch((err: unknown) => {
    console.warn('[Tifa Reader] could not load the reader on this page:', err);
  });
});
