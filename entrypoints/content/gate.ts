/**
 * The gate: the script declared for every page outside DIRECT_MATCHES (runtime/gate-handoff.ts).
 * A page without Chinese text costs this and nothing more; a page with it gets the reader (the content
 * script bundle, ./index.ts) by a dynamic import, begun at once beside the storage read.
 *
 * Built apart from WXT's entry points, by esbuild in wxt.config.ts (scripts/support/gate-build.ts),
 * without the entry wrapper WXT adds: every page compiles it (~0.28 ms of the ~0.85 it costs a page
 * without Chinese text; WXT's wrapper doubled its size and added ~0.1 ms: docs/performance.md).
 * No polyfill, no UI, nothing from `#imports`.
 * It does not begin reading the page: that made no difference to when highlights were painted (the
 * import's own tasks then wait behind the walk) and would make the script larger.
 *
 * The test for Chinese text is written out at the script's top level, the same walk as `pageHasHan`
 * (./han-gate.ts, which the reader uses): called as a function it cost ~0.1 ms more on a page without
 * Chinese text (V8 compiles a function when it is first called; the script's own body is compiled
 * with the script). tests/unit/gate.test.ts runs this script as built on the cases of `pageHasHan`.
 */
import type { browser as Browser } from 'wxt/browser';
import { HAN_RE } from '../../core/normalize';
import { HANDOFF_KEY, PAGE_DATA_KEYS, READER_PATH, type GateHandoff } from '../../runtime/gate-handoff';
import { GATE_CHARS } from './han-gate';

// Nothing else is touched on a page without Chinese text: no attribute, no mark (docs/security.md).
// Not even `performance` to note the start (docs/performance.md, "What is measured"): the mark
// comes after the test, which stops at the first Han text.
let han = false;
const walker = document.createTreeWalker(document, 4 /* NodeFilter.SHOW_TEXT */);
for (let n = walker.nextNode(), read = 0; n && read < GATE_CHARS; n = walker.nextNode()) {
  const data = (n as Text).data;
  if (HAN_RE.test(data)) {
    han = true;
    break;
  }
  read += data.length;
}
// The reader's start, written out too, with no function of its own (every page pre-parses each function,
// called or not: ~0.02–0.04 ms, docs/performance.md). `catch(Object)` and `bind` handle rejections without one.
if (han) {
  if (import.meta.env.TIFA_BENCH) performance.mark('tifa:start');
  // Firefox has a promise-based `browser`; Chrome's `chrome` returns promises in MV3.
  const g = globalThis as { browser?: typeof Browser; chrome?: typeof Browser } & Record<string, unknown>;
  const ext = (g.browser?.runtime ? g.browser : g.chrome)!;
  const stored = ext.storage.local.get(PAGE_DATA_KEYS);
  stored.catch(Object); // not reported here: the reader reports a failed read when it awaits it
  g[HANDOFF_KEY] = { stored } satisfies GateHandoff;
  import(/* @vite-ignore */ ext.runtime.getURL(`/${READER_PATH}`)).catch(console.warn.bind(console, '[Tifa Reader] could not load the reader on this page:'));
}
