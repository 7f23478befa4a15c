import { describe, expect, it } from 'vitest';
import { addProduct, addReturnLine, emptyCart, setCartDiscount, setLineDiscount, setNote } from '../../../src/domain/cart.ts';
import type { Tender } from '../../../src/domain/documents.ts';
import { money } from '../../../src/domain/money.ts';
import { buildSale, type SaleInput } from '../../../src/domain/sale.ts';
import { parseStoreDoc } from '../../../src/domain/validate.ts';

const jam = { sku: 'JAM', name: 'Confiture', price: money(450), priceIncludesTax: true, vatRate: 550 };
const wine = { sku: 'VIN', name: 'Vin', price: money(1290), priceIncludesTax: true, vatRate: 2000 };
const base = {
  storeId: 'demo', registerId: 'R1', receiptNumber: 7, createdAt: '2026-03-01T09:00:00.000Z', cashier: 'Camille', currency: 'EUR', location: 'shop',
  requireTenderDetails: true,
} satisfies Partial<SaleInput>;

describe('buildSale with the full cart', () => {
  it('keeps discounts, notes, the cart discount, tender details and ids; the document validates', () => {
    let cart = addProduct(addProduct(emptyCart(), jam, 2), wine);
    cart = setLineDiscount(cart, 1, { kind: 'percent', value: 500 });
    cart = setNote(cart, 2, 'millésime 2020');
    cart = setCartDiscount(cart, { kind: 'amount', value: 100 });
    const tenders: Tender[] = [
      { kind: 'card', amount: money(1000), card: { approvalCode: 'XY99', last4: '0042' } },
      { kind: 'other', amount: money(500), tenderId: 'cheque', label: 'Chèque' },
      { kind: 'cash', amount: money(1000) },
    ];
    const r = buildSale({
      ...base, lines: cart.items, cartDiscount: cart.discount, tenders, cashierId: 'staff:01', shiftId: 'shift:R1:01', customerId: 'customer:01',
      otherTenders: [{ id: 'cheque', label: 'Chèque' }],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const sale = r.value;
    expect(sale.totals.gross).toBe(855 + 1290 - 100);
    expect(sale.cartDiscount).toEqual({ kind: 'amount', value: 100, amount: 100 });
    expect(sale.lines[1]!.note).toBe('millésime 2020');
    expect(sale.tenders[0]!.card).toEqual({ approvalCode: 'XY99', last4: '0042' });
    expect(sale.tenders[1]).toEqual({ kind: 'other', amount: 500, tenderId: 'cheque', label: 'Chèque' });
    expect(sale.totals.change).toBe(2500 - 2045);
    expect(sale).toMatchObject({ cashierId: 'staff:01', shiftId: 'shift:R1:01', customerId: 'customer:01' });
    expect(parseStoreDoc(sale)).toEqual({ ok: true, value: sale });
  });

  it('refuses a sale whose discount still needs a manager', () => {
    const cart = setLineDiscount(addProduct(emptyCart(), wine), 1, { kind: 'percent', value: 5000 });
    const r = buildSale({ ...base, lines: cart.items, tenders: [{ kind: 'cash', amount: money(1000) }] });
    expect(r.ok ? null : r.error.kind).toBe('needs_manager');
  });

  it('builds a refund with negative tenders, and an exchange', () => {
    const line = { sku: 'VIN', name: 'Vin', quantity: 1, unitPrice: money(1290), vatRate: 2000, total: money(1290) };
    const cart = addReturnLine(emptyCart(), { saleId: 'sale:R1:00000001', line, lineIndex: 0, quantity: 1, restock: false });
    const refund = buildSale({ ...base, lines: cart.items, tenders: [{ kind: 'cash', amount: money(-1290) }], originalSaleId: 'sale:R1:00000001' });
    expect(refund.ok && refund.value).toMatchObject({ kind: 'refund', totals: { gross: -1290, tendered: -1290, change: 0 }, originalSaleId: 'sale:R1:00000001' });
    expect(refund.ok && parseStoreDoc(refund.value).ok).toBe(true);
    const positive = buildSale({ ...base, lines: cart.items, tenders: [{ kind: 'cash', amount: money(1290) }] });
    expect(positive.ok ? null : positive.error).toMatchObject({ kind: 'invalid_tender', reason: 'positive_on_refund' });

    const exchange = buildSale({ ...base, lines: addProduct(cart, jam, 3).items, tenders: [{ kind: 'cash', amount: money(100) }] });
    expect(exchange.ok && exchange.value.totals).toMatchObject({ gross: 60, change: 40 });
    expect(exchange.ok && exchange.value.kind).toBeUndefined();
  });
});
