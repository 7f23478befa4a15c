import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  buildInvoice,
  buildInvoiceRequest,
  invoiceContentOfSale,
  invoiceContentOfWebOrder,
  invoiceId,
  invoiceLabel,
  invoiceLineView,
  invoiceTotals,
  parseInvoiceId,
} from '../../../src/domain/invoice.ts';
import { buildSale } from '../../../src/domain/sale.ts';
import { money } from '../../../src/domain/money.ts';
import type { WebOrderDoc } from '../../../src/domain/documents.ts';

const ULID = '01HZY3V8Q6K2W5T9X0ABCDEFGH';

const sale = (() => {
  const r = buildSale({
    storeId: 'demo', registerId: 'R1', receiptNumber: 7, createdAt: '2026-03-01T09:00:00.000Z', cashier: 'a', currency: 'EUR', location: 'shop',
    lines: [
      { product: { sku: 'PAIN', name: 'Pain', price: money(120), priceIncludesTax: true, vatRate: 550 }, quantity: 3 },
      { product: { sku: 'VIN', name: 'Vin', price: money(1290), priceIncludesTax: true, vatRate: 2000 }, quantity: 1 },
    ],
    tenders: [{ kind: 'cash', amount: money(2000) }],
  });
  if (!r.ok) throw new Error('sale');
  return r.value;
})();

describe('invoice ids', () => {
  it('pads the number to 8 digits and parses back', () => {
    expect(invoiceId('demo', 1)).toBe('invoice:demo:00000001');
    expect(parseInvoiceId('invoice:demo:00000042')).toEqual({ storeId: 'demo', n: 42 });
    expect(parseInvoiceId('invoice:demo:42')).toBeNull();
    expect(() => invoiceId('demo', 0)).toThrow();
    expect(invoiceLabel(3)).toBe('F-00000003');
    fc.assert(fc.property(fc.integer({ min: 1, max: 99_999_999 }), (n) => parseInvoiceId(invoiceId('s1', n))?.n === n));
  });
});

describe('buildInvoiceRequest', () => {
  it('needs a name and an address; normalises email and VAT number', () => {
    const r = buildInvoiceRequest({
      registerId: 'R1', ulid: ULID, source: sale._id, at: '2026-03-01T10:00:00.000Z',
      customer: { name: ' ACME SARL ', address: '1 rue de la Paix\n\n75002 Paris', email: ' Compta@ACME.fr', vatNumber: 'fr 12 345678901' },
    });
    expect(r).toEqual({
      ok: true,
      value: {
        _id: `invoicereq:R1:${ULID}`, type: 'invoice_request', registerId: 'R1', source: sale._id, at: '2026-03-01T10:00:00.000Z',
        customer: { name: 'ACME SARL', address: ['1 rue de la Paix', '75002 Paris'], email: 'compta@acme.fr', vatNumber: 'FR12345678901' },
      },
    });
    const bad = buildInvoiceRequest({ registerId: 'R1', ulid: ULID, source: 'x', at: 'now', customer: { name: '', address: [] } });
    expect(bad).toEqual({ ok: false, error: ['name_required', 'address_required', 'source_required'] });
  });
});

describe('invoice content', () => {
  it('copies a sale: lines, VAT per rate, total, receipt reference', () => {
    const content = invoiceContentOfSale(sale);
    expect(content.total).toBe(1650);
    expect(content.sourceLabel).toBe(sale.receiptLabel);
    const req = buildInvoiceRequest({ registerId: 'R1', ulid: ULID, source: sale._id, at: 'x', customer: { name: 'A', address: ['B'] } });
    if (!req.ok) throw new Error('req');
    const inv = buildInvoice({ storeId: 'demo', number: 12, request: req.value, content, issuedAt: '2026-03-01T10:00:00.000Z' });
    expect(inv._id).toBe('invoice:demo:00000012');
    expect(invoiceTotals(inv)).toEqual({ net: sale.totals.net, vat: sale.totals.vat, gross: sale.totals.gross });
  });

  it('shows unit prices HT and TTC', () => {
    const v = invoiceLineView(sale.lines[1]!);
    expect(v).toMatchObject({ unitGross: 1290, unitNet: 1075, totalGross: 1290 });
  });

  it('prices a web order with the catalogue rates, adding VAT to tax-exclusive prices', () => {
    const order: WebOrderDoc = {
      _id: 'weborder:shopify:s:1', type: 'web_order', platform: 'shopify', shop: 's', platformOrderId: '1', orderNumber: '#1001',
      createdAt: '2026-03-01T09:00:00.000Z', updatedAt: '2026-03-01T09:00:00.000Z', status: 'new', delivery: 'shipping',
      customer: { name: 'Bob' }, currency: 'EUR', pricesIncludeTax: false,
      lines: [{ sku: 'PAIN', name: 'Pain', quantity: 2, unitPrice: money(100) }, { sku: null, name: 'Port', quantity: 1, unitPrice: money(500) }],
      total: money(811), payment: { state: 'paid' },
    };
    const content = invoiceContentOfWebOrder(order, (sku) => (sku === 'PAIN' ? 550 : undefined));
    expect(content.lines.map((l) => l.total)).toEqual([211, 600]);
    expect(content.total).toBe(811);
    expect(content.sourceLabel).toBe('#1001');
    expect(invoiceLineView(content.lines[0]!)).toMatchObject({ unitNet: 100, unitGross: 106 });
  });
});

import { repeatOrderItems } from '../../../src/domain/repeat-order.ts';

describe('repeatOrderItems', () => {
  it('repeats the units sold per SKU, never the returned ones', () => {
    const lines = [
      { sku: 'A', name: 'A', quantity: 2, unitPrice: money(100), vatRate: 550, total: money(200) },
      { sku: 'B', name: 'B', quantity: -1, unitPrice: money(100), vatRate: 550, total: money(-100), returnOf: { saleId: 's', line: 0 } },
      { sku: 'A', name: 'A', quantity: 1, unitPrice: money(90), vatRate: 550, total: money(90), note: 'x' },
    ];
    expect(repeatOrderItems({ lines })).toEqual([{ sku: 'A', name: 'A', quantity: 3 }]);
  });
});
