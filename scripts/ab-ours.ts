/**
 * A against B: two builds of the extension on one page, runs taking turns, each in its own headless
 * Chromium, "ours" (tifa:start to tifa:painted) and every phase mark. On this 2-core machine one run
 * varies by ±30%, so a change worth a few milliseconds shows only in the medians of many such turns.
 *
 *   npx wxt build && cp -r .output/chrome-mv3 /tmp/a      # before the change
 *   npx wxt build && cp -r .output/chrome-mv3 /tmp/b      # after it
 *   BENCH_DUMP=/tmp/pages npx tsx scripts/bench.ts        # the benchmark's pages
 *   npx tsx scripts/ab-ours.ts /tmp/a /tmp/b /tmp/pages/speech-2m.html [runs]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { findChromium, waitForSettled } from './support/browser';
import { startStaticServer } from './support/static-server';

const [dirA, dirB, file] = process.argv.slice(2);
if (!dirA || !dirB || !file) {
  console.error('usage: npx tsx scripts/ab-ours.ts BUILD_A BUILD_B PAGE.html [runs]');
  process.exit(2);
}
const runs = Number(process.argv[5] ?? 21);
const PHASES = ['walk-done', 'data-loaded', 'matcher-built', 'matched', 'ranges-registered', 'painted'];

async function launch(dir: string): Promise<BrowserContext> {
  const ext = resolve(dir);
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'tifa-ab-')), {
    executablePath: findChromium(),
    headless: true,
    locale: 'zh-CN',
    viewport: { width: 1200, height: 860 },
    args: [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`, '--no-sandbox', '--no-first-run', '--disable-sync', '--disable-background-networking', '--disable-component-update', '--disable-gpu', '--lang=zh-CN'],
  });
  if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker', { timeout: 20_000 });
  return context;
}

async function once(context: BrowserContext, url: string): Promise<Record<string, number>> {
  await new Promise((r) => setTimeout(r, 300));
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForTimeout(1500); // hands off while the content script works
  await waitForSettled(page, 60_000);
  await page.waitForFunction(() => performance.getEntriesByName('tifa:painted').length > 0);
  const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
  await page.close();
  return Object.fromEntries(PHASES.map((p) => [p, marks[`tifa:${p}`]! - marks['tifa:start']!]));
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2;
};

const server = await startStaticServer(dirname(resolve(file)));
const url = server.url(`/${basename(file)}`);
const contexts = { A: await launch(dirA), B: await launch(dirB) };
const results: Record<'A' | 'B', Array<Record<string, number>>> = { A: [], B: [] };
for (let i = 0; i < runs; i++) {
  // Alternate which goes first, so neither always follows the other's teardown.
  for (const which of i % 2 === 0 ? (['A', 'B'] as const) : (['B', 'A'] as const)) results[which].push(await once(contexts[which], url));
}
for (const which of ['A', 'B'] as const) {
  console.log(`${which} (${which === 'A' ? dirA : dirB}): ${PHASES.map((p) => `${p} ${median(results[which].map((r) => r[p]!)).toFixed(1)}`).join(' | ')}`);
}
const wins = results.B.filter((r, i) => r.painted! < results.A[i]!.painted!).length;
console.log(`B painted sooner than A in ${wins} of ${runs} turns`);
await contexts.A.close();
await contexts.B.close();
await server.close();
