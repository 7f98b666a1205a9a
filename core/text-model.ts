/**
 * The text model: a page's visible text grouped by block element, so a term split across inline
 * elements (`<b>两个</b>确立`) is still one run of text. Pure: it walks whatever DOM it is given
 * (the page in the extension, linkedom in the CLI), using no DOM globals, so both count the same.
 */
import type { Automaton } from './matcher';
import { hasDroppableSpace, hasHan, prepareMatchText } from './normalize';

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const FRAGMENT_NODE = 11;

/** Elements laid out inline by default: text on both sides belongs to one block. */
const INLINE_TAGS = new Set([
  'A', 'ABBR', 'ACRONYM', 'B', 'BDI', 'BDO', 'BIG', 'CITE', 'CODE', 'DATA', 'DEL', 'DFN', 'EM', 'FONT',
  'I', 'INS', 'KBD', 'LABEL', 'MARK', 'NOBR', 'Q', 'RB', 'RP', 'RT', 'RTC', 'RUBY', 'S', 'SAMP', 'SMALL',
  'SPAN', 'STRIKE', 'STRONG', 'SUB', 'SUP', 'TIME', 'TT', 'U', 'VAR', 'WBR', 'O:P',
]);

/** Never read: not visible text, or text the user is editing. */
const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'TEMPLATE', 'HEAD', 'TITLE',
  'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'CANVAS', 'SVG', 'MATH', 'VIDEO', 'AUDIO', 'BUTTON',
]);

/** The attribute that marks our own UI (the card host); never scanned. */
export const OWN_UI_ATTRIBUTE = 'data-tifa-ui';

const SKIPPED = 1;
const INLINE = 2;
const BLOCK = 3;
/** Kind of element by its name, remembered per name (upper-casing every element's name is costly). */
const kindByName = new Map<string, number>();
function kindOf(el: Element): number {
  const name = el.nodeName;
  let kind = kindByName.get(name);
  if (kind === undefined) {
    const upper = name.toUpperCase();
    kind = SKIPPED_TAGS.has(upper) ? SKIPPED : INLINE_TAGS.has(upper) ? INLINE : BLOCK;
    kindByName.set(name, kind);
  }
  return kind;
}

export function isSkippedElement(el: Element): boolean {
  if (kindOf(el) === SKIPPED) return true;
  // Most elements carry no attributes at all: one call answers for the three checks below.
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute(OWN_UI_ATTRIBUTE) || el.hasAttribute('hidden')) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

export function isInline(el: Element): boolean {
  return kindOf(el) === INLINE;
}

/**
 * The node that owns the block containing `node` (its nearest non-inline ancestor, or `root`), or
 * null when `node` is inside a skipped region (script, textarea, contenteditable, our own UI...).
 */
export function blockOwnerOf(node: Node, root: Node): Node | null {
  let owner: Node | null = null;
  for (let n: Node | null = node.nodeType === ELEMENT_NODE ? node : node.parentNode; n; n = n.parentNode) {
    if (n === root) return owner ?? root;
    if (n.nodeType === ELEMENT_NODE) {
      const el = n as Element;
      if (isSkippedElement(el)) return null;
      if (!owner && !isInline(el)) owner = el;
    }
  }
  return null; // not under root (detached, or in a shadow tree)
}

/** One run of text between block boundaries. */
export interface Block {
  /** The element whose content starts this block (its nearest block-level ancestor). */
  owner: Node;
  nodes: Text[];
  /** `nodeStart[i]` is the offset in `raw` where `nodes[i]` begins. */
  nodeStart: number[];
  raw: string;
}

export interface BlockCollection {
  blocks: Block[];
  /** Characters of visible text read, blocks with and without Han characters. */
  textLength: number;
  hanBlocks: number;
}

/** Collect the blocks under `root` (and in open shadow roots below it) that contain Han text. */
export function collectBlocks(root: Node): BlockCollection {
  const walker = createBlockWalker(root);
  walker.run(() => false);
  return walker.result;
}

export interface BlockWalker {
  readonly result: BlockCollection;
  /** Walk until done (returns true) or until `shouldPause()` says to stop for now (returns false). */
  run(shouldPause: () => boolean): boolean;
}

/**
 * A resumable walk, so a long page can be read in slices: the caller pauses it between nodes and
 * resumes it later. Iterative (5,000 levels of nesting need no stack).
 */
export function createBlockWalker(root: Node): BlockWalker {
  const result: BlockCollection = { blocks: [], textLength: 0, hanBlocks: 0 };
  const roots: Node[] = [root];
  let rootIndex = 0;
  let walk: ((shouldPause: () => boolean) => boolean) | null = null;
  return {
    result,
    run(shouldPause) {
      while (rootIndex < roots.length) {
        walk ??= startWalk(roots[rootIndex]!, result, roots);
        if (!walk(shouldPause)) return false;
        walk = null;
        rootIndex++;
      }
      return true;
    },
  };
}

const CHECK_EVERY = 256; // nodes between pause checks

function startWalk(root: Node, out: BlockCollection, roots: Node[]): (shouldPause: () => boolean) => boolean {
  let owner: Node = root;
  let nodes: Text[] = [];
  let nodeStart: number[] = [];
  const parts: string[] = [];
  let length = 0;
  // The arrays are reused unless a block keeps them: `parts` always (a block keeps only the joined
  // text), `nodes` and `nodeStart` when the block has no Han text (the whitespace between block
  // elements, on most pages every other one). Fewer allocations, fewer collections while the page
  // loads (docs/performance.md).
  const flush = (nextOwner: Node) => {
    if (nodes.length > 0) {
      const raw = parts.length === 1 ? parts[0]! : parts.join('');
      out.textLength += raw.length;
      if (hasHan(raw)) {
        out.blocks.push({ owner, nodes, nodeStart, raw });
        out.hanBlocks++;
        nodes = [];
        nodeStart = [];
      } else {
        nodes.length = 0;
        nodeStart.length = 0;
      }
      parts.length = 0;
      length = 0;
    }
    owner = nextOwner;
  };

  let n: Node = root;
  let done = false;
  return (shouldPause) => {
    let count = 0;
    // Written for few DOM calls per node: this loop runs on every page, mostly before the JIT has
    // optimised it, where each call costs (docs/performance.md).
    while (!done) {
      if (++count % CHECK_EVERY === 0 && shouldPause()) return false;
      const type = n.nodeType;
      let child: Node | null = null;
      if (type === TEXT_NODE) {
        const data = (n as Text).data;
        if (data.length > 0) {
          nodes.push(n as Text);
          nodeStart.push(length);
          parts.push(data);
          length += data.length;
        }
      } else if (type === ELEMENT_NODE) {
        const el = n as Element;
        if (n === root || !isSkippedElement(el)) {
          if (n !== root && kindOf(el) !== INLINE) flush(el);
          const shadow = (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
          if (shadow) roots.push(shadow);
          child = n.firstChild;
        }
      } else if (type === FRAGMENT_NODE || n === root) {
        child = n.firstChild;
      }
      if (child) {
        n = child;
        continue;
      }
      // Leave n, climbing until a next sibling exists. Every node climbed to is an element or a fragment.
      let leaving = type;
      for (;;) {
        if (n === root) {
          flush(root);
          done = true;
          break;
        }
        if (leaving === ELEMENT_NODE && kindOf(n as Element) !== INLINE) flush(n.parentNode!);
        const sibling = n.nextSibling;
        if (sibling) {
          n = sibling;
          break;
        }
        n = n.parentNode!;
        leaving = n.nodeType;
      }
    }
    return true;
  };
}

/** A term occurrence in a block: raw offsets into `block.raw`. */
export interface Occurrence {
  block: Block;
  start: number;
  end: number;
  /** Index into the match index's entries. */
  entry: number;
}

export function findOccurrences(block: Block, automaton: Automaton, patternEntry: readonly number[]): Occurrence[] {
  return findOccurrencesInBlocks([block], automaton, patternEntry);
}

/**
 * Occurrences in many blocks, in block order, from one automaton call over all their texts (no
 * copy of the page's text; docs/performance.md). Most blocks have no whitespace between Han
 * characters: the automaton reads their raw text (folding as it goes) and offsets are the raw ones.
 * Only the others pay for a prepared copy and an offset map.
 */
export function findOccurrencesInBlocks(blocks: readonly Block[], automaton: Automaton, patternEntry: readonly number[], out: Occurrence[] = []): Occurrence[] {
  const texts: string[] = new Array<string>(blocks.length);
  let rawOffsets: Array<Int32Array | undefined> | null = null;
  for (let b = 0; b < blocks.length; b++) {
    const raw = blocks[b]!.raw;
    if (!hasDroppableSpace(raw)) {
      texts[b] = raw;
      continue;
    }
    const prepared = prepareMatchText(raw);
    texts[b] = prepared.text;
    (rawOffsets ??= [])[b] = prepared.rawOffset;
  }
  const found = automaton.scanTexts(texts);
  for (let i = 0; i < found.count; i++) {
    const entry = patternEntry[found.pattern[i]!]!;
    if (entry < 0) continue; // a not-term surface (两重性): it wins the match and reports nothing
    const b = found.text[i]!;
    const start = found.start[i]!;
    const end = found.end[i]!;
    const map = rawOffsets?.[b];
    out.push(map ? { block: blocks[b]!, start: map[start]!, end: map[end - 1]! + 1, entry } : { block: blocks[b]!, start, end, entry });
  }
  return out;
}

/** The text node and offset for a raw block offset (`end` = the position is a range end). */
export function locate(block: Block, offset: number, end: boolean): { node: Text; offset: number } {
  const i = locateNode(block, offset, end);
  return { node: block.nodes[i]!, offset: offset - block.nodeStart[i]! };
}

/** The index in `block.nodes` of the text node holding a raw block offset, as `locate` finds it. */
export function locateNode(block: Block, offset: number, end: boolean): number {
  const starts = block.nodeStart;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! < offset || (!end && starts[mid] === offset)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
