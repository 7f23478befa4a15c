/**
 * Reads and writes of queue jobs (jobs.ts) in one store database. Every transition is a CouchDB
 * revision check: a write against a stale revision fails with 409 and the caller re-reads, so
 * several server processes on one database never both claim, complete or rewrite the same job.
 * Coalesced jobs (one per platform and SKU: stock levels, a product's price and name) are rewritten
 * in place; a product job not yet sent keeps the fields it was to set when a newer revision lands.
 */
import type { Platform } from '../../src/domain/documents.ts';
import type { StoreDb } from '../db/backend.ts';
import {
  MAIL_PREFIX,
  OUTBOUND_PREFIX,
  idPart,
  isClaimable,
  isJobDoc,
  withHistory,
  type JobDoc,
  type JobState,
  type StockLevelPayload,
  type PlatformJobDoc,
  type PricePayload,
  type ProductPushField,
  PRODUCT_PUSH_FIELDS,
  platformJobId,
  productPushFields,
} from './jobs.ts';

function sameFields(a: readonly ProductPushField[], b: readonly ProductPushField[]): boolean {
  return a.length === b.length && a.every((f) => b.includes(f));
}

export const isConflict = (err: unknown): boolean => (err as { status?: number })?.status === 409;
export const isNotFound = (err: unknown): boolean => (err as { status?: number })?.status === 404;

/** The outcome of one attempt, decided by a handler. */
export type AttemptOutcome =
  | { ok: true; result: string; skipped?: boolean }
  | { ok: false; error: string; permanent: boolean };

export interface FinishPolicy {
  /** When the next attempt may start, given the number of attempts made so far. */
  retryDelayMs(attempts: number): number;
}

/** What a producer gives for a coalesced job (one per platform, kind and SKU). */
export type CoalescedBase = Omit<PlatformJobDoc, '_rev' | 'state' | 'attempts' | 'nextAttemptAt' | 'createdAt' | 'updatedAt' | 'version' | 'idempotencyKey' | 'payload'>;

/** The coalesced job of one platform link, kind and SKU: outbound:<platform>:<kind>:<sku>. */
export function coalescedBase(link: { platform: Platform; shop: string }, kind: 'stock_level' | 'price', sku: string, maxAttempts: number): CoalescedBase {
  return { _id: platformJobId(link.platform, kind, idPart(sku)), type: 'outbound_job', channel: 'platform', platform: link.platform, shop: link.shop, kind, maxAttempts };
}

type NewJob = Omit<JobDoc, '_rev' | 'state' | 'attempts' | 'nextAttemptAt' | 'createdAt' | 'updatedAt' | 'version'> & Partial<Pick<JobDoc, 'nextAttemptAt'>>;

export class JobStore {
  constructor(
    readonly db: StoreDb,
    private readonly now: () => number = Date.now,
  ) {}

  private iso(ms = this.now()): string {
    return new Date(ms).toISOString();
  }

  async get(id: string): Promise<JobDoc | null> {
    try {
      const doc = await this.db.get(id);
      return isJobDoc(doc) ? doc : null;
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  /** Creates the job unless a job with the same id (same idempotency key) exists. */
  async createIfAbsent(job: NewJob): Promise<'created' | 'exists'> {
    const now = this.iso();
    const doc = { ...job, state: 'pending', version: 1, attempts: 0, nextAttemptAt: job.nextAttemptAt ?? now, createdAt: now, updatedAt: now } as JobDoc;
    try {
      await this.db.put(doc);
      return 'created';
    } catch (err) {
      if (isConflict(err)) return 'exists';
      throw err;
    }
  }

  /**
   * The one job per platform, shop and SKU that carries the latest stock level (coalescing: a burst
   * of changes rewrites the same job, only the last level is pushed). A new level gets a new version
   * and idempotency key; a job being sent keeps its claim and is re-queued when that send finishes.
   */
  async upsertStockLevel(base: CoalescedBase, payload: StockLevelPayload, keyOf: (version: number) => string): Promise<'created' | 'updated' | 'unchanged'> {
    return this.upsertLatest(base, payload, keyOf, (cur) => (cur as StockLevelPayload).available === payload.available);
  }

  /**
   * Like upsertStockLevel, but a new version even when the job already carries this level: the
   * platform was found showing something else (stock reconciliation), so the level is sent again.
   * A done or dead job is re-opened; a pending or failed one keeps its schedule; a job being sent
   * is re-queued when that send finishes.
   */
  async forceStockLevel(base: CoalescedBase, payload: StockLevelPayload, keyOf: (version: number) => string): Promise<'created' | 'updated'> {
    return (await this.upsertLatest(base, payload, keyOf, () => false)) as 'created' | 'updated';
  }

  /**
   * The one job per platform, shop and SKU that carries the product's latest price and name
   * (coalesced like stock levels). A job that has not gone out yet keeps the fields it was to set
   * besides the new ones (a rename then a price change sends both); a done job is reopened only
   * when the values differ from what it sent.
   */
  async upsertPrice(base: CoalescedBase, payload: PricePayload, keyOf: (version: number) => string): Promise<'created' | 'updated' | 'unchanged'> {
    const sameValues = (c: Partial<PricePayload>, w: PricePayload) => c.price === w.price && c.currency === w.currency && c.name === w.name;
    return this.upsertLatest(base, payload, keyOf, (cur, want) => sameValues(cur as PricePayload, want as PricePayload) && sameFields(productPushFields(cur as PricePayload), productPushFields(want as PricePayload)), (cur) => {
      const c = cur.payload as PricePayload;
      if (cur.state === 'done') return sameValues(c, payload) ? c : payload;
      const fields = new Set([...productPushFields(c), ...productPushFields(payload)]);
      return { ...payload, changed: PRODUCT_PUSH_FIELDS.filter((f) => fields.has(f)) };
    });
  }

  /**
   * Creates the coalesced job, or rewrites it with a newer payload (a new version) unless `same`.
   * `payloadFor` is what to write over an existing job (default: `payload`).
   */
  private async upsertLatest(base: CoalescedBase, payload: PlatformJobDoc['payload'], keyOf: (version: number) => string,
    same: (current: PlatformJobDoc['payload'], wanted: PlatformJobDoc['payload']) => boolean, payloadFor: (current: PlatformJobDoc) => PlatformJobDoc['payload'] = () => payload): Promise<'created' | 'updated' | 'unchanged'> {
    for (;;) {
      const cur = (await this.get(base._id)) as PlatformJobDoc | null;
      const now = this.iso();
      if (!cur) {
        const doc: PlatformJobDoc = { ...base, payload, idempotencyKey: keyOf(1), state: 'pending', version: 1, attempts: 0, nextAttemptAt: now, createdAt: now, updatedAt: now };
        try {
          await this.db.put(doc);
          return 'created';
        } catch (err) {
          if (isConflict(err)) continue;
          throw err;
        }
      }
      const wanted = payloadFor(cur);
      if (same(cur.payload, wanted)) return 'unchanged';
      const version = cur.version + 1;
      const next: PlatformJobDoc = { ...cur, payload: wanted, version, idempotencyKey: keyOf(version), updatedAt: now };
      if (cur.state === 'done' || cur.state === 'dead') {
        Object.assign(next, { state: 'pending' as JobState, attempts: 0, nextAttemptAt: now });
        delete next.lastError;
        delete next.claim;
        delete next.doneAt;
      }
      // pending / failed keep their schedule (a platform that is down is not hammered by each sale);
      // sending keeps its claim: finish() sees the version moved and queues the new payload.
      try {
        await this.db.put(next);
        return 'updated';
      } catch (err) {
        if (isConflict(err)) continue;
        throw err;
      }
    }
  }

  /**
   * Claims the job for `owner` for `leaseMs`: rewrites it to `sending` against the revision read.
   * Returns the claimed job (with its new revision), or null when it is not due or another process
   * claimed it first.
   */
  async claim(id: string, owner: string, leaseMs: number): Promise<JobDoc | null> {
    const cur = await this.get(id);
    const nowMs = this.now();
    if (!cur || !isClaimable(cur, nowMs)) return null;
    const resumed = cur.state === 'sending';
    const claimed: JobDoc = {
      ...cur,
      state: 'sending',
      attempts: cur.attempts + 1,
      claim: { owner, until: this.iso(nowMs + leaseMs), version: cur.version, resumed },
      updatedAt: this.iso(nowMs),
    };
    try {
      const res = await this.db.put(claimed);
      return { ...claimed, _rev: res.rev };
    } catch (err) {
      if (isConflict(err)) return null;
      throw err;
    }
  }

  /** Extends the lease of a job this owner holds (long pushes). False when the claim was lost. */
  async renew(job: JobDoc, leaseMs: number): Promise<JobDoc | null> {
    const next: JobDoc = { ...job, claim: { ...job.claim!, until: this.iso(this.now() + leaseMs) }, updatedAt: this.iso() };
    try {
      const res = await this.db.put(next);
      return { ...next, _rev: res.rev };
    } catch (err) {
      if (isConflict(err)) return null;
      throw err;
    }
  }

  /**
   * Records the outcome of the attempt made under `claimed`. When the job changed meanwhile (a
   * producer coalesced a newer stock level into it), the outcome is applied to the current revision
   * as long as this owner still holds the claim; a job whose claim was lost (lease expired and taken
   * over) is left to its new owner. Returns the state written, or null when the claim was lost.
   */
  async finish(claimed: JobDoc, outcome: AttemptOutcome, policy: FinishPolicy): Promise<JobState | null> {
    let cur: JobDoc = claimed;
    for (;;) {
      const nowMs = this.now();
      const owner = claimed.claim?.owner;
      if (cur.state !== 'sending' || cur.claim?.owner !== owner) return null;
      const next: JobDoc = { ...cur, updatedAt: this.iso(nowMs) };
      delete next.claim;
      if (outcome.ok) {
        next.history = withHistory(cur, { at: this.iso(nowMs), outcome: outcome.skipped ? 'skipped' : 'ok', detail: outcome.result });
        if (cur.version !== claimed.claim?.version) {
          // What was sent is already stale: send the newer payload now.
          Object.assign(next, { state: 'pending', attempts: 0, nextAttemptAt: this.iso(nowMs) });
        } else {
          Object.assign(next, { state: 'done', result: outcome.result, doneAt: this.iso(nowMs) });
          delete next.lastError;
        }
      } else {
        next.history = withHistory(cur, { at: this.iso(nowMs), outcome: 'error', detail: outcome.error.slice(0, 500) });
        next.lastError = outcome.error.slice(0, 2000);
        if (outcome.permanent || cur.attempts >= cur.maxAttempts) {
          next.state = 'dead';
        } else {
          next.state = 'failed';
          next.nextAttemptAt = this.iso(nowMs + policy.retryDelayMs(cur.attempts));
        }
      }
      try {
        await this.db.put(next);
        return next.state;
      } catch (err) {
        if (!isConflict(err)) throw err;
        const fresh = await this.get(claimed._id);
        if (!fresh) return null;
        cur = fresh;
      }
    }
  }

  /** Staff: requeue a dead (or failed) job now, with a fresh attempt budget. */
  async retry(id: string): Promise<{ ok: true; job: JobDoc } | { ok: false; status: number; reason: string }> {
    for (;;) {
      const cur = await this.get(id);
      if (!cur) return { ok: false, status: 404, reason: `no outbound job "${id}"` };
      if (cur.state !== 'dead' && cur.state !== 'failed') {
        return { ok: false, status: 409, reason: `job is ${cur.state}: only dead or failed jobs can be retried` };
      }
      const now = this.iso();
      const next: JobDoc = {
        ...cur,
        state: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        updatedAt: now,
        history: withHistory(cur, { at: now, outcome: 'skipped', detail: 'requeued by staff' }),
      };
      try {
        const res = await this.db.put(next);
        return { ok: true, job: { ...next, _rev: res.rev } };
      } catch (err) {
        if (!isConflict(err)) throw err;
      }
    }
  }

  /** Sets or clears `blocked` on every pending/failed job of a channel (e.g. "SMTP not configured"). */
  async setBlocked(prefix: string, reason: string | null): Promise<number> {
    let changed = 0;
    for (const job of await this.list(prefix)) {
      if (job.state !== 'pending' && job.state !== 'failed') continue;
      if ((job.blocked ?? null) === reason) continue;
      const next: JobDoc = { ...job, updatedAt: this.iso() };
      if (reason === null) delete next.blocked;
      else next.blocked = reason;
      try {
        await this.db.put(next);
        changed++;
      } catch (err) {
        if (!isConflict(err)) throw err;
      }
    }
    return changed;
  }

  /** Every job under a prefix (OUTBOUND_PREFIX, MAIL_PREFIX, or both when omitted). */
  async list(prefix?: string): Promise<JobDoc[]> {
    const prefixes = prefix ? [prefix] : [OUTBOUND_PREFIX, MAIL_PREFIX];
    const out: JobDoc[] = [];
    for (const p of prefixes) {
      const res = await this.db.allDocs({ startkey: p, endkey: `${p}\uffff`, include_docs: true });
      for (const row of res.rows) if (isJobDoc(row.doc)) out.push(row.doc);
    }
    return out;
  }
}

