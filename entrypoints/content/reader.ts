/**
 * The reader's interactions on a page: hover, click or tap on a highlighted term opens its card;
 * Alt+Shift+N / Alt+Shift+P step through terms; Esc closes. Messages from the popup and background
 * arrive here too.
 */
import type { Occurrence } from '../../core/text-model';
import { CardHost } from './card-host';
import { HitIndex } from './hit-test';
import type { Painted } from './painter';
import type { PageSession } from './page-session';
import type { Settings } from '../../core/settings';

export function sentenceAround(o: Occurrence): string {
  const raw = o.block.raw;
  const before = raw.slice(0, o.start);
  const startAt = Math.max(before.lastIndexOf('。'), before.lastIndexOf('！'), before.lastIndexOf('？'), before.lastIndexOf('\n')) + 1;
  const rest = raw.slice(o.end);
  const m = rest.search(/[。！？\n]/);
  const endAt = m < 0 ? raw.length : o.end + m + 1;
  return raw.slice(startAt, endAt).trim().slice(0, 500);
}

export class Reader {
  private readonly hits: HitIndex;
  private hitsStale = true;
  private hoverTimer: ReturnType<typeof setTimeout> | null = null;
  private hovered: Painted | null = null;
  private cursor = -1;
  private frame = 0;
  private lastPoint: { x: number; y: number } | null = null;
  /** Scroll events before this time come from our own scrollIntoView. */
  private ownScrollUntil = 0;
  private readonly controller = new AbortController();

  constructor(
    private readonly session: PageSession,
    private readonly card: CardHost,
    private readonly settings: Settings,
    /**
     * Whether the extension is still there (WXT's ctx.isValid): after an update or a reload the old
     * copy of this script stays on open pages with no extension to talk to. Asking tears it down then.
     */
    private readonly alive: () => boolean = () => true,
  ) {
    this.hits = new HitIndex((p) => session.rangeOf(p));
  }

  attach(): void {
    const doc = this.session.doc;
    const opts = { signal: this.controller.signal, passive: true } as const;
    doc.addEventListener('pointermove', (e) => this.onPointerMove(e), opts);
    doc.addEventListener('click', (e) => this.onClick(e), { signal: this.controller.signal, capture: true });
    doc.addEventListener('keydown', (e) => this.onKeyDown(e), { signal: this.controller.signal, capture: true });
    doc.addEventListener('scroll', () => this.onScroll(), opts);
  }

  /** The session painted or repainted: the hit index is rebuilt when next needed (or when idle). */
  refresh(): void {
    this.hitsStale = true;
  }

  private hitIndex(): HitIndex {
    if (this.hitsStale) {
      this.hits.rebuild(this.session.paintedOccurrences);
      this.hitsStale = false;
    }
    return this.hits;
  }

  /** Build the hit index now if it is stale (called when the page is idle). */
  prepare(): void {
    this.hitIndex();
  }

  detach(): void {
    this.controller.abort();
    this.card.destroy();
  }

  /** The page scrolled: a card opened by hover closes; our own scrolling (stepping to a term) does not count. */
  private onScroll(): void {
    if (!this.card.isOpen || this.focusInCard() || performance.now() < this.ownScrollUntil) return;
    this.card.close();
  }

  private focusInCard(): boolean {
    return this.card.contains(this.session.doc.activeElement);
  }

  /**
   * Only the reader's own input acts: a page can dispatch synthetic events (`isTrusted` false) to open
   * cards, step through terms, or save through them.
   */
  private acts(e: Event): boolean {
    return e.isTrusted && this.alive();
  }

  private onPointerMove(e: PointerEvent): void {
    if (!this.session.highlighted || e.pointerType === 'touch' || !this.acts(e)) return;
    this.lastPoint = { x: e.clientX, y: e.clientY };
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      // The reader is here: if the page cleared our highlights (CSS.highlights.clear()), they come back.
      this.session.keepShown();
      const pt = this.lastPoint;
      if (!pt || this.card.contains(e.target)) return;
      const hit = this.hitIndex().at(this.session.doc, pt.x, pt.y);
      if (hit === this.hovered) return;
      this.hovered = hit;
      if (this.hoverTimer) clearTimeout(this.hoverTimer);
      this.hoverTimer = null;
      if (!hit) return;
      const wantsModifier = this.settings.trigger === 'modifier';
      if (this.settings.trigger === 'click' || (wantsModifier && !(e.shiftKey || e.altKey))) return;
      this.hoverTimer = setTimeout(() => void this.openFor(hit, false), this.settings.hoverDelayMs);
    });
  }

  private onClick(e: MouseEvent): void {
    if (!this.session.highlighted || this.card.contains(e.target) || !this.acts(e)) return;
    const hit = this.hitIndex().at(this.session.doc, e.clientX, e.clientY);
    if (hit) {
      void this.openFor(hit, false);
      return;
    }
    if (this.card.isOpen) this.card.close();
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (!this.acts(e)) return;
    if (e.key === 'Escape' && this.card.isOpen) {
      this.card.close();
      return;
    }
    if (e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey) {
      if (e.code === 'KeyN') {
        e.preventDefault();
        this.step(1);
      } else if (e.code === 'KeyP') {
        e.preventDefault();
        this.step(-1);
      }
    }
  }

  /** Move to the next or previous highlighted term, scroll it into view and open its card. */
  step(direction: 1 | -1): void {
    const list = this.session.paintedOccurrences;
    if (list.length === 0) return;
    this.cursor = (this.cursor + direction + list.length) % list.length;
    const p = list[this.cursor]!;
    const el = this.session.rangeOf(p).startContainer.parentElement;
    this.ownScrollUntil = performance.now() + 400;
    el?.scrollIntoView({ block: 'center', inline: 'nearest' });
    void this.openFor(p, true);
  }

  /** Open the card of the first occurrence of an entry (from the popup's "On this page"). */
  reveal(id: string): boolean {
    const list = this.session.paintedOccurrences;
    const index = this.session.entryIndex(id);
    const i = list.findIndex((p) => p.entry === index);
    if (i < 0) return false;
    this.cursor = i - 1;
    this.step(1);
    return true;
  }

  private async openFor(p: Painted, focus: boolean): Promise<void> {
    // Detached (the extension went away): a hover timer or frame asked for before then opens nothing.
    if (this.controller.signal.aborted) return;
    const id = this.session.entryId(p.entry);
    await this.card.open({ id, anchor: this.session.rangeOf(p), sentence: sentenceAround(p), focus });
  }
}
