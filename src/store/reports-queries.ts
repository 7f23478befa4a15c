/**
 * What the reports screens read live (everything else comes aggregated from the reports worker):
 * how much there is to report on, so a screen can say that sales arrived since its report was made.
 * Counts and the newest key only: no row is read.
 */
import { liveQuery, type Observable } from 'dexie';
import { readModelDb, type ReadModelDb } from './schema.ts';

/** Register documents the reconciliation reads (outbound jobs, staff, parked sales do not change it). */
const RECONCILED_TYPES = ['shift', 'z_report', 'cash_event', 'void', 'web_order_event'];

export interface ReportFreshness {
  sales: number;
  webOrders: number;
  /** Shifts, Z reports, cash events, voids and web-order events. */
  registerDocs: number;
  /** createdAt of the newest sale (by the index), null when there is none. */
  lastSaleAt: string | null;
}

export async function getReportFreshness(db: ReadModelDb = readModelDb()): Promise<ReportFreshness> {
  const [sales, webOrders, registerDocs, last] = await Promise.all([
    db.sales.count(),
    db.webOrders.count(),
    db.registerDocs.where('type').anyOf(RECONCILED_TYPES).count(),
    db.sales.orderBy('createdAt').reverse().limit(1).keys(),
  ]);
  const lastKey = last[0];
  return { sales, webOrders, registerDocs, lastSaleAt: typeof lastKey === 'string' ? lastKey : null };
}

export function watchReportFreshness(): Observable<ReportFreshness> {
  return liveQuery(() => getReportFreshness());
}
