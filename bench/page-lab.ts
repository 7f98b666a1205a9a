/**
 * Code injected into benchmark pages (bundled to an IIFE by scripts/bench.ts): our matcher and text
 * model for the floor and scale measurements, and the naive RegExp-alternation baseline.
 */
import { buildAutomaton } from '../core/matcher';
import { prepareMatchText } from '../core/normalize';
import { collectBlocks, findOccurrences } from '../core/text-model';

/** The floor: read every text node with a bare TreeWalker, then one automaton pass over all the text. */
function floor(patterns: string[]): { ms: number; matches: number } {
  const automaton = buildAutomaton(patterns);
  const t0 = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push((n as Text).data);
  const matches = automaton.findMatches(parts.join('')).length;
  return { ms: performance.now() - t0, matches };
}

/** Build time and matching time of the automaton for a pattern list, over the page's blocks. */
function scale(patterns: string[]): { buildMs: number; matchMs: number; matches: number } {
  const t0 = performance.now();
  const automaton = buildAutomaton(patterns);
  const t1 = performance.now();
  const { blocks } = collectBlocks(document.body);
  const entry = patterns.map((_, i) => i);
  let matches = 0;
  for (const b of blocks) matches += findOccurrences(b, automaton, entry).length;
  return { buildMs: t1 - t0, matchMs: performance.now() - t1, matches };
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

(globalThis as unknown as { tifaLab: unknown }).tifaLab = { floor, scale, naive, prepareMatchText };
