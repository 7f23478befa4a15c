// fast-check generators of consistent shift documents: sales (with returns), refunds, voids, cash events.
import fc from 'fast-check';
import type { SaleDoc, SaleLine, Tender } from '../../../src/domain/documents.ts';
import { money } from '../../../src/domain/money.ts';
import type { CashEventDoc, ShiftDoc, VoidDoc } from '../../../src/domain/register-documents.ts';
import { vatBreakdown } from '../../../src/domain/vat.ts';

export const SHIFT_ID = 'shift:R1:01HSHIFT0000000000000000000';
const RATES = [2000, 1000, 550, 210, 0];

const lineArb = (sign: 1 | -1): fc.Arbitrary<SaleLine> =>
  fc.record({ qty: fc.integer({ min: 1, max: 5 }), unit: fc.integer({ min: 0, max: 20_000 }), rate: fc.constantFrom(...RATES), disc: fc.integer({ min: 0, max: 100 }) }).map(({ qty, unit, rate, disc }) => {
    const base = qty * unit;
    const off = Math.min(base, disc);
    const line: SaleLine = { sku: `S${unit % 7}`, name: 'x', quantity: sign * qty, unitPrice: money(unit), vatRate: rate, total: money(sign * (base - off)) };
    if (off > 0) line.discount = { kind: 'amount', value: off, amount: money(off) };
    return line;
  });

let counter = 0;
function sale(lines: SaleLine[], tenders: Tender[], kind: 'sale' | 'refund'): SaleDoc {
  counter += 1;
  const gross = lines.reduce((s, l) => s + l.total, 0);
  const tendered = tenders.reduce((s, t) => s + t.amount, 0);
  const rows = vatBreakdown(lines.map((l) => ({ gross: l.total, vatRate: l.vatRate })));
  const vat = rows.reduce((s, r) => s + r.vat, 0);
  return {
    _id: `sale:R1:${String(counter).padStart(8, '0')}`, type: 'sale', storeId: 'demo', registerId: 'R1', receiptNumber: counter,
    receiptLabel: `R1-${counter}`, createdAt: '2026-03-01T10:00:00.000Z', cashier: 'a', currency: 'EUR', lines, tenders,
    totals: { net: money(gross - vat), vat: money(vat), gross: money(gross), tendered: money(tendered), change: money(tendered - gross) },
    vatBreakdown: rows, location: 'shop', shiftId: SHIFT_ID, kind,
  };
}

/** A sale or exchange paid in full (non-cash never exceeds what is due; cash may bring change). */
export const saleArb: fc.Arbitrary<SaleDoc> = fc
  .record({
    sold: fc.array(lineArb(1), { minLength: 1, maxLength: 4 }),
    returned: fc.array(lineArb(-1), { maxLength: 2 }),
    card: fc.nat({ max: 100 }),
    other: fc.nat({ max: 100 }),
    change: fc.nat({ max: 5_000 }),
    label: fc.constantFrom('Chèque', 'Ticket restaurant'),
  })
  .map(({ sold, returned, card, other, change, label }) => {
    const lines = [...sold, ...returned];
    const gross = lines.reduce((s, l) => s + l.total, 0);
    if (gross < 0) return sale(lines, [{ kind: 'cash', amount: money(gross) }], 'sale');
    const cardAmount = Math.floor((gross * card) / 200);
    const otherAmount = Math.floor(((gross - cardAmount) * other) / 200);
    const tenders: Tender[] = [{ kind: 'cash', amount: money(gross - cardAmount - otherAmount + change) }];
    if (cardAmount > 0) tenders.push({ kind: 'card', amount: money(cardAmount), card: { approvalCode: 'A1', last4: '4242' } });
    if (otherAmount > 0) tenders.push({ kind: 'other', amount: money(otherAmount), tenderId: label, label });
    return sale(lines, tenders, 'sale');
  });

export const refundArb: fc.Arbitrary<SaleDoc> = fc
  .record({ returned: fc.array(lineArb(-1), { minLength: 1, maxLength: 3 }), toCard: fc.boolean() })
  .map(({ returned, toCard }) => {
    const gross = returned.reduce((s, l) => s + l.total, 0);
    return sale(returned, [{ kind: toCard ? 'card' : 'cash', amount: money(gross) }], 'refund');
  });

export const voidArb: fc.Arbitrary<VoidDoc> = fc.array(lineArb(1), { minLength: 1, maxLength: 3 }).map((lines) => {
  counter += 1;
  return { _id: `void:R1:${counter}`, type: 'void', registerId: 'R1', shiftId: SHIFT_ID, lines, total: money(lines.reduce((s, l) => s + l.total, 0)), by: 'a', reason: 'x', at: '2026-03-01T10:00:00.000Z' };
});

export const cashEventArb: fc.Arbitrary<CashEventDoc> = fc
  .record({ kind: fc.constantFrom('pay_in' as const, 'pay_out' as const, 'drawer_open' as const), amount: fc.integer({ min: 1, max: 10_000 }) })
  .map(({ kind, amount }) => {
    counter += 1;
    return { _id: `cash:R1:${counter}`, type: 'cash_event', registerId: 'R1', shiftId: SHIFT_ID, kind, amount: money(kind === 'drawer_open' ? 0 : amount), reason: 'r', by: 'a', at: '2026-03-01T10:00:00.000Z' };
  });

export const shiftArb: fc.Arbitrary<ShiftDoc> = fc.nat({ max: 50_000 }).map((float) => ({
  _id: SHIFT_ID, type: 'shift', storeId: 'demo', registerId: 'R1', openedAt: '2026-03-01T08:00:00.000Z', openedBy: 'staff:a', float: money(float),
}));

export const shiftDocsArb = fc.record({
  shift: shiftArb,
  sales: fc.array(saleArb, { maxLength: 8 }),
  refunds: fc.array(refundArb, { maxLength: 4 }),
  voids: fc.array(voidArb, { maxLength: 3 }),
  events: fc.array(cashEventArb, { maxLength: 5 }),
});
