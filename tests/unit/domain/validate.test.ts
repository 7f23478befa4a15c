import { describe, it, expect } from 'vitest';
import { parseStoreDoc, parseStoreDocOfType } from '../../../src/domain/validate.ts';
import { buildSale } from '../../../src/domain/sale.ts';
import { money } from '../../../src/domain/money.ts';
import { isIsoDateTime } from '../../../src/domain/iso-date.ts';

const product = {
  _id: 'product:CROIS', _rev: '1-abc', type: 'product', sku: 'CROIS', name: 'Croissant', barcodes: ['3760000000017'],
  price: 120, priceIncludesTax: true, vatRate: 550, currency: 'EUR', category: 'viennoiserie', stockTracked: true,
  updatedAt: '2024-05-01T08:00:00Z',
};
const customer = { _id: 'customer:01ARYZ6S41TSV4RRFFQ69G5FAV', type: 'customer', name: 'Jeanne', email: 'j@example.fr', updatedAt: '2024-05-01T08:00:00+02:00' };
const count = { _id: 'stock:r1:01ARYZ6S41TSV4RRFFQ69G5FAV', type: 'stock_movement', sku: 'CROIS', location: 'shop', reason: 'count', quantity: 12, at: '2024-05-01T07:00:00Z' };
const receipt = { ...count, _id: 'stock:server:01ARYZ6S41TSV4RRFFQ69G5FAW', reason: 'receipt', quantity: undefined, delta: 24, ref: 'po-7' };
const order = {
  _id: 'weborder:shopify:demo.myshopify.com:5001', type: 'web_order', platform: 'shopify', shop: 'demo.myshopify.com', platformOrderId: '5001',
  orderNumber: '#1042', createdAt: '2024-05-01T07:00:00Z', updatedAt: '2024-05-01T07:05:00Z', status: 'new', delivery: 'pickup',
  customer: { name: 'Jeanne', email: 'j@example.fr' }, currency: 'EUR', pricesIncludeTax: true,
  lines: [{ sku: 'CROIS', name: 'Croissant', quantity: 2, unitPrice: 120 }, { sku: null, name: 'Gift wrap', quantity: 1, unitPrice: 0 }],
  total: 240, payment: { state: 'paid', processor: 'shopify_payments' },
};
const settings = { _id: 'store:settings', type: 'store_settings', storeId: 'demo', name: 'Boulangerie', address: ['1 rue de la Paix', '75002 Paris'], currency: 'EUR', locale: 'fr-FR', defaultLocation: 'shop' };

function sale() {
  const r = buildSale({
    storeId: 'demo', registerId: 'r1', receiptNumber: 3, createdAt: '2024-05-01T08:30:00Z', cashier: 'alice', currency: 'EUR', location: 'shop',
    lines: [{ product: { ...product, price: money(120) }, quantity: 2 }, { product: { sku: 'SRV', name: 'Service', price: money(999), priceIncludesTax: false, vatRate: 2000 }, quantity: 3 }],
    tenders: [{ kind: 'card', amount: money(1000) }, { kind: 'cash', amount: money(5000) }],
  });
  if (!r.ok) throw new Error('fixture sale must build');
  return JSON.parse(JSON.stringify(r.value)) as Record<string, unknown> & { lines: Array<Record<string, unknown>>; totals: Record<string, unknown> };
}

function errorOf(x: unknown): string {
  const r = parseStoreDoc(x);
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

describe('parseStoreDoc accepts every document type', () => {
  it.each([
    ['product', product],
    ['customer', customer],
    ['count', count],
    ['receipt', JSON.parse(JSON.stringify(receipt))],
    ['web order', order],
    ['settings', settings],
    ['sale', sale()],
  ])('%s', (_name, doc) => {
    expect(parseStoreDoc(doc)).toEqual({ ok: true, value: doc });
  });

  it('checks the expected type', () => {
    expect(parseStoreDocOfType(order, 'web_order').ok).toBe(true);
    expect(parseStoreDocOfType(order, 'sale')).toEqual({ ok: false, error: 'type: must be "sale", got "web_order"' });
  });
});

describe('parseStoreDoc names the field at fault', () => {
  const s = sale();
  it.each<[string, unknown, string]>([
    ['not an object', 'hello', 'document:'],
    ['array', [], 'document:'],
    ['unknown type', { ...product, type: 'gift_card' }, 'type:'],
    ['missing _id', { ...product, _id: undefined }, '_id:'],
    ['_rev not a string', { ...product, _rev: 3 }, '_rev:'],
    ['float price', { ...product, price: 1.2 }, 'price:'],
    ['unsafe price', { ...product, price: 2 ** 60 }, 'price:'],
    ['negative price', { ...product, price: -1 }, 'price:'],
    ['vat rate out of range', { ...product, vatRate: 10_001 }, 'vatRate:'],
    ['fractional vat rate', { ...product, vatRate: 5.5 }, 'vatRate:'],
    ['bad barcode check digit', { ...product, barcodes: ['3760000000015'] }, 'barcodes[0]:'],
    ['barcode not a string', { ...product, barcodes: [3760000000017] }, 'barcodes[0]:'],
    ['id not matching sku', { ...product, _id: 'product:OTHER' }, '_id:'],
    ['lowercase currency', { ...product, currency: 'eur' }, 'currency:'],
    ['not an ISO date', { ...product, updatedAt: '01/05/2024' }, 'updatedAt:'],
    ['impossible date', { ...product, updatedAt: '2024-02-30T00:00:00Z' }, 'updatedAt:'],
    ['customer email', { ...customer, email: 'nope' }, 'email:'],
    ['customer id prefix', { ...customer, _id: 'client:1' }, '_id:'],
    ['count with delta', { ...count, delta: 3 }, 'delta:'],
    ['negative count', { ...count, quantity: -1 }, 'quantity:'],
    ['receipt without delta', { ...receipt, delta: undefined }, 'delta:'],
    ['unknown reason', { ...count, reason: 'theft' }, 'reason:'],
    ['sale id not matching', { ...s, _id: 'sale:r1:00000004' }, '_id:'],
    ['sale receipt number', { ...s, receiptNumber: 0 }, 'receiptNumber:'],
    ['sale line quantity', { ...s, lines: [{ ...s.lines[0], quantity: 0 }, s.lines[1]] }, 'lines[0].quantity:'],
    ['sale line total', { ...s, lines: [s.lines[0], { ...s.lines[1], total: 1 }] }, 'lines[1].total:'],
    ['sale line exclusivity flag', { ...s, lines: [s.lines[0], { ...s.lines[1], unitPriceExcludesTax: false }] }, 'lines[1].unitPriceExcludesTax:'],
    ['sale without lines', { ...s, lines: [] }, 'lines:'],
    ['sale tender kind', { ...s, tenders: [{ kind: 'bitcoin', amount: 1 }] }, 'tenders[0].kind:'],
    ['sale tender amount', { ...s, tenders: [{ kind: 'cash', amount: -5 }] }, 'tenders[0].amount:'],
    ['sale gross', { ...s, totals: { ...s.totals, gross: 1 } }, 'totals.gross:'],
    ['sale change', { ...s, totals: { ...s.totals, change: 0 } }, 'totals.change:'],
    ['sale net + vat', { ...s, totals: { ...s.totals, net: 0 } }, 'totals.net:'],
    ['sale breakdown', { ...s, vatBreakdown: [] }, 'vatBreakdown:'],
    ['web order id', { ...order, platformOrderId: '5002' }, '_id:'],
    ['web order status', { ...order, status: 'lost' }, 'status:'],
    ['web order line sku', { ...order, lines: [{ ...order.lines[0], sku: 7 }] }, 'lines[0].sku:'],
    ['web order customer', { ...order, customer: null }, 'customer:'],
    ['web order payment', { ...order, payment: { state: 'maybe' } }, 'payment.state:'],
    ['settings locale', { ...settings, locale: 'de-DE' }, 'locale:'],
    ['settings address', { ...settings, address: ['ok', 2] }, 'address[1]:'],
    ['settings id', { ...settings, _id: 'store:other' }, '_id:'],
  ])('%s', (_name, doc, field) => {
    expect(errorOf(doc).startsWith(field)).toBe(true);
  });
});

describe('isIsoDateTime', () => {
  it('accepts full date-times with an offset and refuses the rest', () => {
    for (const ok of ['2024-05-01T08:00Z', '2024-05-01T08:00:00.123Z', '2024-02-29T23:59:59+01:00', '2000-02-29T00:00:00Z']) expect(isIsoDateTime(ok)).toBe(true);
    for (const bad of ['2024-05-01', '2024-05-01T08:00:00', '2023-02-29T00:00:00Z', '1900-02-29T00:00:00Z', '2024-13-01T00:00:00Z', '2024-05-01T24:00:00Z', 20240501]) {
      expect(isIsoDateTime(bad)).toBe(false);
    }
  });
});
