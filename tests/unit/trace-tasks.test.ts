/** The bench's reading of long tasks from a trace (scripts/support/trace-tasks.ts). */
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../scripts/support/browser';
import { longTasksInside } from '../../scripts/support/trace-tasks';

const MAIN = { pid: 1, tid: 1 };
const ms = (x: number) => x * 1000;
const mark = (name: string, at: number, where = MAIN): TraceEvent => ({ name, ph: 'I', ts: ms(at), ...where });
const task = (at: number, dur: number, name = 'RunTask', where = MAIN): TraceEvent => ({ name, ph: 'X', ts: ms(at), dur: ms(dur), ...where });

describe('longTasksInside', () => {
  it('finds a task whose long part is a microtask checkpoint inside it, with its outermost parts', () => {
    const events = [
      mark('tifa:start', 1000),
      task(1030, 81),
      task(1030, 3, 'ThreadControllerImpl::RunTask'),
      task(1030, 3, 'Receive mojo reply'),
      task(1033, 78, 'BlinkScheduler_PerformMicrotaskCheckpoint'),
      { ...task(1040, 5, 'FunctionCall'), args: { data: { url: 'chrome-extension://abc/content-scripts/content.js' } } },
      task(1040, 4, 'V8.GC_SCAVENGER'), // inside the checkpoint: not a part of its own
      task(1030.1, 2.5, 'MinorGC'), // under 3 ms
      task(1111, 0, 'Layout'),
      mark('tifa:painted', 1200),
    ];
    expect(longTasksInside(events, 'tifa:start', 'tifa:painted')).toEqual([
      { from: 30, ms: 81, parts: ['BlinkScheduler_PerformMicrotaskCheckpoint 78 ms'] },
    ]);
  });

  it('names a part by its script when it has one, longest first', () => {
    const events = [
      mark('tifa:start', 0),
      task(10, 90),
      { ...task(10, 20, 'FunctionCall'), args: { data: { url: 'chrome-extension://abc/content-scripts/content.js' } } },
      task(40, 60, 'Layout'),
      mark('tifa:painted', 100),
    ];
    expect(longTasksInside(events, 'tifa:start', 'tifa:painted')[0]!.parts).toEqual(['Layout 60 ms', 'FunctionCall content.js 20 ms']);
  });

  it('takes a task overlapping either end of the window, and none wholly outside it or under the threshold', () => {
    const events = [
      mark('tifa:start', 1000),
      task(900, 120), // ends inside
      task(700, 150), // ends before
      task(1100, 49.9), // short
      task(1190, 60), // begins inside
      task(1300, 90), // after
      mark('tifa:painted', 1200),
    ];
    expect(longTasksInside(events, 'tifa:start', 'tifa:painted').map((t) => [t.from, t.ms])).toEqual([
      [-100, 120],
      [190, 60],
    ]);
    expect(longTasksInside(events, 'tifa:start', 'tifa:painted', 40).map((t) => t.ms)).toEqual([120, 49.9, 60]);
  });

  it('counts a nested task once, as part of the task around it', () => {
    const events = [mark('tifa:start', 0), task(10, 70), task(20, 55), task(10, 70), mark('tifa:painted', 100)];
    expect(longTasksInside(events, 'tifa:start', 'tifa:painted').map((t) => [t.from, t.ms])).toEqual([[10, 70]]);
  });

  it("reads only the marking page's main thread", () => {
    const events = [
      mark('tifa:start', 0),
      task(10, 90, 'RunTask', { pid: 1, tid: 2 }), // a worker of the same process
      task(10, 90, 'RunTask', { pid: 2, tid: 1 }), // another process
      mark('tifa:painted', 1000, { pid: 2, tid: 1 }), // another page's mark, later than ours
      task(5, 1),
      task(150, 80), // after our own mark
      mark('tifa:painted', 100),
    ];
    expect(longTasksInside(events, 'tifa:start', 'tifa:painted')).toEqual([]);
  });

  it('fails rather than report no task when a mark or the task events are missing', () => {
    expect(() => longTasksInside([task(0, 90), mark('tifa:painted', 100)], 'tifa:start', 'tifa:painted')).toThrow(/no tifa:start mark/);
    expect(() => longTasksInside([mark('tifa:start', 0), task(0, 90)], 'tifa:start', 'tifa:painted')).toThrow(/no tifa:painted mark/);
    expect(() => longTasksInside([mark('tifa:start', 0), task(0, 90, 'Layout'), mark('tifa:painted', 100)], 'tifa:start', 'tifa:painted')).toThrow(/no RunTask events/);
  });
});
