/**
 * How the sync worker's followers of the replica (the projection pump, the conflict merger) run:
 * woken by every change, they work in passes, and a wake during a run asks that run for one more pass
 * instead of starting a second run beside it — a burst of writes becomes a few passes.
 *
 * The run marks itself idle in the same tick as its last "woken again?" check. PouchDB announces
 * writes from promise chains, so a wake can land a microtask after that check: it must start a new
 * run, not join one that has already finished (which left documents unprojected until a later write).
 */
export class CoalescedPasses<T> {
  private running: Promise<T> | null = null;
  private again = false;

  /**
   * @param pass       one pass; its results over a run are combined with `combine`
   * @param keepGoing  checked before an extra pass (false: the follower was stopped)
   */
  constructor(
    private readonly pass: () => Promise<T>,
    private readonly combine: (total: T, one: T) => T,
    private readonly keepGoing: () => boolean = () => true,
  ) {}

  /** A run now, or the run in progress, asked for one more pass: settles after a pass that started after this call. */
  run(): Promise<T> {
    if (this.running !== null) {
      this.again = true;
      return this.running;
    }
    return this.start(null, null);
  }

  /** A new run queued behind the one in progress (if any), `first` done before its passes. */
  runAfter(first: () => Promise<void>): Promise<T> {
    return this.start(this.running, first);
  }

  /** Resolves once no run is in progress (failures included). */
  async idle(): Promise<void> {
    while (this.running !== null) await this.running.catch(() => undefined);
  }

  private start(previous: Promise<T> | null, first: (() => Promise<void>) | null): Promise<T> {
    const idle = (): void => {
      if (this.running === job) this.running = null;
    };
    // Started a tick later, so that `job` is assigned before the run can compare against it.
    const job: Promise<T> = Promise.resolve().then(async () => {
      try {
        if (previous !== null) await previous.catch(() => undefined);
        if (first !== null) await first();
        let total: T | undefined;
        for (;;) {
          this.again = false;
          const one = await this.pass();
          total = total === undefined ? one : this.combine(total, one);
          if (!this.again || !this.keepGoing()) return total;
        }
      } finally {
        idle(); // runs as the function returns: the same tick as the check above
      }
    });
    this.running = job;
    return job;
  }
}
