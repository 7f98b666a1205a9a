/**
 * A sliding-window rate limit per key (the background keys it by tab): at most `max` events in any
 * `windowMs`. Pure: the time is passed in. A page that could make a content script save (it no longer
 * can: isTrusted) would still be held to what a reader's hand can do.
 */
export class RateLimit {
  private readonly seen = new Map<string | number, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Count an event for `key` at `now` if it is within the limit; false (and not counted) if not. */
  allow(key: string | number, now: number): boolean {
    const recent = (this.seen.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.max) {
      this.seen.set(key, recent);
      return false;
    }
    recent.push(now);
    this.seen.set(key, recent);
    return true;
  }

  forget(key: string | number): void {
    this.seen.delete(key);
  }
}
