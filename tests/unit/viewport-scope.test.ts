/**
 * ViewportScope's first estimate: made at the start of the next frame, never in the caller's task
 * (reading a box there could lay out the whole page before its own first layout: docs/performance.md).
 * A stand-in document with a frame queue, boxes that count their reads, and an observer that does nothing.
 */
import { describe, expect, it } from 'vitest';
import { ViewportScope } from '../../entrypoints/content/viewport-scope';

const VIEWPORT = 800;

function standIn(tops: number[], visibilityState: 'visible' | 'hidden' = 'visible') {
  const frames: Array<() => void> = [];
  let reads = 0;
  const owners = tops.map(
    (top) =>
      ({
        nodeType: 1,
        getBoundingClientRect: () => {
          reads++;
          return { top, bottom: top + 100, width: 600, height: 100 };
        },
      }) as unknown as Element,
  );
  const view = {
    innerHeight: VIEWPORT,
    requestAnimationFrame: (cb: () => void) => frames.push(cb),
    IntersectionObserver: class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  };
  const doc = { defaultView: view, visibilityState } as unknown as Document;
  const scope = new ViewportScope({ doc, onChange: () => undefined });
  /** Run the frame callbacks requested so far (the next frame's start). */
  const frame = () => frames.splice(0).forEach((cb) => cb());
  return { owners, scope, frame, reads: () => reads };
}

// Owners 0–7 from the top, one every 300 px: near means within a screen of the viewport (top < 1600).
const TOPS = [0, 300, 600, 900, 1200, 1500, 1800, 2100, 2400, 2700, 3000, 3300, 3600, 3900, 4200, 4500, 4800];

describe('ViewportScope.watch', () => {
  it('reads no box in the caller’s task and reports the owners near the viewport at the next frame', () => {
    const { owners, scope, frame, reads } = standIn(TOPS);
    const got: number[][] = [];
    scope.watch(owners, (near) => got.push(near));
    expect(reads()).toBe(0);
    expect(got).toEqual([]);
    frame();
    expect(reads()).toBeGreaterThan(0);
    expect(got).toEqual([[0, 1, 2, 3, 4, 5]]);
  });

  it('drops an estimate still waiting for its frame when the scope is disconnected', () => {
    const { owners, scope, frame, reads } = standIn(TOPS);
    const got: number[][] = [];
    scope.watch(owners, (near) => got.push(near));
    scope.disconnect();
    frame();
    expect(got).toEqual([]);
    expect(reads()).toBe(0);
  });

  it('leaves out an owner unwatched before the frame (the page changed it meanwhile)', () => {
    const { owners, scope, frame } = standIn(TOPS);
    const got: number[][] = [];
    scope.watch(owners, (near) => got.push(near));
    scope.unwatch(owners[2]!);
    frame();
    expect(got).toEqual([[0, 1, 3, 4, 5]]);
  });

  it('estimates at once in a hidden document, where no frame comes', () => {
    const { owners, scope, reads } = standIn(TOPS, 'hidden');
    const got: number[][] = [];
    scope.watch(owners, (near) => got.push(near));
    expect(reads()).toBeGreaterThan(0);
    expect(got).toEqual([[0, 1, 2, 3, 4, 5]]);
  });
});
