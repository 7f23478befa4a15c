import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { SaleDoc, SaleLine, Tender } from '../../../src/domain/documents.ts';
import { money } from '../../../src/domain/money.ts';
import { refundsCash, refundTenders, returnableLines, returnAmounts, unitsShare } from '../../../src/domain/refund.ts';

function line(quantity: number, unitPrice: number, discount = 0): SaleLine {
  const l: SaleLine = { sku: 'A', name: 'A', quantity, unitPrice: money(unitPrice), vatRate: 2000, total: money(quantity * unitPrice - discount) };
  if (discount > 0) l.discount = { kind: 'amount', value: discount, amount: money(discount) };
  return l;
}

function saleDoc(id: string, lines: SaleLine[], tenders: Tender[] = [], change = 0): SaleDoc {
  const gross = lines.reduce((s, l) => s + l.total, 0);
  const tendered = tenders.reduce((s, t) => s + t.amount, 0);
  return {
    _id: id, type: 'sale', storeId: 'demo', registerId: 'R1', receiptNumber: 1, receiptLabel: 'R1-000001', createdAt: '2026-03-01T10:00:00.000Z',
    cashier: 'a', currency: 'EUR', lines, tenders, totals: { net: money(gross), vat: money(0), gross: money(gross), tendered: money(tendered), change: money(change) },
    vatBreakdown: [], location: 'shop',
  };
}

function returnOf(id: string, original: string, index: number, qty: number): SaleDoc {
  return saleDoc(id, [{ ...line(-qty, 100), returnOf: { saleId: original, line: index }, restock: true }]);
}

describe('returnableLines', () => {
  it('subtracts what later sales returned, per line, each sale once', () => {
    const original = saleDoc('sale:R1:00000001', [line(3, 100), line(1, 500), line(-1, 200)]);
    const later = [returnOf('sale:R1:00000002', original._id, 0, 2), returnOf('sale:R1:00000003', original._id, 1, 1), returnOf('sale:R1:00000002', original._id, 0, 2), returnOf('sale:R1:00000004', 'sale:R1:00000099', 0, 1)];
    const r = returnableLines(original, later);
    expect(r.map((x) => [x.lineIndex, x.sold, x.returned, x.returnable])).toEqual([[0, 3, 2, 1], [1, 1, 1, 0]]);
  });

  it('never offers more than was bought', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 6 }), (sold, returns) => {
        const original = saleDoc('sale:R1:00000001', [line(sold, 100)]);
        const later: SaleDoc[] = [];
        let left = sold;
        returns.forEach((q, i) => {
          const take = Math.min(q, returnableLines(original, later)[0]?.returnable ?? 0);
          if (take > 0) later.push(returnOf(`sale:R1:${String(i + 2).padStart(8, '0')}`, original._id, 0, take));
          left -= take;
        });
        const [r] = returnableLines(original, later);
        expect(r?.returnable).toBe(left);
        expect(r!.returned + r!.returnable).toBe(sold);
        expect(r!.returnable).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('returnAmounts', () => {
  it('gives back what was paid, discount included, cent-exact over any split of the returns', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.nat(),
        fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 12 }),
        (qty, unit, discSeed, parts) => {
          const discount = qty * unit === 0 ? 0 : discSeed % (qty * unit + 1);
          const l = line(qty, unit, discount);
          let already = 0;
          let refunded = 0;
          let discountBack = 0;
          for (const p of parts) {
            const take = Math.min(p, qty - already);
            if (take === 0) break;
            const a = returnAmounts(l, already, take);
            expect(a.refund).toBe(take * unit - a.discount);
            expect(a.refund).toBeGreaterThanOrEqual(0);
            refunded += a.refund;
            discountBack += a.discount;
            already += take;
          }
          if (already < qty) {
            const a = returnAmounts(l, already, qty - already);
            refunded += a.refund;
            discountBack += a.discount;
          }
          expect(refunded).toBe(l.total);
          expect(discountBack).toBe(discount);
        },
      ),
    );
  });

  it('shares 10,00 € over 3 units as 3,33 / 3,34 / 3,33 (cumulative rounding)', () => {
    expect([unitsShare(money(1000), 3, 0, 1), unitsShare(money(1000), 3, 1, 1), unitsShare(money(1000), 3, 2, 1)]).toEqual([333, 334, 333]);
    expect(() => unitsShare(money(1000), 3, 2, 2)).toThrow(RangeError);
  });

  it('uses the line total pro rata for a tax-exclusive line', () => {
    const l: SaleLine = { sku: 'A', name: 'A', quantity: 3, unitPrice: money(1000), vatRate: 2000, total: money(3600), unitPriceExcludesTax: true };
    expect(returnAmounts(l, 0, 1)).toEqual({ refund: 1200, discount: 0 });
  });
});

describe('refundTenders', () => {
  it('refunds a cash sale in cash, net of the change it gave', () => {
    const sale = saleDoc('sale:R1:00000001', [line(1, 1250)], [{ kind: 'cash', amount: money(2000) }], 750);
    expect(refundTenders(sale, money(1250))).toEqual([{ kind: 'cash', amount: -1250 }]);
    expect(refundsCash(refundTenders(sale, money(1250)))).toBe(true);
  });

  it('splits over the original tenders, cash first, each up to what it kept', () => {
    const sale = saleDoc('sale:R1:00000001', [line(1, 5000)], [
      { kind: 'card', amount: money(3000), card: { approvalCode: 'X', last4: '4242' } },
      { kind: 'cash', amount: money(2500) },
    ], 500);
    expect(refundTenders(sale, money(2500))).toEqual([{ kind: 'cash', amount: -2000 }, { kind: 'card', amount: -500 }]);
    expect(refundTenders(sale, money(0))).toEqual([]);
  });

  it('always refunds exactly the total asked, never to a tender beyond what it paid', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000 }), fc.nat({ max: 10_000 }), fc.nat({ max: 20_000 }), (card, cash, ask) => {
        const sale = saleDoc('sale:R1:00000001', [line(1, card + cash)], [{ kind: 'card', amount: money(card) }, { kind: 'cash', amount: money(cash) }]);
        const out = refundTenders(sale, money(ask));
        expect(out.reduce((s, t) => s + t.amount, 0) + ask).toBe(0);
        const toCard = -(out.find((t) => t.kind === 'card')?.amount ?? 0);
        expect(toCard).toBeLessThanOrEqual(card);
        expect(out.every((t) => t.amount < 0)).toBe(true);
      }),
    );
  });
});
