/**
 * The card's place on the page: a host element marked as our UI, with a shadow root (page CSS cannot
 * leak in), created on first use and removed when highlighting is switched off.
 */
import { render } from 'preact';
import cardCss from '../../components/term-card.css?inline';
import { TermCard } from '../../components/TermCard';
import type { Lang } from '../../core/ui-text';
import { t } from '../../core/ui-text';
import { OWN_UI_ATTRIBUTE } from '../../core/text-model';
import { placeCard } from '../../core/placement';
import type { EntryView } from '../../runtime/messages';
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
  saveTerm(id: string, sentence: string): Promise<void>;
}

export class CardHost {
  private host: HTMLElement | null = null;
  private root: ShadowRoot | null = null;
  private mount: HTMLElement | null = null;
  private returnFocus: Element | null = null;
  private current: CardRequest | null = null;
  private savedIds = new Set<string>();

  constructor(private readonly deps: CardDeps) {}

  get isOpen(): boolean {
    return this.current !== null;
  }

  get openId(): string | null {
    return this.current?.id ?? null;
  }

  /** Is this event target inside the card? */
  contains(target: EventTarget | null): boolean {
    return !!this.host && target instanceof Node && this.host.contains(target);
  }

  private ensureHost(): { root: ShadowRoot; mount: HTMLElement } {
    if (this.root && this.mount && this.host?.isConnected) return { root: this.root, mount: this.mount };
    const doc = this.deps.doc;
    const host = doc.createElement('tifa-card');
    host.setAttribute(OWN_UI_ATTRIBUTE, 'card');
    // Fixed, on top, outside the page's flow; no page style reaches inside the shadow root.
    host.style.cssText = 'all: initial; position: fixed; top: 0; left: 0; z-index: 2147483647; display: block;';
    const root = host.attachShadow({ mode: 'open' });
    const mount = doc.createElement('div');
    // A constructed stylesheet is not subject to the page's CSP (style-src 'none' blocks <style>).
    const SheetCtor = doc.defaultView?.CSSStyleSheet;
    if (SheetCtor && 'adoptedStyleSheets' in root) {
      const sheet = new SheetCtor();
      sheet.replaceSync(cardCss);
      root.adoptedStyleSheets = [sheet];
      root.append(mount);
    } else {
      const style = doc.createElement('style');
      style.textContent = cardCss;
      root.append(style, mount);
    }
    doc.documentElement.append(host);
    root.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Escape') {
        e.stopPropagation();
        this.close();
      }
    });
    this.host = host;
    this.root = root;
    this.mount = mount;
    return { root, mount };
  }

  async open(req: CardRequest): Promise<void> {
    this.current = req;
    if (import.meta.env.TIFA_BENCH) performance.mark('tifa:card-open');
    if (req.focus) this.returnFocus = this.deps.doc.activeElement;
    const { mount } = this.ensureHost();
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
    const { mount } = this.ensureHost();
    const host = this.host!;
    host.style.visibility = 'hidden';
    try {
      render(<TermCard view={view} lang={this.deps.lang} relatedTerms={this.deps.relatedTerms} saved={false} onClose={() => undefined} onSave={() => undefined} onRelated={() => undefined} dark={false} />, mount);
      host.getBoundingClientRect();
    } finally {
      render(null, mount);
      host.style.visibility = '';
    }
    if (import.meta.env.TIFA_BENCH) performance.mark('tifa:card-ready');
  }

  private draw(view: EntryView | null, req: CardRequest): void {
    const { mount } = this.ensureHost();
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
          onClose={() => this.close()}
          onSave={() => {
            void this.deps.saveTerm(view.entry.id, req.sentence).then(() => {
              this.savedIds.add(view.entry.id);
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
    const host = this.host;
    const win = this.deps.doc.defaultView;
    if (!host || !win) return;
    const rect = anchor.getClientRects()[0] ?? anchor.getBoundingClientRect();
    // Measure at full height first, then cap it to the room on the chosen side.
    host.style.removeProperty('--tifa-available-height');
    const box = host.getBoundingClientRect();
    const viewport = { width: win.innerWidth, height: win.innerHeight };
    const p = placeCard(rect, { width: box.width, height: box.height }, viewport);
    host.style.setProperty('--tifa-available-height', `${p.maxHeight}px`);
    host.style.left = `${p.x}px`;
    host.style.top = `${p.y}px`;
  }

  close(): void {
    if (!this.current) return;
    this.current = null;
    if (this.mount) render(null, this.mount);
    const back = this.returnFocus as HTMLElement | null;
    this.returnFocus = null;
    if (back && typeof back.focus === 'function' && back.isConnected) back.focus();
  }

  destroy(): void {
    this.close();
    this.host?.remove();
    this.host = null;
    this.root = null;
    this.mount = null;
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
