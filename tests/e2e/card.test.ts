/**
 * The term card in real Chromium: click, tap, keyboard focus and Esc, related terms, the English toggle,
 * staying inside the viewport at a page's edge and at 200% zoom, and following a dark page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { highlightPoint, launchWithExtension, ROOT, screenshot, waitForSettled, type ExtensionBrowser } from '../../scripts/support/browser';
import { cardHas, cardText, clickInCard, inCard, waitForCard } from '../../scripts/support/card';
import { startStaticServer, type StaticServer } from '../../scripts/support/static-server';

const DARK = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>在市委全会上的讲话</title>
<style>body { background: #15171a; color: #e6e6e6; font-size: 18px; max-width: 760px; margin: 40px auto; }</style></head>
<body><h1>在市委全会上的讲话</h1><p>同志们：</p><p>我们要深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”。</p></body></html>`;

let server: StaticServer;
beforeAll(async () => {
  server = await startStaticServer(join(ROOT, 'tests', 'fixtures'), { routes: { '/dark.html': () => DARK } });
});
afterAll(async () => {
  await server?.close();
});

/** A highlighted term's centre, scrolled to `where` (a fraction of the viewport's height). */
async function termPoint(page: Page, text: string, where = 0.4): Promise<{ x: number; y: number }> {
  const p = await highlightPoint(page, text, where);
  if (!p) throw new Error(`no highlighted ${text}`);
  return p;
}

async function cardBox(page: Page) {
  const box = await inCard(page, (root) => {
    const r = root.querySelector('.card')!.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, vw: innerWidth, vh: innerHeight };
  });
  if (!box) throw new Error('no card');
  return box;
}

describe('the term card', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens on click; related terms and the English toggle work inside it; Esc closes', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/sample-speech.html'));
    await waitForSettled(page);
    const p = await termPoint(page, '两个确立');
    await page.mouse.click(p.x, p.y);
    await waitForCard(page);
    expect(await cardText(page, 'h2')).toBe('两个确立');
    expect(await inCard(page, (root) => root.querySelector('.card')!.getAttribute('aria-labelledby'))).toMatch(/^tifa-term-/);
    // English toggle.
    await clickInCard(page, 'button[aria-pressed]');
    await expect.poll(() => inCard(page, (root) => root.querySelector('button[aria-pressed]')!.getAttribute('aria-pressed'))).toBe('true');
    expect(await cardText(page, 'p[lang=en]')).toMatch(/[A-Za-z]{4,}/);
    // A related term opens its own card in place.
    const name = await cardText(page, '.related button');
    await clickInCard(page, '.related button');
    await expect.poll(() => cardText(page, 'h2')).toBe(name);
    await page.keyboard.press('Escape');
    await expect.poll(() => cardHas(page)).toBe(false);
    await page.close();
  });

  it('stays inside the viewport for a term at the bottom edge, flipping above it', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/sample-speech.html'));
    await waitForSettled(page);
    const p = await termPoint(page, '四个意识', 0.93);
    await page.mouse.move(p.x, p.y);
    await waitForCard(page);
    const box = await cardBox(page);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(box.vh);
    expect(box.right).toBeLessThanOrEqual(box.vw);
    expect(box.bottom).toBeLessThanOrEqual(p.y); // above the term, not covering it
    await screenshot(page, 'card-bottom-edge.png');
    await page.close();
  });

  it('follows a dark page', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/dark.html'));
    await waitForSettled(page);
    const p = await termPoint(page, '四个意识');
    await page.mouse.click(p.x, p.y);
    await waitForCard(page);
    expect(await inCard(page, (root) => root.querySelector('.card')!.className)).toContain('dark');
    const bg = (await inCard(page, (root) => getComputedStyle(root.querySelector('.card')!).backgroundColor))!;
    const [r, g, b] = bg.match(/\d+/g)!.map(Number);
    expect(0.2126 * r! + 0.7152 * g! + 0.0722 * b!).toBeLessThan(80);
    await screenshot(page, 'card-dark.png');
    await page.close();
  });
});

describe('the term card at 200% zoom on a touch screen', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    // 200% zoom: half the CSS pixels of a 1200×860 window, each drawn twice as large.
    browser = await launchWithExtension({ viewport: { width: 600, height: 430 }, deviceScaleFactor: 2, hasTouch: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens on tap and fits the viewport', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/sample-speech.html'));
    await waitForSettled(page);
    const p = await termPoint(page, '两个确立', 0.3);
    await page.touchscreen.tap(p.x, p.y);
    await waitForCard(page);
    const box = await cardBox(page);
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(box.vw);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(box.vh);
    await screenshot(page, 'card-zoom-200.png');
    await page.close();
  });
});
