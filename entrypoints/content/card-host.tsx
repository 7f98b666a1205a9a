/**
 * The card's place on the page: a host element marked as our UI, with a closed shadow root (page CSS
 * cannot leak in, page scripts cannot look in), created on first use and removed when highlighting is
 * switched off. docs/security.md has what a page can and cannot do to it.
 */
import { render } from 'preact';
import cardCss from '../../components/term-card.css?inline';
import { TermCard } from '../../components/TermCard';
import type { Lang } from '../../core/ui-text';
import { t } from '../../core/ui-text';
import { OWN_UI_ATTRIBUTE } from '../../core/text-model';
import { placeCard } from '../../core/placement';
import type { EntryView, SaveOutcome } from '../../runtime/messages';
import { afterNextPaint } from './slices';

export interface CardRequest {
  id: string;
  /** Where the term is: the card is placed next to it. */
  anchor: Range;
  /** The sentence around the occurrence, saved with the term. */
  sentence: string;
  /** Give the card focus (keyboard opening) or leave focus where it is (hover). */
  focus: boolean;
}

export interface CardDeps {
  doc: Document;
  lang: Lang;
  relatedTerms: Record<string, string>;
  /** An entry already at hand (prefetched for the page's terms), or null. */
  cachedEntry(id: string): EntryView | null;
  loadEntry(id: string): Promise<EntryView | null>;
  saveTerm(id: string, sentence: string): Promise<SaveOutcome>;
}

/**
 * The host's whole style, inline and !important: a page's rules (even `div { display: none !important }`)
 * lose to it (an element's own style attribute wins within the author origin), and `all` also cuts off
 * what the page's styles would pass down by inheritance. The host is a 0×0 box at the viewport's corner
 * that never changes: the card is placed inside the shadow root, so no attribute of the page's DOM moves
 * when a card opens, closes or is placed (a page observing attributes learns nothing).
 */
const HOST_STYLE =
  'all:initial!important;position:fixed!important;top:0!important;left:0!important;width:0!important;height:0!important;' +
  'overflow:visible!important;z-index:2147483647!important;display:block!important';

export class CardHost {
  private host: HTMLElement | null = null;
  /** The element inside the shadow root that is placed by the term (see HOST_STYLE). */
  private frame: HTMLElement | null = null;
  private returnFocus: Element | null = null;
  private current: CardRequest | null = null;
  private savedIds = new Set<string>();
  /** Why the last save from the open card failed, shown in it until another card opens. */
  private saveError: string | null = null;

  constructor(private readonly deps: CardDeps) {}

  get isOpen(): boolean {
    return this.current !== null;
  }

  get openId(): string | null {
    return this.current?.id ?? null;
  }

  /** Is this event target inside the card? (Events from a closed shadow root are retargeted to its host.) */
  contains(target: EventTarget | null): boolean {
    return !!this.host && target instanceof Node && this.host.contains(target);
  }

  private ensureHost(): HTMLElement {
    if (this.frame && this.host?.isConnected) return this.frame;
    const doc = this.deps.doc;
    // A built-in element, not a custom element: a page that defines our element's name first could make
    // every card fail (customElements.define of `tifa-card` did: NotSupportedError on attachShadow).
    const host = doc.createElement('div');
    host.setAttribute(OWN_UI_ATTRIBUTE, 'card');
    host.setAttribute('style', HOST_STYLE);
    // Closed: the page cannot reach into the card (read which term is open, or .click() its buttons).
    const root = host.attachShadow({ mode: 'closed' });
    const frame = doc.createElement('div');
    frame.className = 'frame';
    // A constructed stylesheet is not subject to the page's CSP (style-src 'none' blocks <style>).
    const SheetCtor = doc.defaultView?.CSSStyleSheet;
    if (SheetCtor && 'adoptedStyleSheets' in root) {
      const sheet = new SheetCtor();
      sheet.replaceSync(cardCss);
      root.adoptedStyleSheets = [sheet];
      root.append(frame);
    } else {
      const style = doc.createElement('style');
      style.textContent = cardCss;
      root.append(style, frame);
    }
    doc.documentElement.append(host);
    root.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Escape' && e.isTrusted) {
        e.stopPropagation();
        this.close();
      }
    });
    this.host = host;
    this.frame = frame;
    return frame;
  }

  async open(req: CardRequest): Promise<void> {
    this.current = req;
    if (import.meta.env.TIFA_BENCH) performance.mark('tifa:card-open');
    if (req.focus) this.returnFocus = this.deps.doc.activeElement;
    this.saveError = null;
    const mount = this.ensureHost();
    const view = this.deps.cachedEntry(req.id) ?? (await this.deps.loadEntry(req.id));
    if (this.current !== req) return; // another card was asked for meanwhile
    this.draw(view, req);
    this.place(req.anchor);
    if (import.meta.env.TIFA_BENCH) performance.mark('tifa:card-placed');
    if (req.focus) (mount.querySelector('button') as HTMLElement | null)?.focus();
    // For the benchmark: the first task after the frame that shows the card.
    if (import.meta.env.TIFA_BENCH) afterNextPaint(() => performance.mark('tifa:card-painted'), this.deps.doc.defaultView);
  }

  /**
   * Once the page's entries are at hand and the page is idle: build the host, parse the card's styles
   * and lay out one card unseen, so the first real card opens within a frame.
   */
  prewarm(view: EntryView): void {
    if (this.current) return; // a card is already open: nothing left to prepare
    const mount = this.ensureHost();
    mount.style.visibility = 'hidden';
    try {
      render(<TermCard view={view} lang={this.deps.lang} relatedTerms={this.deps.relatedTerms} saved={false} onClose={() => undefined} onSave={() => undefined} onRelated={() => undefined} dark={false} />, mount);
      mount.getBoundingClientRect();
    } finally {
      render(null, mount);
      mount.style.visibility = '';
    }
    if (import.meta.env.TIFA_BENCH) performance.mark('tifa:card-ready');
  }

  private draw(view: EntryView | null, req: CardRequest): void {
    const mount = this.ensureHost();
    const lang = this.deps.lang;
    if (!view) {
      render(<div class="card" role="alert">{t(lang, 'notFound')}</div>, mount);
      return;
    }
    render(
      <TermCard
          view={view}
          lang={lang}
          relatedTerms={this.deps.relatedTerms}
          saved={this.savedIds.has(view.entry.id)}
          saveError={this.saveError}
          onClose={() => this.close()}
          onSave={() => {
            void this.deps.saveTerm(view.entry.id, req.sentence).then((r) => {
              if (r.ok) this.savedIds.add(view.entry.id);
              if (this.current !== req) return; // the card was closed or another opened meanwhile
              this.saveError = r.ok ? null : r.message[lang];
              this.draw(view, req);
            });
          }}
          onRelated={(id) => void this.open({ ...req, id, focus: true })}
          dark={isDarkPage(this.deps.doc)}
        />,
      mount,
    );
  }

  /** Place the card by its term (synchronous: same frame as the drawing). */
  private place(anchor: Range): void {
    const frame = this.frame;
    const win = this.deps.doc.defaultView;
    if (!frame || !win) return;
    const rect = anchor.getClientRects()[0] ?? anchor.getBoundingClientRect();
    // Measure at full height first (term-card.css gives .frame its default), then cap it to the room on the chosen side.
    frame.style.removeProperty('--tifa-available-height');
    const box = frame.getBoundingClientRect();
    const viewport = { width: win.innerWidth, height: win.innerHeight };
    const p = placeCard(rect, { width: box.width, height: box.height }, viewport);
    frame.style.setProperty('--tifa-available-height', `${p.maxHeight}px`);
    frame.style.left = `${p.x}px`;
    frame.style.top = `${p.y}px`;
  }

  close(): void {
    if (!this.current) return;
    this.current = null;
    if (this.frame) render(null, this.frame);
    const back = this.returnFocus as HTMLElement | null;
    this.returnFocus = null;
    if (back && typeof back.focus === 'function' && back.isConnected) back.focus();
  }

  destroy(): void {
    this.close();
    this.host?.remove();
    this.host = null;
    this.frame = null;
  }
}

/** Follow the page's scheme: dark if its background is dark, else the system preference. */
export function isDarkPage(doc: Document): boolean {
  const win = doc.defaultView;
  if (!win) return false;
  for (const el of [doc.body, doc.documentElement]) {
    if (!el) continue;
    const bg = win.getComputedStyle(el).backgroundColor;
    const m = bg.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/);
    if (m && (m[4] === undefined || Number(m[4]) > 0.5)) {
      const [r, g, b] = [Number(m[1]), Number(m[2]), Number(m[3])];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b < 110;
    }
  }
  return win.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
}
