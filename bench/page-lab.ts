/**
 * Code injected into benchmark pages (bundled to an IIFE by scripts/bench.ts): our matcher and text
 * model for the floor and scale measurements, and the naive RegExp-alternation baseline.
 */
import { buildAutomaton, compileAutomaton, layoutAutomaton, loadAutomaton, packAutomaton, unpackAutomaton } from '../core/matcher';
import { prepareMatchText } from '../core/normalize';
import { collectBlocks, findOccurrencesInBlocks, locate } from '../core/text-model';

/** The floor: read every text node with a bare TreeWalker, then one automaton pass over all the text. */
function floor(patterns: string[]): { ms: number; matches: number } {
  const automaton = buildAutomaton(patterns);
  const t0 = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push((n as Text).data);
  const matches = automaton.scanTexts([parts.join('')]).count;
  return { ms: performance.now() - t0, matches };
}

/**
 * For a pattern list: the automaton's build time (done once, by the glossary build), the time to
 * load it from its packed tables (done on every page), and matching time over the page's blocks.
 */
function scale(patterns: string[]): { buildMs: number; loadMs: number; matchMs: number; matches: number } {
  const t0 = performance.now();
  const layout = layoutAutomaton(compileAutomaton(patterns));
  const t1 = performance.now();
  const packed = JSON.parse(JSON.stringify(packAutomaton(layout))) as unknown; // as it arrives from storage
  const t2 = performance.now();
  const automaton = loadAutomaton(unpackAutomaton(packed));
  const t3 = performance.now();
  const { blocks } = collectBlocks(document.body);
  const entry = patterns.map((_, i) => i);
  const t4 = performance.now();
  const matches = findOccurrencesInBlocks(blocks, automaton, entry).length;
  return { buildMs: t1 - t0, loadMs: t3 - t2, matchMs: performance.now() - t4, matches };
}

/** After the next frame is painted. */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve();
      ch.port2.postMessage(null);
    }),
  );
}

/**
 * The Highlight API with every occurrence registered at once (what ours did before it registered
 * only what is near the viewport): time to painted, then the cost of one small DOM change.
 */
async function allRanges(patterns: string[], patternEntry: number[]): Promise<{ ms: number; mutationMs: number; registered: number }> {
  const t0 = performance.now();
  const automaton = buildAutomaton(patterns);
  const { blocks } = collectBlocks(document.body);
  const occurrences = findOccurrencesInBlocks(blocks, automaton, patternEntry);
  const highlight = new Highlight();
  for (const o of occurrences) {
    const s = locate(o.block, o.start, false);
    const e = locate(o.block, o.end, true);
    const r = document.createRange();
    r.setStart(s.node, s.offset);
    r.setEnd(e.node, e.offset);
    highlight.add(r);
  }
  CSS.highlights.set('lab-all', highlight);
  await afterNextPaint();
  const ms = performance.now() - t0;
  return { ms, mutationMs: await mutationFrame(), registered: highlight.size };
}

/** One small DOM change (a line appended at the end of the page): time until the next frame is painted. */
async function mutationFrame(): Promise<number> {
  await afterNextPaint();
  const t0 = performance.now();
  const p = document.createElement('p');
  p.textContent = 'Updated.';
  document.body.append(p);
  await afterNextPaint();
  return performance.now() - t0;
}

/** The naive baseline: one RegExp alternation, longest first, wrapping every match in <mark>. */
function naive(terms: string[]): { ms: number; matches: number } {
  const t0 = performance.now();
  const sorted = [...terms].sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(sorted.join('|'), 'g');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  let matches = 0;
  for (const node of nodes) {
    const text = node.data;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    let at = 0;
    const frag = document.createDocumentFragment();
    let any = false;
    while ((m = re.exec(text))) {
      any = true;
      matches++;
      if (m.index > at) frag.append(text.slice(at, m.index));
      const mark = document.createElement('mark');
      mark.textContent = m[0];
      frag.append(mark);
      at = m.index + m[0].length;
    }
    if (any) {
      if (at < text.length) frag.append(text.slice(at));
      node.replaceWith(frag);
    }
  }
  void document.body.offsetHeight; // include the layout the wrapping causes
  return { ms: performance.now() - t0, matches };
}

(globalThis as unknown as { tifaLab: unknown }).tifaLab = { floor, scale, naive, allRanges, mutationFrame, prepareMatchText };
