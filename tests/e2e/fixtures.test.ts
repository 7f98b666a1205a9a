/**
 * Every fixture page in real Chromium with the extension: no page errors, the same detection and the
 * same count as the scan command (which uses the same core on a Node DOM), and no network request
 * outside 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchWithExtension, ROOT, waitForSettled, watchErrors, type ExtensionBrowser } from '../../scripts/support/browser';
import { startStaticServer, type StaticServer } from '../../scripts/support/static-server';

const PAGES = join(ROOT, 'tests', 'fixtures', 'pages');
const manifest = JSON.parse(readFileSync(join(PAGES, 'manifest.json'), 'utf8')) as Array<{ file: string; speech: boolean }>;

let browser: ExtensionBrowser;
let server: StaticServer;
const requests: string[] = [];

beforeAll(async () => {
  server = await startStaticServer(join(ROOT, 'tests', 'fixtures'));
  browser = await launchWithExtension();
  browser.context.on('request', (r) => requests.push(r.url()));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the fixture pages in Chromium', () => {
  it('are processed without errors, detected and counted as the scan command does, with no request outside 127.0.0.1', async () => {
    // Served from 127.0.0.1, the pages have no government host: scan them with no host too.
    const out = execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/scan.ts', ...manifest.map((m) => join('tests', 'fixtures', 'pages', m.file))], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const scans = out.trim().split('\n').map((l) => JSON.parse(l) as { speech: boolean; matches: number });
    expect(scans).toHaveLength(manifest.length);
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    const disagreements: string[] = [];
    let highlighted = 0;
    for (const [i, m] of manifest.entries()) {
      await page.goto(server.url(`/pages/${m.file}`));
      const state = await waitForSettled(page);
      const scan = scans[i]!;
      if (String(scan.speech) !== state.speech) disagreements.push(`${m.file}: speech ${state.speech} in Chromium, ${scan.speech} by scan`);
      else if (scan.speech && state.matches !== scan.matches) disagreements.push(`${m.file}: ${state.matches} highlighted, scan says ${scan.matches}`);
      if (state.speech === 'true') highlighted++;
    }
    const outside = requests.filter((u) => !/^(http:\/\/127\.0\.0\.1:\d+\/|chrome-extension:\/\/|data:|about:)/.test(u));
    console.log(`fixtures in Chromium: ${manifest.length} pages, ${highlighted} highlighted, ${errors.length} errors, ${requests.length} requests, ${outside.length} outside 127.0.0.1`);
    expect(disagreements).toEqual([]);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    expect(highlighted).toBeGreaterThan(10);
    await page.close();
  });
});
