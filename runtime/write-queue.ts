/**
 * The background's one write queue. Every change to the reader's vocabulary, and every restore of a
 * backup, runs here, one after another: each reads what is stored, computes the next value, and ends in
 * a single `storage.local.set` of all the keys it changes, which the browser applies whole or not at all
 * (a quota error writes nothing). So a restore replaces all of the reader's data or none of it, saves
 * arriving during it wait behind it, and the vocabulary's main and backup copies never diverge.
 * Only the background calls inWriteQueue (its message handlers): a queue in an extension page would be a
 * second writer, so extension pages ask the background (runtime/messages.ts, askBackground).
 */
let queue: Promise<unknown> = Promise.resolve();

export function inWriteQueue<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work);
  queue = run.catch(() => undefined);
  return run;
}

/** Did a write fail for lack of room? (Chrome: "Resource::kQuotaBytes quota exceeded"; Firefox: QuotaExceededError.) */
export function isQuotaError(err: unknown): boolean {
  return /quota/i.test(String((err as { message?: unknown })?.message ?? err));
}
