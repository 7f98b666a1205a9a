/**
 * Which blocks are on screen or near it. Highlights are registered only for those: Chromium rebuilds
 * the paint markers of every registered range whenever anything in the page's DOM or style changes
 * (HighlightRegistry::ValidateHighlightMarkers), so 18,000 registered ranges on a long speech would
 * cost a long frame after every change the page makes (docs/performance.md, "Viewport scope").
 * Every occurrence is still found, counted and reachable by keyboard; a block's highlights are
 * registered when it comes within a screen of the viewport and dropped when it moves away.
 */
import { afterNextPaint } from './slices';

/** How far around the viewport counts as near, in viewport heights. */
const MARGIN_SCREENS = 1;
/** The synchronous first estimate stops after this many owners in a row below the near band. */
const BELOW_RUN = 8;

export interface ViewportScopeDeps {
  doc: Document;
  /** Block owners that came near the viewport, and those that left. */
  onChange(entered: Node[], left: Node[]): void;
}

export class ViewportScope {
  private readonly deps: ViewportScopeDeps;
  private io: IntersectionObserver | null = null;
  /** The element observed for each watched owner (a shadow root's host), or null: always near. */
  private readonly elementOf = new Map<Node, Element | null>();
  private readonly ownersOf = new Map<Element, Node[]>();
  private readonly nearNow = new Set<Node>();
  /** Owners watched but not yet observed: the bookkeeping waits until what is near is painted. */
  private pending: Node[] = [];
  private scheduled = false;
  /** Advanced by disconnect(): an estimate still waiting for its frame is then dropped. */
  private generation = 0;
  /** Advanced by unwatch(): an estimate still waiting for its frame then leaves those owners out. */
  private unwatched = 0;

  constructor(deps: ViewportScopeDeps) {
    this.deps = deps;
  }

  /**
   * Start watching owners (in document order; an owner may come more than once). `onNear` receives the
   * indices in `owners` of those near the viewport, estimated at the start of the next frame, before its
   * style, layout and paint, so the highlights registered then are in that very frame.
   *
   * Not now, in the caller's task: reading a box lays out whatever is pending, and when the reader
   * starts before the page's own first layout (a long page still loading), that is the whole page,
   * 60 ms and more on a 2 MB speech, which would then run inside our task instead of in the frame
   * that needs it anyway (docs/performance.md, "No task over 50 ms"). In the frame, the layout the
   * boxes need is the frame's own. In a hidden document, where no frame comes, the estimate is made at
   * once. Observing thousands of elements, and the maps that go with it, cost several milliseconds:
   * that work runs after the frame is painted, and the observer then corrects the estimate.
   */
  watch(owners: readonly Node[], onNear: (near: number[]) => void): void {
    if (owners.length === 0) return;
    for (let i = 0; i < owners.length; i++) this.pending.push(owners[i]!);
    const unwatchedBefore = this.unwatched;
    const estimate = () => {
      let near = IntersectionObserverOf(this.deps.doc) ? this.estimateNear(owners) : owners.map((_, i) => i);
      if (this.unwatched !== unwatchedBefore) {
        // Owners dropped while the frame was awaited (the page changed them): not theirs to register.
        const pending = new Set(this.pending);
        near = near.filter((i) => pending.has(owners[i]!) || this.elementOf.has(owners[i]!));
      }
      for (let i = 0; i < near.length; i++) this.nearNow.add(owners[near[i]!]!);
      onNear(near);
    };
    const view = this.deps.doc.defaultView;
    if (view?.requestAnimationFrame && this.deps.doc.visibilityState !== 'hidden') {
      const generation = this.generation;
      view.requestAnimationFrame(() => {
        if (generation === this.generation) estimate();
      });
    } else estimate();
    // Requested after the estimate's frame callback: the bookkeeping comes after that frame.
    this.schedule();
  }

  unwatch(owner: Node): void {
    this.unwatched++;
    if (this.pending.includes(owner)) this.pending = this.pending.filter((o) => o !== owner);
    const el = this.elementOf.get(owner);
    this.elementOf.delete(owner);
    this.nearNow.delete(owner);
    if (!el) return;
    const list = (this.ownersOf.get(el) ?? []).filter((o) => o !== owner);
    if (list.length > 0) this.ownersOf.set(el, list);
    else {
      this.ownersOf.delete(el);
      this.io?.unobserve(el);
    }
  }

  disconnect(): void {
    this.generation++;
    this.io?.disconnect();
    this.io = null;
    this.pending = [];
    this.elementOf.clear();
    this.ownersOf.clear();
    this.nearNow.clear();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // After the next frame is painted, and after whatever that frame's paint set going.
    afterNextPaint(() => setTimeout(() => this.observePending(), 0), this.deps.doc.defaultView as (Window & typeof globalThis) | null);
  }

  private observePending(): void {
    this.scheduled = false;
    const list = this.pending;
    this.pending = [];
    const io = this.observer();
    const entered: Node[] = [];
    for (let i = 0; i < list.length; i++) {
      const owner = list[i]!;
      if (this.elementOf.has(owner)) continue;
      const el = io ? observedElement(owner) : null;
      this.elementOf.set(owner, el);
      if (!el) {
        // No box to observe (or no observer at all): always registered.
        if (!this.nearNow.has(owner)) {
          this.nearNow.add(owner);
          entered.push(owner);
        }
        continue;
      }
      let owners = this.ownersOf.get(el);
      if (!owners) {
        this.ownersOf.set(el, (owners = []));
        io!.observe(el);
      }
      owners.push(owner);
    }
    if (entered.length > 0) this.deps.onChange(entered, []);
  }

  private observer(): IntersectionObserver | null {
    if (this.io) return this.io;
    const IO = IntersectionObserverOf(this.deps.doc);
    if (!IO) return null;
    this.io = new IO((records) => this.onRecords(records), { rootMargin: `${MARGIN_SCREENS * 100}% 0px` });
    return this.io;
  }

  private onRecords(records: IntersectionObserverEntry[]): void {
    const entered: Node[] = [];
    const left: Node[] = [];
    for (const r of records) {
      const box = r.boundingClientRect;
      // The observer never reports a `display: contents` element as intersecting: its text is
      // always registered instead (checked only for elements reported with no box at all).
      const boxless = !r.isIntersecting && box.width === 0 && box.height === 0 && isBoxless(r.target);
      if (boxless) this.io?.unobserve(r.target);
      for (const owner of this.ownersOf.get(r.target) ?? []) {
        const was = this.nearNow.has(owner);
        if ((r.isIntersecting || boxless) && !was) {
          this.nearNow.add(owner);
          entered.push(owner);
        } else if (!r.isIntersecting && !boxless && was) {
          this.nearNow.delete(owner);
          left.push(owner);
        }
      }
    }
    if (entered.length > 0 || left.length > 0) this.deps.onChange(entered, left);
  }

  /**
   * Indices of owners whose boxes lie in the near band. Blocks come in document order, which on text
   * pages is top to bottom: a binary search finds the first owner reaching the band, then a scan runs
   * until several in a row lie below it. A layout out of document order (columns, positioned boxes)
   * may be estimated wrong for one frame, until the observer reports.
   */
  private estimateNear(owners: readonly Node[]): number[] {
    const height = this.deps.doc.defaultView?.innerHeight ?? 0;
    if (height === 0) return [];
    const top = -MARGIN_SCREENS * height;
    const bottom = height * (1 + MARGIN_SCREENS);
    const none = { top: 0, bottom: 0, width: 0, height: 0 };
    const rect = (i: number) => observedElement(owners[i]!)?.getBoundingClientRect() ?? none;
    let lo = 0;
    let hi = owners.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rect(mid).bottom < top) lo = mid + 1;
      else hi = mid;
    }
    const near: number[] = [];
    let belowRun = 0;
    for (let i = lo; i < owners.length && belowRun < BELOW_RUN; i++) {
      const r = rect(i);
      if (r.top > bottom) {
        belowRun++;
        continue;
      }
      belowRun = 0;
      if (r.bottom >= top && (r.width > 0 || r.height > 0)) near.push(i);
    }
    return near;
  }
}

function IntersectionObserverOf(doc: Document): typeof IntersectionObserver | undefined {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  return win?.IntersectionObserver ?? (typeof IntersectionObserver === 'function' ? IntersectionObserver : undefined);
}

/** The element whose box stands for an owner's text: the owner itself, or a shadow root's host. */
function observedElement(owner: Node): Element | null {
  if (owner.nodeType === 1) return owner as Element;
  if (owner.nodeType === 11 && 'host' in owner) return (owner as ShadowRoot).host;
  return null;
}

/** An element without a box of its own whose text is laid out all the same (`display: contents`). */
function isBoxless(el: Element): boolean {
  return el.ownerDocument.defaultView?.getComputedStyle(el).display === 'contents';
}
