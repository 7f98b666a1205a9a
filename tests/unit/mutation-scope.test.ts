// @vitest-environment happy-dom
/** Which page changes rescan only the changed block, and which rescan the parent's block too. */
import { describe, expect, it } from 'vitest';
import { touchesParentText } from '../../entrypoints/content/page-session';

async function recordsOf(html: string, change: (body: HTMLElement) => void): Promise<MutationRecord[]> {
  document.body.innerHTML = html;
  const records: MutationRecord[] = [];
  const mo = new MutationObserver((rs) => records.push(...rs));
  mo.observe(document.body, { childList: true, characterData: true, subtree: true });
  change(document.body);
  await new Promise((r) => setTimeout(r, 0));
  records.push(...mo.takeRecords());
  mo.disconnect();
  return records.filter((r) => r.type === 'childList');
}

describe('touchesParentText', () => {
  it('is false for a paragraph appended or removed between paragraphs', async () => {
    const added = await recordsOf('<p>两个确立</p>\n<p>四个意识</p>\n', (b) => b.append(Object.assign(document.createElement('p'), { textContent: '两个维护' })));
    expect(added.map(touchesParentText)).toEqual([false]);
    const removed = await recordsOf('<p>两个确立</p>\n<p id="x">四个意识</p>\n<p>两个维护</p>', () => document.getElementById('x')!.remove());
    expect(removed.map(touchesParentText)).toEqual([false]);
  });

  it('is true when text or an inline element is added or removed', async () => {
    const text = await recordsOf('<p>两个</p>', (b) => b.firstElementChild!.append('确立'));
    expect(text.map(touchesParentText)).toEqual([true]);
    const inline = await recordsOf('<p>两个</p>', (b) => b.firstElementChild!.append(Object.assign(document.createElement('b'), { textContent: '确立' })));
    expect(inline.map(touchesParentText)).toEqual([true]);
  });

  it('is true when a block element splits or joins text of its parent', async () => {
    const split = await recordsOf('<div>两个<span id="s"></span>确立</div>', () => document.getElementById('s')!.replaceWith(document.createElement('p')));
    expect(split.some(touchesParentText)).toBe(true);
    const joined = await recordsOf('<div>两个<p id="x">中间</p>确立</div>', () => document.getElementById('x')!.remove());
    expect(joined.map(touchesParentText)).toEqual([true]);
  });
});
