/**
 * Highlights have no events: find the occurrence under a point from the caret position there,
 * then confirm the point lies inside the occurrence's boxes (the caret snaps to the nearest
 * character even when the pointer is past the end of a line).
 */
import { locateNode } from '../../core/text-model';
import type { Painted } from './painter';

export class HitIndex {
  private byNode = new Map<Node, Painted[]>();

  constructor(private readonly rangeOf: (p: Painted) => Range) {}

  /** Index occurrences by the text nodes they cover, from the block model, with no DOM queries. */
  rebuild(painted: readonly Painted[]): void {
    this.byNode.clear();
    for (let k = 0; k < painted.length; k++) {
      const p = painted[k]!;
      const { block, start, end } = p;
      // Node indices, not locate()'s objects: this runs over every occurrence of the page.
      const first = locateNode(block, start, false);
      const last = locateNode(block, end, true);
      for (let i = first; i <= last; i++) this.add(block.nodes[i]!, p);
    }
  }

  private add(node: Node, p: Painted): void {
    const list = this.byNode.get(node);
    if (list) list.push(p);
    else this.byNode.set(node, [p]);
  }

  at(doc: Document, x: number, y: number): Painted | null {
    const caret = caretAt(doc, x, y);
    if (!caret) return null;
    let candidates = this.byNode.get(caret.node);
    // Fallback painter: the caret is in a <mark> we made; look at its original occurrence by text.
    if (!candidates && caret.node.parentElement?.hasAttribute('data-tifa-ui')) candidates = this.byMark(caret.node.parentElement);
    if (!candidates) return null;
    for (const p of candidates) {
      for (const rect of Array.from(this.rangeOf(p).getClientRects())) {
        if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return p;
      }
    }
    return null;
  }

  private byMark(mark: Element): Painted[] | undefined {
    for (const list of this.byNode.values()) for (const p of list) if (this.rangeOf(p).intersectsNode(mark)) return [p];
    return undefined;
  }
}

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') {
    const pos = d.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}
