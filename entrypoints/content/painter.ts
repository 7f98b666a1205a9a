/**
 * Painting occurrences. With the CSS Custom Highlight API (Chrome 105+, Firefox 140+, Safari 17.2+)
 * nothing in the page's DOM changes: frameworks that keep references to their text nodes keep working
 * and switching off is free. Without it, matches are wrapped in <mark> elements, reversibly: original
 * text nodes are kept aside and put back unchanged.
 */
import { CATEGORIES } from '../../core/glossary-types';
import { highlightRules } from '../../core/highlight-rules';
import { locate, OWN_UI_ATTRIBUTE, type Occurrence } from '../../core/text-model';

/** An occurrence the session shows (its category is enabled). */
export type Painted = Occurrence;

export interface Painter {
  readonly kind: 'highlight-api' | 'wrap';
  /** Register highlights for these occurrences (already registered ones are left as they are). */
  add(list: readonly Painted[]): void;
  /** Make what was added visible. Until then the page is not repainted for half-built highlights. */
  show(): void;
  remove(list: readonly Painted[]): void;
  clear(): void;
  /** A range over the occurrence: the registered one, or a new one over the page as it is now. */
  rangeOf(p: Painted): Range;
}

export function rangeOf(doc: Document, o: Occurrence): Range {
  const s = locate(o.block, o.start, false);
  const e = locate(o.block, o.end, true);
  const range = doc.createRange();
  range.setStart(s.node, s.offset);
  range.setEnd(e.node, e.offset);
  return range;
}

/**
 * Our highlights' names: a prefix drawn at each load of this script, then the category. A page cannot
 * write rules for them in advance (core/highlight-rules.ts); tests find them by their ending.
 */
const NAME_PREFIX = `h${Math.random().toString(36).slice(2, 10)}-`;

export function highlightName(category: number): string {
  return NAME_PREFIX + (CATEGORIES[category] ?? 'other');
}

/**
 * `categories[entry]`: the highlight category of each entry (the match index's `categories`).
 * The highlight rules are adopted into the document before anything is shown, and again at each
 * showing if the page took them away. (The manifest declares none: their names are not known in advance.)
 */
export function createPainter(doc: Document, categories: readonly number[]): Painter {
  const keepRules = documentRules(doc);
  const w = doc.defaultView as (Window & typeof globalThis) | null;
  const registry = w && 'CSS' in w && 'highlights' in w.CSS ? w.CSS.highlights : undefined;
  const HighlightCtor = w && 'Highlight' in w ? (w.Highlight as typeof Highlight) : undefined;
  if (registry && HighlightCtor) return highlightPainter(doc, categories, registry, HighlightCtor, keepRules);
  return wrappingPainter(doc, categories, keepRules);
}

/**
 * A function that adds the highlight rules (core/highlight-rules.ts) to the document as an adopted stylesheet, unless
 * they are there already: no node is added to the page. Where adopting fails (a page that froze
 * adoptedStyleSheets), the document gets a <style> element marked as ours instead. The rules are on
 * :root and reach open shadow trees by inheritance, so shadow roots need nothing.
 */
function documentRules(doc: Document): () => void {
  let sheet: CSSStyleSheet | null = null;
  const highlightCss = highlightRules(CATEGORIES.map((_, c) => highlightName(c)));
  return () => {
    try {
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(highlightCss);
      }
      if (!doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    } catch {
      if (doc.querySelector(`style[${OWN_UI_ATTRIBUTE}]`)) return;
      const style = doc.createElement('style');
      style.setAttribute(OWN_UI_ATTRIBUTE, 'style');
      style.textContent = highlightCss;
      (doc.head ?? doc.documentElement).appendChild(style);
    }
  };
}

function highlightPainter(doc: Document, categories: readonly number[], registry: HighlightRegistry, HighlightCtor: typeof Highlight, keepRules: () => void): Painter {
  const highlights = new Map<number, Highlight>();
  const ranges = new Map<Painted, Range>();
  const get = (category: number) => {
    let h = highlights.get(category);
    if (!h) {
      h = new HighlightCtor();
      highlights.set(category, h);
    }
    return h;
  };
  return {
    kind: 'highlight-api',
    add(list) {
      for (const p of list) {
        if (ranges.has(p)) continue;
        const range = rangeOf(doc, p);
        get(categories[p.entry]!).add(range);
        ranges.set(p, range);
      }
    },
    rangeOf(p) {
      return ranges.get(p) ?? rangeOf(doc, p);
    },
    show() {
      keepRules();
      // Also where the page cleared CSS.highlights or deleted ours: they are registered again here.
      for (const [category, h] of highlights) {
        const name = highlightName(category);
        if (registry.get(name) !== h) registry.set(name, h);
      }
    },
    remove(list) {
      for (const p of list) {
        const range = ranges.get(p);
        if (!range) continue;
        highlights.get(categories[p.entry]!)?.delete(range);
        ranges.delete(p);
      }
    },
    clear() {
      for (const category of highlights.keys()) registry.delete(highlightName(category));
      highlights.clear();
      ranges.clear();
    },
  };
}

function wrappingPainter(doc: Document, categories: readonly number[], keepRules: () => void): Painter {
  // For each original text node we replaced: the pieces that now stand in its place.
  const replaced = new Map<Text, Node[]>();
  const restore = (original: Text) => {
    const pieces = replaced.get(original);
    if (!pieces) return;
    const first = pieces[0];
    if (first?.parentNode) first.parentNode.insertBefore(original, first);
    for (const piece of pieces) piece.parentNode?.removeChild(piece);
    replaced.delete(original);
  };
  // Ranges made before wrapping: they follow the page's changes as live ranges do.
  const ranges = new Map<Painted, Range>();
  return {
    kind: 'wrap',
    show() {
      // Wrapped matches are visible as soon as they are inserted; their rules must be there.
      keepRules();
    },
    rangeOf(p) {
      return ranges.get(p) ?? rangeOf(doc, p);
    },
    add(list) {
      // Cut per text node: [start, end, category] segments.
      const segments = new Map<Text, Array<[number, number, number]>>();
      for (const p of list) {
        if (ranges.has(p)) continue;
        const occurrence = p;
        const category = categories[p.entry]!;
        ranges.set(p, rangeOf(doc, occurrence));
        const b = occurrence.block;
        b.nodes.forEach((node, i) => {
          const from = Math.max(occurrence.start, b.nodeStart[i]!) - b.nodeStart[i]!;
          const to = Math.min(occurrence.end, b.nodeStart[i]! + node.data.length) - b.nodeStart[i]!;
          if (from < to) {
            let list = segments.get(node);
            if (!list) segments.set(node, (list = []));
            list.push([from, to, category]);
          }
        });
      }
      for (const [node, list] of segments) {
        if (!node.parentNode || replaced.has(node)) continue;
        list.sort((a, b) => a[0] - b[0]);
        const pieces: Node[] = [];
        let at = 0;
        for (const [from, to, category] of list) {
          if (from > at) pieces.push(doc.createTextNode(node.data.slice(at, from)));
          const mark = doc.createElement('mark');
          mark.setAttribute(OWN_UI_ATTRIBUTE, 'mark');
          mark.className = highlightName(category);
          mark.textContent = node.data.slice(from, to);
          pieces.push(mark);
          at = to;
        }
        if (at < node.data.length) pieces.push(doc.createTextNode(node.data.slice(at)));
        const parent = node.parentNode;
        for (const piece of pieces) parent.insertBefore(piece, node);
        parent.removeChild(node);
        replaced.set(node, pieces);
      }
    },
    remove(list) {
      for (const p of list) {
        ranges.delete(p);
        for (const node of p.block.nodes) restore(node);
      }
    },
    clear() {
      for (const original of [...replaced.keys()]) restore(original);
      ranges.clear();
    },
  };
}
