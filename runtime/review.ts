/** Spaced-repetition state (ts-fsrs), one card per entry id, stored with dates as ISO strings. */
import { storage } from '#imports';
import { inWriteQueue } from './write-queue';
import { createEmptyCard, fsrs, type Card, type Grade } from 'ts-fsrs';

export interface StoredCard {
  due: string;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: number;
  last_review?: string;
}

export const reviewItem = storage.defineItem<Record<string, StoredCard>>('local:review', { fallback: {}, version: 1 });

const scheduler = fsrs({ enable_fuzz: false });

function toCard(s: StoredCard | undefined, now: Date): Card {
  if (!s) return createEmptyCard(now);
  return { ...s, due: new Date(s.due), last_review: s.last_review ? new Date(s.last_review) : undefined } as Card;
}

function toStored(c: Card): StoredCard {
  return {
    due: c.due.toISOString(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: c.elapsed_days,
    scheduled_days: c.scheduled_days,
    learning_steps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
    ...(c.last_review ? { last_review: c.last_review.toISOString() } : {}),
  };
}

export function sanitizeReview(value: unknown): Record<string, StoredCard> {
  const out: Record<string, StoredCard> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return out;
  for (const [id, raw] of Object.entries(value as Record<string, unknown>)) {
    const c = raw as Record<string, unknown>;
    if (typeof c !== 'object' || c === null || typeof c.due !== 'string' || Number.isNaN(Date.parse(c.due))) continue;
    const num = (k: string) => (typeof c[k] === 'number' && Number.isFinite(c[k]) ? (c[k] as number) : 0);
    out[id] = {
      due: c.due,
      stability: num('stability'),
      difficulty: num('difficulty'),
      elapsed_days: num('elapsed_days'),
      scheduled_days: num('scheduled_days'),
      learning_steps: num('learning_steps'),
      reps: num('reps'),
      lapses: num('lapses'),
      state: num('state'),
      ...(typeof c.last_review === 'string' ? { last_review: c.last_review } : {}),
    };
  }
  return out;
}

export async function getReview(): Promise<Record<string, StoredCard>> {
  return sanitizeReview(await reviewItem.getValue().catch(() => ({})));
}

/** Ids due now, of those given (new cards are due at once), earliest first. */
export function dueIds(ids: string[], review: Record<string, StoredCard>, now: Date): string[] {
  return ids.filter((id) => !review[id] || Date.parse(review[id].due) <= now.getTime()).sort((a, b) => Date.parse(review[a]?.due ?? '0') - Date.parse(review[b]?.due ?? '0'));
}

/** Grade a card, in the background's write queue (the options page asks it: message `grade`). */
export function grade(id: string, rating: Grade, now = new Date()): Promise<StoredCard> {
  return inWriteQueue(async () => {
    const review = await getReview();
    const next = scheduler.next(toCard(review[id], now), now, rating).card;
    review[id] = toStored(next);
    await reviewItem.setValue(review);
    return review[id];
  });
}
