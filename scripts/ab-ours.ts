/**
 * A against B: two builds of the extension on one page, runs taking turns, each in its own headless
 * Chromium, "ours" (tifa:start to tifa:painted) and every phase mark. On this 2-core machine one run
 * varies by ±30%, so a change worth a few milliseconds shows only in the medians of many such turns.
 *
 *   TIFA_BENCH=1 npx wxt build && cp -r .output-bench/chrome-mv3 /tmp/a      # before the change
 *   TIFA_BENCH=1 npx wxt build && cp -r .output-bench/chrome-mv3 /tmp/b      # after it
 *   BENCH_DUMP=/tmp/pages npx tsx scripts/bench.ts        # the benchmark's pages
 *   npx tsx scripts/ab-ours.ts /tmp/a /tmp/b /tmp/pages/speech-2m.html [runs]
 */
import { basename, dirname, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { gotoHandsOff, launchWithExtension, median, PHASE_MARKS } from './support/browser';
import { startStaticServer } from './support/static-server';

const [dirA, dirB, file] = process.argv.slice(2);
if (!dirA || !dirB || !file) {
  console.error('usage: npx tsx scripts/ab-ours.ts BUILD_A BUILD_B PAGE.html [runs]');
  process.exit(2);
}
const runs = Number(process.argv[5] ?? 21);

async function once(context: BrowserContext, url: string): Promise<Record<string, number>> {
  await new Promise((r) => setTimeout(r, 300));
  const page = await context.newPage();
  await gotoHandsOff(page, url);
  const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
  await page.close();
  return Object.fromEntries(PHASE_MARKS.map((p) => [p, marks[`tifa:${p}`]! - marks['tifa:start']!]));
}

const server = await startStaticServer(dirname(resolve(file)));
// AB_HOST=speech.example.gov.cn serves the page under that host name (resolved to 127.0.0.1).
const host = process.env.AB_HOST;
const url = host ? server.url(`/${basename(file)}`).replace('127.0.0.1', host) : server.url(`/${basename(file)}`);
const localHosts = host ? [host] : [];
const browsers = { A: await launchWithExtension({ extensionDir: dirA, localHosts }), B: await launchWithExtension({ extensionDir: dirB, localHosts }) };
const results: Record<'A' | 'B', Array<Record<string, number>>> = { A: [], B: [] };
for (let i = 0; i < runs; i++) {
  // Alternate which goes first, so neither always follows the other's teardown.
  for (const which of i % 2 === 0 ? (['A', 'B'] as const) : (['B', 'A'] as const)) results[which].push(await once(browsers[which].context, url));
}
for (const which of ['A', 'B'] as const) {
  console.log(`${which} (${which === 'A' ? dirA : dirB}): ${PHASE_MARKS.map((p) => `${p} ${median(results[which].map((r) => r[p]!)).toFixed(1)}`).join(' | ')}`);
}
const wins = results.B.filter((r, i) => r.painted! < results.A[i]!.painted!).length;
console.log(`B painted sooner than A in ${wins} of ${runs} turns`);
await browsers.A.close();
await browsers.B.close();
await server.close();
