/**
 * Processes inbox entries after the webhook has been answered: per store, one at a time, oldest
 * first. Idempotent (the writer's exactly-once rules), so an entry processed twice (a crash between
 * the order write and the "done" mark) changes nothing the second time. Failures are retried with
 * exponential backoff (INBOX_RETRY_BASE_MS × 2^n, at most 1 h) and, after INBOX_MAX_ATTEMPTS or on a
 * malformed payload, marked `failed` with the reason (GET /api/admin/stores/:id/inbox?state=failed).
 * At start every pending entry is resumed.
 */
import { MalformedDelivery } from '../platforms/adapter.ts';
import type { PlatformLinks } from '../platforms/links.ts';
import { adapterFor } from '../platforms/registry.ts';
import { PlatformHttpError } from '../platforms/http.ts';
import { listEntries, type InboxEntry } from './inbox.ts';
import type { PrivateDbs } from './private-db.ts';
import type { WebOrderWriter } from './write-web-order.ts';

export interface ProcessorOptions {
  dbs: PrivateDbs;
  links: PlatformLinks;
  writer: WebOrderWriter;
  retryBaseMs: number;
  maxAttempts: number;
  log?: (msg: string) => void;
}

const MAX_BACKOFF_MS = 3600_000;

export class InboxProcessor {
  /** storeId → pending entry ids → due time. */
  private readonly pending = new Map<string, Map<string, number>>();
  private readonly running = new Set<string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private stopped = false;

  constructor(private readonly opts: ProcessorOptions) {}

  /** Loads the pending entries of each store (after a restart) and starts processing them. */
  async resume(storeIds: readonly string[]): Promise<number> {
    let count = 0;
    for (const storeId of storeIds) {
      const entries = await listEntries(this.opts.dbs.inbox(storeId), 'pending');
      for (const e of entries) this.queue(storeId).set(e._id, e.nextAttemptAt);
      count += entries.length;
      if (entries.length > 0) this.kick(storeId);
    }
    return count;
  }

  /** A new entry was stored: process it soon. */
  enqueued(storeId: string, entryId: string): void {
    this.queue(storeId).set(entryId, 0);
    this.kick(storeId);
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  /** Resolves when no entry of the store is due now (tests, shutdown). */
  async idle(storeId: string): Promise<void> {
    while (this.running.has(storeId)) await new Promise((r) => setTimeout(r, 20));
  }

  private queue(storeId: string): Map<string, number> {
    let q = this.pending.get(storeId);
    if (!q) {
      q = new Map();
      this.pending.set(storeId, q);
    }
    return q;
  }

  kick(storeId: string): void {
    if (this.stopped || this.running.has(storeId)) return;
    this.running.add(storeId);
    setImmediate(() => {
      this.drain(storeId)
        .catch((err: unknown) => this.opts.log?.(`inbox ${storeId}: ${(err as Error).message}`))
        .finally(() => {
          this.running.delete(storeId);
          this.schedule(storeId);
        });
    });
  }

  private schedule(storeId: string): void {
    if (this.stopped) return;
    const q = this.queue(storeId);
    if (q.size === 0) return;
    const next = Math.min(...q.values());
    const delay = Math.max(0, next - Date.now());
    if (delay === 0) return this.kick(storeId);
    clearTimeout(this.timers.get(storeId));
    const t = setTimeout(() => {
      this.timers.delete(storeId);
      this.kick(storeId);
    }, delay);
    t.unref();
    this.timers.set(storeId, t);
  }

  private async drain(storeId: string): Promise<void> {
    const q = this.queue(storeId);
    const db = this.opts.dbs.inbox(storeId);
    for (;;) {
      if (this.stopped) return;
      const now = Date.now();
      // Oldest first: ids are not time-ordered, so read the due entries and sort by receivedAt.
      const dueIds = [...q.entries()].filter(([, at]) => at <= now).map(([id]) => id);
      if (dueIds.length === 0) return;
      const res = await db.allDocs({ keys: dueIds, include_docs: true });
      const entries = res.rows
        .map((r) => (r as { doc?: InboxEntry | null }).doc)
        .filter((e): e is InboxEntry => !!e && e.state === 'pending');
      for (const id of dueIds) if (!entries.some((e) => e._id === id)) q.delete(id);
      entries.sort((a, b) => (a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : a._id < b._id ? -1 : 1));
      for (const entry of entries) {
        if (this.stopped) return;
        await this.processOne(storeId, entry);
      }
    }
  }

  private async processOne(storeId: string, entry: InboxEntry): Promise<void> {
    const q = this.queue(storeId);
    const db = this.opts.dbs.inbox(storeId);
    let update: Partial<InboxEntry>;
    try {
      const link = this.opts.links.get(storeId, entry.platform);
      if (!link) throw new MalformedDelivery(`store "${storeId}" is not linked to ${entry.platform} any more`);
      const adapter = adapterFor(entry.platform);
      const action = await adapter.resolveDelivery(entry.topic, entry.payload, () => adapter.client(link));
      let result: string;
      let orderDocId: string | undefined;
      switch (action.kind) {
        case 'order': {
          const r = await this.opts.writer.applyOrder(storeId, link, action.order);
          [result, orderDocId] = [r.outcome, r.id];
          break;
        }
        case 'refund': {
          const r = await this.opts.writer.applyRefund(storeId, link, action.platformOrderId, action.refund);
          [result, orderDocId] = [`refund ${r.outcome}`, r.id];
          break;
        }
        case 'deleted': {
          const r = await this.opts.writer.markDeleted(storeId, link, action.platformOrderId, new Date().toISOString());
          [result, orderDocId] = [`deleted ${r.outcome}`, r.id];
          break;
        }
        case 'ignore':
          result = `ignored: ${action.reason}`;
          break;
      }
      update = { state: 'done', processedAt: new Date().toISOString(), result, attempts: entry.attempts + 1, ...(orderDocId ? { orderDocId } : {}) };
      q.delete(entry._id);
    } catch (err) {
      const attempts = entry.attempts + 1;
      const reason = (err as Error).message ?? String(err);
      const permanent = err instanceof MalformedDelivery || (err instanceof PlatformHttpError && !err.retryable) || attempts >= this.opts.maxAttempts;
      if (permanent) {
        update = { state: 'failed', attempts, lastError: reason, processedAt: new Date().toISOString() };
        q.delete(entry._id);
        this.opts.log?.(`inbox ${storeId}: delivery ${entry.deliveryId} (${entry.topic}) FAILED after ${attempts} attempt(s): ${reason}`);
      } else {
        const retryAfter = err instanceof PlatformHttpError && err.retryAfterSeconds ? err.retryAfterSeconds * 1000 : 0;
        const backoff = Math.min(MAX_BACKOFF_MS, this.opts.retryBaseMs * 2 ** (attempts - 1));
        const nextAttemptAt = Date.now() + Math.max(retryAfter, Math.round(backoff * (0.8 + Math.random() * 0.4)));
        update = { attempts, lastError: reason, nextAttemptAt };
        q.set(entry._id, nextAttemptAt);
      }
    }
    await db.put({ ...entry, ...update } as unknown as PouchDB.Core.PutDocument<Record<string, unknown>>);
  }
}
