/**
 * What fills the outbound queue, per store, from the store database's changes feed:
 *
 *  - stock levels: every sale, stock movement, web order, web order event or product change marks its
 *    SKUs dirty; after a short window (OUTBOUND_COALESCE_MS) each dirty SKU's available quantity
 *    (stock-ledger.ts) is written into the one job per platform and SKU
 *    (outbound:<platform>:stock_level:<sku>) — a burst of sales becomes one push of the last level;
 *  - web order events (woevent:<registerId>:<ulid>, written by registers, and woevent:server:<ulid>
 *    by the auto-cancel timer): one job per event the platform must hear about — shipped parcels,
 *    ready for pickup, picked up, cancellations, payments, refunds (order-payloads.ts decides, from
 *    the order's fold) — plus the customer mail for a parcel shipped, ready for pickup and cancelled
 *    (order-jobs.ts);
 *  - new web orders: the shop's "new order" mail when the store asks for it (order-jobs.ts);
 *  - receipt requests (mailreq:<registerId>:<ulid>): one mail job mail:receipt:<registerId>:<ulid>;
 *  - prices (price-watch.ts).
 *
 * Ids are deterministic, so producing twice (a restart, two server processes) changes nothing. Where
 * the feed was read up to is kept in DATA_DIR/outbound/<storeId>.json (written after the jobs, and
 * never past an event still waiting for its order): a restart re-reads from there. With no
 * checkpoint (a new store, or the first run after an upgrade) everything is produced once: every
 * tracked SKU's level is pushed to the linked platforms (Comptoir is the system of record) — jobs
 * that already exist are left as they are.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { MailRequestDoc, StoreSettingsDoc, WebOrderDoc, WebOrderEventDoc } from '../../src/domain/documents.ts';
import type { StoreDb } from '../db/backend.ts';
import { AutoCancel } from './auto-cancel.ts';
import type { PushLink } from './http.ts';
import { idPart, mailJobId, type MailJobDoc } from './jobs.ts';
import { eventJobs, newOrderJob, type OrderJobContext } from './order-jobs.ts';
import { PriceWatch } from './price-watch.ts';
import { coalescedBase, JobStore } from './queue.ts';
import { StockLedger } from './stock-ledger.ts';

export { parseWebOrderId, pushedKind } from './order-payloads.ts';

export interface ProducerOptions {
  storeId: string;
  db: StoreDb;
  links: () => PushLink[];
  coalesceMs: number;
  maxAttempts: number;
  checkpointDir: string;
  /** Why mail cannot be sent (e.g. "SMTP not configured"), or null. */
  mailBlocked: () => string | null;
  /** Called after jobs were written (wakes the runner). */
  onQueued: () => void;
  /** How often unpaid web orders are checked for the automatic cancellation (0: never). */
  autoCancelIntervalMs?: number;
  log: (msg: string) => void;
}

export function seqNumber(seq: unknown): number {
  if (typeof seq === 'number') return seq;
  const n = parseInt(String(seq), 10);
  return Number.isFinite(n) ? n : 0;
}

interface SeenEvent {
  ev: WebOrderEventDoc;
  seq: number;
}

export class StoreProducer {
  readonly ledger = new StockLedger();
  private readonly jobs: JobStore;
  private readonly prices: PriceWatch;
  private readonly autoCancel: AutoCancel | null;
  private feed: PouchDB.Core.Changes<object> | null = null;
  private dirty = new Set<string>();
  private events = new Map<string, SeenEvent>();
  /** order id → events seen before their order (produced once it arrives). */
  private readonly waiting = new Map<string, Map<string, SeenEvent>>();
  private newOrders = new Map<string, WebOrderDoc>();
  private mailRequests = new Map<string, MailRequestDoc>();
  private settings: StoreSettingsDoc | null = null;
  private lastSeq = 0;
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private stopped = false;
  private readonly file: string;

  constructor(private readonly opts: ProducerOptions) {
    this.jobs = new JobStore(opts.db);
    this.prices = new PriceWatch(opts.db);
    this.file = path.join(opts.checkpointDir, `${opts.storeId}.json`);
    this.autoCancel = opts.autoCancelIntervalMs
      ? new AutoCancel({
          storeId: opts.storeId,
          db: opts.db,
          orders: () => this.ledger.allOrders(),
          settings: () => this.settings,
          defaultLocation: () => this.ledger.defaultLocation,
          intervalMs: opts.autoCancelIntervalMs,
          log: opts.log,
        })
      : null;
  }

  private readCheckpoint(): number | null {
    try {
      const data = JSON.parse(fs.readFileSync(this.file, 'utf8')) as { seq?: unknown };
      return seqNumber(data.seq);
    } catch {
      return null;
    }
  }

  private async writeCheckpoint(seq: number): Promise<void> {
    await fs.promises.mkdir(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    await fs.promises.writeFile(tmp, JSON.stringify({ seq, at: new Date().toISOString() }));
    await fs.promises.rename(tmp, this.file);
  }

  async start(): Promise<void> {
    const checkpoint = this.readCheckpoint();
    let since: string | number = 0;
    for (;;) {
      const page: PouchDB.Core.ChangesResponse<object> = await this.opts.db.changes({ since, include_docs: true, limit: 500 });
      for (const change of page.results) this.take(change, checkpoint === null || seqNumber(change.seq) > checkpoint);
      since = page.last_seq;
      if (page.results.length < 500) break;
    }
    this.lastSeq = seqNumber(since);
    if (this.stopped) return;
    const feed = this.opts.db.changes({ live: true, since, include_docs: true });
    feed.on('change', (change) => {
      this.take(change, true);
      this.lastSeq = Math.max(this.lastSeq, seqNumber(change.seq));
    });
    feed.on('error', (err) => this.opts.log(`changes feed of store ${this.opts.storeId} failed: ${String(err)}`));
    this.feed = feed;
    this.autoCancel?.start();
    if (this.pendingWork()) this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.feed?.cancel();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.autoCancel?.stop();
    await this.flushing?.catch(() => undefined);
  }

  private pendingWork(): boolean {
    return this.dirty.size + this.events.size + this.newOrders.size + this.mailRequests.size + this.prices.pending > 0;
  }

  private take(change: PouchDB.Core.ChangesResponseChange<object>, produce: boolean): void {
    const doc = (change.doc ?? { _id: change.id }) as { _id: string; _rev?: string; _deleted?: boolean; type?: unknown };
    const gone = change.deleted === true || doc._deleted === true;
    const skus = this.ledger.apply(doc, change.deleted === true);
    this.prices.take(doc, gone, produce);
    if (doc._id === 'store:settings') this.settings = gone ? null : (doc as unknown as StoreSettingsDoc);
    if (!produce) return;
    for (const sku of skus) this.dirty.add(sku);
    const seq = seqNumber(change.seq);
    if (!gone && doc.type === 'web_order_event' && doc._id.startsWith('woevent:')) {
      this.events.set(doc._id, { ev: doc as unknown as WebOrderEventDoc, seq });
    }
    if (!gone && doc.type === 'web_order' && doc._id.startsWith('weborder:')) {
      const order = doc as unknown as WebOrderDoc;
      this.newOrders.set(order._id, order);
      // Events that replicated before their order can now be produced.
      for (const seen of this.waiting.get(order._id)?.values() ?? []) this.events.set(seen.ev._id, seen);
      this.waiting.delete(order._id);
    }
    if (!gone && doc.type === 'mail_request' && doc._id.startsWith('mailreq:')) this.mailRequests.set(doc._id, doc as unknown as MailRequestDoc);
    if (this.pendingWork()) this.schedule(this.opts.coalesceMs);
  }

  private schedule(ms: number): void {
    if (this.stopped || this.timer || this.flushing) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flushing = this.flush()
        .catch((err: unknown) => {
          this.opts.log(`producing jobs for store ${this.opts.storeId} failed (retrying): ${String(err)}`);
          return new Promise<void>((r) => setTimeout(r, 2000));
        })
        .finally(() => {
          this.flushing = null;
          if (this.pendingWork()) this.schedule(this.opts.coalesceMs);
        });
    }, ms);
    this.timer.unref?.();
  }

  private orderCtx(): OrderJobContext {
    return { jobs: this.jobs, ledger: this.ledger, maxAttempts: this.opts.maxAttempts, mailBlocked: this.opts.mailBlocked, log: this.opts.log };
  }

  /** Writes the jobs for everything seen so far, then the checkpoint. */
  async flush(): Promise<void> {
    const seq = this.lastSeq;
    const dirty = this.dirty;
    const events = this.events;
    const newOrders = this.newOrders;
    const mails = this.mailRequests;
    this.dirty = new Set();
    this.events = new Map();
    this.newOrders = new Map();
    this.mailRequests = new Map();
    let queued = 0;
    try {
      const links = this.opts.links();
      for (const sku of dirty) queued += await this.stockJobs(sku, links);
      queued += await this.prices.flush(this.jobs, links, this.opts.maxAttempts);
      const ctx = this.orderCtx();
      for (const order of newOrders.values()) queued += await newOrderJob(ctx, order, this.settings, Date.now());
      for (const seen of [...events.values()].sort((a, b) => a.seq - b.seq)) {
        const r = await eventJobs(ctx, seen.ev);
        if (r === 'no_order') {
          let w = this.waiting.get(seen.ev.orderId);
          if (!w) this.waiting.set(seen.ev.orderId, (w = new Map()));
          w.set(seen.ev._id, seen);
        } else {
          queued += r;
        }
        events.delete(seen.ev._id);
      }
      for (const req of mails.values()) queued += await this.receiptJob(req);
      await this.writeCheckpoint(this.safeCheckpoint(seq));
    } catch (err) {
      for (const s of dirty) this.dirty.add(s);
      for (const [k, v] of events) if (!this.events.has(k)) this.events.set(k, v);
      for (const [k, v] of newOrders) if (!this.newOrders.has(k)) this.newOrders.set(k, v);
      for (const [k, v] of mails) this.mailRequests.set(k, v);
      throw err;
    } finally {
      if (queued > 0) this.opts.onQueued();
    }
  }

  /** The checkpoint may not pass an event still waiting for its order (a restart must see it again). */
  private safeCheckpoint(seq: number): number {
    let min = seq;
    for (const w of this.waiting.values()) for (const seen of w.values()) min = Math.min(min, seen.seq - 1);
    return Math.max(0, min);
  }

  private async stockJobs(sku: string, links: PushLink[]): Promise<number> {
    if (!this.ledger.isTracked(sku) || links.length === 0) return 0;
    const f = this.ledger.figures(sku);
    let n = 0;
    for (const link of links) {
      const base = coalescedBase(link, 'stock_level', sku, this.opts.maxAttempts);
      const r = await this.jobs.upsertStockLevel(base, { sku, ...f }, (v) => `${link.platform}:stock_level:${idPart(sku)}:v${v}`);
      if (r !== 'unchanged') n++;
    }
    return n;
  }

  private async receiptJob(req: MailRequestDoc): Promise<number> {
    const key = `receipt:${req._id.slice('mailreq:'.length)}`;
    const blocked = this.opts.mailBlocked();
    const r = await this.jobs.createIfAbsent({
      _id: mailJobId(key),
      type: 'outbound_job',
      channel: 'mail',
      kind: 'receipt',
      idempotencyKey: key,
      maxAttempts: this.opts.maxAttempts,
      payload: { template: 'receipt', to: req.to, sourceId: req.saleId, requestId: req._id, ...(req.locale ? { locale: req.locale } : {}) },
      ...(blocked ? { blocked } : {}),
    } as MailJobDoc);
    return r === 'created' ? 1 : 0;
  }
}
