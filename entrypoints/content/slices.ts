/** Cooperative slicing: run work in short slices so no main-thread task grows long. */

const SLICE_MS = 8;

/** Yield to the event loop. A MessageChannel avoids setTimeout's 4 ms clamp on nested timers. */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(null);
  });
}

/** Call `step(i)` for i in [0, n), yielding whenever a slice has run SLICE_MS. Stops if `signal` aborts. */
export async function inSlices(n: number, step: (i: number) => void, signal: AbortSignal): Promise<boolean> {
  let sliceStart = performance.now();
  for (let i = 0; i < n; i++) {
    if (signal.aborted) return false;
    step(i);
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToPage();
      sliceStart = performance.now();
    }
  }
  return !signal.aborted;
}

/** Run a resumable job (`run(shouldPause)` returns true when done) in slices. */
export async function resumableInSlices(run: (shouldPause: () => boolean) => boolean, signal: AbortSignal): Promise<boolean> {
  for (;;) {
    if (signal.aborted) return false;
    const sliceStart = performance.now();
    if (run(() => performance.now() - sliceStart > SLICE_MS)) return true;
    await yieldToPage();
  }
}

/** Run `fn` in the first task after the next frame is painted (a task posted from a frame callback runs after rendering). */
export function afterNextPaint(fn: () => void, view: { requestAnimationFrame?: (cb: () => void) => number } | null = globalThis): void {
  const post = () => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => fn();
    ch.port2.postMessage(null);
  };
  if (view?.requestAnimationFrame) view.requestAnimationFrame(post);
  else setTimeout(fn, 0);
}
