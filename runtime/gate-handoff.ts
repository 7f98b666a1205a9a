/**
 * How the reader (the content script bundle, entrypoints/content/) reaches a page:
 * - on the hosts where official Chinese text lives (DIRECT_MATCHES) it is declared directly and runs
 *   at once, like any content script;
 * - everywhere else only the gate runs (entrypoints/content/gate.ts, 0.6 KB, no polyfill, no UI):
 *   a page without Chinese text costs that and nothing more; on a page with it, the gate imports the
 *   reader (~25–35 ms until it runs, mostly waiting) and hands it the storage read it began
 *   meanwhile. Both run in the same isolated world; the page cannot see the handoff.
 * No `browser` import here: the gate must stay free of the polyfill. docs/performance.md has the figures.
 */

/** The reader bundle, relative to the extension root (web-accessible; see wxt.config.ts). */
export const READER_PATH = 'content-scripts/content.js';
/** The gate script, relative to the extension root. */
export const GATE_PATH = 'gate.js';
/**
 * Hosts where the reader is declared directly: every .cn host (government, Party and official media
 * sites: gov.cn, people.com.cn, news.cn, qstheory.cn, 12371.cn, gmw.cn…), the Hong Kong and Macao
 * governments, and the official media outside .cn that the speech detector knows (core/detector.ts).
 */
export const DIRECT_MATCHES = ['*://*.cn/*', '*://*.gov.hk/*', '*://*.gov.mo/*', '*://*.xinhuanet.com/*', '*://*.cctv.com/*'];
/** Every page the extension reads: the gate's matches (less DIRECT_MATCHES). */
export const ALL_MATCHES = ['http://*/*', 'https://*/*'];

/** The storage keys a page needs before it can scan (runtime/page-data.ts). */
export const PAGE_DATA_KEYS = ['settings', 'settings$', 'matchIndex'];

export interface GateHandoff {
  /** The raw answer of storage.local.get(PAGE_DATA_KEYS), begun by the gate. */
  stored: Promise<Record<string, unknown>>;
}

/** Where the gate leaves its handoff: a global of the isolated world the gate and the reader share. */
export const HANDOFF_KEY = '__tifaReaderGate';

/** The gate's handoff, once: a second call (or a reader started some other way) gets null. */
export function takeHandoff(): GateHandoff | null {
  const g = globalThis as Record<string, unknown>;
  const handoff = g[HANDOFF_KEY] as GateHandoff | undefined;
  delete g[HANDOFF_KEY];
  return handoff && handoff.stored instanceof Promise ? handoff : null;
}
