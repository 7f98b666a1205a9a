/** The card's placement next to its term: inside the viewport, flipping and shrinking as needed. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { placeCard } from '../../core/placement';

const viewport = { width: 1200, height: 800 };
const card = { width: 380, height: 420 };

describe('placeCard', () => {
  it('goes below the term when it fits', () => {
    const p = placeCard({ left: 100, top: 100, width: 60, height: 20 }, card, viewport);
    expect(p).toMatchObject({ side: 'below', x: 100, y: 126 });
  });
  it('flips above when there is more room there', () => {
    const p = placeCard({ left: 100, top: 700, width: 60, height: 20 }, card, viewport);
    expect(p.side).toBe('above');
    expect(p.y + Math.min(card.height, p.maxHeight)).toBeLessThanOrEqual(700 - 6);
  });
  it('shifts left at the right edge and caps the height to the room', () => {
    const p = placeCard({ left: 1150, top: 380, width: 40, height: 20 }, card, viewport);
    expect(p.x).toBe(1200 - 8 - 380);
    expect(p.maxHeight).toBeLessThan(card.height);
  });
  it('always stays inside the viewport and never covers the term (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 320, max: 2000 }),
        fc.integer({ min: 400, max: 1400 }),
        fc.record({ left: fc.nat(1999), top: fc.nat(1399), width: fc.integer({ min: 1, max: 200 }), height: fc.integer({ min: 10, max: 40 }) }),
        fc.integer({ min: 100, max: 600 }),
        (w, h, anchor, cardHeight) => {
          fc.pre(anchor.left + anchor.width <= w && anchor.top + anchor.height <= h);
          const size = { width: Math.min(380, w - 16), height: cardHeight };
          const p = placeCard(anchor, size, { width: w, height: h });
          const height = Math.min(size.height, p.maxHeight);
          expect(p.x).toBeGreaterThanOrEqual(8);
          expect(p.x + size.width).toBeLessThanOrEqual(w - 8 + 0.5);
          expect(p.y).toBeGreaterThanOrEqual(8);
          if (height <= h - 16) expect(p.y + height).toBeLessThanOrEqual(h - 8 + 0.5);
          // It does not cover the term when there is room on the chosen side.
          if (p.side === 'below' && height <= h - 8 - (anchor.top + anchor.height + 6)) expect(p.y).toBeGreaterThanOrEqual(anchor.top + anchor.height);
          if (p.side === 'above' && height <= anchor.top - 14) expect(p.y + height).toBeLessThanOrEqual(anchor.top);
        },
      ),
      { numRuns: 500 },
    );
  });
});
