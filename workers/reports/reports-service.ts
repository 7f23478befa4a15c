/**
 * Reports and the shift/payment reconciliation (issue 7) as the reports worker runs them: reads the
 * read model in chunks (sales and web orders by their createdAt index, events and register documents
 * by key), folds each chunk with the pure folds (src/domain/reports, src/domain/payments-reconcile.ts)
 * and returns the aggregate. Nothing here runs on the main thread, and no document crosses to it.
 */
import type { SaleDoc, StoreDoc, WebOrderDoc, WebOrderEventDoc } from '../../src/domain/documents.ts';
import type { Money } from '../../src/domain/money.ts';
import {
  addRangeSales,
  assemblePayments,
  reconcileShifts,
  startRangeSales,
  webPayments,
  type PaymentsReconciliation,
} from '../../src/domain/payments-reconcile.ts';
import type { ShiftDoc, ZReportDoc } from '../../src/domain/register-documents.ts';
import { addSales, addWebOrders, finishSalesReport, startSalesReport, type SalesReport } from '../../src/domain/reports/sales-report.ts';
import { FALLBACK_LOCATION } from '../../src/domain/web-order-state.ts';
import type { ReportOptions, ReportPhase, ReportProgress, ReportsPort } from '../../src/store/reports-port.ts';
import { readModelDb, type ReadModelDb } from '../../src/store/schema.ts';
import { readByKeys, readKeyRange, widenedRange } from './read-rows.ts';

const DEFAULT_CHUNK = 2_000;
/** Shift ids per anyOf() query. */
const SHIFT_BATCH = 200;

export interface ReportsServiceDeps {
  now: () => Date;
}

type OnProgress = ((p: ReportProgress) => void) | undefined;

/** Progress to the caller without ever waiting for it (the main thread may be busy). */
class Progress {
  done = 0;
  total = 0;

  constructor(private readonly onProgress: OnProgress) {}

  report(phase: ReportPhase, add = 0): void {
    this.done += add;
    const p: ReportProgress = { phase, done: Math.min(this.done, this.total), total: this.total };
    if (this.onProgress === undefined) return;
    Promise.resolve()
      .then(() => this.onProgress?.(p))
      .catch(() => undefined);
  }
}

function saleKeysInRange(db: ReadModelDb, options: ReportOptions): Promise<string[]> {
  const { lower, upper } = widenedRange(options.range.from, options.range.until);
  return db.sales.where('createdAt').between(lower, upper, true, true).primaryKeys();
}

function orderKeysInRange(db: ReadModelDb, options: ReportOptions): Promise<string[]> {
  const { lower, upper } = widenedRange(options.range.from, options.range.until);
  return db.webOrders.where('createdAt').between(lower, upper, true, true).primaryKeys();
}

/** SKU → catalogue category, from the category index alone (no product row is read). */
async function categories(db: ReadModelDb): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  await db.products.orderBy('category').eachKey((category, cursor) => {
    if (typeof category === 'string') map.set(String(cursor.primaryKey), category);
  });
  return map;
}

async function salesReport(db: ReadModelDb, options: ReportOptions, onProgress: OnProgress, now: () => Date): Promise<SalesReport> {
  const chunk = options.chunk ?? DEFAULT_CHUNK;
  const progress = new Progress(onProgress);
  const asOf = now().toISOString();
  progress.report('counting');
  const [saleKeys, orderKeys, settings, byCategory] = await Promise.all([
    saleKeysInRange(db, options),
    orderKeysInRange(db, options),
    db.storeSettings.get('store:settings'),
    categories(db),
  ]);
  progress.total = saleKeys.length + orderKeys.length;
  progress.report('catalogue');
  const acc = startSalesReport(options.range, (sku) => byCategory.get(sku));
  await readByKeys(db.sales, saleKeys, chunk, (rows) => {
    addSales(acc, rows);
    progress.report('sales', rows.length);
  });
  await readByKeys(db.webOrders, orderKeys, chunk, (rows) => {
    addWebOrders(acc, rows);
    progress.report('web_orders', rows.length);
  });
  progress.report('folding');
  const report = finishSalesReport(acc, asOf, settings?.currency ?? 'EUR');
  progress.report('done');
  return report;
}

async function reconcilePayments(db: ReadModelDb, options: ReportOptions, onProgress: OnProgress, now: () => Date): Promise<PaymentsReconciliation> {
  const chunk = options.chunk ?? DEFAULT_CHUNK;
  const { range } = options;
  const progress = new Progress(onProgress);
  const asOf = now().toISOString();
  const fromMs = Date.parse(range.from);
  const untilMs = Date.parse(range.until);
  progress.report('counting');
  const [saleKeys, orderKeys, settings, shiftRows, zRows, eventCount] = await Promise.all([
    saleKeysInRange(db, options),
    orderKeysInRange(db, options),
    db.storeSettings.get('store:settings'),
    db.registerDocs.where('type').equals('shift').toArray(),
    db.registerDocs.where('type').equals('z_report').toArray(),
    db.registerDocs.where(':id').between('woevent:', 'woevent:\uffff', true, true).count(),
  ]);
  const allShifts = shiftRows as ShiftDoc[];
  const zReports = zRows as ZReportDoc[];
  const shifts = allShifts.filter((s) => {
    const ms = Date.parse(s.openedAt);
    return ms >= fromMs && ms < untilMs;
  });
  progress.total = saleKeys.length + orderKeys.length + eventCount + shifts.length;

  // 1. The shifts opened in the range: every document carrying their ids, whenever it arrived.
  const shiftDocs: StoreDoc[] = [];
  for (let i = 0; i < shifts.length; i += SHIFT_BATCH) {
    const ids = shifts.slice(i, i + SHIFT_BATCH).map((s) => s._id);
    const [sales, registerDocs] = await Promise.all([
      db.sales.where('shiftId').anyOf(ids).toArray(),
      db.registerDocs.where('shiftId').anyOf(ids).toArray(),
    ]);
    for (const s of sales) shiftDocs.push(s);
    for (const d of registerDocs) if (d.type === 'cash_event' || d.type === 'void') shiftDocs.push(d as StoreDoc);
    progress.report('shifts', ids.length);
  }
  const shiftResults = reconcileShifts({ shifts, allShifts, zReports, docs: shiftDocs });

  // 2. Sales created in the range: card totals per register and day, balances taken at the counter.
  const rangeSales = startRangeSales(range);
  await readByKeys(db.sales, saleKeys, chunk, (rows) => {
    addRangeSales(rangeSales, rows);
    progress.report('sales', rows.length);
  });

  // 3. Web orders placed in the range, then every event: the orders' own, and every 'paid' event's sale.
  const orders: WebOrderDoc[] = [];
  await readByKeys(db.webOrders, orderKeys, chunk, (rows) => {
    for (const o of rows) orders.push(o);
    progress.report('web_orders', rows.length);
  });
  const wanted = new Set(orders.map((o) => o._id));
  const eventsByOrder = new Map<string, WebOrderEventDoc[]>();
  const paidSaleIds = new Set<string>();
  await readKeyRange(db.registerDocs, 'woevent:', 'woevent:\uffff', chunk, (r) => r._id, (rows) => {
    for (const row of rows) {
      if (row.type !== 'web_order_event') continue;
      const ev = row as WebOrderEventDoc;
      if (ev.kind === 'paid' && ev.payment?.saleId !== undefined) paidSaleIds.add(ev.payment.saleId);
      if (!wanted.has(ev.orderId)) continue;
      const list = eventsByOrder.get(ev.orderId);
      if (list) list.push(ev);
      else eventsByOrder.set(ev.orderId, [ev]);
    }
    progress.report('events', rows.length);
  });

  progress.report('folding');
  // The sales the range's 'paid' events name (few): whether the read model holds them, and their gross.
  const named = new Set<string>();
  for (const list of eventsByOrder.values()) for (const ev of list) if (ev.kind === 'paid' && ev.payment?.saleId !== undefined) named.add(ev.payment.saleId);
  const saleGross = new Map<string, Money>();
  await readByKeys(db.sales, [...named], chunk, (rows: SaleDoc[]) => {
    for (const s of rows) saleGross.set(s._id, s.totals.gross);
  });
  const web = webPayments(range, orders, eventsByOrder, saleGross, settings?.defaultLocation ?? FALLBACK_LOCATION);

  const result = assemblePayments({
    range,
    currency: settings?.currency ?? 'EUR',
    shifts: shiftResults,
    rangeSales,
    web,
    paidSaleIds,
    asOf,
  });
  progress.report('done');
  return result;
}

export function createReportsService(db: ReadModelDb = readModelDb(), deps: Partial<ReportsServiceDeps> = {}): ReportsPort {
  const now = deps.now ?? (() => new Date());
  return {
    salesReport: (options, onProgress) => salesReport(db, options, onProgress, now),
    reconcilePayments: (options, onProgress) => reconcilePayments(db, options, onProgress, now),
  };
}
