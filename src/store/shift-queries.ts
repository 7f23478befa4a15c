/**
 * Named queries for shifts, Z reports and returns. Register documents live in `registerDocs`
 * (indexed by type+registerId and shiftId); sales by shiftId, createdAt and receiptLabel. A shift's
 * documents are found by shiftId, never by time, so a late sale stays in the shift it was made in.
 */
import { liveQuery, type Observable } from 'dexie';
import type { SaleDoc, StoreDoc } from '../domain/documents.ts';
import type { ShiftDoc, ZReportDoc } from '../domain/register-documents.ts';
import { findLateSales, type LateSale } from '../domain/shift.ts';
import { readModelDb, type SaleRow } from './schema.ts';

/** How many recent Z reports are searched for sales that arrived after their shift closed. */
const LATE_SALE_LOOKBACK = 10;
const CLOCK_MARGIN_MS = 24 * 60 * 60 * 1000;

const newestFirst = (a: { _id: string }, b: { _id: string }): number => (a._id < b._id ? 1 : a._id > b._id ? -1 : 0);

/** The register's shifts, newest first (ids end in a ULID, so they sort by opening time). */
async function shiftsOf(registerId: string): Promise<ShiftDoc[]> {
  const rows = await readModelDb().registerDocs.where('[type+registerId]').equals(['shift', registerId]).toArray();
  return (rows as ShiftDoc[]).sort(newestFirst);
}

/** This register's open shift: its latest shift, unless a Z report closed it. */
export async function getOpenShift(registerId: string): Promise<ShiftDoc | null> {
  const [latest] = await shiftsOf(registerId);
  if (latest === undefined) return null;
  const closing = await readModelDb().registerDocs.where('shiftId').equals(latest._id).filter((d) => d.type === 'z_report').count();
  return closing === 0 ? latest : null;
}

export function watchOpenShift(registerId: string): Observable<ShiftDoc | null> {
  return liveQuery(() => getOpenShift(registerId));
}

/** The shift document, its sales and refunds, and its register documents (cash events, voids, overrides…). */
export async function getShiftDocs(shiftId: string): Promise<StoreDoc[]> {
  const db = readModelDb();
  const [shift, sales, registerDocs] = await Promise.all([
    db.registerDocs.get(shiftId),
    db.sales.where('shiftId').equals(shiftId).toArray(),
    db.registerDocs.where('shiftId').equals(shiftId).toArray(),
  ]);
  return [...(shift ? [shift] : []), ...sales, ...registerDocs] as StoreDoc[];
}

export function watchShiftDocs(shiftId: string): Observable<StoreDoc[]> {
  return liveQuery(() => getShiftDocs(shiftId));
}

/** Z reports of the register, highest number first. */
export async function getZReports(registerId: string): Promise<ZReportDoc[]> {
  const rows = await readModelDb().registerDocs.where('[type+registerId]').equals(['z_report', registerId]).toArray();
  return (rows as ZReportDoc[]).sort((a, b) => b.zNumber - a.zNumber);
}

export function watchZReports(registerId: string): Observable<ZReportDoc[]> {
  return liveQuery(() => getZReports(registerId));
}

/** Sales of the register's recently closed shifts that their Z did not include (ADR 0009). */
export async function getLateSales(registerId: string): Promise<LateSale[]> {
  const closed = (await getZReports(registerId)).slice(0, LATE_SALE_LOOKBACK);
  if (closed.length === 0) return [];
  const sales = await readModelDb().sales.where('shiftId').anyOf(closed.map((z) => z.shiftId)).toArray();
  return findLateSales(closed, sales);
}

export function watchLateSales(registerId: string): Observable<LateSale[]> {
  return liveQuery(() => getLateSales(registerId));
}

/**
 * Sales to return against: by receipt label (a scanned receipt barcode, or its beginning typed), or
 * made between two instants (ISO, [from, to)). Newest first, at most `limit`.
 */
export async function findSalesForReturn(query: { label?: string; from?: string; to?: string }, limit = 30): Promise<SaleRow[]> {
  const db = readModelDb();
  const label = query.label?.trim().toUpperCase() ?? '';
  let rows: SaleRow[];
  if (label !== '') {
    rows = await db.sales.where('receiptLabel').startsWith(label).limit(limit).toArray();
    if (query.from !== undefined || query.to !== undefined) {
      rows = rows.filter((s) => (query.from === undefined || s.createdAt >= query.from) && (query.to === undefined || s.createdAt < query.to));
    }
  } else if (query.from !== undefined || query.to !== undefined) {
    rows = await db.sales
      .where('createdAt')
      .between(query.from ?? '', query.to ?? '\uffff', true, false)
      .reverse()
      .limit(limit)
      .toArray();
  } else {
    rows = await db.sales.orderBy('createdAt').reverse().limit(limit).toArray();
  }
  return rows.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/**
 * Sales that returned lines of `original`: a return is always made after the sale it returns, so
 * only the sales after it are read (an index range, with a day's margin for another register's clock
 * running behind), then filtered on their lines' returnOf.
 */
export async function getReturnsOf(original: Pick<SaleDoc, '_id' | 'createdAt'>): Promise<SaleRow[]> {
  const at = Date.parse(original.createdAt);
  const since = Number.isNaN(at) ? '' : new Date(at - CLOCK_MARGIN_MS).toISOString();
  const later = await readModelDb().sales.where('createdAt').aboveOrEqual(since).toArray();
  return later.filter((s) => s._id !== original._id && s.lines.some((l) => l.returnOf?.saleId === original._id));
}

export function watchReturnsOf(original: Pick<SaleDoc, '_id' | 'createdAt'>): Observable<SaleRow[]> {
  return liveQuery(() => getReturnsOf(original));
}
