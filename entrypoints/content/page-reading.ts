/** Reading the page into blocks, in slices: begun while the settings are on their way; the session takes it over. */
import { createBlockWalker, type BlockCollection } from '../../core/text-model';
import { resumableInSlices } from './slices';

/** Read the page's blocks in slices; null if stopped first. */
export async function readBlocks(root: Node, signal: AbortSignal): Promise<BlockCollection | null> {
  const walker = createBlockWalker(root);
  const done = await resumableInSlices((pause) => walker.run(pause), signal);
  if (import.meta.env.TIFA_BENCH) performance.mark('tifa:walk-done');
  return done ? walker.result : null;
}

/** A walk of the page under way, begun before the session (while storage answers). */
export interface PageReading {
  blocks: Promise<BlockCollection | null>;
  cancel(): void;
}

export function beginReading(doc: Document): PageReading {
  const controller = new AbortController();
  const blocks = doc.body ? readBlocks(doc.body, controller.signal) : Promise.resolve(null);
  // Awaited by the session, which reports a failure; if no session comes (no index), it must not
  // surface as an unhandled rejection.
  blocks.catch(() => undefined);
  return { blocks, cancel: () => controller.abort() };
}
