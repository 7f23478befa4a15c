/**
 * Issues invoices for the invoice requests registers write. Per store: on start, every request
 * without an invoice is processed (restart-safe); then the database's changes feed brings new
 * requests, and sales or web orders a waiting request needs. Requests of one store are processed one
 * at a time in the order they were made; numbering.ts makes the numbers gapless even across processes.
 */
import type { InvoiceRequestDoc } from '../../src/domain/register-documents.ts';
import { INVOICE_REQUEST_PREFIX } from '../../src/domain/invoice.ts';
import type { StoreBackend, StoreDb } from '../db/backend.ts';
import { InvoiceNumbering } from './numbering.ts';

const log = (msg: string): void => console.log(`[invoices] ${msg}`);

const isRequest = (doc: unknown): doc is InvoiceRequestDoc =>
  typeof doc === 'object' && doc !== null && (doc as { type?: unknown }).type === 'invoice_request' &&
  typeof (doc as { _id?: unknown })._id === 'string' && ((doc as { _id: string })._id).startsWith(INVOICE_REQUEST_PREFIX) &&
  typeof (doc as { source?: unknown }).source === 'string';

const byTimeThenId = (a: InvoiceRequestDoc, b: InvoiceRequestDoc): number =>
  (a.at < b.at ? -1 : a.at > b.at ? 1 : 0) || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);

class StoreInvoicer {
  private queue: Promise<unknown> = Promise.resolve();
  /** Requests whose source has not arrived yet, by source id. */
  private readonly waiting = new Map<string, InvoiceRequestDoc[]>();
  private feed: PouchDB.Core.Changes<object> | null = null;
  readonly numbering: InvoiceNumbering;

  constructor(
    private readonly db: StoreDb,
    readonly storeId: string,
    now?: () => Date,
  ) {
    this.numbering = new InvoiceNumbering(db, storeId, now);
  }

  private enqueue(request: InvoiceRequestDoc): Promise<void> {
    const run = this.queue.then(async () => {
      const outcome = await this.numbering.allocate(request);
      if (outcome.kind === 'source_missing') {
        const list = this.waiting.get(outcome.source) ?? [];
        if (!list.some((r) => r._id === request._id)) list.push(request);
        this.waiting.set(outcome.source, list);
      } else if (outcome.kind === 'issued') {
        log(`${this.storeId}: invoice ${outcome.invoice.number} for ${request._id}`);
      }
    });
    this.queue = run.catch((e: unknown) => console.error(`[invoices] ${this.storeId}: ${request._id} failed:`, e));
    return this.queue.then(() => undefined);
  }

  async start(): Promise<void> {
    const info = await this.db.info();
    // Live first (from the sequence read before the scan), so nothing written during the scan is missed.
    this.feed = this.db
      .changes({ since: info.update_seq, live: true, include_docs: true })
      .on('change', (change) => {
        const doc = change.doc as unknown;
        if (change.deleted) return;
        if (isRequest(doc)) void this.enqueue(doc);
        const waiting = this.waiting.get(change.id);
        if (waiting) {
          this.waiting.delete(change.id);
          for (const r of waiting) void this.enqueue(r);
        }
      })
      .on('error', (e: unknown) => console.error(`[invoices] ${this.storeId}: changes feed failed:`, e));

    const res = await this.db.allDocs({ startkey: INVOICE_REQUEST_PREFIX, endkey: INVOICE_REQUEST_PREFIX + '\ufff0', include_docs: true });
    const requests = res.rows.map((r) => r.doc as unknown).filter(isRequest).sort(byTimeThenId);
    for (const r of requests) void this.enqueue(r);
    await this.idle();
  }

  /** Resolves when everything queued so far is processed. */
  async idle(): Promise<void> {
    let seen: Promise<unknown>;
    do {
      seen = this.queue;
      await seen;
    } while (seen !== this.queue);
  }

  stop(): void {
    this.feed?.cancel();
    this.feed = null;
  }
}

export interface InvoiceServiceOptions {
  backend: StoreBackend;
  /** Store ids to serve; read again every `rescanMs` so that stores created later are picked up. */
  storeIds: () => readonly string[];
  rescanMs?: number;
  now?: () => Date;
}

export class InvoiceService {
  private readonly stores = new Map<string, StoreInvoicer>();
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly opts: InvoiceServiceOptions) {}

  private async sync(): Promise<void> {
    for (const id of this.opts.storeIds()) {
      if (this.stores.has(id)) continue;
      const invoicer = new StoreInvoicer(this.opts.backend.db(id), id, this.opts.now);
      this.stores.set(id, invoicer);
      await invoicer.start().catch((e: unknown) => console.error(`[invoices] ${id}: start failed:`, e));
    }
  }

  /** Processes every pending request of every store, then follows new ones. */
  async start(): Promise<void> {
    await this.sync();
    this.timer = setInterval(() => void this.sync(), this.opts.rescanMs ?? 5000);
    this.timer.unref?.();
  }

  async idle(): Promise<void> {
    await Promise.all([...this.stores.values()].map((s) => s.idle()));
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    for (const s of this.stores.values()) s.stop();
    this.stores.clear();
  }
}
