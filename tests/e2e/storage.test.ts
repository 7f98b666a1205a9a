/**
 * Nothing the reader saves is lost, in real Chromium, as issue 21's failures were produced: a restore
 * racing 100 saves, a stored list emptied of valid items beside a good backup, saves near the storage
 * quota, and deleting with undo on the options page. Every write goes through the background's queue.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { highlightPoint, launchWithExtension, ROOT, screenshot, waitForSettled, watchErrors, type ExtensionBrowser } from '../../scripts/support/browser';
import { cardText, clickInCard, waitForCard } from '../../scripts/support/card';
import { startStaticServer, type StaticServer } from '../../scripts/support/static-server';
import type { VocabularyItem } from '../../core/vocabulary';

type Local = {
  get(k?: string | string[] | null): Promise<Record<string, unknown>>;
  set(v: object): Promise<void>;
  remove(k: string | string[]): Promise<void>;
  getBytesInUse(k: null): Promise<number>;
  QUOTA_BYTES: number;
};
type Item = VocabularyItem;

let server: StaticServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startStaticServer(join(ROOT, 'tests', 'fixtures'));
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Everything of the reader's data but the match index (which the background keeps stored). */
beforeEach(async () => {
  await browser.worker.evaluate(async () => {
    const local = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local;
    const keys = Object.keys(await local.get(null)).filter((k) => k !== 'matchIndex');
    if (keys.length) await local.remove(keys);
  });
});

const stored = (): Promise<{ main: Item[]; backup: Item[]; settings: unknown }> =>
  browser.worker.evaluate(async () => {
    const got = await (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local.get(['vocabulary', 'vocabularyBackup', 'settings']);
    return { main: (got.vocabulary ?? []) as Item[], backup: (got.vocabularyBackup ?? []) as Item[], settings: got.settings };
  });

const item = (i: number, id = 'si-ge-yi-shi', term = '四个意识'): Item => ({
  id,
  term,
  savedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
  url: `https://www.gov.cn/restored/${i}`,
  title: `恢复的页面 ${i}`,
  sentence: `增强“${term}”。`,
});

async function openOptions(hash: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  await page.goto(browser.extensionUrl(`options.html#${hash}`));
  return { page, errors };
}

/** The card of 两个确立 on the sample speech, opened by the reader's click. */
async function cardOnSpeech(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url('/sample-speech.html'));
  await waitForSettled(page);
  const p = (await highlightPoint(page, '两个确立', 0.3))!;
  await page.mouse.click(p.x, p.y);
  await waitForCard(page);
  return { page, errors };
}

describe('a restore racing 100 saves', () => {
  it('replaces everything or nothing: the restored items and settings are all there, the saves after it on top, both copies equal', async () => {
    const { page, errors } = await openOptions('data');
    const restored = [item(1), item(2), item(3), item(4, 'liang-ge-que-li', '两个确立'), item(5, 'liang-ge-que-li', '两个确立')];
    const backup = { format: 'tifa-reader-backup', version: 1, exportedAt: '2026-02-01T00:00:00.000Z', settings: { mode: 'all', hoverDelayMs: 450 }, vocabulary: restored, review: {}, userEntries: [] };
    // 100 saves from the page (as a content script's would arrive), not awaited: the restore goes among them.
    await page.evaluate(() => {
      const send = (i: number) =>
        (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<{ ok: boolean }> } } }).chrome.runtime.sendMessage({
          type: 'save-term',
          id: i % 2 ? 'si-ge-zi-xin' : 'liang-ge-wei-hu',
          url: `https://www.gov.cn/racing/${i}`,
          title: `页面 ${i}`,
          sentence: '句子。',
        });
      (window as unknown as { racing: Promise<Array<{ ok: boolean }>> }).racing = Promise.all(Array.from({ length: 100 }, (_, i) => send(i)));
    });
    await page.setInputFiles('input[data-import=backup]', { name: 'tifa-backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
    await page.waitForSelector('p[role=status]');
    expect(await page.textContent('p[role=status]')).toBe('已恢复：生词 5 条，个人条目 0 条。');
    const saves = await page.evaluate(() => (window as unknown as { racing: Promise<Array<{ ok: boolean }>> }).racing);
    expect(saves.every((s) => s.ok)).toBe(true);
    const after = await stored();
    expect(after.backup).toEqual(after.main);
    // Every restored item, in order, then only saves (those queued behind the restore), each once.
    expect(after.main.slice(0, 5)).toEqual(restored);
    const rest = after.main.slice(5).map((v) => v.url);
    expect(rest.every((u) => u.startsWith('https://www.gov.cn/racing/'))).toBe(true);
    expect(new Set(rest).size).toBe(rest.length);
    expect(after.settings).toMatchObject({ mode: 'all', hoverDelayMs: 450 });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a stored list emptied of valid items', () => {
  it('is read from the good backup, and the next save keeps all of it', async () => {
    const good = [item(1), item(2), item(3)];
    await browser.worker.evaluate(
      (backup) => (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local.set({ vocabulary: [{ bogus: 1 }, { id: 'x' }], vocabularyBackup: backup }),
      good,
    );
    const { page: options } = await openOptions('vocabulary');
    await options.waitForSelector('ul.vocabulary li');
    expect(await options.locator('ul.vocabulary li').count()).toBe(3);
    const { page, errors } = await cardOnSpeech();
    await clickInCard(page, 'footer button');
    await expect.poll(() => cardText(page, 'footer button')).toBe('已加入生词本');
    const after = await stored();
    expect(after.main.slice(0, 3)).toEqual(good);
    expect(after.main.map((v) => v.term)).toEqual(['四个意识', '四个意识', '四个意识', '两个确立']);
    expect(after.backup).toEqual(after.main);
    expect(errors).toEqual([]);
    await page.close();
    await options.close();
  });
});

describe('saves near the storage quota', () => {
  it('the card says the save failed and why, nothing reaches the page, and both copies stay equal', async () => {
    const before = [item(1), item(2)];
    await browser.worker.evaluate(async (list) => {
      const local = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local;
      await local.set({ vocabulary: list, vocabularyBackup: list });
      // Fill storage to ~100 bytes short of its quota: one more save (both copies grow) cannot fit.
      const free = local.QUOTA_BYTES - (await local.getBytesInUse(null));
      await local.set({ filler: 'x'.repeat(free - 'filler'.length - 2 - 100) });
    }, before);
    const { page, errors } = await cardOnSpeech();
    await clickInCard(page, 'footer button');
    await expect.poll(() => cardText(page, '.save-error')).toBe('未能加入：浏览器给扩展的存储空间已满。请在设置页“生词本”中删除一些条目。');
    expect(await cardText(page, 'footer button')).toBe('加入生词本'); // not "saved"
    await screenshot(page, 'card-save-failed.png');
    const after = await stored();
    expect(after.main).toEqual(before);
    expect(after.backup).toEqual(before);
    expect(errors).toEqual([]);

    // The options page says how full storage is and what to delete.
    const { page: options, errors: optionErrors } = await openOptions('data');
    await options.waitForSelector('[data-storage-used]:not([data-storage-used=""])');
    expect(await options.textContent('.storage-usage')).toMatch(/已用 10\.00 MB，共 10\.00 MB（100%）。\s*生词本 2 条（上限 2000 条）。.*删除生词本中不再需要的条目/);
    await screenshot(options, 'options-storage-full.png');
    expect(optionErrors).toEqual([]);
    await options.close();
    await page.close();
  });
});

describe('deleting vocabulary and personal entries', () => {
  it('deletes one, some or all, and undoes each; both copies stay equal', async () => {
    const list = [item(1), item(2), item(3), item(4)];
    await browser.worker.evaluate((v) => (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local.set({ vocabulary: v, vocabularyBackup: v }), list);
    const { page, errors } = await openOptions('vocabulary');
    const count = () => page.locator('ul.vocabulary li').count();
    await expect.poll(count).toBe(4);
    // One.
    await page.click(`[data-delete-one="si-ge-yi-shi|https://www.gov.cn/restored/2"]`);
    await expect.poll(count).toBe(3);
    expect(await page.textContent('.deletion p[role=status]')).toMatch(/已删除生词 1 条/);
    await page.click('[data-undo]');
    await expect.poll(count).toBe(4);
    expect((await stored()).main).toEqual(list);
    // Some.
    await page.locator('ul.vocabulary li input[type=checkbox]').nth(0).check();
    await page.locator('ul.vocabulary li input[type=checkbox]').nth(2).check();
    await screenshot(page, 'options-vocabulary-delete.png');
    await page.click('[data-delete=selected]');
    await expect.poll(count).toBe(2);
    expect((await stored()).main).toEqual([item(2), item(4)]);
    // All, then undo.
    await page.click('[data-delete=all]');
    await expect.poll(count).toBe(0);
    await page.click('[data-undo]');
    await expect.poll(count).toBe(2);
    const after = await stored();
    expect(after.main).toEqual([item(2), item(4)]);
    expect(after.backup).toEqual(after.main);

    // The personal glossary too (on the data page).
    const entry = (id: string, term: string) => ({
      id,
      term,
      category: 'local',
      level: 'municipal',
      region: '长沙',
      summary_zh: `${term}的概要`,
      explanation_zh: '其具体内容未见说明，此处据上下文推断。',
      english: [{ text: term, source: 'me' }],
      explanation_en: 'Explained.',
      evidence: 'context-only',
    });
    const entries = [entry('wo-de-yi', '我的一'), entry('wo-de-er', '我的二')];
    await page.goto(browser.extensionUrl('options.html#data'));
    await page.setInputFiles('input[data-import=glossary]', { name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(entries)) });
    const rows = () => page.locator('ul.user-entries li').count();
    await expect.poll(rows).toBe(2);
    await page.click('.user-entries li button');
    await expect.poll(rows).toBe(1);
    await page.click('[data-undo]');
    await expect.poll(rows).toBe(2);
    await page.locator('section[aria-labelledby=user-entries-heading] [data-delete=all]').click();
    await expect.poll(rows).toBe(0);
    await screenshot(page, 'options-data-storage.png');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('settings from the options page', () => {
  it('are written by the background (the one writer) and read back', async () => {
    const { page, errors } = await openOptions('settings');
    await page.waitForSelector('select');
    await page.locator('select').first().selectOption('all');
    await expect.poll(async () => ((await stored()).settings as { mode?: string } | undefined)?.mode).toBe('all');
    await page.reload();
    await page.waitForSelector('select');
    expect(await page.locator('select').first().inputValue()).toBe('all');
    expect(errors).toEqual([]);
    await page.close();
  });
});
