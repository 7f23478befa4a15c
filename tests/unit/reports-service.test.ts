// Issue 7: the reports worker's service over a real Dexie (fake-indexeddb): chunked reads give the
// one-shot fold's answer, progress is reported, offsets around the range's edges are read, and the
// payment reconciliation finds a late sale; the commands hand over to the worker port.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProductDoc, SaleDoc, WebOrderDoc, WebOrderEventDoc } from '../../src/domain/documents.ts';
import { money } from '../../src/domain/money.ts';
import type { ShiftDoc, ZReportDoc } from '../../src/domain/register-documents.ts';
import { salesReport } from '../../src/domain/reports/sales-report.ts';
import { shiftTotals } from '../../src/domain/shift.ts';
import { reportRange, runPaymentsReconciliation, runSalesReport } from '../../src/commands/reports.ts';
import type { ReportProgress, ReportsPort } from '../../src/store/reports-port.ts';
import { getReportFreshness } from '../../src/store/reports-queries.ts';
import { ReadModelDb } from '../../src/store/schema.ts';
import { createReportsService } from '../../workers/reports/reports-service.ts';
import { saleArb } from './shift/arbitraries.ts';

let n = 0;
const freshDb = (): ReadModelDb => new ReadModelDb(`reports-test-${++n}-${Math.random().toString(36).slice(2)}`);
const RANGE = { ...(reportRange('2026-11-27', '2026-11-28', 'Europe/Paris') as { from: string; until: string }), timeZone: 'Europe/Paris' };

function product(sku: string, category: string): ProductDoc {
  return { _id: `product:${sku}`, type: 'product', sku, name: sku, barcodes: [], price: money(100), priceIncludesTax: true, vatRate: 2000, currency: 'EUR', category, stockTracked: true, updatedAt: '2026-01-01T00:00:00.000Z' };
}

describe('reports service', () => {
  it('reads in chunks and gives the one-shot fold’s report, with progress up to the total', async () => {
    const db = freshDb();
    const start = Date.parse(RANGE.from) - 6 * 3_600_000;
    const sales = fc.sample(saleArb, { numRuns: 60, seed: 42 }).map((s, i): SaleDoc => {
      const at = start + i * 1_500_000; // every 25 minutes from 6 h before the range
      // Some written with an offset: "2026-11-27T01:30:00+02:00" does not sort with the Z strings.
      const iso = new Date(at).toISOString();
      return { ...s, createdAt: i % 3 === 0 ? new Date(at + 7_200_000).toISOString().replace('Z', '+02:00') : iso };
    });
    await db.sales.bulkPut(sales);
    await db.products.bulkPut(['S0', 'S1', 'S2', 'S3'].map((sku, i) => ({ ...product(sku, i % 2 ? 'frais' : 'épicerie'), nameTokens: [] })));
    const service = createReportsService(db, { now: () => new Date('2026-11-29T10:00:00.000Z') });
    const progress: ReportProgress[] = [];
    const report = await service.salesReport({ range: RANGE, chunk: 7 }, (p) => progress.push(p));
    const categoryOf = (sku: string): string | undefined => ({ S0: 'épicerie', S1: 'frais', S2: 'épicerie', S3: 'frais' })[sku];
    expect(report).toEqual(salesReport(RANGE, { sales, categoryOf }, '2026-11-29T10:00:00.000Z'));
    expect(report.total.documents).toBeGreaterThan(0);
    expect(report.total.documents).toBeLessThan(sales.length);
    await new Promise((r) => setTimeout(r, 0));
    const last = progress[progress.length - 1];
    expect(last?.phase).toBe('done');
    expect(last?.done).toBe(last?.total);
    expect(progress.filter((p) => p.phase === 'sales').length).toBeGreaterThan(3);
    const freshness = await getReportFreshness(db);
    expect(freshness).toMatchObject({ sales: sales.length, webOrders: 0 });
    expect(freshness.lastSaleAt).toBe([...sales.map((s) => s.createdAt)].sort().pop());
  });

  it('reconciles: a sale that reached the read model after its Z shows as a difference', async () => {
    const db = freshDb();
    const shift: ShiftDoc = { _id: 'shift:R1:01A', type: 'shift', storeId: 'demo', registerId: 'R1', openedAt: '2026-11-27T08:00:00.000Z', openedBy: 'staff:a', float: money(5000) };
    const [a, late] = fc.sample(saleArb, { numRuns: 2, seed: 5 }).map((s, i): SaleDoc => ({ ...s, shiftId: shift._id, createdAt: `2026-11-27T1${i}:00:00.000Z` }));
    const totals = shiftTotals([shift, a!], { float: shift.float });
    const z: ZReportDoc = {
      _id: 'z:R1:000001', type: 'z_report', storeId: 'demo', registerId: 'R1', zNumber: 1, shiftId: shift._id, openedAt: shift.openedAt,
      closedAt: '2026-11-27T18:00:00.000Z', closedBy: 'staff:a', float: shift.float, counted: {}, countedCash: totals.expectedCash, totals,
      difference: money(0), saleIds: [a!._id], journal: { seq: 2, prev: 'x', hash: 'y', grandTotal: money(0) },
    };
    const order: WebOrderDoc = {
      _id: 'weborder:shopify:demo:7', type: 'web_order', platform: 'shopify', shop: 'demo', platformOrderId: '7', orderNumber: '#7',
      createdAt: '2026-11-27T09:00:00.000Z', updatedAt: '2026-11-27T09:00:00.000Z', status: 'new', delivery: 'pickup', customer: { name: 'C' },
      currency: 'EUR', pricesIncludeTax: true, lines: [{ sku: 'A', name: 'A', quantity: 1, unitPrice: money(1200) }], total: money(1200), payment: { state: 'to_pay' },
    };
    const paid: WebOrderEventDoc = { _id: 'woevent:R1:0001', type: 'web_order_event', orderId: order._id, kind: 'paid', payment: { amount: money(500), method: 'virement' }, at: '2026-11-27T12:00:00.000Z', by: 'Camille' };
    await db.registerDocs.bulkPut([shift, z, paid]);
    await db.sales.bulkPut([a!, late!]);
    await db.webOrders.put(order);
    const progress: ReportProgress[] = [];
    const result = await createReportsService(db, { now: () => new Date('2026-11-29T10:00:00.000Z') }).reconcilePayments({ range: RANGE, chunk: 1 }, (p) => progress.push(p));
    expect(result.shifts).toHaveLength(1);
    expect(result.shifts[0]).toMatchObject({ zNumber: 1, takingsDifference: late!.totals.gross, missingSales: [] });
    expect(result.shifts[0]!.lateSales.map((s) => s.saleId)).toEqual([late!._id]);
    expect(result.discrepancies.map((d) => d.kind)).toContain('z_difference');
    expect(result.web).toMatchObject({ orders: 1, total: 1200, paidOtherwise: { count: 1, amount: 500 }, toPay: { count: 1, amount: 700 } });
    await new Promise((r) => setTimeout(r, 0));
    expect(progress[progress.length - 1]).toMatchObject({ phase: 'done' });
  });

  it('the commands hand the range to the worker port', async () => {
    const calls: unknown[] = [];
    const port: ReportsPort = {
      salesReport: async (options) => {
        calls.push(['sales', options]);
        return salesReport(options.range, { sales: [] }, 'x');
      },
      reconcilePayments: async (options) => {
        calls.push(['payments', options]);
        throw new Error('not here');
      },
    };
    const range = reportRange('2026-11-28', '2026-11-28', 'UTC');
    expect(range).toEqual({ from: '2026-11-28T00:00:00.000Z', until: '2026-11-29T00:00:00.000Z', timeZone: 'UTC' });
    await runSalesReport(range!, undefined, { port: () => port });
    await expect(runPaymentsReconciliation(range!, undefined, { port: () => port })).rejects.toThrow('not here');
    expect(calls).toEqual([['sales', { range }], ['payments', { range }]]);
    expect(reportRange('2026-11-28', '2026-11-27', 'UTC')).toBeNull();
  });
});
