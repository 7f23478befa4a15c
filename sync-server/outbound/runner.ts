/**
 * The worker loop of the outbound queue (platform pushes and mail). One runner per server process,
 * started by main.ts after the server listens and stopped first on shutdown.
 *
 * Per store it keeps an index of the jobs that are not finished (fed by the database's changes
 * feed, so jobs written by other processes are seen too, plus a periodic rescan as a safety net),
 * and on each tick claims the due ones (queue.ts: a revision-checked write to `sending` with a lease)
 * and hands them to the handler. Several runners — in one process or in several processes on one
 * CouchDB database — never run the same job twice at once: a lost claim is a 409 and is skipped.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { StoreDb } from '../db/backend.ts';
import { backoffDelay, dueAt, isJobDoc, isJobId, type BackoffPolicy, type JobDoc } from './jobs.ts';
import { JobStore, type AttemptOutcome } from './queue.ts';

export interface JobContext {
  storeId: string;
  db: StoreDb;
  /** True when a previous attempt's lease expired without a result: check remote state first. */
  resumed: boolean;
}

export type JobHandler = (job: JobDoc, ctx: JobContext) => Promise<AttemptOutcome>;

export interface RunnerOptions {
  /** The store databases to serve; asked again on every rescan, so new stores are picked up. */
  stores: () => Array<{ storeId: string; db: StoreDb }>;
  handle: JobHandler;
  /** Claim owner name; default host:pid:random. */
  owner?: string;
  leaseMs: number;
  pollMs: number;
  backoff: BackoffPolicy;
  /** Jobs run at once per store (default 4). */
  concurrency?: number;
  /** Full rescan of the job index (default 30 s). */
  rescanMs?: number;
  now?: () => number;
  log?: (msg: string) => void;
}

interface Watched {
  storeId: string;
  db: StoreDb;
  jobs: JobStore;
  /** job id → when it becomes claimable (ms), for the jobs that are not finished. */
  due: Map<string, number>;
  /** job id → the web order and the place of its event, for the order-event pushes (sent in order). */
  order: Map<string, OrderRank>;
  inflight: Set<string>;
  feed: PouchDB.Core.Changes<object> | null;
}

interface OrderRank {
  /** platform + web order id */
  key: string;
  at: number;
  eventId: string;
}

/** Where an order-event push stands among the pushes of its order (the event's time, then its id). */
export function orderRank(job: JobDoc): OrderRank | null {
  if (job.channel !== 'platform' || job.kind === 'stock_level' || job.kind === 'price') return null;
  const p = job.payload as { orderId?: unknown; at?: unknown; eventId?: unknown };
  if (typeof p.orderId !== 'string') return null;
  return { key: `${job.platform}|${p.orderId}`, at: Date.parse(String(p.at)) || 0, eventId: String(p.eventId ?? job._id) };
}

const before = (a: OrderRank, b: OrderRank): boolean => a.at < b.at || (a.at === b.at && a.eventId < b.eventId);

export function defaultOwner(): string {
  return `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

export class OutboundRunner {
  readonly owner: string;
  private readonly watched = new Map<string, Watched>();
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private ticking: Promise<void> | null = null;
  private kicked = false;
  private lastRescan = 0;
  private readonly tasks = new Set<Promise<void>>();
  private readonly now: () => number;
  private readonly log: (msg: string) => void;

  constructor(private readonly opts: RunnerOptions) {
    this.owner = opts.owner ?? defaultOwner();
    this.now = opts.now ?? Date.now;
    this.log = opts.log ?? ((m) => console.log(`[outbound] ${m}`));
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.rescan();
    this.schedule(0);
  }

  /** Stops claiming, cancels the feeds and waits (at most graceMs) for the jobs in flight. */
  async stop(graceMs = 2500): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const w of this.watched.values()) w.feed?.cancel();
    const all = Promise.allSettled([...this.tasks, ...(this.ticking ? [this.ticking] : [])]);
    await Promise.race([all, new Promise((r) => setTimeout(r, graceMs).unref())]);
    this.watched.clear();
  }

  /** Runs a tick as soon as possible (e.g. after a job was queued). */
  kick(): void {
    if (!this.running) return;
    if (this.ticking) {
      this.kicked = true;
      return;
    }
    this.schedule(0);
  }

  /** Resolves when no job is in flight and none is due (tests). */
  async settled(timeoutMs = 10_000): Promise<void> {
    const deadline = this.now() + timeoutMs;
    for (;;) {
      const busy = this.tasks.size > 0 || [...this.watched.values()].some((w) => [...w.due.values()].some((d) => d <= this.now()));
      if (!busy) return;
      if (this.now() > deadline) throw new Error('outbound runner did not settle');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private schedule(ms: number): void {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.ticking = this.tick().finally(() => {
        this.ticking = null;
        if (this.kicked) {
          this.kicked = false;
          this.schedule(0);
        } else {
          this.schedule(this.opts.pollMs);
        }
      });
    }, ms);
    this.timer.unref?.();
  }

  private note(w: Watched, doc: JobDoc): void {
    const at = dueAt(doc);
    if (at === null) w.due.delete(doc._id);
    else w.due.set(doc._id, at);
    const rank = at === null ? null : orderRank(doc);
    if (rank) w.order.set(doc._id, rank);
    else w.order.delete(doc._id);
  }

  /**
   * Pushes about one web order go out in the order of their events (a "paid" status must not land
   * after the "completed" that followed it): a job waits while an earlier one of the same order is
   * unfinished — in flight, pending, or failed and waiting to retry. A dead job does not hold the
   * others back (staff see it and retry it).
   */
  private waitsForEarlier(w: Watched, id: string): boolean {
    const rank = w.order.get(id);
    if (!rank) return false;
    for (const [other, r] of w.order) {
      if (other === id || r.key !== rank.key || !w.due.has(other)) continue;
      if (before(r, rank) || w.inflight.has(other)) return true;
    }
    return false;
  }

  private watch(storeId: string, db: StoreDb): Watched {
    const w: Watched = { storeId, db, jobs: new JobStore(db, this.now), due: new Map(), order: new Map(), inflight: new Set(), feed: null };
    const feed = db.changes({ live: true, since: 'now', include_docs: true });
    feed.on('change', (change) => {
      if (!isJobId(change.id)) return;
      if (change.deleted || !isJobDoc(change.doc)) {
        w.due.delete(change.id);
        w.order.delete(change.id);
        return;
      }
      this.note(w, change.doc);
      const at = dueAt(change.doc);
      if (at !== null && at <= this.now() && !w.inflight.has(change.id)) this.kick();
    });
    feed.on('error', (err) => this.log(`changes feed of store ${storeId} failed: ${String(err)}`));
    w.feed = feed;
    this.watched.set(storeId, w);
    return w;
  }

  private async rescan(onlyNew = false): Promise<void> {
    if (!onlyNew) this.lastRescan = this.now();
    for (const { storeId, db } of this.opts.stores()) {
      if (onlyNew && this.watched.has(storeId)) continue;
      const w = this.watched.get(storeId) ?? this.watch(storeId, db);
      try {
        const jobs = await w.jobs.list();
        const seen = new Set<string>();
        for (const job of jobs) {
          seen.add(job._id);
          this.note(w, job);
        }
        for (const id of w.due.keys()) if (!seen.has(id)) w.due.delete(id);
        for (const id of w.order.keys()) if (!seen.has(id)) w.order.delete(id);
      } catch (err) {
        this.log(`cannot list the queue of store ${storeId}: ${String(err)}`);
      }
    }
  }

  private async tick(): Promise<void> {
    if (!this.running) return;
    await this.rescan(this.now() - this.lastRescan < (this.opts.rescanMs ?? 30_000));
    const limit = this.opts.concurrency ?? 4;
    for (const w of this.watched.values()) {
      const nowMs = this.now();
      const due = [...w.due.entries()]
        .filter(([id, at]) => at <= nowMs && !w.inflight.has(id))
        .sort((a, b) => a[1] - b[1])
        .map(([id]) => id);
      for (const id of due) {
        if (!this.running || w.inflight.size >= limit) break;
        if (this.waitsForEarlier(w, id)) continue;
        w.inflight.add(id);
        const task = this.runOne(w, id).finally(() => {
          w.inflight.delete(id);
          this.tasks.delete(task);
          this.kick();
        });
        this.tasks.add(task);
      }
    }
  }

  private async runOne(w: Watched, id: string): Promise<void> {
    let claimed: JobDoc | null;
    try {
      claimed = await w.jobs.claim(id, this.owner, this.opts.leaseMs);
    } catch (err) {
      this.log(`claim of ${id} failed: ${String(err)}`);
      return;
    }
    if (!claimed) {
      // Not due after all, or another runner got it: refresh the hint from the database.
      const cur = await w.jobs.get(id).catch(() => null);
      if (cur) this.note(w, cur);
      else w.due.delete(id);
      return;
    }
    this.note(w, claimed);
    let outcome: AttemptOutcome;
    try {
      outcome = await this.opts.handle(claimed, { storeId: w.storeId, db: w.db, resumed: claimed.claim?.resumed ?? false });
    } catch (err) {
      outcome = { ok: false, error: err instanceof Error ? err.message : String(err), permanent: false };
    }
    try {
      const state = await w.jobs.finish(claimed, outcome, { retryDelayMs: (n) => backoffDelay(n, this.opts.backoff) });
      if (state === 'dead') this.log(`${id} is dead after ${claimed.attempts} attempt(s): ${outcome.ok ? '' : outcome.error}`);
      if (state === null) this.log(`${id}: claim lost before the outcome was recorded (another process took it over)`);
      const cur = await w.jobs.get(id);
      if (cur) this.note(w, cur);
    } catch (err) {
      this.log(`recording the outcome of ${id} failed (the lease will expire and it is retried): ${String(err)}`);
    }
  }
}
