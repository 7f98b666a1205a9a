/** Lookup and learning in real Chromium: popup, context menu path, options sections, export → import. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchWithExtension, ROOT, screenshot, waitForSettled, watchErrors, type ExtensionBrowser } from '../../scripts/support/browser';
import { cardText, clickInCard, inCard, waitForCard } from '../../scripts/support/card';
import { startStaticServer, type StaticServer } from '../../scripts/support/static-server';

let browser: ExtensionBrowser;
let server: StaticServer;

beforeAll(async () => {
  server = await startStaticServer(join(ROOT, 'tests', 'fixtures'));
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function activeTabId(): Promise<number> {
  return browser.worker.evaluate(async () => {
    type Tabs = { query(q: object): Promise<Array<{ id?: number }>> };
    const [tab] = await (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab!.id!;
  });
}

describe('lookup', () => {
  it('finds 两个确立 from the popup by initials, pinyin and English', async () => {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await page.goto(browser.extensionUrl('popup.html'));
    for (const [q, want] of [
      ['lgql', '两个确立'],
      ['liang ge que li', '两个确立'],
      ['four consciousnesses', '四个意识'],
      ['四個意識', '四个意识'],
    ] as const) {
      await page.fill('input.search', q);
      await expect.poll(() => page.locator('button.result .term').first().textContent()).toBe(want);
    }
    await page.click('button.result');
    await page.waitForSelector('.card h2');
    expect(await page.textContent('.card h2')).toBe('四个意识');
    await screenshot(page, 'popup-card.png');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('explains a selected known term with its card in the page (context menu path)', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/sample-speech.html'));
    await waitForSettled(page);
    await page.bringToFront();
    const tabId = await activeTabId();
    const how = await browser.worker.evaluate(
      ([text, id]) => (globalThis as unknown as { tifaExplainSelection(t: string, id: number): Promise<string> }).tifaExplainSelection(text, id),
      ['四个意识', tabId] as const,
    );
    expect(how).toBe('card');
    await waitForCard(page, 'h2');
    expect(await cardText(page, 'h2')).toBe('四个意识');
    await page.close();
  });

  it('segments an unknown selection and finds the terms inside it, or offers the nearest entries', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/sample-speech.html'));
    await page.bringToFront();
    const tabId = await activeTabId();
    const opened = browser.context.waitForEvent('page');
    await browser.worker.evaluate(
      ([text, id]) => (globalThis as unknown as { tifaExplainSelection(t: string, id: number): Promise<string> }).tifaExplainSelection(text, id),
      ['我们要坚定拥护两个确立，坚决做到两个维护', tabId] as const,
    );
    const explain = await opened;
    const errors = watchErrors(explain);
    await explain.waitForSelector('table.counts td a', { timeout: 20000 });
    const terms = await explain.locator('table.counts td a').allTextContents();
    expect(terms).toEqual(expect.arrayContaining(['两个确立', '两个维护']));
    await screenshot(explain, 'options-explain.png');
    await explain.goto(browser.extensionUrl('options.html#explain=' + encodeURIComponent('完全无关的一句话')));
    await explain.reload();
    await explain.waitForSelector('[role=status]', { timeout: 20000 });
    expect(await explain.textContent('[role=status]')).toContain('不在词表中');
    expect(errors).toEqual([]);
    await explain.close();
    await page.close();
  });
});

describe('options sections', () => {
  it('renders every section without errors', async () => {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    for (const route of ['glossary', 'vocabulary', 'review', 'report', 'analysis', 'data', 'settings']) {
      await page.goto(browser.extensionUrl(`options.html#${route}`));
      await page.waitForSelector('main h2');
      expect((await page.textContent('main h2'))!.length).toBeGreaterThan(1);
      await screenshot(page, `options-${route}.png`);
    }
    // Text analysis with jieba-wasm: known terms and an unknown formula-like phrase.
    await page.goto(browser.extensionUrl('options.html#analysis'));
    await page.fill('textarea.paste', '全面落实“两个确立”，推进“五化同步”和“三区四带”建设。');
    await page.click('main button');
    await page.waitForSelector('ul.unknown li', { timeout: 30000 });
    expect(await page.locator('table.counts td a').allTextContents()).toContain('两个确立');
    expect(await page.locator('ul.unknown li').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('五化同步')]));
    await screenshot(page, 'options-analysis-result.png');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('saves a term from a card, reviews it, and round-trips an export then import exactly', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/sample-speech.html'));
    await waitForSettled(page);
    await page.keyboard.press('Alt+Shift+N');
    await waitForCard(page);
    const term = await cardText(page, 'h2');
    await clickInCard(page, 'footer button');
    await expect.poll(() => inCard(page, (root) => root.querySelector<HTMLButtonElement>('footer button')!.disabled)).toBe(true);

    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html#vocabulary'));
    await options.waitForSelector('ul.vocabulary li');
    expect(await options.textContent('ul.vocabulary li a')).toBe(term);
    await options.goto(browser.extensionUrl('options.html#review'));
    await options.waitForSelector('.review-term');
    expect(await options.textContent('.review-term')).toBe(term);
    // Grade it, so the round trip below carries review state too.
    await options.click('text=显示答案');
    await options.click('text=记得');
    await expect
      .poll(() =>
        browser.worker.evaluate(async () => {
          const r = (await (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get('review')).review;
          return r && typeof r === 'object' ? Object.keys(r).length : 0;
        }),
      )
      .toBe(1);

    // Non-default settings, so the round trip has settings to carry.
    await browser.worker.evaluate(() =>
      (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({
        settings: { mode: 'all', categories: ['ideology', 'party', 'local'], highlightStyle: 'underline', hoverDelayMs: 450, trigger: 'click', language: 'en', siteRules: { 'example.org': 'never' } },
        settings$: { v: 2 },
      }),
    );
    await options.goto(browser.extensionUrl('options.html#data'));
    const download = options.waitForEvent('download');
    await options.click('text=JSON 备份');
    const file = await (await download).path();
    const exported = readFileSync(file!, 'utf8');
    expect(JSON.parse(exported).vocabulary).toHaveLength(1);

    // Wipe, then import: storage must come back exactly.
    const before = await browser.worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { get(): Promise<unknown> } } } }).chrome.storage.local.get());
    await browser.worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { clear(): Promise<void> } } } }).chrome.storage.local.clear());
    await options.setInputFiles('input[data-import=backup]', { name: 'tifa-backup.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    await options.waitForSelector('p[role=status]');
    const after = await browser.worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { get(): Promise<unknown> } } } }).chrome.storage.local.get());
    expect((before as Record<string, { hoverDelayMs?: number }>).settings?.hoverDelayMs).toBe(450);
    const pick = (s: unknown) => {
      const o = s as Record<string, unknown>;
      return { settings: o.settings, vocabulary: o.vocabulary, review: o.review, userEntries: o.userEntries ?? [] };
    };
    expect(pick(after)).toEqual(pick(before));

    // A bad file: a clear message, and nothing lost.
    await options.setInputFiles('input[data-import=glossary]', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('[{"id":"x","term":"<img src=x onerror=alert(1)>"}]') });
    await options.waitForSelector('p[role=alert]');
    expect(await options.textContent('p[role=alert]')).toMatch(/field/);
    expect(await options.locator('img').count()).toBe(0);
    await screenshot(options, 'options-import-error.png');
    const still = await browser.worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get('vocabulary'));
    expect((still.vocabulary as unknown[]).length).toBe(1);
    await options.close();
    await page.close();
  });
});
