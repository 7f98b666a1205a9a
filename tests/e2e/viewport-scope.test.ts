/**
 * Highlights on a long page are registered near the viewport only (entrypoints/content/viewport-scope.ts):
 * every occurrence is still counted, shown when scrolled to, and reachable by keyboard.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { BENCH_EXTENSION_DIR, highlightsThroughPage, launchWithExtension, registeredHighlights, ROOT, settleFrames, waitForSettled, watchErrors, type ExtensionBrowser } from '../../scripts/support/browser';
import { waitForCard } from '../../scripts/support/card';
import { startStaticServer, type StaticServer } from '../../scripts/support/static-server';

const PARAGRAPHS = 600;
const paragraph = (i: number) =>
  `<p>第${i + 1}段：我们要深刻领悟“两个确立”的决定性意义，把握新发展阶段，贯彻新发展理念，在推进高质量发展上不断取得新成效，为全市经济社会发展作出新贡献。</p>`;
const LONG = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>在市人民代表大会闭幕会上的讲话</title></head>
<body><h1>在市人民代表大会闭幕会上的讲话</h1><p>各位代表、同志们：</p>${Array.from({ length: PARAGRAPHS }, (_, i) => paragraph(i)).join('\n')}</body></html>`;

// A long page whose first layout the page cannot do yet: its stylesheet blocks rendering and arrives
// late, after the reader has started (at document_idle, which does not wait for it).
const STYLESHEET_DELAY_MS = 1500;
const BLOCKED = LONG.replace('</head>', '<link rel="stylesheet" href="/late.css"></head>').replace(
  '</body>',
  `${Array.from({ length: 12_000 }, (_, i) => paragraph(PARAGRAPHS + i)).join('\n')}</body>`,
);

// A page whose head reads like an official text dense with terms (score 4: density, 市委) and whose
// whole, mostly plain prose, does not (score 2): the head's early highlights must be withdrawn.
const TERMS_PARAGRAPH = '<p>市委工作要求：坚定“两个确立”，增强“四个意识”，坚定“四个自信”，做到“两个维护”，推动高质量发展。</p>';
const PLAIN_PARAGRAPH = '<p>今天天气晴朗，公园里有很多人在散步、聊天和晒太阳，孩子们在草地上跑来跑去。</p>';
const MISLEADING_HEAD = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>工作动态</title></head>
<body>${TERMS_PARAGRAPH.repeat(40)}${PLAIN_PARAGRAPH.repeat(4000)}</body></html>`;

let server: StaticServer;
let browser: ExtensionBrowser;
beforeAll(async () => {
  server = await startStaticServer(join(ROOT, 'tests', 'fixtures'), {
    routes: {
      '/long.html': () => LONG,
      '/blocked.html': () => BLOCKED,
      '/misleading-head.html': () => MISLEADING_HEAD,
      '/late.css': () => new Promise((resolve) => setTimeout(() => resolve('p { line-height: 1.6 }'), STYLESHEET_DELAY_MS)),
    },
  });
  // The benchmark's build: the shipped code with its performance marks, which some tests here read.
  browser = await launchWithExtension({ extensionDir: BENCH_EXTENSION_DIR });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('highlights near the viewport only, on a long page', () => {
  it('counts every occurrence, registers those near the screen, and shows each one when scrolled to', async () => {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await page.goto(server.url('/long.html'));
    const state = await waitForSettled(page);
    // Three terms per paragraph: 两个确立, 新发展阶段, 新发展理念 (高质量发展 too).
    expect(state.matches).toBeGreaterThanOrEqual(PARAGRAPHS * 3);
    await settleFrames(page);
    const atTop = await registeredHighlights(page);
    expect(atTop).toBeGreaterThan(0);
    expect(atTop).toBeLessThan(state.matches / 4);

    const through = await highlightsThroughPage(page);
    expect(through.total).toBe(state.matches);
    expect(through.mostAtOnce).toBeLessThan(state.matches / 4);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('paints the head of a long page before the rest of it is matched, and counts the whole page', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/long.html'));
    const state = await waitForSettled(page);
    await page.waitForFunction(() => performance.getEntriesByName('tifa:painted').length > 0);
    const at = await page.evaluate(() => ({
      painted: performance.getEntriesByName('tifa:painted')[0]!.startTime,
      scanned: performance.getEntriesByName('tifa:scanned')[0]!.startTime,
    }));
    expect(at.painted).toBeLessThan(at.scanned);
    expect(state.matches).toBeGreaterThanOrEqual(PARAGRAPHS * 3);
    await page.close();
  });

  it("withdraws the head's early highlights when the whole page is not a speech page", async () => {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await page.goto(server.url('/misleading-head.html'));
    const state = await waitForSettled(page);
    await settleFrames(page);
    // The head was painted (its frame came before the whole page was scanned), then the whole page's
    // decision took it back.
    await page.waitForFunction(() => performance.getEntriesByName('tifa:painted').length > 0);
    const at = await page.evaluate(() => ({
      painted: performance.getEntriesByName('tifa:painted')[0]!.startTime,
      scanned: performance.getEntriesByName('tifa:scanned')[0]!.startTime,
    }));
    expect(at.painted).toBeLessThan(at.scanned);
    expect(state).toEqual({ state: 'off', speech: 'false', matches: 0 });
    expect(await registeredHighlights(page)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("leaves the page's first layout to the page's frame: no long task of ours while the page cannot render", async () => {
    // Choosing what is near the viewport reads boxes; read in our task, before the page's first
    // layout, they laid the whole page out there (a 60-190 ms task on a long page). Until the
    // stylesheet arrives the page renders nothing and runs no script, so a long task then is ours.
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      const tasks: Array<[number, number]> = ((window as unknown as { __longTasks: Array<[number, number]> }).__longTasks = []);
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) tasks.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(server.url('/blocked.html'), { waitUntil: 'commit' });
    await page.waitForFunction(() => performance.getEntriesByName('tifa:painted').length > 0, undefined, { timeout: 30_000 });
    const seen = await page.evaluate(() => ({
      start: performance.getEntriesByName('tifa:start')[0]!.startTime,
      matched: performance.getEntriesByName('tifa:matched')[0]!.startTime,
      registered: performance.getEntriesByName('tifa:ranges-registered')[0]!.startTime,
      stylesheet: (performance.getEntriesByType('resource').find((r) => r.name.endsWith('/late.css')) as PerformanceResourceTiming).responseEnd,
      tasks: (window as unknown as { __longTasks: Array<[number, number]> }).__longTasks,
    }));
    expect(seen.tasks.filter(([start]) => start >= seen.start && start < seen.stylesheet)).toEqual([]);
    // The reader did its work while the page was blocked, and registered highlights once it rendered.
    expect(seen.matched).toBeGreaterThan(seen.start);
    expect(seen.matched).toBeLessThan(seen.stylesheet);
    expect(seen.registered).toBeGreaterThan(seen.stylesheet);
    await settleFrames(page);
    expect(await registeredHighlights(page)).toBeGreaterThan(0);
    await page.close();
  });

  it('steps by keyboard to the last term, far below, and shows it highlighted with its card', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/long.html'));
    await waitForSettled(page);
    await page.keyboard.press('Alt+Shift+P'); // from the start, backwards: the last term on the page
    await waitForCard(page);
    await settleFrames(page);
    const last = await page.evaluate(() => {
      let bottom = -Infinity;
      let text = '';
      for (const h of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.values())
        for (const r of h) {
          const rect = r.getBoundingClientRect();
          if (rect.bottom > bottom) [bottom, text] = [rect.bottom, r.toString()];
        }
      return { scrolled: window.scrollY, max: document.documentElement.scrollHeight - innerHeight, text, inView: bottom > 0 && bottom <= innerHeight };
    });
    expect(last.scrolled).toBeGreaterThan(last.max / 2);
    expect(last.inView).toBe(true);
    expect(last.text.length).toBeGreaterThan(0);
    await page.close();
  });

  it('keeps following the page: a paragraph added at the end is counted and highlighted when reached', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/long.html'));
    const before = await waitForSettled(page);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'added';
      p.textContent = '最后，我们要坚持“两个毫不动摇”。';
      document.body.append(p);
    });
    await expect.poll(() => page.getAttribute('html', 'data-tifa-matches').then(Number)).toBe(before.matches + 1);
    await page.evaluate(() => document.getElementById('added')!.scrollIntoView());
    await settleFrames(page);
    await expect
      .poll(() =>
        page.evaluate(() => {
          for (const h of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.values())
            for (const r of h) if (r.startContainer.parentElement?.id === 'added') return r.toString();
          return null;
        }),
      )
      .toBe('两个毫不动摇');
    await page.close();
  });
});
