/** The issue 6 fields of web_order_event (and SaleDoc.webOrderId): accepted where they belong, refused with the field named. */
import { describe, expect, it } from 'vitest';
import type { WebOrderEventDoc } from '../../../src/domain/documents.ts';
import { money } from '../../../src/domain/money.ts';
import { parseStoreDoc } from '../../../src/domain/validate.ts';
import { buildSale } from '../../../src/domain/sale.ts';
import { ORDER_ID } from './web-order-fixtures.ts';

const ev = (kind: WebOrderEventDoc['kind'], extra: Record<string, unknown> = {}): unknown => ({
  _id: 'woevent:r1ab:01KDZ2CN80QD9MK2F0M5ZNQ0AB', type: 'web_order_event', orderId: ORDER_ID, kind, at: '2026-11-28T10:00:00.000Z', by: 'Camille', ...extra,
});
const refusal = (doc: unknown): string => {
  const r = parseStoreDoc(doc);
  return r.ok ? 'accepted' : r.error;
};

describe('web_order_event fields of issue 6', () => {
  it('accepts every new kind with its fields, and server-written events', () => {
    const good: unknown[] = [
      ev('allocated', { allocation: [{ sku: 'A', location: 'depot', quantity: 2 }] }),
      ev('paid', { payment: { amount: money(1250), method: 'cash', saleId: 'sale:R1:00000004' } }),
      ev('paid', { payment: { amount: money(1250), method: 'Virement', reference: 'VIR-889' } }),
      ev('changed', { change: { sku: 'A', remove: 1, add: { sku: 'C', name: 'C', quantity: 1, unitPrice: money(900) } }, restock: true, refund: { to: 'original', amount: money(100) } }),
      ev('cancelled', { reason: 'Client injoignable', restock: true, refund: { to: 'store_credit', amount: money(4500), surcharge: money(500), surchargeReason: 'Frais', voucher: 'AV-1' } }),
      ev('returned', { lines: [{ sku: 'A', quantity: 1 }], restock: false, refund: { to: 'original', amount: money(1000) } }),
      ev('assigned', { assignee: { id: 'staff:leo', name: 'Léo' } }),
      ev('assigned', { assignee: null }),
      ev('address_corrected', { address: { name: 'C M', address1: '3 rue Neuve', city: 'Lyon', postcode: '69001', country: 'FR' } }),
      ev('address_corrected', { customer: { name: 'C M', phone: '+33612345678' } }),
      ev('printed', { printed: 'label' }),
      ev('shipped', { location: 'depot', lines: [{ sku: 'A', quantity: 1 }], parcel: { weightGrams: 850, lengthCm: 30, service: 'Colissimo' }, tracking: { carrier: 'UPS', number: '1Z' }, override: true, overrideId: 'override:r1:01KDZ2CN80QD9MK2F0M5ZNQ0AB' }),
      ev('packed', { location: 'shop' }),
      ev('cancelled', { _id: 'woevent:server:01KDZ2CN80QD9MK2F0M5ZNQ0AB', reason: 'Impayée' }),
    ];
    for (const doc of good) expect(refusal(doc)).toBe('accepted');
  });

  it('refuses each field on a kind that does not carry it, naming the field', () => {
    expect(refusal(ev('note', { text: 'x', location: 'shop' }))).toMatch(/^location: only a "picked" or "packed" or "shipped" or "ready_for_pickup" event/);
    expect(refusal(ev('packed', { payment: { amount: 1, method: 'cash' } }))).toMatch(/^payment: only a "paid" event/);
    expect(refusal(ev('shipped', { refund: { to: 'original', amount: 1 } }))).toMatch(/^refund: /);
    expect(refusal(ev('picked', { all: true, printed: 'label' }))).toMatch(/^printed: /);
    expect(refusal(ev('note', { text: 'x', assignee: null }))).toMatch(/^assignee: /);
  });

  it('refuses malformed values with the field path', () => {
    expect(refusal(ev('paid', { payment: { amount: 12.5, method: 'cash' } }))).toMatch(/^payment\.amount: must be a whole number of minor units/);
    expect(refusal(ev('paid', { payment: { amount: 0, method: 'cash' } }))).toMatch(/^payment\.amount: must be more than 0/);
    expect(refusal(ev('paid', { payment: { amount: 10, method: 'cash', saleId: 'x' } }))).toMatch(/^payment\.saleId/);
    expect(refusal(ev('paid'))).toMatch(/^payment: must be an object/);
    expect(refusal(ev('allocated', { allocation: [] }))).toMatch(/^allocation: must place at least one SKU/);
    expect(refusal(ev('allocated', { allocation: [{ sku: 'A', location: '', quantity: 1 }] }))).toMatch(/^allocation\[0\]\.location/);
    expect(refusal(ev('changed', { change: {} }))).toMatch(/^change: must remove units, add a line, or both/);
    expect(refusal(ev('changed', { change: { remove: 1 } }))).toMatch(/^change\.sku/);
    expect(refusal(ev('changed', { change: { add: { sku: 'C', name: 'C', quantity: 1, unitPrice: -1 } } }))).toMatch(/^change\.add\.unitPrice: must not be negative/);
    expect(refusal(ev('returned'))).toMatch(/^lines: must be an array/);
    expect(refusal(ev('returned', { lines: [{ sku: 'A', quantity: 0 }] }))).toMatch(/^lines\[0\]\.quantity/);
    expect(refusal(ev('cancelled', { refund: { to: 'original', amount: 10, voucher: 'AV' } }))).toMatch(/^refund\.voucher: only a refund to store credit/);
    expect(refusal(ev('cancelled', { refund: { to: 'bank', amount: 10 } }))).toMatch(/^refund\.to/);
    expect(refusal(ev('cancelled', { restock: 'yes' }))).toMatch(/^restock: must be true or false/);
    expect(refusal(ev('assigned'))).toMatch(/^assignee: /);
    expect(refusal(ev('assigned', { assignee: { id: 'staff:leo' } }))).toMatch(/^assignee\.name/);
    expect(refusal(ev('address_corrected'))).toMatch(/^address: an address correction carries/);
    expect(refusal(ev('address_corrected', { address: { name: 'C', address1: 'x', city: 'Lyon', country: 'FR' } }))).toMatch(/^address\.postcode/);
    expect(refusal(ev('printed', { printed: 'poster' }))).toMatch(/^printed: must be one of/);
    expect(refusal(ev('shipped', { parcel: { weightGrams: -3 } }))).toMatch(/^parcel\.weightGrams: must be a positive number/);
    expect(refusal(ev('packed', { overrideId: 'override:r1:01KDZ2CN80QD9MK2F0M5ZNQ0AB' }))).toMatch(/^overrideId: is only given with override: true/);
    expect(refusal(ev('packed', { override: true, overrideId: 'x' }))).toMatch(/^overrideId: must be an override id/);
  });
});

describe('SaleDoc.webOrderId', () => {
  const sale = (webOrderId: string) => {
    const r = buildSale({
      storeId: 'demo', registerId: 'R1', receiptNumber: 1, createdAt: '2026-11-28T10:00:00.000Z', cashier: 'Camille', currency: 'EUR', location: 'shop',
      lines: [{ product: { sku: 'A', name: 'A', price: money(1000), priceIncludesTax: true, vatRate: 2000 }, quantity: 1 }],
      tenders: [{ kind: 'cash', amount: money(1000) }], webOrderId,
    });
    if (!r.ok) throw new Error('fixture');
    return r.value;
  };
  it('is carried by buildSale and validated as a web order id', () => {
    expect(refusal(sale(ORDER_ID))).toBe('accepted');
    expect(refusal(sale('order-1042'))).toMatch(/^webOrderId: must be a web order id/);
  });
});
