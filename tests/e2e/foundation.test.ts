/** The extension loads into real Chromium: content script, popup and options render, no errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { extensionScriptsRun, launchWithExtension, openTraced, ROOT, screenshot, waitForSettled, watchErrors, type ExtensionBrowser } from '../../scripts/support/browser';
import { startStaticServer, type StaticServer } from '../../scripts/support/static-server';

let browser: ExtensionBrowser;
let server: StaticServer;

/**
 * What the page's first paragraph gets from our ideology highlight (its name is drawn at each load and
 * ends with the category), and how many sheets the document adopted.
 */
const highlightRules = (page: Page) =>
  page.evaluate(() => {
    const name = [...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()].find((k) => k.endsWith('-ideology')) ?? 'none';
    return { background: getComputedStyle(document.querySelector('p')!, `::highlight(${name})`).backgroundColor, adopted: document.adoptedStyleSheets.length };
  });
const OURS = 'rgba(214, 48, 49, 0.16)'; // core/highlight-rules.ts
const NONE = 'rgba(0, 0, 0, 0)';

beforeAll(async () => {
  server = await startStaticServer(join(ROOT, 'tests', 'fixtures'), {
    routes: { '/english.html': () => '<!doctype html><title>Plain page</title><p>Nothing Chinese here at all.</p>' },
  });
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('foundation', () => {
  it('runs the content script on a page served from 127.0.0.1 and publishes its state', async () => {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await page.goto(server.url('/sample-speech.html'));
    const state = await waitForSettled(page);
    expect(state.state).toBe('done');
    expect(state.speech).toBe('true');
    expect(state.matches).toBeGreaterThan(5);
    await screenshot(page, 'sample-speech.png');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('on a page with Chinese text, runs the gate, which imports the reader', async () => {
    const { page, events } = await openTraced(browser.context, server.url('/sample-speech.html'), (p) => waitForSettled(p));
    expect(extensionScriptsRun(events)).toEqual(['content-scripts/content.js (imported)', 'gate.js (declared)']);
    expect((await waitForSettled(page)).state).toBe('done');
    // The gate declares no stylesheet; the reader it imported adopted the highlight rules.
    expect(await highlightRules(page)).toEqual({ background: OURS, adopted: 1 });
    await page.close();
  });

  it('keeps its highlight rules where the page resets the document\'s adopted stylesheets', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/sample-speech.html'));
    await waitForSettled(page);
    expect((await highlightRules(page)).background).toBe(OURS);
    await page.evaluate(() => (document.adoptedStyleSheets = []));
    expect(await highlightRules(page)).toEqual({ background: NONE, adopted: 0 });
    // The next time the reader shows something (here: a paragraph the page adds), the rules are back.
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p>增强“四个意识”，坚定“四个自信”。</p>'));
    await expect.poll(() => highlightRules(page)).toEqual({ background: OURS, adopted: 1 });
    await page.close();
  });

  it('leaves a page without Chinese text untouched: only the gate runs, the reader is not loaded', async () => {
    // Nothing to wait for on such a page: give the gate (document_idle) ample time, then look.
    const { page, events } = await openTraced(browser.context, server.url('/english.html'), (p) => p.waitForTimeout(1000));
    expect(extensionScriptsRun(events)).toEqual(['gate.js (declared)']);
    const traces = await page.evaluate(() => ({
      attributes: document.documentElement.getAttributeNames().filter((a) => a.startsWith('data-tifa')),
      marks: performance.getEntriesByType('mark').map((m) => m.name),
    }));
    expect(traces).toEqual({ attributes: [], marks: [] });
    // No stylesheet of ours either: styling a large page for nothing cost ~5 ms (docs/performance.md).
    expect(await highlightRules(page)).toEqual({ background: NONE, adopted: 0 });
    await page.close();
  });

  it('renders the popup with Chinese text and no errors', async () => {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await page.setViewportSize({ width: 420, height: 560 });
    await page.goto(browser.extensionUrl('popup.html'));
    await expect.poll(() => page.textContent('h1')).toBe('提法阅读助手');
    await page.fill('input.search', 'lgql');
    await page.waitForSelector('button.result');
    const first = await page.textContent('button.result .term');
    expect(first).toBe('两个确立');
    await screenshot(page, 'popup-search.png');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('renders the options page with the glossary in Chinese and no errors', async () => {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await page.goto(browser.extensionUrl('options.html'));
    await page.waitForSelector('table.glossary tr');
    const rows = await page.locator('table.glossary tr').count();
    expect(rows).toBeGreaterThanOrEqual(250);
    expect(await page.textContent('body')).toContain('四个意识');
    await screenshot(page, 'options-glossary.png');
    await page.goto(browser.extensionUrl('options.html#entry/si-ge-yi-shi'));
    await page.waitForSelector('.entry-page .components li');
    expect(await page.locator('.entry-page .components li').allTextContents()).toEqual(['政治意识', '大局意识', '核心意识', '看齐意识']);
    await screenshot(page, 'options-entry.png');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('on the hosts where official Chinese text lives (*.cn, gov.hk, gov.mo, xinhuanet.com, cctv.com)', () => {
  let direct: ExtensionBrowser;
  beforeAll(async () => {
    direct = await launchWithExtension({ localHosts: ['*.gov.cn'] });
  });
  afterAll(async () => {
    await direct?.close();
  });
  const onGovHost = (url: string) => url.replace('127.0.0.1', 'www.example.gov.cn');

  it('the reader is declared directly: no gate, no import', async () => {
    const { page, events } = await openTraced(direct.context, onGovHost(server.url('/sample-speech.html')), (p) => waitForSettled(p));
    expect(extensionScriptsRun(events)).toEqual(['content-scripts/content.js (declared)']);
    const state = await waitForSettled(page);
    expect(state.state).toBe('done');
    expect(state.matches).toBeGreaterThan(5);
    // The manifest declares no stylesheet (our highlight names are drawn at each load): the reader adopts its rules.
    expect(await highlightRules(page)).toEqual({ background: OURS, adopted: 1 });
    await page.close();
  });

  it('and makes the gate\'s test itself: a page there without Chinese text is left untouched', async () => {
    const { page, events } = await openTraced(direct.context, onGovHost(server.url('/english.html')), (p) => p.waitForTimeout(1000));
    expect(extensionScriptsRun(events)).toEqual(['content-scripts/content.js (declared)']);
    expect(await page.evaluate(() => document.documentElement.getAttributeNames().filter((a) => a.startsWith('data-tifa')))).toEqual([]);
    await page.close();
  });
});
