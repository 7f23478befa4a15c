/**
 * Invoice requests (written here, possibly still offline) and the invoices the server issued for
 * them, from the registerDocs table (few rows: read by type).
 */
import { liveQuery, type Observable } from 'dexie';
import type { SaleDoc, WebOrderDoc } from '../domain/documents.ts';
import type { InvoiceDoc, InvoiceRequestDoc } from '../domain/register-documents.ts';
import { readModelDb } from './schema.ts';

export interface InvoiceView {
  /** The request (undefined when only the invoice replicated here, e.g. asked on another register). */
  request: InvoiceRequestDoc | undefined;
  /** The numbered invoice; undefined while the server has not numbered it ("pending"). */
  invoice: InvoiceDoc | undefined;
  /** The sale or web order it is for, when on this device. */
  source: SaleDoc | WebOrderDoc | undefined;
}

async function ofType<T>(type: 'invoice' | 'invoice_request'): Promise<T[]> {
  return (await readModelDb().registerDocs.where('type').equals(type).toArray()) as unknown as T[];
}

/** `id` is an invoice request id or an invoice id. */
export async function getInvoiceView(id: string): Promise<InvoiceView | undefined> {
  const db = readModelDb();
  const row = await db.registerDocs.get(id);
  let request: InvoiceRequestDoc | undefined;
  let invoice: InvoiceDoc | undefined;
  if (row?.type === 'invoice') {
    invoice = row;
    const req = await db.registerDocs.get(invoice.requestId);
    request = req?.type === 'invoice_request' ? req : undefined;
  } else if (row?.type === 'invoice_request') {
    request = row;
    invoice = (await ofType<InvoiceDoc>('invoice')).find((i) => i.requestId === id);
  } else {
    return undefined;
  }
  const sourceId = invoice?.source ?? request?.source ?? '';
  const source = sourceId.startsWith('sale:') ? await db.sales.get(sourceId) : await db.webOrders.get(sourceId);
  return { request, invoice, source };
}

export function watchInvoiceView(id: string): Observable<InvoiceView | undefined> {
  return liveQuery(() => getInvoiceView(id));
}

export interface SourceInvoice {
  requestId: string;
  at: string;
  number: number | null;
}

/** Invoices asked for a sale or web order, oldest first, with their number once issued. */
export async function invoicesForSource(sourceId: string): Promise<SourceInvoice[]> {
  const [requests, invoices] = await Promise.all([ofType<InvoiceRequestDoc>('invoice_request'), ofType<InvoiceDoc>('invoice')]);
  const numbers = new Map(invoices.filter((i) => i.source === sourceId).map((i) => [i.requestId, i.number]));
  const out: SourceInvoice[] = requests
    .filter((r) => r.source === sourceId)
    .map((r) => ({ requestId: r._id, at: r.at, number: numbers.get(r._id) ?? null }));
  for (const inv of invoices) {
    if (inv.source === sourceId && !out.some((o) => o.requestId === inv.requestId)) {
      out.push({ requestId: inv._id, at: inv.issuedAt, number: inv.number });
    }
  }
  return out.sort((a, b) => a.at.localeCompare(b.at));
}

export function watchInvoicesForSource(sourceId: string): Observable<SourceInvoice[]> {
  return liveQuery(() => invoicesForSource(sourceId));
}
