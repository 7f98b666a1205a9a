/**
 * The long main-thread tasks inside "ours", read from a trace.
 *
 * PerformanceObserver('longtask') does not see every task of ours: on a page where the content script
 * is declared, the work that follows the storage read runs in the microtask checkpoint of the task that
 * receives its reply ("Receive mojo reply"), and the API missed that task in 5 of 6 loads with a busy
 * loop of 70 ms put there (a trace showed it in each load traced, as a task of 80–85 ms).
 * A trace's `RunTask` event (category disabled-by-default-devtools.timeline, what DevTools shows as a
 * "Task") spans the whole task, its microtasks included.
 */
import type { TraceEvent } from './browser';

/** A long task: when it began (ms from our start), how long it took, and its longest parts. */
export interface LongTask {
  from: number;
  ms: number;
  /** Its longest inner events of 3 ms or more (e.g. "Layout 72 ms"), longest first; at most four. */
  parts: string[];
}

/** The categories a trace needs for `longTasksInside`. */
export const TASK_TRACE_CATEGORIES = ['disabled-by-default-devtools.timeline', 'devtools.timeline', 'blink.user_timing', 'toplevel'];

// Events that only wrap a task (they span it whole) and say nothing of what it did.
const WRAPPERS = /^(RunTask|ThreadControllerImpl::RunTask|SimpleWatcher::OnHandleReady|Receive mojo (message|reply))$/;

/**
 * Every task of `thresholdMs` or more on the main thread of the page that marked `startMark`, which
 * overlaps [startMark, endMark]. Throws when a mark is missing, or when the trace has no task events
 * at all (a category left out), rather than report none.
 */
export function longTasksInside(events: readonly TraceEvent[], startMark: string, endMark: string, thresholdMs = 50): LongTask[] {
  const start = events.find((e) => e.name === startMark);
  const end = events.find((e) => e.name === endMark && e.pid === start?.pid);
  if (!start || !end) throw new Error(`the trace has no ${start ? endMark : startMark} mark`);
  const onThread = events.filter((e) => e.pid === start.pid && e.tid === start.tid && e.ph === 'X');
  const tasks = onThread.filter((e) => e.name === 'RunTask');
  if (tasks.length === 0) throw new Error('the trace has no RunTask events on the main thread (category disabled-by-default-devtools.timeline missing?)');
  // Outermost tasks only: a task run inside another (a nested loop) is part of it.
  return outermost(tasks)
    .filter((t) => t.dur! >= thresholdMs * 1000 && t.ts + t.dur! > start.ts && t.ts < end.ts)
    .map((t) => ({
      from: (t.ts - start.ts) / 1000,
      ms: t.dur! / 1000,
      parts: outermost(onThread.filter((e) => e !== t && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur! && (e.dur ?? 0) >= 3000 && !WRAPPERS.test(e.name)))
        .sort((a, b) => b.dur! - a.dur!)
        .slice(0, 4)
        .map((e) => `${e.name}${e.args?.data?.url ? ` ${e.args.data.url.split('/').pop()}` : ''} ${Math.round(e.dur! / 1000)} ms`),
    }));
}

/** The events not inside another of them (on one thread, events nest and never overlap otherwise), by time. */
function outermost(events: readonly TraceEvent[]): TraceEvent[] {
  const outer: TraceEvent[] = [];
  for (const e of [...events].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))) {
    const last = outer[outer.length - 1];
    if (!last || e.ts >= last.ts + (last.dur ?? 0)) outer.push(e);
  }
  return outer;
}
