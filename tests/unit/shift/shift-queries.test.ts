import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SaleDoc } from '../../../src/domain/documents.ts';
import { money } from '../../../src/domain/money.ts';
import type { ShiftDoc, ZReportDoc } from '../../../src/domain/register-documents.ts';
import { findSalesForReturn, getOpenShift, getReturnsOf, getShiftDocs, getZReports } from '../../../src/store/shift-queries.ts';
import { readModelDb, type RegisterDocRow } from '../../../src/store/schema.ts';

const shift = (id: string, registerId = 'R1'): ShiftDoc => ({ _id: `shift:${registerId}:${id}`, type: 'shift', storeId: 'demo', registerId, openedAt: '2026-03-01T08:00:00.000Z', openedBy: 'staff:a', float: money(0) });

function sale(n: number, createdAt: string, extra: Partial<SaleDoc> = {}): SaleDoc {
  return {
    _id: `sale:R1:${String(n).padStart(8, '0')}`, type: 'sale', storeId: 'demo', registerId: 'R1', receiptNumber: n, receiptLabel: `R1-${String(n).padStart(6, '0')}`,
    createdAt, cashier: 'a', currency: 'EUR', location: 'shop', lines: [{ sku: 'A', name: 'A', quantity: 1, unitPrice: money(100), vatRate: 2000, total: money(100) }],
    tenders: [], totals: { net: money(0), vat: money(0), gross: money(100), tendered: money(0), change: money(0) }, vatBreakdown: [], ...extra,
  };
}

beforeEach(async () => {
  const db = readModelDb();
  await Promise.all([db.sales.clear(), db.registerDocs.clear()]);
});

describe('shift queries', () => {
  it('finds the open shift: the latest of the register, unless a Z closed it', async () => {
    const db = readModelDb();
    expect(await getOpenShift('R1')).toBeNull();
    await db.registerDocs.bulkPut([shift('01A'), shift('01B'), shift('01C', 'R2')] as RegisterDocRow[]);
    expect((await getOpenShift('R1'))?._id).toBe('shift:R1:01B');
    await db.registerDocs.put({ _id: 'z:R1:000001', type: 'z_report', registerId: 'R1', shiftId: 'shift:R1:01B', zNumber: 1 } as unknown as ZReportDoc as RegisterDocRow);
    expect(await getOpenShift('R1')).toBeNull();
    expect((await getOpenShift('R2'))?._id).toBe('shift:R2:01C');
    expect((await getZReports('R1')).map((z) => z.zNumber)).toEqual([1]);
  });

  it('gathers a shift’s documents by shiftId, whatever their time', async () => {
    const db = readModelDb();
    await db.registerDocs.bulkPut([shift('01A'), { _id: 'cash:R1:1', type: 'cash_event', registerId: 'R1', shiftId: 'shift:R1:01A', kind: 'pay_in', amount: money(5), reason: 'r', by: 'a', at: '2026-03-01T09:00:00.000Z' }] as RegisterDocRow[]);
    await db.sales.bulkPut([sale(1, '2030-01-01T00:00:00.000Z', { shiftId: 'shift:R1:01A' }), sale(2, '2026-03-01T09:00:00.000Z', { shiftId: 'shift:R1:01X' })]);
    expect((await getShiftDocs('shift:R1:01A')).map((d) => d._id).sort()).toEqual(['cash:R1:1', 'sale:R1:00000001', 'shift:R1:01A']);
  });

  it('finds sales by receipt label (case-insensitive) or by day, and the later returns of a sale', async () => {
    const db = readModelDb();
    const original = sale(1, '2026-03-01T10:00:00.000Z');
    const ret = sale(2, '2026-03-02T10:00:00.000Z', { kind: 'refund', lines: [{ sku: 'A', name: 'A', quantity: -1, unitPrice: money(100), vatRate: 2000, total: money(-100), returnOf: { saleId: original._id, line: 0 } }] });
    await db.sales.bulkPut([original, ret, sale(3, '2026-03-02T11:00:00.000Z')]);
    expect((await findSalesForReturn({ label: 'r1-000001' })).map((s) => s._id)).toEqual([original._id]);
    expect((await findSalesForReturn({ from: '2026-03-02T00:00:00.000Z', to: '2026-03-03T00:00:00.000Z' })).map((s) => s.receiptNumber)).toEqual([3, 2]);
    expect((await getReturnsOf(original)).map((s) => s._id)).toEqual([ret._id]);
  });
});
