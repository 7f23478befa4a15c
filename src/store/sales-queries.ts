/**
 * Sales history queries. Each search is driven by the most selective index it can use (receipt label
 * or number, customer, amount, else the creation date) and only reads one page plus one row, so the
 * history stays instant with tens of thousands of sales:
 *   text      → receiptLabel prefix ∪ receiptNumber ∪ sales of the customers the text finds
 *   amount    → totals.gross range
 *   otherwise → createdAt range, newest first
 * Remaining criteria are checked on the candidates.
 */
import { liveQuery, type Collection, type Observable } from 'dexie';
import type { TenderKind } from '../domain/documents.ts';
import type { Money } from '../domain/money.ts';
import { customerNames, searchCustomers } from './customer-queries.ts';
import { readModelDb, type SaleRow } from './schema.ts';

export interface SalesFilter {
  /** Receipt label ("R1-000042", a prefix), receipt number ("42"), or a customer's name, email or phone. */
  text?: string;
  /** ISO instant, inclusive. */
  from?: string;
  /** ISO instant, exclusive. */
  until?: string;
  /** Gross total between min and max, inclusive (min = max for an exact amount). */
  amount?: { min: Money; max: Money };
  tender?: TenderKind;
}

export interface SalesPage {
  rows: SaleRow[];
  /** More rows match beyond `rows`. */
  hasMore: boolean;
  /** Names of the customers attached to the rows, by customer id. */
  customers: Record<string, string>;
}

const newestFirst = (a: SaleRow, b: SaleRow): number => b.createdAt.localeCompare(a.createdAt) || b._id.localeCompare(a._id);

function matches(sale: SaleRow, f: SalesFilter): boolean {
  if (f.from && sale.createdAt < f.from) return false;
  if (f.until && sale.createdAt >= f.until) return false;
  if (f.amount && (sale.totals.gross < f.amount.min || sale.totals.gross > f.amount.max)) return false;
  if (f.tender && !sale.tenders.some((t) => t.kind === f.tender)) return false;
  return true;
}

async function candidatesForText(text: string): Promise<SaleRow[]> {
  const db = readModelDb();
  const q = text.trim();
  const byId = new Map<string, SaleRow>();
  const add = (rows: SaleRow[]): void => rows.forEach((r) => byId.set(r._id, r));
  add(await db.sales.where('receiptLabel').startsWith(q.toUpperCase()).limit(500).toArray());
  if (/^\d{1,8}$/.test(q)) add(await db.sales.where('receiptNumber').equals(Number(q)).toArray());
  const customers = await searchCustomers(q, 50);
  if (customers.length > 0) {
    const ids = customers.map((c) => c._id);
    const absorbed = await db.customers.filter((c) => c.mergedInto !== undefined && ids.includes(c.mergedInto)).primaryKeys();
    add(await db.sales.where('customerId').anyOf([...ids, ...absorbed]).toArray());
  }
  return [...byId.values()];
}

/** One page of matching sales, newest first. */
export async function searchSales(filter: SalesFilter, limit = 50): Promise<SalesPage> {
  const db = readModelDb();
  let rows: SaleRow[];
  let hasMore: boolean;
  if (filter.text && filter.text.trim() !== '') {
    const all = (await candidatesForText(filter.text)).filter((s) => matches(s, filter)).sort(newestFirst);
    rows = all.slice(0, limit);
    hasMore = all.length > limit;
  } else if (filter.amount) {
    const all = (await db.sales.where('totals.gross').between(filter.amount.min, filter.amount.max, true, true).toArray())
      .filter((s) => matches(s, filter))
      .sort(newestFirst);
    rows = all.slice(0, limit);
    hasMore = all.length > limit;
  } else {
    let coll: Collection<SaleRow, string> = db.sales.where('createdAt').between(filter.from ?? '', filter.until ?? '\uffff', true, false).reverse();
    if (filter.tender) coll = coll.filter((s) => matches(s, filter));
    const page = await coll.limit(limit + 1).toArray();
    rows = page.slice(0, limit);
    hasMore = page.length > limit;
  }
  const customers = await customerNames(rows.flatMap((r) => (r.customerId ? [r.customerId] : [])));
  return { rows, hasMore, customers };
}

export function watchSales(filter: SalesFilter, limit = 50): Observable<SalesPage> {
  return liveQuery(() => searchSales(filter, limit));
}

export async function getSaleById(id: string): Promise<SaleRow | undefined> {
  return readModelDb().sales.get(id);
}

export function watchSale(id: string): Observable<SaleRow | undefined> {
  return liveQuery(() => getSaleById(id));
}
