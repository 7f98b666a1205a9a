/**
 * Where the card goes: below the term if it fits, else on the side with more room; shifted to stay
 * inside the viewport; its height capped by the room on that side. This is the part of floating-ui
 * (flip + shift + size) the card needs, written here because the library cost ~8 KB gzipped in every
 * page's content script for one call (docs/performance.md), and because it runs synchronously, so the
 * card is placed in the same frame it is drawn.
 */
export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Placement {
  x: number;
  y: number;
  side: 'below' | 'above';
  /** The most the card may be tall on that side. */
  maxHeight: number;
}

export interface PlaceOptions {
  /** Space kept between the card and the viewport's edges. */
  padding?: number;
  /** Space between the term and the card. */
  gap?: number;
  /** The card never gets shorter than this, even when squeezed. */
  minHeight?: number;
}

export function placeCard(anchor: Rect, card: { width: number; height: number }, viewport: { width: number; height: number }, options: PlaceOptions = {}): Placement {
  const padding = options.padding ?? 8;
  const gap = options.gap ?? 6;
  const minHeight = options.minHeight ?? 160;
  const roomBelow = viewport.height - padding - (anchor.top + anchor.height + gap);
  const roomAbove = anchor.top - gap - padding;
  const side: Placement['side'] = card.height <= roomBelow || roomBelow >= roomAbove ? 'below' : 'above';
  const room = Math.max(minHeight, Math.floor(side === 'below' ? roomBelow : roomAbove));
  const height = Math.min(card.height, room);
  const y = side === 'below' ? anchor.top + anchor.height + gap : anchor.top - gap - height;
  const maxX = viewport.width - padding - card.width;
  const x = Math.max(padding, Math.min(anchor.left, maxX));
  return { x: Math.round(x), y: Math.round(Math.max(padding, Math.min(y, viewport.height - padding - height))), side, maxHeight: room };
}
