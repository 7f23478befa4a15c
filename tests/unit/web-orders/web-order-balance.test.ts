/** balanceCartLines: the sale taking an order's balance adds up to the balance to the cent, with the catalogue's VAT. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { money } from '../../../src/domain/money.ts';
import { cartTotals } from '../../../src/domain/sale.ts';
import { balanceCartLines, BALANCE_SKU, SHIPPING_SKU } from '../../../src/domain/web-order-balance.ts';
import { orderState } from '../../../src/domain/web-order-state.ts';
import { event, webOrder } from './web-order-fixtures.ts';

const rates = new Map([['A', 550], ['B', 2000]]);
const vat = (sku: string) => rates.get(sku);

describe('balanceCartLines', () => {
  it("nothing paid yet: the order's lines at its prices, VAT from the catalogue, shipping as a line", () => {
    const order = webOrder({ payment: { state: 'to_pay' }, total: money(5000) });
    const lines = balanceCartLines(order, orderState(order, [], 'shop'), vat, 'Solde commande #1042');
    expect(lines.map((l) => [l.product.sku, l.quantity, l.product.price, l.product.vatRate])).toEqual([
      ['A', 2, 1000, 550],
      ['B', 1, 2500, 2000],
      [SHIPPING_SKU, 1, 500, 2000],
    ]);
    const t = cartTotals(lines);
    expect(t.ok && t.value.gross).toBe(5000);
  });

  it('part paid (an added line): one balance line per VAT rate adding up to the balance', () => {
    const order = webOrder();
    const state = orderState(order, [event('changed', 1, { change: { add: { sku: 'A', name: 'A', quantity: 1, unitPrice: money(1001) } } })], 'shop');
    expect(state.balance).toBe(1001);
    const lines = balanceCartLines(order, state, vat, 'Solde commande #1042');
    expect(lines.every((l) => l.product.sku === BALANCE_SKU && l.product.name === 'Solde commande #1042' && l.quantity === 1)).toBe(true);
    const t = cartTotals(lines);
    expect(t.ok && t.value.gross).toBe(1001);
    expect(balanceCartLines(order, orderState(order, [], 'shop'), vat, 'x')).toEqual([]);
  });

  it('always adds up to the balance exactly (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ sku: fc.constantFrom('A', 'B', 'C'), quantity: fc.integer({ min: 1, max: 5 }), unitPrice: fc.integer({ min: 0, max: 99_999 }) }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 500_000 }),
        fc.boolean(),
        (ls, total, inclusive) => {
          const order = webOrder({ lines: ls.map((l) => ({ ...l, name: l.sku, unitPrice: money(l.unitPrice) })), total: money(total), payment: { state: 'to_pay' }, pricesIncludeTax: inclusive });
          const state = orderState(order, [], 'shop');
          const t = cartTotals(balanceCartLines(order, state, vat, 'Solde'));
          expect(t.ok && t.value.gross).toBe(total);
        },
      ),
    );
  });
});
