/**
 * Unusual and hostile pages, built here: each must be processed with no page errors and no change to
 * the page (its DOM equals the DOM of the same page in a browser without the extension), and browsing
 * them must make no request outside 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { findChromium, launchWithExtension, ROOT, waitForSettled, watchErrors, type ExtensionBrowser } from '../../scripts/support/browser';
import { inCard, waitForCard } from '../../scripts/support/card';
import { startStaticServer, type StaticServer } from '../../scripts/support/static-server';

const P = '<p>我们要坚定拥护“两个确立”，坚决做到“两个维护”，增强“四个意识”。</p>';
const head = (title: string) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head>`;

let other: StaticServer; // a second origin for cross-origin frames
const PAGES: Record<string, () => string> = {
  '/many-nodes.html': () => head('在全会上的讲话') + '<body><p>同志们：</p>' + Array.from({ length: 25000 }, (_, i) => `<div><span>第${i}段</span>${i % 50 === 0 ? '<b>两个</b>确立' : '内容'}</div>`).join('') + '</body></html>',
  '/deep.html': () => head('在全会上的讲话') + '<body><p>同志们：</p>' + '<div>'.repeat(5000) + '坚定拥护“两个确立”' + '</div>'.repeat(5000) + '</body></html>',
  '/frames.html': () => head('在全会上的讲话') + `<body><p>同志们：</p>${P}<iframe src="/frame-inner.html"></iframe><iframe src="${other.url('/frame-inner.html')}"></iframe></body></html>`,
  '/frame-inner.html': () => head('在市委全会上的讲话') + `<body><p>同志们：</p>${P}</body></html>`,
  '/shadow.html': () =>
    head('在全会上的讲话') +
    `<body><p>同志们：</p>${P}<div id="host"></div><script>const r = document.getElementById('host').attachShadow({ mode: 'open' }); r.innerHTML = '<p>增强“四个自信”</p>';</script></body></html>`,
  '/editors.html': () =>
    head('在全会上的讲话') +
    `<body><p>同志们：</p>${P}<textarea id="ta">两个确立 四个意识</textarea><input id="in" value="两个维护"><div id="ed" contenteditable="true"><p>四个自信在编辑器里</p></div></body></html>`,
  '/csp.html': () => head('在全会上的讲话') + `<body><p>各位代表、同志们：</p>${P}${P}</body></html>`,
  '/mutating.html': () =>
    head('在全会上的讲话') +
    `<body><p>同志们：</p><div id="box">${P.repeat(200)}</div><script>
      let n = 0; const t = setInterval(() => { const box = document.getElementById('box');
        if (n % 2) box.firstElementChild && box.firstElementChild.remove(); else box.insertAdjacentHTML('beforeend', '<p>推进“放管服”改革</p>');
        if (++n > 40) clearInterval(t); }, 5);
    </script></body></html>`,
  '/globals.html': () =>
    head('在全会上的讲话') +
    `<script>Array.prototype.push = function () { throw new Error('push overwritten'); };
      window.MutationObserver = function () { throw new Error('MO overwritten'); };
      window.Highlight = function () { throw new Error('Highlight overwritten'); };
      Node.prototype.appendChild = function () { throw new Error('appendChild overwritten'); };</script>` +
    `<body><p>同志们：</p>${P}</body></html>`,
  '/writing-modes.html': () =>
    head('在全会上的讲话') +
    `<body><p>同志们：</p><div style="writing-mode: vertical-rl; height: 300px">${P}</div><div dir="rtl">${P}</div><svg width="400" height="40"><text x="0" y="20">两个确立</text></svg></body></html>`,
  // A page whose message listener expects only its own messages (strings) and throws on anything else.
  '/listening.html': () =>
    head('在全会上的讲话') +
    `<script>window.__messages = []; addEventListener('message', (e) => {
      window.__messages.push(JSON.stringify(e.data)); if (typeof e.data !== 'string') throw new Error('unexpected message: ' + JSON.stringify(e.data)); });</script>` +
    `<body><p>同志们：</p>${P}</body></html>`,
  '/navigating.html': () => head('在全会上的讲话') + `<body><p>同志们：</p>${P}<iframe id="f" src="/frame-inner.html"></iframe><script>setTimeout(() => { document.getElementById('f').src = '/deep.html'; }, 300);</script></body></html>`,
};

let ext: ExtensionBrowser;
let plain: BrowserContext;
let server: StaticServer;
const requests: string[] = [];

beforeAll(async () => {
  other = await startStaticServer(join(ROOT, 'tests', 'fixtures'), { routes: PAGES });
  server = await startStaticServer(join(ROOT, 'tests', 'fixtures'), {
    routes: PAGES,
    headers: (path): Record<string, string> => (path === '/csp.html' ? { 'content-security-policy': "default-src 'none'" } : {}),
  });
  ext = await launchWithExtension();
  ext.context.on('request', (r) => requests.push(r.url()));
  plain = await chromium.launchPersistentContext('', {
    executablePath: findChromium(),
    headless: true,
    args: ['--no-sandbox', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-gpu'],
  });
});
afterAll(async () => {
  await ext?.close();
  await plain?.close();
  await server?.close();
  await other?.close();
});

/** The page's DOM as the page itself sees it, without our observable attributes and our UI host. */
async function snapshot(page: Page): Promise<string> {
  return page.evaluate(() => {
    const clone = document.documentElement.cloneNode(true) as HTMLElement;
    for (const a of ['data-tifa-state', 'data-tifa-speech', 'data-tifa-matches', 'data-tifa-style']) clone.removeAttribute(a);
    clone.querySelectorAll(':scope > [data-tifa-ui="card"]').forEach((n) => n.remove());
    const fields = [...document.querySelectorAll('textarea, input')].map((e) => (e as HTMLInputElement).value).join('|');
    return clone.outerHTML + '\n' + fields;
  });
}

const results: Array<{ page: string; errors: number; changed: boolean }> = [];

async function check(path: string, settle = 0): Promise<{ page: Page; state: Awaited<ReturnType<typeof waitForSettled>> }> {
  const reference = await plain.newPage();
  await reference.goto(server.url(path));
  if (settle) await reference.waitForTimeout(settle);
  const expected = await snapshot(reference);
  await reference.close();

  const page = await ext.context.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url(path));
  const state = await waitForSettled(page, 60_000);
  if (settle) await page.waitForTimeout(settle);
  const actual = await snapshot(page);
  results.push({ page: path, errors: errors.length, changed: actual !== expected });
  expect(errors).toEqual([]);
  expect(actual === expected, `${path}: the page's DOM differs from the page without the extension`).toBe(true);
  return { page, state };
}

describe('hostile and unusual pages', () => {
  it('a page of 100,000 nodes', async () => {
    const { page, state } = await check('/many-nodes.html');
    expect(state.matches).toBe(500);
    await page.close();
  });
  it('nesting 5,000 deep', async () => {
    const { page, state } = await check('/deep.html');
    expect(state.matches).toBe(1);
    await page.close();
  });
  it('same-origin and cross-origin iframes each get their own scan', async () => {
    const { page } = await check('/frames.html');
    await expect.poll(() => Promise.all(page.frames().slice(1).map((f) => f.evaluate(() => document.documentElement.getAttribute('data-tifa-state'))))).toEqual(['done', 'done']);
    await page.close();
  });
  it('open shadow roots', async () => {
    const { page, state } = await check('/shadow.html');
    expect(state.matches).toBe(4);
    // Styled there too: the rules are on :root and highlight styles inherit into the shadow tree.
    const inShadow = await page.evaluate(() => {
      const p = document.getElementById('host')!.shadowRoot!.querySelector('p')!;
      const name = [...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()].find((k) => k.endsWith('-ideology'));
      return getComputedStyle(p, `::highlight(${name})`).backgroundColor;
    });
    expect(inShadow).toBe('rgba(214, 48, 49, 0.16)'); // core/highlight-rules.ts
    await page.close();
  });
  it('leaves textareas, inputs and contenteditable editors untouched', async () => {
    const { page, state } = await check('/editors.html');
    expect(state.matches).toBe(3);
    await page.close();
  });
  it("a page served with Content-Security-Policy: default-src 'none' (the card still opens)", async () => {
    const { page, state } = await check('/csp.html');
    expect(state.matches).toBe(6);
    await page.keyboard.press('Alt+Shift+N');
    await waitForCard(page);
    expect(await inCard(page, (root) => getComputedStyle(root.querySelector('.card')!).borderTopWidth)).toBe('3px');
    await page.close();
  });
  it('a page whose scripts replace and remove content while we scan', async () => {
    const { page } = await check('/mutating.html', 800);
    await page.close();
  });
  it('a page that overwrites its own globals', async () => {
    const { page, state } = await check('/globals.html');
    expect(state.matches).toBe(3);
    await page.close();
  });
  it('vertical and right-to-left writing, and SVG text', async () => {
    const { page, state } = await check('/writing-modes.html');
    expect(state.matches).toBe(6);
    await page.close();
  });
  it("sends the page no message (a page's message listener sees nothing from us)", async () => {
    const { page, state } = await check('/listening.html');
    expect(state.matches).toBe(3);
    expect(await page.evaluate(() => (window as unknown as { __messages: string[] }).__messages)).toEqual([]);
    await page.close();
  });
  it('a frame that navigates', async () => {
    const { page } = await check('/navigating.html', 800);
    await expect.poll(() => page.frames()[1]?.evaluate(() => document.documentElement.getAttribute('data-tifa-matches'))).toBe('1');
    await page.close();
  });
  it('made no request outside 127.0.0.1 while browsing these pages', () => {
    const outside = requests.filter((u) => !/^(http:\/\/127\.0\.0\.1:\d+\/|chrome-extension:\/\/|data:|about:)/.test(u));
    console.log(`hostile pages: ${results.length} tried, ${results.reduce((n, r) => n + r.errors, 0)} page errors, ${results.filter((r) => r.changed).length} changed pages; ${requests.length} requests, ${outside.length} outside 127.0.0.1`);
    expect(requests.length).toBeGreaterThan(10);
    expect(outside).toEqual([]);
  });
});
