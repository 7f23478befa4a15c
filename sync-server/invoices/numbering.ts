/**
 * Gapless per-store invoice numbers. The counter is one document of the store database,
 * `_local/invoice-counter` (a local document: it never replicates to registers), updated only with
 * revision checks. Allocating a number is two writes:
 *
 *   1. counter {last: n, pending: {number: n, requestId, issuedAt}}   (rev-checked: one winner per n)
 *   2. invoice:<storeId>:<n>                                        (the number in the id: never twice)
 *
 * A crash between 1 and 2 leaves `pending` behind; whoever reads the counter next writes that invoice
 * first (the same content: issuedAt is in the counter), so a number is never skipped. A request that
 * already has an invoice (known from the invoices themselves) never gets a second one. Several
 * processes on one database are safe: a stale counter write fails with 409 and the loser starts over.
 */
import type { SaleDoc, WebOrderDoc, ProductDoc } from '../../src/domain/documents.ts';
import {
  buildInvoice,
  invoiceContentOfSale,
  invoiceContentOfWebOrder,
  invoiceId,
  invoicePrefix,
  parseInvoiceId,
  type InvoiceContent,
} from '../../src/domain/invoice.ts';
import type { InvoiceDoc, InvoiceRequestDoc } from '../../src/domain/register-documents.ts';
import type { StoreDb } from '../db/backend.ts';

export const COUNTER_ID = '_local/invoice-counter';

interface CounterDoc {
  _id: typeof COUNTER_ID;
  _rev?: string;
  last: number;
  pending?: { number: number; requestId: string; issuedAt: string };
}

const status = (e: unknown): number | undefined => (e as { status?: number })?.status;
const isConflict = (e: unknown): boolean => status(e) === 409;
const isNotFound = (e: unknown): boolean => status(e) === 404;

export type AllocateOutcome =
  | { kind: 'issued'; invoice: InvoiceDoc }
  | { kind: 'exists'; invoice: InvoiceDoc }
  /** The sale or web order is not on the server yet: no number was taken; retried when it arrives. */
  | { kind: 'source_missing'; source: string };

export class InvoiceNumbering {
  /** requestId → invoice id, for every invoice up to `knownUpTo`. */
  private readonly byRequest = new Map<string, string>();
  private knownUpTo = 0;

  constructor(
    private readonly db: StoreDb,
    private readonly storeId: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private async get<T>(id: string): Promise<T | null> {
    try {
      return (await this.db.get(id)) as T;
    } catch (e) {
      if (isNotFound(e)) return null;
      throw e;
    }
  }

  private async readCounter(): Promise<CounterDoc> {
    return (await this.get<CounterDoc>(COUNTER_ID)) ?? { _id: COUNTER_ID, last: 0 };
  }

  /** Reads the invoices numbered after what this process knows (ids sort by number). */
  private async refreshKnown(): Promise<void> {
    const prefix = invoicePrefix(this.storeId);
    const startkey = this.knownUpTo > 0 ? invoiceId(this.storeId, this.knownUpTo) + '\u0000' : prefix;
    const res = await this.db.allDocs({ startkey, endkey: prefix + '\ufff0', include_docs: true });
    for (const row of res.rows) {
      const doc = row.doc as unknown as InvoiceDoc | undefined;
      const parsed = parseInvoiceId(row.id);
      if (!doc || !parsed) continue;
      this.byRequest.set(doc.requestId, row.id);
      this.knownUpTo = Math.max(this.knownUpTo, parsed.n);
    }
  }

  /** The invoice already issued for a request, if any. */
  async invoiceFor(requestId: string): Promise<InvoiceDoc | null> {
    await this.refreshKnown();
    const id = this.byRequest.get(requestId);
    return id ? this.get<InvoiceDoc>(id) : null;
  }

  private async contentOf(source: string): Promise<InvoiceContent | null> {
    if (source.startsWith('sale:')) {
      const sale = await this.get<SaleDoc>(source);
      return sale && sale.type === 'sale' ? invoiceContentOfSale(sale) : null;
    }
    if (source.startsWith('weborder:')) {
      const order = await this.get<WebOrderDoc>(source);
      if (!order || order.type !== 'web_order') return null;
      const skus = [...new Set(order.lines.map((l) => l.sku).filter((s): s is string => s !== null))];
      const products = await this.db.allDocs({ keys: skus.map((s) => `product:${s}`), include_docs: true });
      const rates = new Map<string, number>();
      for (const row of products.rows) {
        const doc = 'doc' in row ? (row.doc as unknown as ProductDoc | null | undefined) : undefined;
        if (doc?.type === 'product') rates.set(doc.sku, doc.vatRate);
      }
      return invoiceContentOfWebOrder(order, (sku) => rates.get(sku));
    }
    return null;
  }

  /** Writes the invoice a counter's `pending` promises, when it is not there yet. */
  private async completePending(counter: CounterDoc): Promise<void> {
    const p = counter.pending;
    if (!p) return;
    const id = invoiceId(this.storeId, p.number);
    if (await this.get(id)) return;
    const request = await this.get<InvoiceRequestDoc>(p.requestId);
    const content = request ? await this.contentOf(request.source) : null;
    // Both were checked before the number was taken; documents are immutable, so they are still there.
    if (!request || !content) throw new Error(`invoice ${p.number}: request ${p.requestId} or its source vanished`);
    const invoice = buildInvoice({ storeId: this.storeId, number: p.number, request, content, issuedAt: p.issuedAt });
    try {
      await this.db.put(invoice as unknown as PouchDB.Core.PutDocument<object>);
    } catch (e) {
      if (!isConflict(e)) throw e; // another process wrote it: same number, same request
    }
  }

  /** Issues the invoice of `request` (once), or says why not yet. Callers serialise per store. */
  async allocate(request: InvoiceRequestDoc): Promise<AllocateOutcome> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const counter = await this.readCounter();
      await this.completePending(counter);
      const existing = await this.invoiceFor(request._id);
      if (existing) return { kind: 'exists', invoice: existing };
      const content = await this.contentOf(request.source);
      if (!content) return { kind: 'source_missing', source: request.source };

      const number = Math.max(counter.last, this.knownUpTo) + 1;
      const issuedAt = this.now().toISOString();
      const next: CounterDoc = { _id: COUNTER_ID, last: number, pending: { number, requestId: request._id, issuedAt } };
      if (counter._rev) next._rev = counter._rev;
      try {
        await this.db.put(next as unknown as PouchDB.Core.PutDocument<object>);
      } catch (e) {
        if (isConflict(e)) continue; // another process took this number: start over
        throw e;
      }
      const invoice = buildInvoice({ storeId: this.storeId, number, request, content, issuedAt });
      try {
        await this.db.put(invoice as unknown as PouchDB.Core.PutDocument<object>);
      } catch (e) {
        if (!isConflict(e)) throw e; // a recovering process wrote it from our pending entry
      }
      this.byRequest.set(request._id, invoice._id);
      this.knownUpTo = Math.max(this.knownUpTo, number);
      return { kind: 'issued', invoice };
    }
    throw new Error(`invoice for ${request._id}: the counter kept changing under us`);
  }
}
