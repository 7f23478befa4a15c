/**
 * What fills the outbound queue, per store, from the store database's changes feed:
 *
 *  - stock levels: every sale, stock movement, web order or product change marks its SKUs dirty;
 *    after a short window (OUTBOUND_COALESCE_MS) each dirty SKU's available quantity
 *    (stock-ledger.ts) is written into the one job per platform and SKU
 *    (outbound:<platform>:stock_level:<sku>) — a burst of sales becomes one push of the last level;
 *  - web order events (woevent:<registerId>:<ulid>, written by registers): one job per event,
 *    outbound:<platform>:<fulfilment|ready_for_pickup|picked_up|cancellation>:<registerId>:<ulid>,
 *    plus the customer mail for "shipped" and "ready for pickup";
 *  - receipt requests (mailreq:<registerId>:<ulid>): one mail job mail:receipt:<registerId>:<ulid>;
 *  - prices: a new revision of a product:<sku> whose price differs from the revision before it
 *    becomes the one job per platform and SKU outbound:<platform>:price:<sku> (coalesced like stock
 *    levels; idempotency key from SKU, price and revision). A product's first revision pushes
 *    nothing (it was created here or imported from the platform); after a restart the previous
 *    revision is read back to tell a price change from another edit.
 *
 * Ids are deterministic, so producing twice (a restart, two server processes) changes nothing. Where
 * the feed was read up to is kept in DATA_DIR/outbound/<storeId>.json (written after the jobs): a
 * restart re-reads from there. With no checkpoint (a new store, or the first run after an upgrade)
 * everything is produced once: every tracked SKU's level is pushed to the linked platforms (Comptoir
 * is the system of record) — jobs that already exist are left as they are.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { MailRequestDoc, Platform, ProductDoc, WebOrderDoc, WebOrderEventDoc } from '../../src/domain/documents.ts';
import type { StoreDb } from '../db/backend.ts';
import type { PushLink } from './http.ts';
import { idPart, mailJobId, platformJobId, type MailJobDoc, type OutboundKind, type PlatformJobDoc } from './jobs.ts';
import { JobStore, isNotFound, type CoalescedBase } from './queue.ts';
import { StockLedger } from './stock-ledger.ts';

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
  log: (msg: string) => void;
}

/** The event kinds that become a push; the counter's own steps (picked, packed, note: issue 6) push nothing. */
const EVENT_KIND: Partial<Record<WebOrderEventDoc['kind'], Exclude<OutboundKind, 'stock_level'>>> = {
  shipped: 'fulfilment',
  ready_for_pickup: 'ready_for_pickup',
  picked_up: 'picked_up',
  cancelled: 'cancellation',
};

/** The push an event becomes, or undefined for a kind the web store does not hear about. */
export function pushedKind(ev: Pick<WebOrderEventDoc, 'kind'>): Exclude<OutboundKind, 'stock_level'> | undefined {
  return Object.prototype.hasOwnProperty.call(EVENT_KIND, ev.kind) ? EVENT_KIND[ev.kind] : undefined;
}

export function seqNumber(seq: unknown): number {
  if (typeof seq === 'number') return seq;
  const n = parseInt(String(seq), 10);
  return Number.isFinite(n) ? n : 0;
}

/** weborder:<platform>:<shop>:<orderId> → its parts, or null. */
export function parseWebOrderId(id: string): { platform: Platform; shop: string; platformOrderId: string } | null {
  const m = /^weborder:(shopify|woocommerce|bigcommerce):([^:]+):([^:]+)$/.exec(id);
  return m ? { platform: m[1] as Platform, shop: m[2]!, platformOrderId: m[3]! } : null;
}

/** "3-abc…" → 3 (0 when absent). */
function revGeneration(rev: string | undefined): number {
  const n = parseInt(String(rev ?? '').split('-')[0] ?? '', 10);
  return Number.isFinite(n) ? n : 0;
}

export class StoreProducer {
  readonly ledger = new StockLedger();
  private readonly jobs: JobStore;
  private feed: PouchDB.Core.Changes<object> | null = null;
  private dirty = new Set<string>();
  private events = new Map<string, WebOrderEventDoc>();
  private mailRequests = new Map<string, MailRequestDoc>();
  /** sku → the price of the latest product revision seen (to tell a price change from another edit). */
  private readonly prices = new Map<string, number>();
  /** sku → product revision whose price changed: to push. */
  private priceChanges = new Map<string, ProductDoc>();
  /** sku → product revision seen first (no earlier price in memory) after its creation: compare with the previous revision. */
  private priceChecks = new Map<string, ProductDoc>();
  private lastSeq = 0;
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private stopped = false;
  private readonly file: string;

  constructor(private readonly opts: ProducerOptions) {
    this.jobs = new JobStore(opts.db);
    this.file = path.join(opts.checkpointDir, `${opts.storeId}.json`);
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
    if (this.pendingWork()) this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.feed?.cancel();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.flushing?.catch(() => undefined);
  }

  private pendingWork(): boolean {
    return this.dirty.size + this.events.size + this.mailRequests.size + this.priceChanges.size + this.priceChecks.size > 0;
  }

  private takeProduct(doc: { _id: string; _rev?: string; type?: unknown }, deleted: boolean, produce: boolean): void {
    if (!doc._id.startsWith('product:')) return;
    const sku = doc._id.slice('product:'.length);
    const product = doc as unknown as ProductDoc;
    if (deleted || doc.type !== 'product' || typeof product.price !== 'number') {
      this.prices.delete(sku);
      this.priceChanges.delete(sku);
      this.priceChecks.delete(sku);
      return;
    }
    const before = this.prices.get(sku);
    this.prices.set(sku, product.price);
    if (!produce) return;
    if (before !== undefined) {
      if (before !== product.price || this.priceChanges.has(sku)) this.priceChanges.set(sku, product);
      this.priceChecks.delete(sku);
    } else if (revGeneration(doc._rev) > 1) {
      this.priceChecks.set(sku, product);
    }
  }

  private take(change: PouchDB.Core.ChangesResponseChange<object>, produce: boolean): void {
    const doc = (change.doc ?? { _id: change.id }) as { _id: string; _rev?: string; _deleted?: boolean; type?: unknown };
    const skus = this.ledger.apply(doc, change.deleted === true);
    this.takeProduct(doc, change.deleted === true || doc._deleted === true, produce);
    if (!produce) return;
    for (const sku of skus) this.dirty.add(sku);
    if (!change.deleted && doc.type === 'web_order_event' && doc._id.startsWith('woevent:') && pushedKind(doc as unknown as WebOrderEventDoc) !== undefined) {
      this.events.set(doc._id, doc as unknown as WebOrderEventDoc);
    }
    if (!change.deleted && doc.type === 'mail_request' && doc._id.startsWith('mailreq:')) this.mailRequests.set(doc._id, doc as unknown as MailRequestDoc);
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

  /** Writes the jobs for everything seen so far, then the checkpoint. */
  async flush(): Promise<void> {
    const seq = this.lastSeq;
    const dirty = this.dirty;
    const events = this.events;
    const mails = this.mailRequests;
    const priceChecks = this.priceChecks;
    const priceChanges = this.priceChanges;
    this.dirty = new Set();
    this.events = new Map();
    this.mailRequests = new Map();
    this.priceChecks = new Map();
    this.priceChanges = new Map();
    let queued = 0;
    try {
      const links = this.opts.links();
      for (const sku of dirty) {
        if (!this.ledger.isTracked(sku) || links.length === 0) continue;
        const f = this.ledger.figures(sku);
        for (const link of links) {
          const base: CoalescedBase = {
            _id: platformJobId(link.platform, 'stock_level', idPart(sku)),
            type: 'outbound_job',
            channel: 'platform',
            platform: link.platform,
            shop: link.shop,
            kind: 'stock_level',
            maxAttempts: this.opts.maxAttempts,
          };
          const r = await this.jobs.upsertStockLevel(base, { sku, ...f }, (v) => `${link.platform}:stock_level:${idPart(sku)}:v${v}`);
          if (r !== 'unchanged') queued++;
        }
      }
      for (const [sku, product] of priceChecks) {
        if (!priceChanges.has(sku) && (await this.priceChangedSincePrevious(product))) priceChanges.set(sku, product);
      }
      for (const product of priceChanges.values()) queued += await this.priceJobs(product, links);
      for (const ev of events.values()) queued += await this.eventJobs(ev);
      for (const req of mails.values()) queued += await this.receiptJob(req);
      await this.writeCheckpoint(seq);
    } catch (err) {
      for (const s of dirty) this.dirty.add(s);
      for (const [k, v] of events) this.events.set(k, v);
      for (const [k, v] of mails) this.mailRequests.set(k, v);
      for (const [k, v] of priceChecks) if (!this.priceChecks.has(k) && !this.priceChanges.has(k)) this.priceChecks.set(k, v);
      for (const [k, v] of priceChanges) if (!this.priceChanges.has(k)) this.priceChanges.set(k, v);
      throw err;
    } finally {
      if (queued > 0) this.opts.onQueued();
    }
  }

  /** Whether the revision before `product`'s carried another price (false when it cannot be read). */
  private async priceChangedSincePrevious(product: ProductDoc): Promise<boolean> {
    try {
      const cur = (await this.opts.db.get(product._id, { rev: product._rev!, revs: true })) as unknown as { _revisions?: { start: number; ids: string[] } };
      const r = cur._revisions;
      if (!r || r.ids.length < 2) return false;
      const previous = (await this.opts.db.get(product._id, { rev: `${r.start - 1}-${r.ids[1]!}` })) as unknown as Partial<ProductDoc>;
      return typeof previous.price === 'number' && previous.price !== product.price;
    } catch (err) {
      if (isNotFound(err)) return false; // compacted away: unknown, nothing pushed
      throw err;
    }
  }

  private async priceJobs(product: ProductDoc, links: PushLink[]): Promise<number> {
    let n = 0;
    const rev = product._rev ?? '';
    for (const link of links) {
      const base: CoalescedBase = {
        _id: platformJobId(link.platform, 'price', idPart(product.sku)),
        type: 'outbound_job',
        channel: 'platform',
        platform: link.platform,
        shop: link.shop,
        kind: 'price',
        maxAttempts: this.opts.maxAttempts,
      };
      const payload = { sku: product.sku, price: product.price, currency: product.currency, rev };
      const r = await this.jobs.upsertPrice(base, payload, () => `${link.platform}:price:${idPart(product.sku)}:${product.price}:${idPart(rev)}`);
      if (r !== 'unchanged') n++;
    }
    return n;
  }

  private async order(id: string): Promise<WebOrderDoc | null> {
    try {
      return (await this.opts.db.get(id)) as unknown as WebOrderDoc;
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  private async eventJobs(ev: WebOrderEventDoc): Promise<number> {
    const ref = parseWebOrderId(ev.orderId);
    if (!ref) {
      this.opts.log(`${ev._id}: "${ev.orderId}" is not a web order id; nothing to push`);
      return 0;
    }
    const key = ev._id.slice('woevent:'.length);
    const kind = pushedKind(ev);
    if (kind === undefined) return 0; // picked, packed, note: the counter's own steps
    let n = 0;
    const created = await this.jobs.createIfAbsent({
      _id: platformJobId(ref.platform, kind, key),
      type: 'outbound_job',
      channel: 'platform',
      platform: ref.platform,
      shop: ref.shop,
      kind,
      idempotencyKey: `${ref.platform}:${kind}:${key}`,
      maxAttempts: this.opts.maxAttempts,
      payload: { orderId: ev.orderId, platformOrderId: ref.platformOrderId, eventId: ev._id, ...(ev.tracking ? { tracking: ev.tracking } : {}), at: ev.at },
    } as PlatformJobDoc);
    if (created === 'created') n++;
    if (ev.kind === 'shipped' || ev.kind === 'ready_for_pickup') {
      const order = await this.order(ev.orderId);
      const to = order?.customer?.email;
      if (to) {
        const template = ev.kind === 'shipped' ? 'shipped' : 'ready_for_pickup';
        const blocked = this.opts.mailBlocked();
        const r = await this.jobs.createIfAbsent({
          _id: mailJobId(`${template}:${key}`),
          type: 'outbound_job',
          channel: 'mail',
          kind: template,
          idempotencyKey: `${template}:${key}`,
          maxAttempts: this.opts.maxAttempts,
          payload: { template, to, sourceId: ev.orderId, eventId: ev._id, requestId: ev._id },
          ...(blocked ? { blocked } : {}),
        } as MailJobDoc);
        if (r === 'created') n++;
      }
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
