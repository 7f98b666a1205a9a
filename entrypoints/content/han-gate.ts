/**
 * The cheap test every page gets: is there Chinese text here at all? The reader asks it here; the gate
 * (./gate.ts) writes the same walk out at its top level, and tests/unit/gate.test.ts holds the two to
 * the same cases.
 */
import { hasHan } from '../../core/normalize';

/** How much text the gate reads before deciding there is none. */
export const GATE_CHARS = 20000;

/**
 * Is there Han text in the first GATE_CHARS characters of the document's text (the title's first)?
 * The walk starts at the document and touches text nodes only: the first element a script touches
 * costs ~0.3–0.5 ms in a fresh world (its wrapper's prototype chain is set up), which would be most of
 * what a page without Chinese text pays.
 */
export function pageHasHan(doc: Document): boolean {
  const walker = doc.createTreeWalker(doc, 4 /* NodeFilter.SHOW_TEXT */);
  let read = 0;
  for (let n = walker.nextNode(); n && read < GATE_CHARS; n = walker.nextNode()) {
    const data = (n as Text).data;
    if (hasHan(data)) return true;
    read += data.length;
  }
  return false;
}
