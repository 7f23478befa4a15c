// Issue 7: shift and payment reconciliation — Z recomputed from the documents (late sales shown as a
// difference), expected vs counted cash, the journal's gaps, card totals per register and day, web
// order payments, and the discrepancies listed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SaleDoc, Tender, WebOrderDoc, WebOrderEventDoc } from '../../src/domain/documents.ts';
import { money } from '../../src/domain/money.ts';
import {
  addRangeSales,
  assemblePayments,
  cardTotals,
  reconcileShifts,
  startRangeSales,
  webPayments,
  type Discrepancy,
} from '../../src/domain/payments-reconcile.ts';
import type { CashEventDoc, ShiftDoc, ZReportDoc } from '../../src/domain/register-documents.ts';
import type { ReportRange } from '../../src/domain/reports/sales-report.ts';
import { buildZReport } from '../../src/domain/shift-docs.ts';
import { shiftTotals } from '../../src/domain/shift.ts';
import { saleArb } from './shift/arbitraries.ts';

const RANGE: ReportRange = { from: '2026-11-27T00:00:00.000Z', until: '2026-11-29T00:00:00.000Z', timeZone: 'UTC' };

function shift(registerId: string, ulid: string, openedAt: string, float = 10_000): ShiftDoc {
  return { _id: `shift:${registerId}:${ulid}`, type: 'shift', storeId: 'demo', registerId, openedAt, openedBy: 'staff:a', float: money(float) };
}

let receipt = 0;
function sale(s: ShiftDoc, gross: number, tenders: Tender[], at: string, extra: Partial<SaleDoc> = {}): SaleDoc {
  receipt += 1;
  const tendered = tenders.reduce((a, t) => a + t.amount, 0);
  return {
    _id: `sale:${s.registerId}:${String(receipt).padStart(8, '0')}`, type: 'sale', storeId: 'demo', registerId: s.registerId, receiptNumber: receipt,
    receiptLabel: `${s.registerId}-${receipt}`, createdAt: at, cashier: 'Camille', currency: 'EUR', location: 'shop', shiftId: s._id,
    lines: [{ sku: 'A', name: 'A', quantity: gross < 0 ? -1 : 1, unitPrice: money(Math.abs(gross)), vatRate: 2000, total: money(gross) }],
    tenders, vatBreakdown: [],
    totals: { net: money(gross), vat: money(0), gross: money(gross), tendered: money(tendered), change: money(tendered - gross) },
    ...(gross < 0 ? { kind: 'refund' as const } : { kind: 'sale' as const }),
    ...extra,
  };
}

const cash = (amount: number): Tender => ({ kind: 'cash', amount: money(amount) });
const card = (amount: number, approvalCode = 'OK1', last4 = '4242'): Tender => ({ kind: 'card', amount: money(amount), card: { approvalCode, last4 } });

function close(s: ShiftDoc, docs: Array<SaleDoc | CashEventDoc>, zNumber: number, counted: Record<string, number>, journal: { seq: number; grandTotal: number }): ZReportDoc {
  const totals = shiftTotals([s, ...docs], { float: s.float });
  const built = buildZReport({ shift: s, zNumber, closedAt: '2026-11-27T19:00:00.000Z', closedBy: 'staff:a', counted, totals, saleIds: docs.filter((d) => d.type === 'sale').map((d) => d._id) });
  if (!built.ok) throw new Error('z');
  return { ...built.value, journal: { seq: journal.seq, prev: 'h', hash: 'h', grandTotal: money(journal.grandTotal) } };
}

describe('shift reconciliation', () => {
  it('matches the Z when every sale it counted is here and none came late', () => {
    const s = shift('R1', '01A', '2026-11-27T08:00:00.000Z');
    const a = sale(s, 1500, [cash(2000)], '2026-11-27T09:00:00.000Z', { journal: { seq: 1, prev: '', hash: 'x', grandTotal: money(1500) } });
    const b = sale(s, 2500, [card(2500)], '2026-11-27T10:00:00.000Z', { journal: { seq: 2, prev: 'x', hash: 'y', grandTotal: money(4000) } });
    const z = close(s, [a, b], 1, { '10000': 1, '1000': 1, '500': 1 }, { seq: 3, grandTotal: 4000 }); // 115,00 € counted
    const [r] = reconcileShifts({ shifts: [s], zReports: [z], docs: [a, b] });
    expect(r).toMatchObject({ zNumber: 1, takingsDifference: 0, lateSales: [], missingSales: [], superseded: false });
    expect(r!.tenders.every((t) => t.difference === 0)).toBe(true);
    expect(r!.cash).toEqual({ expected: 11_500, expectedAtZ: 11_500, counted: 11_500, differenceAtZ: 0, difference: 0 });
    expect(r!.journal).toEqual({ expected: 2, found: 2, missing: 0, takings: 4000 });
    expect(assemble([r!]).discrepancies).toEqual([]);
  });

  it('shows a sale that synced after the Z as a difference against the Z, and explains the cash surplus', () => {
    const s = shift('R1', '01B', '2026-11-27T08:00:00.000Z');
    const a = sale(s, 1500, [cash(1500)], '2026-11-27T09:00:00.000Z', { journal: { seq: 1, prev: '', hash: 'x', grandTotal: money(1500) } });
    const late = sale(s, 800, [cash(1000)], '2026-11-27T18:00:00.000Z', { journal: { seq: 2, prev: 'x', hash: 'y', grandTotal: money(2300) } });
    // The drawer held the late sale's cash when it was counted: 100 + 15 + 8 = 123 €.
    const z = close(s, [a], 1, { '10000': 1, '2000': 1, '200': 1, '100': 1 }, { seq: 3, grandTotal: 2300 });
    expect(z.difference).toBe(800);
    const later = { ...close(shift('R1', '01C', '2026-11-28T08:00:00.000Z'), [], 2, {}, { seq: 4, grandTotal: 2300 }), lateSales: [{ saleId: late._id, shiftId: s._id, zNumber: 1, receiptLabel: late.receiptLabel, createdAt: late.createdAt, gross: money(800) }] };
    const [r] = reconcileShifts({ shifts: [s], zReports: [z, later], docs: [a, late] });
    expect(r!.takingsDifference).toBe(800);
    expect(r!.lateSales).toEqual([{ saleId: late._id, receiptLabel: late.receiptLabel, createdAt: late.createdAt, gross: 800, cash: 800, listedInZ: 2 }]);
    expect(r!.tenders.find((t) => t.kind === 'cash')).toMatchObject({ atZ: 1500, recomputed: 2300, difference: 800 });
    expect(r!.cash).toMatchObject({ expectedAtZ: 11_500, expected: 12_300, counted: 12_300, differenceAtZ: 800, difference: 0 });
    const d = assemble([r!]).discrepancies;
    expect(d).toEqual([{ kind: 'z_difference', registerId: 'R1', shiftId: s._id, zNumber: 1, amount: 800, lateSales: 1, missingSales: 0 }]);
  });

  it('lists sales the Z counted that are not here, journal gaps, cash differences and shifts left open', () => {
    const s1 = shift('R2', '01A', '2026-11-27T08:00:00.000Z');
    const s2 = shift('R2', '01B', '2026-11-28T08:00:00.000Z');
    const a = sale(s1, 1000, [cash(1000)], '2026-11-27T09:00:00.000Z', { journal: { seq: 6, prev: '', hash: 'x', grandTotal: money(0) } });
    const gone = sale(s1, 500, [cash(500)], '2026-11-27T10:00:00.000Z');
    const prevZ = { ...close(shift('R2', '009', '2026-11-26T08:00:00.000Z'), [], 4, {}, { seq: 5, grandTotal: 9000 }) };
    const z = close(s1, [a, gone], 5, { '10000': 1, '1000': 1 }, { seq: 8, grandTotal: 10_500 }); // 5 € short
    const [r1] = reconcileShifts({ shifts: [s1], zReports: [prevZ, z], docs: [a] });
    expect(r1!.missingSales).toEqual([gone._id]);
    expect(r1!.takingsDifference).toBe(-500);
    expect(r1!.journal).toEqual({ expected: 2, found: 1, missing: 1, takings: 1500 });
    expect(r1!.cash).toMatchObject({ expected: 11_000, counted: 11_000, difference: 0, differenceAtZ: -500 });
    // A third shift opened while the second was never closed.
    const s3 = shift('R2', '01C', '2026-11-28T12:00:00.000Z');
    const all = reconcileShifts({ shifts: [s1, s2], allShifts: [s1, s2, s3], zReports: [prevZ, z], docs: [a] });
    expect(all.find((x) => x.shiftId === s2._id)).toMatchObject({ zNumber: null, superseded: true, atZ: null });
    const kinds = assemble(all).discrepancies.map((x) => x.kind);
    expect(kinds).toEqual(['z_difference', 'journal_gap', 'unclosed_shift']);
    // Short in the drawer with every sale here: a cash difference.
    const zShort = close(s1, [a], 5, { '10000': 1, '500': 1 }, { seq: 7, grandTotal: 10_000 });
    const [r2] = reconcileShifts({ shifts: [s1], zReports: [prevZ, zShort], docs: [a] });
    expect(assemble([r2!]).discrepancies).toEqual([{ kind: 'cash_difference', registerId: 'R2', shiftId: s1._id, zNumber: 5, expected: 11_000, counted: 10_500, amount: -500 }]);
  });

  it('recomputes exactly the Z when nothing is late or missing (property)', () => {
    fc.assert(
      fc.property(fc.array(saleArb, { maxLength: 8 }), (sales) => {
        const s: ShiftDoc = shift('R1', '01HSHIFT0000000000000000000', '2026-11-27T08:00:00.000Z');
        const docs = sales.map((x) => ({ ...x, shiftId: s._id }));
        const z = close(s, docs, 1, {}, { seq: docs.length + 1, grandTotal: 0 });
        const [r] = reconcileShifts({ shifts: [s], zReports: [z], docs });
        expect(r!.recomputed).toEqual(z.totals);
        expect(r!.takingsDifference).toBe(0);
        expect(r!.cash.difference).toBe(z.difference);
      }),
    );
  });
});

describe('card totals per register and day', () => {
  it('adds card payments and refunds per register and local day; a card without approval is listed', () => {
    const s1 = shift('R1', '01A', '2026-11-27T08:00:00.000Z');
    const s2 = shift('R2', '01A', '2026-11-27T08:00:00.000Z');
    const acc = startRangeSales(RANGE);
    const sales = [
      sale(s1, 2000, [card(2000)], '2026-11-27T09:00:00.000Z'),
      sale(s1, 3000, [cash(1000), card(2000)], '2026-11-27T11:00:00.000Z'),
      sale(s1, -700, [card(-700)], '2026-11-27T12:00:00.000Z'),
      sale(s2, 1200, [card(1200, '')], '2026-11-27T12:00:00.000Z'),
      sale(s1, 900, [card(900)], '2026-11-28T09:00:00.000Z'),
      sale(s1, 900, [card(900)], '2026-11-29T09:00:00.000Z'), // outside the range
    ];
    addRangeSales(acc, sales);
    addRangeSales(acc, sales.slice(0, 2)); // handed over twice
    const rows = cardTotals(acc);
    expect(rows.map((r) => [r.registerId, r.day, r.payments.count, r.payments.amount, r.refunds.count, r.refunds.amount, r.net, r.withoutApproval])).toEqual([
      ['R1', '2026-11-27', 2, 4000, 1, -700, 3300, 0],
      ['R2', '2026-11-27', 1, 1200, 0, 0, 1200, 1],
      ['R1', '2026-11-28', 1, 900, 0, 0, 900, 0],
    ].sort((a, b) => String(a[1]).localeCompare(String(b[1])) || String(a[0]).localeCompare(String(b[0]))));
    expect(rows[0]!.items.map((i) => i.amount)).toEqual([2000, 2000, -700]);
    expect(rows[0]!.items[0]).toMatchObject({ approvalCode: 'OK1', last4: '4242' });
    const d = assemblePayments({ range: RANGE, currency: 'EUR', shifts: [], rangeSales: acc, web: webPayments(RANGE, [], new Map(), new Map()), asOf: 'x' }).discrepancies;
    expect(d).toEqual([{ kind: 'card_without_approval', registerId: 'R2', saleId: sales[3]!._id, receiptLabel: sales[3]!.receiptLabel, amount: 1200 }]);
  });

  it('Σ of the days’ net = Σ of the card tenders in the range (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(saleArb, fc.integer({ min: Date.parse(RANGE.from) - 86_400_000, max: Date.parse(RANGE.until) + 86_400_000 })), { maxLength: 20 }), (pairs) => {
        const sales = pairs.map(([s, at]) => ({ ...s, createdAt: new Date(at).toISOString() }));
        const acc = startRangeSales(RANGE);
        addRangeSales(acc, sales);
        const inRange = sales.filter((s) => s.createdAt >= RANGE.from && s.createdAt < RANGE.until);
        const expected = inRange.flatMap((s) => s.tenders.filter((t) => t.kind === 'card').map((t) => t.amount)).reduce((a, b) => a + b, 0);
        expect(cardTotals(acc).reduce((a, r) => a + r.net, 0)).toBe(expected);
      }),
    );
  });
});

describe('web order payments', () => {
  const order = (n: number, total: number, paid: boolean, extra: Partial<WebOrderDoc> = {}): WebOrderDoc => ({
    _id: `weborder:shopify:demo:${n}`, type: 'web_order', platform: 'shopify', shop: 'demo', platformOrderId: String(n), orderNumber: `#${n}`,
    createdAt: '2026-11-27T10:00:00.000Z', updatedAt: '2026-11-27T10:00:00.000Z', status: 'new', delivery: 'pickup', customer: { name: 'C' },
    currency: 'EUR', pricesIncludeTax: true, lines: [{ sku: 'A', name: 'A', quantity: 1, unitPrice: money(total) }], total: money(total),
    payment: { state: paid ? 'paid' : 'to_pay' }, ...extra,
  });
  let ev = 0;
  const event = (orderId: string, kind: WebOrderEventDoc['kind'], extra: Partial<WebOrderEventDoc> = {}): WebOrderEventDoc => ({
    _id: `woevent:R1:${String(++ev).padStart(4, '0')}`, type: 'web_order_event', orderId, kind, at: `2026-11-27T1${ev % 10}:00:00.000Z`, by: 'Camille', ...extra,
  });

  it('splits paid online, at the counter, otherwise, refunded and to pay; lists what does not add up', () => {
    const online = order(1, 3000, true);
    const counter = order(2, 2000, false);
    const transfer = order(3, 1500, false);
    const unpaid = order(4, 1000, false);
    const handedUnpaid = order(5, 700, false, { status: 'picked_up' });
    const cancelled = order(6, 900, true);
    const missingSale = order(7, 400, false);
    const mismatch = order(8, 600, false);
    const outside = order(9, 5000, false, { createdAt: '2026-12-05T10:00:00.000Z' });
    const events = [
      event(counter._id, 'paid', { payment: { amount: money(2000), method: 'cash', saleId: 'sale:R1:00000050' } }),
      event(transfer._id, 'paid', { payment: { amount: money(1500), method: 'virement', reference: 'VIR-1' } }),
      event(cancelled._id, 'cancelled', { reason: 'client', refund: { to: 'original', amount: money(900) } }),
      event(missingSale._id, 'paid', { payment: { amount: money(400), method: 'card', saleId: 'sale:R1:00000051' } }),
      event(mismatch._id, 'paid', { payment: { amount: money(600), method: 'card', saleId: 'sale:R1:00000052' } }),
    ];
    const byOrder = new Map<string, WebOrderEventDoc[]>();
    for (const e of events) byOrder.set(e.orderId, [...(byOrder.get(e.orderId) ?? []), e]);
    const gross = new Map([['sale:R1:00000050', money(2000)], ['sale:R1:00000052', money(650)]]);
    const r = webPayments(RANGE, [online, counter, transfer, unpaid, handedUnpaid, cancelled, missingSale, mismatch, outside], byOrder, gross);
    expect(r.web).toMatchObject({
      orders: 7,
      cancelled: 1,
      total: 3000 + 2000 + 1500 + 1000 + 700 + 400 + 600,
      paidOnline: { count: 1, amount: 3000 },
      paidAtCounter: { count: 3, amount: 3000 },
      paidOtherwise: { count: 1, amount: 1500 },
      refunded: { count: 1, amount: 900 },
      toPay: { count: 2, amount: 1700 },
      unpaidTruncated: false,
    });
    expect(r.web.unpaid.map((u) => u.orderNumber)).toEqual(['#4', '#5']);
    expect(r.discrepancies).toEqual<Discrepancy[]>([
      { kind: 'delivered_unpaid', orderId: handedUnpaid._id, orderNumber: '#5', status: 'picked_up', balance: money(700) },
      { kind: 'payment_sale_missing', orderId: missingSale._id, orderNumber: '#7', saleId: 'sale:R1:00000051', amount: money(400) },
      { kind: 'payment_amount_mismatch', orderId: mismatch._id, orderNumber: '#8', saleId: 'sale:R1:00000052', paid: money(600), sale: money(650) },
    ]);

    // A balance sale in the range that no 'paid' event names (the event was never written).
    const s = shift('R1', '01A', '2026-11-27T08:00:00.000Z');
    const orphan = sale(s, 1000, [cash(1000)], '2026-11-27T15:00:00.000Z', { webOrderId: unpaid._id });
    const named = sale(s, 2000, [cash(2000)], '2026-11-27T15:30:00.000Z', { webOrderId: counter._id });
    const acc = startRangeSales(RANGE);
    addRangeSales(acc, [orphan, named]);
    const all = assemblePayments({ range: RANGE, currency: 'EUR', shifts: [], rangeSales: acc, web: r, paidSaleIds: new Set([named._id]), asOf: 'x' });
    expect(all.discrepancies.map((d) => d.kind)).toEqual(['balance_without_event', 'payment_sale_missing', 'payment_amount_mismatch', 'delivered_unpaid']);
    expect(all.discrepancies[0]).toEqual({ kind: 'balance_without_event', saleId: orphan._id, receiptLabel: orphan.receiptLabel, orderId: unpaid._id, amount: 1000 });
  });
});

function assemble(shifts: ReturnType<typeof reconcileShifts>) {
  return assemblePayments({ range: RANGE, currency: 'EUR', shifts, rangeSales: startRangeSales(RANGE), web: webPayments(RANGE, [], new Map(), new Map()), asOf: 'x' });
}
