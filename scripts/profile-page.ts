/**
 * Where the time of "ours" goes on one page: loads it N times in headless Chromium with the built
 * extension, with a sampling CPU profile, and prints the phase marks of each run and the functions
 * that ran between `tifa:start` and `tifa:painted` (self and total milliseconds, mean per run).
 *
 *   BENCH_DUMP=/tmp/pages npx tsx scripts/bench.ts        # the benchmark's generated pages
 *   TIFA_BENCH=1 TIFA_NO_MINIFY=1 npx wxt build                     # readable function names
 *   npx tsx scripts/profile-page.ts /tmp/pages/speech-2m.html [runs] [from-mark] [to-mark]
 *
 * The marks (default tifa:start and tifa:painted) narrow it to a phase, e.g. tifa:matched tifa:ranges-registered.
 * The profiler slows the page (~20%): read proportions here, take timings from `npm run bench`.
 */
import { basename, dirname } from 'node:path';
import { BENCH_EXTENSION_DIR, gotoHandsOff, launchWithExtension, startTrace } from './support/browser';
import { startStaticServer } from './support/static-server';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const file = process.argv[2];
if (!file) {
  console.error('usage: npx tsx scripts/profile-page.ts PAGE.html [runs]   (pages: BENCH_DUMP=DIR npx tsx scripts/bench.ts)');
  process.exit(2);
}
const runs = Number(process.argv[3] ?? 5);
const fromMark = process.argv[4] ?? 'tifa:start';
const toMark = process.argv[5] ?? 'tifa:painted';
const server = await startStaticServer(dirname(file));
const ext = await launchWithExtension({ extensionDir: BENCH_EXTENSION_DIR });
const self = new Map<string, number>();
const total = new Map<string, number>();
const label = (f: CallFrame) => `${f.functionName || '(anonymous)'} ${basename(f.url) || ''}:${f.lineNumber}`;
const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v / runs);

for (let run = 0; run < runs; run++) {
  const page = await ext.context.newPage();
  // The marks come from a trace, whose clock is the profile's (performance.now() is not).
  const trace = await startTrace(ext.context, page, ['blink.user_timing']);
  const { cdp } = trace;
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await gotoHandsOff(page, server.url(`/${basename(file)}`));
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  const events = await trace.stop();
  const at = (name: string) => events.find((e) => e.name === name)?.ts ?? NaN;
  const start = at('tifa:start');
  const from = at(fromMark);
  const to = at(toMark);
  const marks = events.filter((e) => e.name.startsWith('tifa:')).sort((a, b) => a.ts - b.ts);
  console.log(marks.map((e) => `${e.name.slice(5)} ${((e.ts - start) / 1000).toFixed(1)}`).join(' | '));

  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  let t = profile.startTime;
  profile.samples.forEach((id, k) => {
    t += profile.timeDeltas[k]!;
    const dt = profile.timeDeltas[k + 1] ?? 0;
    if (t < from || t > to) return;
    add(self, label(byId.get(id)!.callFrame), dt);
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const key = label(byId.get(n)!.callFrame);
      if (!seen.has(key)) add(total, key, dt);
      seen.add(key);
    }
  });
  await page.close();
}
const top = (m: Map<string, number>, n: number) =>
  [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${(v / 1000).toFixed(1).padStart(6)} ms  ${k}`).join('\n');
console.log(`\nself time between ${fromMark} and ${toMark} (mean of ${runs} runs)\n${top(self, 25)}`);
console.log(`\ntotal time (the function and what it called)\n${top(total, 35)}`);
await ext.close();
await server.close();
