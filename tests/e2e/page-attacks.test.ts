/**
 * A web page attacking the reader, as the attacks of issue 21 were run in real Chromium: it drives the
 * extension with synthetic events and .click(), watches for which cards the reader opens, pre-empts and
 * restyles the card, hides or clears our highlights, and forges WXT's lifecycle event. And the extension
 * reloaded (an update) under a page with an open card. docs/security.md lists each with this file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { highlightPoint, launchWithExtension, registeredHighlights, ROOT, settleFrames, waitForSettled, watchErrors, type ExtensionBrowser } from '../../scripts/support/browser';
import { cardHas, cardText, clickInCard, inCard, waitForCard } from '../../scripts/support/card';
import { startStaticServer, type StaticServer } from '../../scripts/support/static-server';

type Local = { get(k: string | null): Promise<Record<string, unknown>>; clear(): Promise<void> };

let server: StaticServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startStaticServer(join(ROOT, 'tests', 'fixtures'), { routes: { '/font-probe.woff2': () => '' } });
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The vocabulary as stored (main copy). */
async function storedVocabulary(b: ExtensionBrowser): Promise<unknown[]> {
  return b.worker.evaluate(async () => {
    const got = await (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local.get('vocabulary');
    return Array.isArray(got.vocabulary) ? got.vocabulary : [];
  });
}

/** Open the sample speech with `init` run in the page's own world before anything else. */
async function open(init?: (extensionId: string) => void): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  if (init) await page.addInitScript(init, browser.extensionId);
  await page.goto(server.url('/sample-speech.html'));
  await waitForSettled(page);
  return { page, errors };
}

describe('a page driving the extension', () => {
  it('opens no card and saves nothing with synthetic events, .click() or a button it gets hold of', async () => {
    const { page, errors } = await open();
    const p = (await highlightPoint(page, '两个确立'))!;
    // The attack as run: the next-term shortcut, a click and a hover on a term, all dispatched by the page.
    await page.evaluate(({ x, y }) => {
      const keys = { code: 'KeyN', key: 'N', altKey: true, shiftKey: true, bubbles: true, cancelable: true };
      document.dispatchEvent(new KeyboardEvent('keydown', keys));
      document.body.dispatchEvent(new KeyboardEvent('keydown', keys));
      const at = document.elementFromPoint(x, y)!;
      at.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y, bubbles: true, pointerType: 'mouse' }));
      at.dispatchEvent(new MouseEvent('click', { clientX: x, clientY: y, bubbles: true }));
    }, p);
    // Longer than the hover delay (settings.hoverDelayMs, 150 ms by default), in frames.
    for (let i = 0; i < 20; i++) await settleFrames(page);
    expect(await cardHas(page)).toBe(false);

    // The reader opens a card; the page cannot reach into it.
    await page.mouse.click(p.x, p.y);
    await waitForCard(page);
    const seen = await page.evaluate(() => {
      const host = document.querySelector('[data-tifa-ui="card"]') as HTMLElement;
      host.click();
      host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      return { shadowRoot: host.shadowRoot, buttons: document.querySelectorAll('button').length };
    });
    expect(seen).toEqual({ shadowRoot: null, buttons: 0 });
    // And were a page to get hold of the Save button (here through the DevTools protocol), its .click() and
    // a dispatched click still save nothing: the button acts on trusted clicks only.
    await inCard(page, (root) => {
      const save = root.querySelector<HTMLButtonElement>('footer button')!;
      save.click();
      save.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    });
    await settleFrames(page);
    expect(await cardText(page, 'footer button')).toBe('加入生词本');
    expect(await storedVocabulary(browser)).toEqual([]);
    // The reader's own click saves.
    await clickInCard(page, 'footer button');
    await expect.poll(() => storedVocabulary(browser).then((v) => v.length)).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
    await browser.worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local.clear());
  });
});

describe('a page watching the reader', () => {
  it('learns nothing of the cards opened or the terms saved: no marks, no attribute or DOM change, no shadow root', async () => {
    const { page, errors } = await open(() => {
      const w = window as unknown as { seen: { entries: string[]; changes: string[] } };
      w.seen = { entries: [], changes: [] };
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.seen.entries.push(`${e.entryType} ${e.name}`);
      }).observe({ entryTypes: ['mark', 'measure'] });
      // From when the page is parsed (its own parsing is no news): the reader starts after that (document_idle).
      const watch = new MutationObserver((records) => {
        for (const r of records) {
          const el = r.target as Element;
          if (r.type === 'attributes' && el === document.documentElement && r.attributeName!.startsWith('data-tifa-')) continue; // by design
          w.seen.changes.push(`${r.type} ${el.nodeName} ${r.attributeName ?? ''} ${[...r.addedNodes].map((n) => n.nodeName).join()}`);
        }
      });
      document.addEventListener('DOMContentLoaded', () => watch.observe(document, { attributes: true, childList: true, subtree: true, characterData: true }));
    });
    // The page's own starting state, and then what it sees: the card's host, if any, appears once.
    const p = (await highlightPoint(page, '四个意识'))!;
    await page.mouse.move(p.x, p.y);
    await waitForCard(page);
    await clickInCard(page, 'footer button');
    await expect.poll(() => cardText(page, 'footer button')).toBe('已加入生词本');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Alt+Shift+N');
    await waitForCard(page);
    const seen = await page.evaluate(() => {
      const w = window as unknown as { seen: { entries: string[]; changes: string[] } };
      const host = document.querySelector('[data-tifa-ui="card"]') as HTMLElement;
      return {
        entries: [...w.seen.entries, ...performance.getEntriesByType('mark').map((m) => m.name)],
        changes: w.seen.changes,
        shadowRoot: host.shadowRoot,
        hostAttributes: host.getAttributeNames(),
        hostBox: [host.getBoundingClientRect().width, host.getBoundingClientRect().height],
      };
    });
    expect(seen).toEqual({ entries: [], changes: ['childList HTML  DIV'], shadowRoot: null, hostAttributes: ['data-tifa-ui', 'style'], hostBox: [0, 0] });
    expect(errors).toEqual([]);
    await page.close();
    await browser.worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local.clear());
  });
});

describe('a page that pre-empts, restyles and switches off our UI', () => {
  it('defines tifa-card, restyles everything, forges the lifecycle event and clears the highlights: the card and highlights still work', async () => {
    const { page, errors } = await open((extensionId) => {
      // The old card element's name, taken first (it made every card throw NotSupportedError).
      customElements.define(
        'tifa-card',
        class extends HTMLElement {
          constructor() {
            super();
            throw new Error('pre-empted');
          }
        },
      );
      const style = document.createElement('style');
      style.textContent = `
        @font-face { font-family: 'PingFang SC'; src: url(/font-probe.woff2); }
        @font-face { font-family: 'Noto Sans CJK SC'; src: url(/font-probe.woff2); }
        * { letter-spacing: 7px !important; font-family: serif !important; --tifa-available-height: 1px !important; }
        html > div, [data-tifa-ui], tifa-card { display: none !important; opacity: 0 !important; transform: scale(0) !important; }
        ::highlight(tifa-ideology), ::highlight(tifa-party), ::highlight(tifa-economy) { background-color: transparent !important; text-decoration: none !important; }`;
      document.addEventListener('DOMContentLoaded', () => document.head.append(style)); // before the reader (document_idle)
      (window as unknown as { forge(): void }).forge = () =>
        document.dispatchEvent(new CustomEvent(`${extensionId}:content:wxt:content-script-started`, { detail: { contentScriptName: 'content', messageId: 'forged' } }));
    });
    expect(await registeredHighlights(page)).toBeGreaterThan(0);
    const p = (await highlightPoint(page, '两个确立'))!;
    await settleFrames(page); // the scroll to the term has been followed
    const left = await page.evaluate(() => {
      (window as unknown as { forge(): void }).forge();
      CSS.highlights.clear();
      return CSS.highlights.size;
    });
    expect(left).toBe(0);
    // The reader moves the mouse: the highlights are back on that frame, and the card opens by its term.
    await page.mouse.move(p.x, p.y);
    await expect.poll(() => registeredHighlights(page)).toBeGreaterThan(0);
    await waitForCard(page);
    expect(await cardText(page, 'h2')).toBe('两个确立');
    const look = (await inCard(page, (root) => {
      const card = root.querySelector('.card')!;
      const r = card.getBoundingClientRect();
      const host = root.host as HTMLElement;
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 40));
      return {
        letterSpacing: getComputedStyle(root.querySelector('p')!).letterSpacing,
        fontFamily: getComputedStyle(card).fontFamily,
        hostDisplay: getComputedStyle(host).display,
        opacity: getComputedStyle(host).opacity,
        onTop: top === host,
        tall: r.height > 100,
      };
    }))!;
    expect(look).toEqual({ letterSpacing: 'normal', fontFamily: 'system-ui, sans-serif', hostDisplay: 'block', opacity: '1', onTop: true, tall: true });
    // Our highlight names are not the ones the page wrote rules for: they paint as ours.
    const background = await page.evaluate(() => {
      const name = [...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()].find((k) => k.endsWith('-ideology'))!;
      return { name, background: getComputedStyle(document.querySelector('p')!, `::highlight(${name})`).backgroundColor };
    });
    expect(background.name).not.toMatch(/^tifa-/);
    expect(background.background).toBe('rgba(214, 48, 49, 0.16)');
    // Keyboard stepping still works, the state still tells the truth, and no font of the page was asked for.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Alt+Shift+N');
    await waitForCard(page);
    expect(await page.getAttribute('html', 'data-tifa-state')).toBe('done');
    expect(server.requests.filter((r) => r.includes('font-probe'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the extension updated under an open card', () => {
  it('the old copy notices, removes its highlights, card and listeners, and throws nothing into the page', async () => {
    const own = await launchWithExtension();
    try {
      // Two tabs: in one the reader presses Save on an open card, in the other the page changes (a rescan).
      const opened: Array<{ page: Page; errors: string[]; term: { x: number; y: number } }> = [];
      for (let i = 0; i < 2; i++) {
        const page = await own.context.newPage();
        const errors = watchErrors(page);
        await page.goto(server.url('/sample-speech.html'));
        await waitForSettled(page);
        const term = (await highlightPoint(page, '两个确立'))!;
        await page.mouse.click(term.x, term.y);
        await waitForCard(page);
        opened.push({ page, errors, term });
      }
      const [saving, changing] = opened as [(typeof opened)[0], (typeof opened)[0]];
      const save = (await inCard(saving.page, (root) => {
        const r = root.querySelector('footer button')!.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }))!;
      // What an update does to open tabs: the extension goes away and comes back as a new one.
      const restarted = new Promise((resolve) => own.worker.once('close', resolve));
      await own.worker.evaluate(() => void setTimeout(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload(), 50));
      await restarted;

      await saving.page.bringToFront();
      await saving.page.mouse.click(save.x, save.y);
      await expect.poll(() => saving.page.getAttribute('html', 'data-tifa-state')).toBe('off');
      await saving.page.mouse.move(saving.term.x + 3, saving.term.y + 3);
      await saving.page.keyboard.press('Alt+Shift+N');

      await changing.page.bringToFront();
      await changing.page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p>增强“四个意识”。</p>'));
      await expect.poll(() => changing.page.getAttribute('html', 'data-tifa-state')).toBe('off');
      await changing.page.mouse.click(changing.term.x, changing.term.y);

      for (const { page, errors } of opened) {
        await settleFrames(page);
        expect(await registeredHighlights(page)).toBe(0);
        expect(await page.locator('[data-tifa-ui]').count()).toBe(0);
        expect(errors).toEqual([]);
      }
      // (Whether the new version then takes over on the next load is not tested: in this headless
      // Chromium an extension loaded with --load-extension does not come back after runtime.reload().)
    } finally {
      await own.close();
    }
  });
});
