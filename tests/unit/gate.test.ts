/** The gate every page runs: its test for Chinese text, and what it hands to the reader. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseHTML } from 'linkedom';
import { GATE_CHARS, pageHasHan } from '../../entrypoints/content/han-gate';
import { HANDOFF_KEY, PAGE_DATA_KEYS, READER_PATH, takeHandoff } from '../../runtime/gate-handoff';
import { buildGateScript } from '../../scripts/support/gate-build';
import { ROOT } from '../../scripts/support/browser';
import { loadPageData } from '../../runtime/page-data';
import { DEFAULT_SETTINGS } from '../../core/settings';

const page = (head: string, body: string) => parseHTML(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`).document as unknown as Document;
const latin = (chars: number) => `<p>${'the annual report on public works. '.repeat(Math.ceil(chars / 35)).slice(0, chars)}</p>`;

// Each case: a page, and whether it has Han text within the gate's reach.
const CASES: Array<[string, Document, boolean]> = [
  ['Han in the title only', page('<title>政府工作报告</title>', '<p>English only</p>'), true],
  ['Han in the body after 5,000 Latin characters', page('<title>Report</title>', `${latin(5000)}<p>Quote: <b>两个确立</b></p>`), true],
  ...['㐀', '豈', '𠀀'].map((han): [string, Document, boolean] => [`a rare block (${han})`, page('<title>x</title>', `<p>${han}</p>`), true]),
  ['Latin only', page('<title>Report</title>', latin(3000)), false],
  ['Cyrillic, Hangul and CJK punctuation', page('<title>Отчёт</title>', '<p>Доклад о работе правительства</p><p>정부 업무 보고</p><p>「」、。</p>'), false],
  ['Han only after GATE_CHARS characters', page('<title>Report</title>', `${latin(GATE_CHARS + 100)}<p>两个确立</p>`), false],
  ['Han just before GATE_CHARS characters', page('<title>Report</title>', `${latin(GATE_CHARS - 2000)}<p>两个确立</p>`), true],
];

describe('the gate’s test for Chinese text (pageHasHan, which the reader uses)', () => {
  it.each(CASES)('%s', (_, doc, han) => expect(pageHasHan(doc)).toBe(han));
});

describe('the gate as built decides as pageHasHan does (it writes the walk out at its top level)', () => {
  const script = buildGateScript(ROOT);
  /** Runs the built gate on `doc`; whether it began the reader (it reads storage and leaves the handoff). */
  async function gateStartsReader(doc: Document, warnings: unknown[][] = []): Promise<boolean> {
    const g = globalThis as Record<string, unknown>;
    const saved = { browser: g.browser, chrome: g.chrome };
    const get = vi.fn(() => Promise.resolve({}));
    g.browser = undefined; // the gate takes `browser` where it has `runtime` (Firefox), else `chrome`
    g.chrome = { storage: { local: { get } }, runtime: { getURL: (path: string) => `chrome-extension://test${path}` } };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined); // importing the reader fails here
    try {
      new Function('document', script)(doc);
      await new Promise((resolve) => setTimeout(resolve, 20)); // the failed import's warning, still muted
      warnings.push(...warn.mock.calls);
      return takeHandoff() !== null && get.mock.calls.length === 1;
    } finally {
      warn.mockRestore();
      Object.assign(g, saved);
    }
  }
  it.each(CASES)('%s', async (_, doc, han) => expect(await gateStartsReader(doc)).toBe(han));

  it('says so, once and with our name, when the reader cannot be imported (here there is none to import)', async () => {
    const warnings: unknown[][] = [];
    expect(await gateStartsReader(CASES[0]![1], warnings)).toBe(true);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]![0]).toBe('[Tifa Reader] could not load the reader on this page:');
    expect(warnings[0]![1]).toBeInstanceOf(Error);
  });
});

describe('the handoff from the gate to the reader', () => {
  afterEach(() => void takeHandoff());

  it('is taken once: a second reader (or one declared directly) finds none', () => {
    const handoff = { stored: Promise.resolve({}) };
    (globalThis as Record<string, unknown>)[HANDOFF_KEY] = handoff;
    expect(takeHandoff()).toBe(handoff);
    expect(takeHandoff()).toBeNull();
  });

  it('ignores a malformed value in its place', () => {
    (globalThis as Record<string, unknown>)[HANDOFF_KEY] = { stored: 'not a promise' };
    expect(takeHandoff()).toBeNull();
  });

  it('the storage read the gate began gives the reader what its own read would', async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ settings: { mode: 'all' }, settings$: { v: 2 } });
    const own = await loadPageData();
    const begun = await loadPageData(fakeBrowser.storage.local.get(PAGE_DATA_KEYS));
    expect(begun).toEqual(own);
    expect(begun.settings.mode).toBe('all');
    // A failed read is not an error: the defaults, as when the reader's own read fails.
    const failed = await loadPageData(Promise.reject(new Error('storage unavailable')));
    expect(failed.settings).toEqual(DEFAULT_SETTINGS);
  });
});

describe('the gate as built (every page compiles it)', () => {
  const script = buildGateScript(ROOT);

  it('is one classic script under 1 KB that imports the reader and nothing else', () => {
    expect(script.length).toBeLessThan(1024);
    expect(script).not.toMatch(/^\s*(import|export)\s/m); // a content script cannot be a module
    expect(script.match(/\bimport\(/g)).toHaveLength(1);
    expect(script).toContain(READER_PATH);
    // Neither WXT's entry wrapper nor the browser polyfill came along.
    expect(script).not.toMatch(/crashed on startup|webextension-polyfill|Proxy/);
  });
});
