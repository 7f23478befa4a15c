import { describe, expect, it } from 'vitest';
import { parseStoreDoc } from '../../../src/domain/validate.ts';

const AT = '2026-03-01T09:00:00.000Z';
const line = { sku: 'A', name: 'Pomme', quantity: 2, unitPrice: 250, vatRate: 550, total: 500 };
const shift = { _id: 'shift:R1:01KDZ2CN80QD9MK2F0M5ZNQ7AB', type: 'shift', storeId: 'demo', registerId: 'R1', openedAt: AT, openedBy: 'staff:c', float: 15000 };
const override = { _id: 'override:R1:01KDZ2CN80QD9MK2F0M5ZNQ7AB', type: 'override', registerId: 'R1', shiftId: null, action: 'void', managerId: 'staff:m', cashierId: 'staff:c', reason: 'erreur', at: AT };
const cash = { _id: 'cash:R1:01KDZ2CN80QD9MK2F0M5ZNQ7AB', type: 'cash_event', registerId: 'R1', shiftId: shift._id, kind: 'pay_out', amount: 500, reason: 'timbres', by: 'staff:c', at: AT };
const voided = { _id: 'void:R1:01KDZ2CN80QD9MK2F0M5ZNQ7AB', type: 'void', registerId: 'R1', shiftId: shift._id, lines: [line], total: 500, by: 'staff:c', reason: 'parti', at: AT };
const parked = { _id: 'parked:R1:01KDZ2CN80QD9MK2F0M5ZNQ7AB', type: 'parked_sale', registerId: 'R1', parkedAt: AT, parkedBy: 'staff:c', label: '', cart: { items: [] }, total: 0 };
const staff = { _id: 'staff:01KDZ2CN80QD9MK2F0M5ZNQ7AB', type: 'staff', name: 'Marc', role: 'manager', pin: { algorithm: 'PBKDF2-SHA256', iterations: 120000, salt: 'AAECAwQFBgcICQoLDA0ODw==', hash: 'q83vEjRWeJA=' }, active: true, updatedAt: AT };
const request = { _id: 'invoicereq:R1:01KDZ2CN80QD9MK2F0M5ZNQ7AB', type: 'invoice_request', registerId: 'R1', source: 'sale:R1:00000001', customer: { name: 'SARL', address: ['1 rue'] }, at: AT };
const invoice = {
  _id: 'invoice:demo:00000001', type: 'invoice', storeId: 'demo', number: 1, requestId: request._id, source: request.source, customer: request.customer,
  issuedAt: AT, lines: [line], vatBreakdown: [{ rate: 550, net: 474, vat: 26, gross: 500 }], total: 500,
};
const link = { seq: 1, prev: '', hash: 'a'.repeat(64), grandTotal: 0 };
const z = {
  _id: 'z:R1:000001', type: 'z_report', storeId: 'demo', registerId: 'R1', zNumber: 1, shiftId: shift._id, openedAt: AT, closedAt: AT, closedBy: 'staff:m',
  float: 15000, counted: { '5000': 3 }, countedCash: 15000, difference: 0, saleIds: [], journal: link,
  totals: { salesCount: 0, refundsCount: 0, grossSales: 0, refunds: 0, discounts: 0, voids: { count: 0, amount: 0 }, tenders: [], vat: [], payIns: 0, payOuts: 0, expectedCash: 15000 },
};

function errorOf(x: unknown): string {
  const r = parseStoreDoc(x);
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

describe('register documents', () => {
  it.each([['shift', shift], ['override', override], ['cash event', cash], ['drawer open', { ...cash, kind: 'drawer_open', amount: 0 }], ['void', voided],
    ['parked sale', parked], ['staff', staff], ['invoice request', request], ['invoice', invoice], ['Z report', z]])('accepts a valid %s', (_n, doc) => {
    expect(parseStoreDoc(doc)).toEqual({ ok: true, value: doc });
  });

  it.each([
    ['shift id of another register', { ...shift, _id: 'shift:R2:01KDZ2CN80QD9MK2F0M5ZNQ7AB' }, '_id:'],
    ['negative float', { ...shift, float: -1 }, 'float:'],
    ['unknown override action', { ...override, action: 'free_beer' }, 'action:'],
    ['empty override reason', { ...override, reason: ' ' }, 'reason:'],
    ['drawer opening with an amount', { ...cash, kind: 'drawer_open' }, 'amount:'],
    ['void total', { ...voided, total: 1 }, 'total:'],
    ['parked without a cart', { ...parked, cart: undefined }, 'cart:'],
    ['staff role', { ...staff, role: 'owner' }, 'role:'],
    ['staff PIN in clear', { ...staff, pin: '1234' }, 'pin:'],
    ['staff PIN algorithm', { ...staff, pin: { ...staff.pin, algorithm: 'MD5' } }, 'pin.algorithm:'],
    ['Z id', { ...z, zNumber: 2 }, '_id:'],
    ['Z journal', { ...z, journal: { ...link, hash: 'nope' } }, 'journal.hash:'],
    ['Z counted', { ...z, counted: { '5000': -1 } }, 'counted.5000:'],
    ['invoice id', { ...invoice, number: 2 }, '_id:'],
    ['invoice total', { ...invoice, total: 400 }, 'total:'],
  ])('refuses %s, naming the field', (_n, doc, field) => {
    expect(errorOf(doc).startsWith(field)).toBe(true);
  });
});

describe('sales with the issue 3 fields', () => {
  const base = {
    _id: 'sale:R1:00000002', type: 'sale', storeId: 'demo', registerId: 'R1', receiptNumber: 2, receiptLabel: 'R1-000002', createdAt: AT, cashier: 'Camille',
    currency: 'EUR', location: 'shop', vatBreakdown: [{ rate: 550, net: -474, vat: -26, gross: -500 }],
    lines: [{ ...line, quantity: -2, total: -500, returnOf: { saleId: 'sale:R1:00000001', line: 0 }, restock: true }],
    tenders: [{ kind: 'cash', amount: -500 }], totals: { net: -474, vat: -26, gross: -500, tendered: -500, change: 0 }, kind: 'refund', journal: { ...link, grandTotal: -500 },
  };
  it('accepts a refund with negative lines and tenders', () => {
    expect(parseStoreDoc(base).ok).toBe(true);
  });
  it('takes a line discount off the total, towards zero for a return', () => {
    const discounted = { ...line, total: 450, discount: { kind: 'percent', value: 1000, amount: 50 } };
    const sale = { ...base, kind: 'sale', lines: [discounted], tenders: [{ kind: 'card', amount: 450, card: { approvalCode: 'A1', last4: '4242' } }],
      totals: { net: 427, vat: 23, gross: 450, tendered: 450, change: 0 }, vatBreakdown: [{ rate: 550, net: 427, vat: 23, gross: 450 }] };
    expect(parseStoreDoc(sale).ok).toBe(true);
    expect(errorOf({ ...sale, lines: [{ ...discounted, total: 500 }] })).toMatch(/^lines\[0\]\.total:/);
  });
  it.each([
    ['refund with a sold line', { ...base, lines: [{ ...line }], tenders: [{ kind: 'cash', amount: 500 }], totals: { net: 474, vat: 26, gross: 500, tendered: 500, change: 0 },
      vatBreakdown: [{ rate: 550, net: 474, vat: 26, gross: 500 }] }, 'kind:'],
    ['positive tender on a refund', { ...base, tenders: [{ kind: 'cash', amount: 500 }] }, 'tenders[0].amount:'],
    ['over-refund', { ...base, tenders: [{ kind: 'cash', amount: -600 }], totals: { ...base.totals, tendered: -600, change: -100 } }, 'totals.change:'],
    ['card last4', { ...base, tenders: [{ kind: 'card', amount: -500, card: { approvalCode: 'x', last4: '42' } }] }, 'tenders[0].card.last4:'],
    ['journal prev on the first entry', { ...base, journal: { ...link, prev: 'b'.repeat(64) } }, 'journal.prev:'],
    ['shift id', { ...base, shiftId: 'nope' }, 'shiftId:'],
  ])('refuses %s', (_n, doc, field) => {
    expect(errorOf(doc).startsWith(field)).toBe(true);
  });
});
