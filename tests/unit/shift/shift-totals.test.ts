import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { SaleDoc, StoreDoc } from '../../../src/domain/documents.ts';
import { money } from '../../../src/domain/money.ts';
import { findLateSales, shiftTotals } from '../../../src/domain/shift.ts';
import { SHIFT_ID, shiftDocsArb } from './arbitraries.ts';

const sumOf = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);

describe('shiftTotals', () => {
  it('Σ tender totals = gross sales − refunds = Σ sale totals', () => {
    fc.assert(
      fc.property(shiftDocsArb, ({ shift, sales, refunds, voids, events }) => {
        const all = [...sales, ...refunds];
        const totals = shiftTotals([shift, ...all, ...voids, ...events]);
        const tenders = sumOf(totals.tenders.map((t) => t.amount));
        expect(tenders).toBe(totals.grossSales - totals.refunds);
        expect(tenders).toBe(sumOf(all.map((s) => s.totals.gross)));
        expect(sumOf(totals.vat.map((r) => r.gross))).toBe(tenders);
        for (const row of totals.vat) expect(row.net + row.vat).toBe(row.gross);
        expect(totals.salesCount).toBe(sales.length);
        expect(totals.refundsCount).toBe(refunds.length);
        expect(totals.voids).toEqual({ count: voids.length, amount: sumOf(voids.map((v) => v.total)) });
      }),
    );
  });

  it('expected cash = float + cash tendered − change − cash refunded + pay-ins − pay-outs', () => {
    fc.assert(
      fc.property(shiftDocsArb, ({ shift, sales, refunds, voids, events }) => {
        const all = [...sales, ...refunds];
        const totals = shiftTotals([shift, ...all, ...voids, ...events]);
        const cashIn = sumOf(all.flatMap((s) => s.tenders.filter((t) => t.kind === 'cash' && t.amount > 0).map((t) => t.amount)));
        const cashOut = -sumOf(all.flatMap((s) => s.tenders.filter((t) => t.kind === 'cash' && t.amount < 0).map((t) => t.amount)));
        const change = sumOf(all.map((s) => s.totals.change));
        const payIns = sumOf(events.filter((e) => e.kind === 'pay_in').map((e) => e.amount));
        const payOuts = sumOf(events.filter((e) => e.kind === 'pay_out').map((e) => e.amount));
        expect(totals.payIns).toBe(payIns);
        expect(totals.payOuts).toBe(payOuts);
        expect(totals.expectedCash).toBe(shift.float + cashIn - change - cashOut + payIns - payOuts);
        const cash = totals.tenders.find((t) => t.kind === 'cash')?.amount ?? 0;
        expect(totals.expectedCash).toBe(shift.float + cash + payIns - payOuts);
      }),
    );
  });

  it('is independent of order and counts a document handed over twice once', () => {
    fc.assert(
      fc.property(shiftDocsArb, fc.func(fc.integer()), ({ shift, sales, refunds, voids, events }, key) => {
        const docs: StoreDoc[] = [shift, ...sales, ...refunds, ...voids, ...events];
        const shuffled = [...docs].map((d, i) => ({ d, k: key(i) })).sort((a, b) => a.k - b.k).map((x) => x.d);
        const expected = shiftTotals(docs);
        expect(shiftTotals(shuffled)).toEqual(expected);
        expect(shiftTotals([...shuffled, ...docs])).toEqual(expected);
      }),
    );
  });

  it('splits an exchange by line, groups store tenders by id and takes change out of cash', () => {
    const base = { storeId: 'demo', registerId: 'R1', createdAt: '2026-03-01T10:00:00.000Z', cashier: 'a', currency: 'EUR', location: 'shop', shiftId: SHIFT_ID, vatBreakdown: [] };
    const exchange: SaleDoc = {
      ...base, _id: 'sale:R1:00000001', type: 'sale', receiptNumber: 1, receiptLabel: 'R1-000001', kind: 'sale',
      lines: [
        { sku: 'A', name: 'A', quantity: 1, unitPrice: money(5000), vatRate: 2000, total: money(4500), discount: { kind: 'amount', value: 500, amount: money(500) } },
        { sku: 'B', name: 'B', quantity: -1, unitPrice: money(3000), vatRate: 550, total: money(-3000), returnOf: { saleId: 'sale:R1:00000000', line: 0 }, restock: true },
      ],
      tenders: [{ kind: 'other', amount: money(1000), tenderId: 'cheque', label: 'Chèque' }, { kind: 'cash', amount: money(1000) }],
      totals: { net: money(0), vat: money(0), gross: money(1500), tendered: money(2000), change: money(500) },
    };
    const t = shiftTotals([exchange], { float: money(10_000) });
    expect(t).toMatchObject({ salesCount: 1, refundsCount: 0, grossSales: 4500, refunds: 3000, discounts: 500, expectedCash: 10_500 });
    expect(t.tenders).toEqual([
      { kind: 'cash', label: 'Espèces', amount: 500, count: 1 },
      { kind: 'other', label: 'Chèque', amount: 1000, count: 1 },
    ]);
    expect(t.vat.map((r) => [r.rate, r.gross])).toEqual([[2000, 4500], [550, -3000]]);
  });

  it('is all zeros (with the float) for an empty shift', () => {
    expect(shiftTotals([], { float: money(15_000) })).toEqual({
      salesCount: 0, refundsCount: 0, grossSales: 0, refunds: 0, discounts: 0, voids: { count: 0, amount: 0 },
      tenders: [], vat: [], payIns: 0, payOuts: 0, expectedCash: 15_000,
    });
  });
});

describe('findLateSales', () => {
  const sale = (id: string, shiftId: string | undefined, gross: number) => ({
    _id: id, shiftId, receiptLabel: id, createdAt: '2026-03-01T10:00:00.000Z', totals: { net: money(0), vat: money(0), gross: money(gross), tendered: money(gross), change: money(0) },
  });
  it('lists sales of a closed shift missing from its Z, once', () => {
    const z1 = { shiftId: 'shift:R1:A', zNumber: 1, saleIds: ['sale:R1:00000001'] };
    const sales = [sale('sale:R1:00000001', 'shift:R1:A', 100), sale('sale:R1:00000002', 'shift:R1:A', 250), sale('sale:R1:00000003', 'shift:R1:B', 300)];
    const late = findLateSales([z1], sales);
    expect(late).toEqual([{ saleId: 'sale:R1:00000002', shiftId: 'shift:R1:A', zNumber: 1, receiptLabel: 'sale:R1:00000002', createdAt: '2026-03-01T10:00:00.000Z', gross: 250 }]);
    const z2 = { shiftId: 'shift:R1:B', zNumber: 2, saleIds: ['sale:R1:00000003'], lateSales: late };
    expect(findLateSales([z1, z2], sales)).toEqual([]);
  });
});
