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
  private unobserved: Element[] = [];
  private observeScheduled = false;

  constructor(deps: ViewportScopeDeps) {
    this.deps = deps;
  }

  /** Is this owner's text near the viewport now (so its highlights should be registered)? */
  isNear(owner: Node): boolean {
    return this.nearNow.has(owner);
  }

  /**
   * Start watching owners (in document order). Returns those near the viewport now, estimated
   * synchronously so the first paint needs no extra frame; the observer corrects the estimate later.
   */
  watch(owners: readonly Node[]): Node[] {
    const fresh = owners.filter((o) => !this.elementOf.has(o));
    const near: Node[] = [];
    const measured: Array<{ owner: Node; el: Element }> = [];
    for (const owner of fresh) {
      const el = observedElement(owner);
      this.elementOf.set(owner, el);
      if (!el) {
        near.push(owner);
        continue;
      }
      let list = this.ownersOf.get(el);
      if (!list) this.ownersOf.set(el, (list = []));
      list.push(owner);
      measured.push({ owner, el });
    }
    // Observing thousands of elements costs a few milliseconds: it waits until what is near is painted.
    this.unobserved.push(...measured.map((m) => m.el));
    this.scheduleObserving();
    if (!this.observer()) {
      // No IntersectionObserver (a very old engine): everything counts as near, as before scoping.
      near.push(...measured.map((m) => m.owner));
    } else {
      near.push(...this.estimateNear(measured));
    }
    for (const o of near) this.nearNow.add(o);
    return near;
  }

  unwatch(owner: Node): void {
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
    this.io?.disconnect();
    this.io = null;
    this.unobserved = [];
    this.elementOf.clear();
    this.ownersOf.clear();
    this.nearNow.clear();
  }

  private scheduleObserving(): void {
    if (this.observeScheduled || this.unobserved.length === 0) return;
    this.observeScheduled = true;
    const view = this.deps.doc.defaultView as (Window & typeof globalThis) | null;
    const run = () => {
      this.observeScheduled = false;
      const io = this.observer();
      const list = this.unobserved;
      this.unobserved = [];
      // An owner unwatched meanwhile has no entry left: skip it.
      if (io) for (const el of list) if (this.ownersOf.has(el)) io.observe(el);
    };
    // After the next frame is painted, and after whatever that frame's paint set going.
    afterNextPaint(() => setTimeout(run, 0), view);
  }

  private observer(): IntersectionObserver | null {
    if (this.io) return this.io;
    const win = this.deps.doc.defaultView as (Window & typeof globalThis) | null;
    const IO = win?.IntersectionObserver ?? (typeof IntersectionObserver === 'function' ? IntersectionObserver : undefined);
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
   * Owners whose boxes lie in the near band. Blocks come in document order, which on text pages is
   * top to bottom: a binary search finds the first owner reaching the band, then a scan runs until
   * several in a row lie below it. A layout out of document order (columns, positioned boxes) may be
   * estimated wrong for one frame, until the observer reports.
   */
  private estimateNear(list: ReadonlyArray<{ owner: Node; el: Element }>): Node[] {
    const view = this.deps.doc.defaultView;
    const height = view?.innerHeight ?? 0;
    if (list.length === 0 || height === 0) return [];
    const top = -MARGIN_SCREENS * height;
    const bottom = height * (1 + MARGIN_SCREENS);
    const rect = (i: number) => list[i]!.el.getBoundingClientRect();
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rect(mid).bottom < top) lo = mid + 1;
      else hi = mid;
    }
    const near: Node[] = [];
    let belowRun = 0;
    for (let i = lo; i < list.length && belowRun < BELOW_RUN; i++) {
      const r = rect(i);
      if (r.top > bottom) {
        belowRun++;
        continue;
      }
      belowRun = 0;
      if (r.bottom >= top && (r.width > 0 || r.height > 0)) near.push(list[i]!.owner);
    }
    return near;
  }
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
