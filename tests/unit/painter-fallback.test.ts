// @vitest-environment happy-dom
/** The wrapping painter, used where the CSS Custom Highlight API is missing: fully reversible. */
import { describe, expect, it } from 'vitest';
import { buildAutomaton } from '../../core/matcher';
import { collectBlocks, findOccurrences } from '../../core/text-model';
import { createPainter } from '../../entrypoints/content/painter';

describe('fallback painter (no Highlight API)', () => {
  it('wraps matches in marks and restores the page exactly, keeping the original text nodes', () => {
    document.body.innerHTML = '<p id="p">坚定拥护“<b>两个</b>确立”，增强“四个意识”。</p><p>四个意识</p>';
    const before = document.body.innerHTML;
    const originals = [...document.querySelectorAll('p, b')].flatMap((el) => [...el.childNodes].filter((n) => n.nodeType === 3));
    const automaton = buildAutomaton(['两个确立', '四个意识']);
    const { blocks } = collectBlocks(document.body);
    const occurrences = blocks.flatMap((b) => findOccurrences(b, automaton, [0, 1]));
    expect(occurrences).toHaveLength(3);

    const painter = createPainter(document, [0, 1]);
    expect(painter.kind).toBe('wrap');
    painter.add(occurrences);
    const marks = [...document.querySelectorAll('mark[data-tifa-ui]')].map((m) => m.textContent);
    expect(marks).toEqual(['两个', '确立', '四个意识', '四个意识']);
    expect(document.body.textContent).toBe('坚定拥护“两个确立”，增强“四个意识”。四个意识');

    painter.clear();
    expect(document.body.innerHTML).toBe(before);
    const after = [...document.querySelectorAll('p, b')].flatMap((el) => [...el.childNodes].filter((n) => n.nodeType === 3));
    expect(after).toHaveLength(originals.length);
    after.forEach((n, i) => expect(n).toBe(originals[i]));
  });
});
