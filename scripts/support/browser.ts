/**
 * Real Chromium with the built extension loaded, through Playwright. Never skips: without a browser
 * or a build it fails with the command that fixes it.
 */
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');
/**
 * The benchmark's build (`TIFA_BENCH=1 npx wxt build`): the shipped code plus its performance marks
 * (`tifa:*`), which the shipped build does not set (a page could read them: docs/security.md).
 */
export const BENCH_EXTENSION_DIR = join(ROOT, '.output-bench', 'chrome-mv3');
export const SCREENSHOT_DIR = join(ROOT, 'test-output', 'screenshots');

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium(): string {
  const found = CANDIDATES.find((p): p is string => !!p && existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found (looked at $CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome). ' +
        'Install it with: sudo apt-get install -y chromium fonts-noto-cjk   (or set CHROMIUM_PATH to a Chromium binary)',
    );
  }
  return found;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

export async function launchWithExtension(
  options: {
    headless?: boolean;
    locale?: string;
    hasTouch?: boolean;
    viewport?: { width: number; height: number };
    deviceScaleFactor?: number;
    /** Another build of the extension (scripts/ab-ours.ts); the project's own by default. */
    extensionDir?: string;
    /** Host names to resolve to 127.0.0.1 (e.g. `*.gov.cn`), to serve local pages under them. */
    localHosts?: string[];
  } = {},
): Promise<ExtensionBrowser> {
  const extensionDir = resolve(options.extensionDir ?? EXTENSION_DIR);
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    const how = extensionDir === BENCH_EXTENSION_DIR ? 'TIFA_BENCH=1 npx wxt build' : 'npm run build';
    throw new Error(`No built extension at ${extensionDir}. Build it first: ${how}`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'tifa-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: options.headless ?? true,
    locale: options.locale ?? 'zh-CN',
    viewport: options.viewport ?? { width: 1200, height: 860 },
    ...(options.hasTouch ? { hasTouch: true } : {}),
    ...(options.deviceScaleFactor ? { deviceScaleFactor: options.deviceScaleFactor } : {}),
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--no-first-run',
      '--disable-sync',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-gpu',
      '--disable-quic',
      `--lang=${options.locale ?? 'zh-CN'}`,
      // V8 flags for looking into the JIT, e.g. TIFA_JS_FLAGS='--trace-opt --trace-deopt' with
      // DEBUG=pw:browser to see the renderer's output (docs/performance.md, "Finding where the time goes").
      ...(process.env.TIFA_JS_FLAGS ? [`--js-flags=${process.env.TIFA_JS_FLAGS}`] : []),
      ...(options.localHosts?.length
        ? [`--host-resolver-rules=${options.localHosts.map((h) => `MAP ${h} 127.0.0.1`).join(', ')}`, '--disable-features=HttpsUpgrades']
        : []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    close: () => context.close(),
  };
}

/**
 * Open `url` and wait until the content script has painted, touching the page only once its work
 * is surely over: waiting polls the page through Playwright's utility world, and a poll inside the
 * measured window (its first one injects a script: ~9 ms) was counted as ours (seen in traces).
 */
export async function gotoHandsOff(page: Page, url: string): Promise<{ state: string; speech: string; matches: number }> {
  await page.goto(url);
  await page.waitForTimeout(1500);
  const settled = await waitForSettled(page, 120_000);
  await page.waitForFunction(() => performance.getEntriesByName('tifa:painted').length > 0, undefined, { timeout: 60_000 });
  return settled;
}

/** A trace event as the DevTools protocol delivers it (the fields our tools read). */
export interface TraceEvent {
  name: string;
  /** The event's phase: 'X' a complete event (with `dur`), 'I' an instant (a mark), … */
  ph?: string;
  pid?: number;
  tid?: number;
  ts: number;
  /** Wall-clock duration, µs. */
  dur?: number;
  /** The thread's CPU time over the event, µs: without the time the OS gave the thread's core to others. */
  tdur?: number;
  args?: { data?: { url?: string } };
}

/** Start tracing a page with these categories; `stop()` ends the trace and gives its events. */
export async function startTrace(context: BrowserContext, page: Page, categories: string[]): Promise<{ cdp: CDPSession; stop(): Promise<TraceEvent[]> }> {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories } });
  return {
    cdp,
    async stop() {
      const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
      await cdp.send('Tracing.end');
      await complete;
      return events;
    },
  };
}

/**
 * Which of the extension's scripts ran in a page, from a trace with `devtools.timeline`: a content
 * script declared in the manifest shows as an EvaluateScript, a module imported by one as a
 * v8.compileModule. Paths are relative to the extension root, e.g. `gate.js (declared)`.
 */
export function extensionScriptsRun(events: readonly TraceEvent[]): string[] {
  const run = new Set<string>();
  for (const e of events) {
    const url = e.args?.data?.url ?? '';
    if (!/^(chrome|moz)-extension:\/\//.test(url)) continue;
    const path = new URL(url).pathname.slice(1);
    if (e.name === 'EvaluateScript') run.add(`${path} (declared)`);
    else if (e.name === 'v8.compileModule') run.add(`${path} (imported)`);
  }
  return [...run].sort();
}

/** Open `url` in a new page with a trace running; `settle` waits for what the test needs. */
export async function openTraced(context: BrowserContext, url: string, settle: (page: Page) => Promise<unknown>): Promise<{ page: Page; events: TraceEvent[] }> {
  const page = await context.newPage();
  const trace = await startTrace(context, page, ['devtools.timeline']);
  await page.goto(url);
  await settle(page);
  return { page, events: await trace.stop() };
}

/** The content script's phase marks (`tifa:…`) after `tifa:start`, in order (docs/performance.md). */
export const PHASE_MARKS = ['reader-start', 'walk-done', 'data-loaded', 'matcher-built', 'matched', 'ranges-registered', 'painted', 'scanned'] as const;

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : NaN;
}

/** Collect page errors and console errors, to assert there are none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}${m.location().url ? ` (${m.location().url})` : ''}`);
  });
  return errors;
}

/** Wait for the content script to settle: data-tifa-state is done or off. */
export async function waitForSettled(page: Page, timeout = 15000): Promise<{ state: string; speech: string; matches: number }> {
  // Polled from Node through Playwright's isolated utility world, so a page that overwrites its own
  // globals (MutationObserver, requestAnimationFrame, Array.prototype.push) cannot break the wait.
  const html = page.locator('html');
  const deadline = Date.now() + timeout;
  for (;;) {
    const state = (await html.getAttribute('data-tifa-state')) ?? '';
    if (state === 'done' || state === 'off') {
      return {
        state,
        speech: (await html.getAttribute('data-tifa-speech')) ?? '',
        matches: Number(await html.getAttribute('data-tifa-matches')),
      };
    }
    if (Date.now() > deadline) throw new Error(`content script did not settle within ${timeout} ms (data-tifa-state="${state}")`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, name);
  await page.screenshot({ path });
  return path;
}

/** How many highlight ranges the page has registered now (all categories). */
export async function registeredHighlights(page: Page): Promise<number> {
  return page.evaluate(() => {
    let n = 0;
    for (const h of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.values()) n += h.size;
    return n;
  });
}

/** Wait until the page has painted twice: highlights registered as blocks come near the viewport are in. */
export async function settleFrames(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0)))));
}

/**
 * The centre of a highlighted term in the viewport, read from the page's highlight registry, after
 * scrolling it to `where` (a fraction of the viewport's height). With `text`, the first range showing
 * that text; otherwise the first range in document order. Null when nothing matches. Highlights are
 * registered only near the viewport, so the page is scrolled down from the top until one shows.
 */
export async function highlightPoint(page: Page, text?: string, where = 0.5): Promise<{ x: number; y: number; text: string } | null> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await settleFrames(page);
  for (let step = 0; step < 500; step++) {
    const found = await page.evaluate(
      ([text, where]) => {
        let chosen: Range | null = null;
        for (const h of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.values())
          for (const r of h) {
            if (text !== null && r.toString() !== text) continue;
            if (!chosen || r.compareBoundaryPoints(Range.START_TO_START, chosen) < 0) chosen = r;
          }
        if (!chosen) {
          if (window.scrollY + innerHeight >= document.documentElement.scrollHeight - 1) return 'end';
          window.scrollBy(0, innerHeight);
          return 'more';
        }
        window.scrollBy(0, chosen.getBoundingClientRect().top - innerHeight * where);
        const rect = chosen.getClientRects()[0] ?? chosen.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, text: chosen.toString() };
      },
      [text ?? null, where] as const,
    );
    if (found === 'end') return null;
    if (found !== 'more') return found;
    await settleFrames(page);
  }
  return null;
}

/**
 * Every highlighted occurrence on the page, counted by scrolling through it one viewport at a time
 * and collecting the registered ranges (each keyed by its text and place on the page).
 */
export async function highlightsThroughPage(page: Page): Promise<{ total: number; mostAtOnce: number }> {
  await page.evaluate(() => window.scrollTo(0, 0));
  const seen = new Set<string>();
  let mostAtOnce = 0;
  for (let step = 0; step < 2000; step++) {
    await settleFrames(page);
    const { keys, atEnd } = await page.evaluate(() => {
      const keys: string[] = [];
      for (const h of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.values())
        for (const r of h) {
          const rect = r.getBoundingClientRect();
          keys.push(`${Math.round(rect.top + window.scrollY)}:${Math.round(rect.left)}:${r.toString()}`);
        }
      const atEnd = window.scrollY + innerHeight >= document.documentElement.scrollHeight - 1;
      if (!atEnd) window.scrollBy(0, innerHeight);
      return { keys, atEnd };
    });
    for (const k of keys) seen.add(k);
    mostAtOnce = Math.max(mostAtOnce, keys.length);
    if (atEnd) break;
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  return { total: seen.size, mostAtOnce };
}
