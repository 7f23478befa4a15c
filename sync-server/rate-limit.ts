/** A small in-memory fixed-window counter of failures per key (client IP), for pairing attempts. */
export class FailureLimiter {
  private entries = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until `key` may try again, or 0 when it may try now. */
  blockedFor(key: string): number {
    const e = this.entries.get(key);
    const t = this.now();
    if (!e || e.resetAt <= t) return 0;
    return e.count >= this.max ? e.resetAt - t : 0;
  }

  fail(key: string): void {
    const t = this.now();
    const e = this.entries.get(key);
    if (!e || e.resetAt <= t) this.entries.set(key, { count: 1, resetAt: t + this.windowMs });
    else e.count++;
    if (this.entries.size > 10_000) this.prune(t);
  }

  private prune(t: number): void {
    for (const [k, e] of this.entries) if (e.resetAt <= t) this.entries.delete(k);
  }
}
