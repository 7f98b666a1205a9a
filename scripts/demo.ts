/**
 * `npm run demo`: Chromium with the built extension on the bundled sample speech (served from
 * 127.0.0.1). Where there is no display, or with `-- --screenshot FILE`, it writes a screenshot instead.
 */
import { resolve, join } from 'node:path';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { findChromium, highlightPoint, launchWithExtension, ROOT, waitForSettled } from './support/browser';
import { waitForCard } from './support/card';
import { startStaticServer } from './support/static-server';

const args = process.argv.slice(2);
const shotAt = args.indexOf('--screenshot');
const shotPath = shotAt >= 0 ? resolve(process.env.INIT_CWD ?? process.cwd(), args[shotAt + 1] ?? 'demo.png') : null;
const headless = shotPath !== null || !process.env.DISPLAY;
const target = shotPath ?? resolve(process.env.INIT_CWD ?? process.cwd(), 'demo.png');

// The demo is part of the two-command set-up: on Debian or Ubuntu without Chromium, install it (the
// tests never do this; they fail with the command instead).
try {
  findChromium();
} catch (err) {
  const root = process.getuid?.() === 0;
  const apt = existsSync('/usr/bin/apt-get');
  if (!apt) throw err;
  console.log(`No Chromium found: installing chromium and fonts-noto-cjk with apt-get${root ? '' : ' (sudo)'}…`);
  const options = { stdio: 'inherit' as const, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  const run = (args: string[]) => (root ? spawnSync(args[0]!, args.slice(1), options) : spawnSync('sudo', ['-n', ...args], options));
  if (run(['apt-get', 'update', '-qq']).status !== 0 || run(['apt-get', 'install', '-y', '-qq', 'chromium', 'fonts-noto-cjk']).status !== 0) {
    console.error('Could not install Chromium. Install it yourself: sudo apt-get install -y chromium fonts-noto-cjk');
    process.exit(1);
  }
  findChromium();
}

const server = await startStaticServer(join(ROOT, 'tests', 'fixtures'));
const browser = await launchWithExtension({ headless });
const page = await browser.context.newPage();
await page.goto(server.url('/sample-speech.html'));
const state = await waitForSettled(page);
console.log(`sample speech: ${server.url('/sample-speech.html')} — state ${state.state}, speech page ${state.speech}, ${state.matches} terms highlighted`);

if (headless) {
  // Show a card too: hover a formula with numbered items (两个确立), placed a third of the way down.
  const box = await highlightPoint(page, '两个确立', 0.3);
  if (box) {
    await page.mouse.move(box.x, box.y);
    await waitForCard(page).catch(() => undefined);
  }
  await page.screenshot({ path: target });
  console.log(`no display${shotPath ? ' needed' : ''}: wrote a screenshot to ${target}`);
  await browser.close();
  await server.close();
} else {
  console.log('Chromium is open with Tifa Reader loaded. Close the browser window to stop.');
  await new Promise<void>((done) => browser.context.on('close', () => done()));
  await server.close();
}
