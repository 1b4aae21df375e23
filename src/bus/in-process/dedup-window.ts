// The in-process bus's dedup window: message ids remembered for a while, as JetStream's duplicate window does.

/**
 * Ids with the instant they are forgotten, kept in the order they were last seen. Each check first forgets the
 * expired ids at the front and stops at the first one still in the window, so a check costs what expired since the
 * last one (amortised constant), not a pass over every id in the window, and the memory held is what the window holds.
 */
export class DedupWindow {
  private readonly expiries = new Map<string, number>();

  constructor(private readonly windowMs: number) {}

  /** True when `key` was seen less than the window ago; otherwise remembers it from `nowMs` on. */
  seen(key: string, nowMs: number): boolean {
    for (const [k, expiry] of this.expiries) {
      if (expiry > nowMs) break;
      this.expiries.delete(k);
    }
    const expiry = this.expiries.get(key);
    if (expiry !== undefined && expiry > nowMs) return true;
    // Deleted first so the id moves to the back: the map stays in order of expiry (for a clock that does not go back;
    // one that does only delays forgetting, never a duplicate's detection, which reads the expiry itself).
    this.expiries.delete(key);
    this.expiries.set(key, nowMs + this.windowMs);
    return false;
  }

  /** Ids currently remembered. */
  get size(): number {
    return this.expiries.size;
  }
}
