/** Reading a page in real Chromium: highlight, card, keyboard, switching off, later content, re-renders. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { highlightPoint, highlightsThroughPage, registeredHighlights, launchWithExtension, ROOT, screenshot, waitForSettled, watchErrors, type ExtensionBrowser } from '../../scripts/support/browser';
import { cardHas, cardText, inCard, waitForCard } from '../../scripts/support/card';
import { startStaticServer, type StaticServer } from '../../scripts/support/static-server';
import type { MatchIndex } from '../../core/glossary-types';

let browser: ExtensionBrowser;
let server: StaticServer;

const NEWS_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>本地新闻：春季花市开幕</title></head>
<body><h1>春季花市今日开幕</h1><p>本报讯（记者 李明）今天上午，市民公园春季花市开幕，吸引了大量市民。有市民说，今年的花比往年更多，
“感觉日子越过越好，真是高质量发展”。主办方表示，花市将持续到下周日。</p><p>据介绍，今年花市共有一百余家商户参展。</p></body></html>`;

const LATER_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>在市人民代表大会闭幕会上的讲话</title></head>
<body><h1>在市人民代表大会闭幕会上的讲话</h1><p>各位代表、同志们：</p><div id="feed"><p>我们要坚定拥护“两个确立”，坚决做到“两个维护”。</p></div>
<script>
  window.addMore = () => {
    const p = document.createElement('p');
    p.textContent = '增强“四个意识”、坚定“四个自信”，推进“放管服”改革。';
    document.getElementById('feed').appendChild(p);
  };
  window.removeFirst = () => document.querySelector('#feed p').remove();
</script></body></html>`;

// A page that keeps references to its own text nodes and rewrites them in place, like a framework.
const RERENDER_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>在市委全会上的讲话</title></head>
<body><h1>在市委全会上的讲话</h1><p>同志们：</p><p id="live">初始文本</p><p>必须深刻领悟“两个确立”的决定性意义，增强“四个意识”。</p>
<script>
  const live = document.getElementById('live');
  const text = live.firstChild;
  const lines = ['坚决做到“两个维护”。', '坚持以人民为中心。', '落实“六稳”“六保”任务。'];
  let i = 0;
  window.ticks = 0;
  const timer = setInterval(() => {
    text.data = lines[i++ % lines.length]; // in place, same node
    window.ticks++;
    if (window.ticks >= 12) clearInterval(timer);
  }, 40);
</script></body></html>`;

beforeAll(async () => {
  server = await startStaticServer(join(ROOT, 'tests', 'fixtures'), {
    routes: { '/news.html': () => NEWS_PAGE, '/later.html': () => LATER_PAGE, '/rerender.html': () => RERENDER_PAGE },
  });
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function sendToActiveTab(message: unknown): Promise<unknown> {
  return browser.worker.evaluate(async (m) => {
    type Tabs = { query(q: object): Promise<Array<{ id?: number }>>; sendMessage(id: number, m: unknown): Promise<unknown> };
    const tabs = (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome.tabs;
    const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
    return tabs.sendMessage(tab!.id!, m);
  }, message);
}

describe('reading a speech page', () => {
  it('highlights a speech page automatically, with the same count as the scan command', async () => {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await page.goto(server.url('/sample-speech.html'));
    const state = await waitForSettled(page);
    expect(state.state).toBe('done');
    expect(state.speech).toBe('true');
    const scan = JSON.parse(
      execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/scan.ts', 'tests/fixtures/sample-speech.html'], { cwd: ROOT, encoding: 'utf8' }),
    ) as { matches: number; speech: boolean; terms: Record<string, number> };
    expect(scan.speech).toBe(true);
    expect(state.matches).toBe(scan.matches);
    // Highlights are registered near the viewport: scrolling through the page shows every one.
    expect((await highlightsThroughPage(page)).total).toBe(scan.matches);
    // The split term <b>两个</b>确立 and the spaced 四个&nbsp;自信 are among them.
    expect(scan.terms['两个确立']).toBeGreaterThanOrEqual(1);
    expect(scan.terms['四个自信']).toBeGreaterThanOrEqual(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens the card on hover, with the term, pinyin, items and evidence', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/sample-speech.html'));
    await waitForSettled(page);
    const point = await highlightPoint(page);
    expect(point).not.toBeNull();
    await page.mouse.move(point!.x, point!.y);
    await waitForCard(page);
    const heading = await cardText(page, 'h2');
    expect(point!.text.replace(/\s/g, '')).toContain(heading!);
    expect(await inCard(page, (root) => root.querySelector('.card')!.getAttribute('role'))).toBe('dialog');
    expect(await cardText(page, '.pinyin')).toMatch(/[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/);
    expect(await inCard(page, (root) => root.querySelectorAll('.evidence').length)).toBe(1);
    await screenshot(page, 'card-hover.png');
    await page.mouse.move(5, 5);
    await page.close();
  });

  it('steps through terms with the keyboard and closes the card with Esc', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/sample-speech.html'));
    await waitForSettled(page);
    await page.keyboard.press('Alt+Shift+N');
    await waitForCard(page);
    const first = await cardText(page, 'h2');
    // Focus moved into the card, for screen readers (the page sees only the host: the root is closed).
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-tifa-ui'))).toBe('card');
    expect(await inCard(page, (root) => root.activeElement?.tagName)).toBe('BUTTON');
    await page.keyboard.press('Alt+Shift+N');
    await expect.poll(() => cardText(page, 'h2')).not.toBe(first);
    await page.keyboard.press('Escape');
    await expect.poll(() => cardHas(page)).toBe(false);
    await page.close();
  });

  it('does not highlight a non-speech page automatically, but counts its terms', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/news.html'));
    const state = await waitForSettled(page);
    expect(state).toEqual({ state: 'off', speech: 'false', matches: 0 });
    expect(await registeredHighlights(page)).toBe(0);
    const terms = (await sendToActiveTab({ type: 'get-page-terms' })) as { terms: Array<{ term: string }> };
    expect(terms.terms.map((t) => t.term)).toContain('高质量发展');
    // One click (the popup's button sends this) highlights it.
    await sendToActiveTab({ type: 'set-highlighting', on: true });
    await expect.poll(() => registeredHighlights(page)).toBeGreaterThan(0);
    await page.close();
  });

  it('restores the page exactly when switched off', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/sample-speech.html'));
    await waitForSettled(page);
    const before = await page.evaluate(() => document.body.innerHTML);
    const point = await highlightPoint(page);
    await page.mouse.move(point!.x, point!.y);
    await waitForCard(page);
    await sendToActiveTab({ type: 'set-highlighting', on: false });
    await expect.poll(() => page.getAttribute('html', 'data-tifa-state')).toBe('off');
    expect(await registeredHighlights(page)).toBe(0);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
    expect(await page.locator('[data-tifa-ui]').count()).toBe(0);
    await page.close();
  });

  it('highlights content that arrives later within 500 ms, and drops removed content', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/later.html'));
    const state = await waitForSettled(page);
    expect(state.state).toBe('done');
    expect(state.matches).toBe(2);
    const t0 = Date.now();
    await page.evaluate(() => (window as unknown as { addMore(): void }).addMore());
    await page.waitForFunction(() => document.documentElement.getAttribute('data-tifa-matches') === '5', undefined, { timeout: 500 });
    expect(Date.now() - t0).toBeLessThan(500 + 100); // the wait itself would have thrown past 500 ms
    // The ranges are registered at the frame after the count (near the viewport first): await them, within the same bound.
    await expect.poll(() => registeredHighlights(page), { timeout: Math.max(1, 600 - (Date.now() - t0)) }).toBe(5);
    const t1 = Date.now();
    await page.evaluate(() => (window as unknown as { removeFirst(): void }).removeFirst());
    await page.waitForFunction(() => document.documentElement.getAttribute('data-tifa-matches') === '3', undefined, { timeout: 500 });
    await expect.poll(() => registeredHighlights(page), { timeout: Math.max(1, 600 - (Date.now() - t1)) }).toBe(3);
    await page.close();
  });

  it('keeps working on a page that rewrites its own text nodes, with no errors and no duplicated text', async () => {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await page.goto(server.url('/rerender.html'));
    await waitForSettled(page);
    await page.waitForFunction(() => (window as unknown as { ticks: number }).ticks >= 12, undefined, { timeout: 5000 });
    await page.waitForTimeout(200);
    const live = await page.textContent('#live');
    expect(['坚决做到“两个维护”。', '坚持以人民为中心。', '落实“六稳”“六保”任务。']).toContain(live);
    expect(await page.evaluate(() => document.getElementById('live')!.childNodes.length)).toBe(1);
    // Highlights follow the final text: the ranges' text equals a term, none is stale.
    const texts = await page.evaluate(() => {
      const out: string[] = [];
      for (const h of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.values()) for (const r of h) out.push(r.toString());
      return out;
    });
    expect(texts.length).toBeGreaterThanOrEqual(2);
    for (const t of texts) expect(t.length).toBeGreaterThanOrEqual(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('applies the highlight style setting (underline only) and shows it', async () => {
    type Local = { set(v: object): Promise<void>; remove(k: string[]): Promise<void> };
    await browser.worker.evaluate(() =>
      (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local.set({
        settings: { mode: 'speech', highlightStyle: 'underline' },
        settings$: { v: 2 },
      }),
    );
    const page = await browser.context.newPage();
    await page.goto(server.url('/sample-speech.html'));
    await waitForSettled(page);
    expect(await page.getAttribute('html', 'data-tifa-style')).toBe('underline');
    const background = await page.evaluate(() => {
      const el = document.querySelector('p')!;
      const name = [...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()].find((k) => k.endsWith('-ideology'));
      return getComputedStyle(el, `::highlight(${name})`).backgroundColor;
    });
    expect(background).toBe('rgba(0, 0, 0, 0)');
    await highlightPoint(page);
    await screenshot(page, 'highlight-underline.png');
    await page.close();
    await browser.worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local.remove(['settings', 'settings$']));
  });

  it('reads a page as before when the stored index\'s automaton is damaged, with the background\'s copy', async () => {
    const index = JSON.parse(readFileSync(join(ROOT, 'dictionary', 'generated', 'match-index.json'), 'utf8')) as MatchIndex;
    const automaton = index.automaton!;
    // Every failure link to its own state: a scan that follows one never ends unless matching bounds it.
    const stateCount = automaton.stateCount;
    const selfLinks = new Uint16Array(stateCount).map((_, i) => i);
    const loops = { ...automaton, fail: '2' + Buffer.from(selfLinks.buffer).toString('base64') };
    const damagedIndexes = {
      'an older format': { ...index, automaton: { ...automaton, format: 1 } },
      'failure links that loop': { ...index, automaton: loops },
    };
    type Local = { set(v: object): Promise<void> };
    const store = (value: unknown) =>
      browser.worker.evaluate((v) => (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local.set({ matchIndex: v }), value);
    const counts: Record<string, number> = {};
    try {
      for (const [damage, damaged] of Object.entries({ sound: index, ...damagedIndexes })) {
        await store(damaged);
        const page = await browser.context.newPage();
        const errors = watchErrors(page);
        await page.goto(server.url('/sample-speech.html'));
        const state = await waitForSettled(page);
        expect(state.state, damage).toBe('done');
        // Registered at the next frame's start (ViewportScope), which may come after the state says done.
        await expect.poll(() => registeredHighlights(page), { message: damage }).toBeGreaterThan(0);
        expect(errors, damage).toEqual([]);
        counts[damage] = state.matches;
        await page.close();
        // Asked for its copy, the background stores it again in place of the damaged one.
        await expect
          .poll(() => browser.worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, MatchIndex>> } } } }).chrome.storage.local.get('matchIndex').then((r) => r.matchIndex!.automaton)), { timeout: 3000 })
          .toEqual(automaton);
      }
    } finally {
      await store(index);
    }
    expect(counts.sound).toBeGreaterThan(0);
    expect(counts).toEqual({ sound: counts.sound, 'an older format': counts.sound, 'failure links that loop': counts.sound });
  });
});
