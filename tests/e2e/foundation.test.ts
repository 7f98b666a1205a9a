/** The extension loads into real Chromium: content script, popup and options render, no errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { launchWithExtension, ROOT, screenshot, waitForSettled, watchErrors, type ExtensionBrowser } from '../../scripts/support/browser';
import { startStaticServer, type StaticServer } from '../../scripts/support/static-server';

let browser: ExtensionBrowser;
let server: StaticServer;

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

  it('marks a page without Chinese text as off, with no matches', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/english.html'));
    const state = await waitForSettled(page);
    expect(state).toEqual({ state: 'off', speech: 'false', matches: 0 });
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
