import { describe, expect, it } from 'vitest';
import { addProduct, addReturnLine, cartSummary, emptyCart } from '../../../src/domain/cart.ts';
import type { SaleLine } from '../../../src/domain/documents.ts';
import { money } from '../../../src/domain/money.ts';
import { addReturnWithoutReceipt, remainingLine, returnAmounts } from '../../../src/domain/refund.ts';
import { movementsOfSale } from '../../../src/domain/stock.ts';

const sold: SaleLine = { sku: 'A', name: 'Pull', quantity: 2, unitPrice: money(4000), vatRate: 2000, total: money(7200), discount: { kind: 'percent', value: 1000, amount: money(800) } };
const product = { sku: 'B', name: 'Bonnet', price: money(1500), priceIncludesTax: true, vatRate: 2000 };

describe('returns in the cart', () => {
  it('refunds what a returned unit cost, its discount share included, as the refund domain says', () => {
    const cart = addReturnLine(emptyCart(), { saleId: 'sale:R1:00000001', line: sold, lineIndex: 0, quantity: 1, restock: true });
    const s = cartSummary(cart);
    if (!s.ok) throw new Error(s.error.kind);
    expect(s.value.kind).toBe('refund');
    expect(s.value.gross).toBe(-returnAmounts(sold, 0, 1).refund);
    expect(s.value.lines[0]).toMatchObject({ quantity: -1, total: -3600, returnOf: { saleId: 'sale:R1:00000001', line: 0 }, restock: true });
  });

  it('an exchange is one sale: new items minus returned ones', () => {
    let cart = addReturnLine(emptyCart(), { saleId: 'sale:R1:00000001', line: sold, lineIndex: 0, quantity: 1, restock: false });
    cart = addProduct(cart, product, 3);
    const s = cartSummary(cart);
    if (!s.ok) throw new Error(s.error.kind);
    expect(s.value).toMatchObject({ kind: 'sale', gross: 4500 - 3600, returns: -3600 });
    const moves = movementsOfSale({ _id: 'sale:R1:00000002', location: 'shop', createdAt: '2026-03-01T10:00:00.000Z', lines: s.value.lines });
    expect(moves.map((m) => [m.sku, m.delta])).toEqual([['B', -3]]);
  });

  it('a return without receipt: catalogue price, refers to the override, restocks', () => {
    const cart = addReturnWithoutReceipt(emptyCart(), { product, quantity: 2, restock: true, overrideId: 'override:R1:01HV0000000000000000000000' });
    expect(cart.items[0]?.approvals).toEqual([{ action: 'refund_without_receipt', overrideId: 'override:R1:01HV0000000000000000000000' }]);
    const s = cartSummary(cart);
    if (!s.ok) throw new Error(s.error.kind);
    expect(s.value).toMatchObject({ kind: 'refund', gross: -3000 });
    expect(s.value.lines[0]).toMatchObject({ sku: 'B', quantity: -2, total: -3000, restock: true, returnOf: { saleId: 'override:R1:01HV0000000000000000000000', line: 0 } });
  });
});

describe('remainingLine', () => {
  it('returns of a line in several goes add up to its total, to the cent', () => {
    const original = { _id: 'sale:R1:00000001', lines: [{ sku: 'A', name: 'A', quantity: 3, unitPrice: money(400), vatRate: 2000, total: money(1000), discount: { kind: 'amount' as const, value: 200, amount: money(200) } }] };
    const later: Array<{ _id: string; lines: SaleLine[] }> = [];
    for (let i = 0; i < 3; i++) {
      const rest = remainingLine(original, 0, later);
      if (rest === null) throw new Error('nothing left');
      const s = cartSummary(addReturnLine(emptyCart(), { saleId: original._id, line: rest, lineIndex: 0, quantity: 1, restock: true }));
      if (!s.ok) throw new Error(s.error.kind);
      later.push({ _id: `sale:R1:0000000${i + 2}`, lines: s.value.lines });
    }
    expect(later.map((s) => s.lines[0]!.total).reduce((a, b) => a + b, 0)).toBe(-1000);
    expect(remainingLine(original, 0, later)).toBeNull();
  });
});
