import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addProduct, addReturnLine, attachCustomer, cartSummary, emptyCart, overridePrice, parseCart, removeLine, setCartDiscount,
  setLineDiscount, setNote, setQuantity, type Cart, type DiscountInput,
} from '../../../src/domain/cart.ts';
import { spreadProportionally } from '../../../src/domain/cart-lines.ts';
import { expectedLineTotal } from '../../../src/domain/cart-lines.ts';
import { money } from '../../../src/domain/money.ts';
import type { SaleProduct } from '../../../src/domain/sale.ts';

const jam: SaleProduct = { sku: 'JAM', name: 'Confiture', price: money(450), priceIncludesTax: true, vatRate: 550 };
const wine: SaleProduct = { sku: 'VIN', name: 'Vin', price: money(1290), priceIncludesTax: true, vatRate: 2000 };
const ht: SaleProduct = { sku: 'SRV', name: 'Service HT', price: money(1000), priceIncludesTax: false, vatRate: 2000 };

function summary(cart: Cart, thresholdBp?: number) {
  const r = cartSummary(cart, thresholdBp === undefined ? {} : { thresholdBp });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

describe('cart editing', () => {
  it('adds, merges, changes quantities, removes, notes and customers', () => {
    let cart = addProduct(addProduct(addProduct(emptyCart(), jam), wine), jam);
    expect(cart.items.map((i) => [i.product.sku, i.quantity])).toEqual([['JAM', 2], ['VIN', 1]]);
    const [jamLine, wineLine] = cart.items;
    cart = setQuantity(cart, wineLine!.key, 3);
    cart = setNote(cart, jamLine!.key, '  cadeau ');
    expect(cart.items[0]!.note).toBe('cadeau');
    // A noted line is its own line: the next jam goes on a new one.
    cart = addProduct(cart, jam);
    expect(cart.items).toHaveLength(3);
    cart = removeLine(cart, cart.items[2]!.key);
    cart = attachCustomer(cart, 'customer:01J');
    const s = summary(cart);
    expect(s.gross).toBe(900 + 3870);
    expect(s.lines[0]!.note).toBe('cadeau');
    expect(attachCustomer(cart, null).customerId).toBeUndefined();
    expect(setQuantity(cart, jamLine!.key, 0).items).toHaveLength(1);
  });

  it('applies line discounts in percent and amount, never more than the line', () => {
    let cart = addProduct(addProduct(emptyCart(), jam, 2), wine);
    cart = setLineDiscount(cart, cart.items[0]!.key, { kind: 'percent', value: 1000 });
    cart = setLineDiscount(cart, cart.items[1]!.key, { kind: 'amount', value: 5000 });
    const s = summary(cart, 10_000);
    expect(s.lines[0]).toMatchObject({ total: 810, discount: { kind: 'percent', value: 1000, amount: 90 } });
    expect(s.lines[1]).toMatchObject({ total: 0, discount: { kind: 'amount', value: 5000, amount: 1290 } });
    expect(s.discounts).toBe(1380);
  });

  it('spreads a cart discount over the lines, to the cent', () => {
    let cart = addProduct(addProduct(addProduct(emptyCart(), jam), wine), ht);
    cart = setCartDiscount(cart, { kind: 'amount', value: 100 });
    const s = summary(cart, 10_000);
    const shares = s.lines.map((l) => Number(l.discount?.fromCart ?? 0));
    expect(shares.reduce((a, b) => a + b, 0)).toBe(100);
    expect(s.cartDiscount).toEqual({ kind: 'amount', value: 100, amount: 100 });
    for (const l of s.lines) expect(l.total).toBe(expectedLineTotal(l));
    // HT line: 10,00 € + 20 % = 12,00 € before its share.
    expect(s.lines[2]!.unitPriceExcludesTax).toBe(true);
  });

  it('flags discounts above the threshold and price overrides until a manager approves', () => {
    let cart = addProduct(addProduct(emptyCart(), jam), wine);
    cart = setLineDiscount(cart, cart.items[0]!.key, { kind: 'percent', value: 1000 });
    expect(summary(cart).pendingApprovals).toEqual([]); // 10 % is not above 10 %
    cart = setLineDiscount(cart, cart.items[0]!.key, { kind: 'percent', value: 1500 });
    expect(summary(cart).pendingApprovals).toEqual([{ key: cart.items[0]!.key, index: 0, action: 'discount_above_threshold', overrideId: null }]);
    cart = setLineDiscount(cart, cart.items[0]!.key, { kind: 'percent', value: 1500 }, 'override:R1:A');
    cart = overridePrice(cart, cart.items[1]!.key, money(1000));
    expect(summary(cart).pendingApprovals.map((n) => n.action)).toEqual(['price_override']);
    cart = overridePrice(cart, cart.items[1]!.key, money(1000), 'override:R1:B');
    cart = setCartDiscount(cart, { kind: 'percent', value: 2000 });
    expect(summary(cart).pendingApprovals).toEqual([{ key: null, index: null, action: 'discount_above_threshold', overrideId: null }]);
    cart = setCartDiscount(cart, { kind: 'percent', value: 2000 }, 'override:R1:C');
    const s = summary(cart);
    expect(s.pendingApprovals).toEqual([]);
    expect(s.lines[1]).toMatchObject({ unitPrice: 1000, listPrice: 1290, overrideIds: ['override:R1:B', 'override:R1:C'] });
    expect(s.lines[0]!.overrideIds).toEqual(['override:R1:A', 'override:R1:C']);
    // Changing the discount again drops the approval.
    cart = setLineDiscount(cart, cart.items[0]!.key, { kind: 'percent', value: 3000 });
    expect(summary(cart).pendingApprovals.map((n) => n.index)).toEqual([0]);
  });

  it('adds return lines worth what was paid, pro rata, and makes a refund of returns only', () => {
    const original = { sku: 'JAM', name: 'Confiture', quantity: 3, unitPrice: money(450), vatRate: 550, total: money(1215), discount: { kind: 'percent' as const, value: 1000, amount: money(135) } };
    let cart = addReturnLine(emptyCart(), { saleId: 'sale:R1:00000001', line: original, lineIndex: 0, quantity: 2, restock: true });
    let s = summary(cart);
    expect(s.kind).toBe('refund');
    expect(s.lines[0]).toMatchObject({ quantity: -2, total: -810, returnOf: { saleId: 'sale:R1:00000001', line: 0 }, restock: true });
    expect(s.lines[0]!.total).toBe(expectedLineTotal(s.lines[0]!));
    cart = setQuantity(cart, cart.items[0]!.key, 3);
    s = summary(cart);
    expect(s.gross).toBe(-1215);
    cart = addProduct(cart, wine);
    s = summary(cart);
    expect(s.kind).toBe('sale');
    expect(s.gross).toBe(1290 - 1215);
    expect(s.returns).toBe(-1215);
    // Cart discounts apply to what is sold, not to what comes back.
    s = summary(setCartDiscount(cart, { kind: 'percent', value: 1000 }));
    expect(s.lines[0]!.total).toBe(-1215);
    expect(s.lines[1]!.discount?.fromCart).toBe(129);
  });

  it('refuses lines that cannot be sold', () => {
    const bad = { ...emptyCart(), items: [{ key: 1, product: jam, quantity: -1 }] };
    expect(cartSummary(bad)).toEqual({ ok: false, error: { kind: 'invalid_quantity', line: 0, sku: 'JAM', quantity: -1 } });
  });

  it('parses a parked cart back, refusing a malformed one', () => {
    const cart = setLineDiscount(addProduct(emptyCart(), jam), 1, { kind: 'amount', value: 50 });
    expect(parseCart(JSON.parse(JSON.stringify(cart)))).toEqual({ ok: true, value: cart });
    expect(parseCart({ items: [{ key: 1, quantity: 1, product: {} }], nextKey: 2 }).ok).toBe(false);
    expect(parseCart(null).ok).toBe(false);
  });
});

const product = fc.record({
  sku: fc.constantFrom('A', 'B', 'C', 'D', 'E'),
  name: fc.constant('P'),
  price: fc.integer({ min: 0, max: 200_000 }).map(money),
  priceIncludesTax: fc.boolean(),
  vatRate: fc.constantFrom(0, 210, 550, 1000, 2000),
});
const discount: fc.Arbitrary<DiscountInput> = fc.oneof(
  fc.record({ kind: fc.constant('percent' as const), value: fc.integer({ min: 0, max: 10_000 }) }),
  fc.record({ kind: fc.constant('amount' as const), value: fc.integer({ min: 0, max: 500_000 }) }),
);
const cartArb = fc
  .record({
    lines: fc.array(fc.record({ product, quantity: fc.integer({ min: 1, max: 50 }), discount: fc.option(discount, { nil: undefined }), override: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }) }), { maxLength: 8 }),
    cartDiscount: fc.option(discount, { nil: undefined }),
  })
  .map(({ lines, cartDiscount }) => {
    let cart = emptyCart();
    for (const l of lines) {
      cart = { ...cart, items: [...cart.items, { key: cart.nextKey, product: l.product, quantity: l.quantity }], nextKey: cart.nextKey + 1 };
      const key = cart.nextKey - 1;
      if (l.discount) cart = setLineDiscount(cart, key, l.discount);
      if (l.override !== undefined) cart = overridePrice(cart, key, money(l.override));
    }
    return cartDiscount ? setCartDiscount(cart, cartDiscount) : cart;
  });

describe('cart properties', () => {
  it('Σ lines == gross == Σ VAT rows; nothing negative without returns; discounts within their line', () => {
    fc.assert(
      fc.property(cartArb, (cart) => {
        const s = summary(cart);
        const linesSum = s.lines.reduce((a, l) => a + l.total, 0);
        expect(linesSum).toBe(s.gross);
        expect(s.vatBreakdown.reduce((a, r) => a + r.gross, 0)).toBe(s.gross);
        expect(s.net + s.vat).toBe(s.gross);
        expect(s.gross).toBeGreaterThanOrEqual(0);
        for (const l of s.lines) {
          expect(l.total).toBeGreaterThanOrEqual(0);
          expect(l.total).toBe(expectedLineTotal(l));
          if (l.discount) expect(l.discount.amount).toBeLessThanOrEqual(l.total + l.discount.amount);
        }
        const fromCart = s.lines.reduce((a, l) => a + (l.discount?.fromCart ?? 0), 0);
        expect(fromCart).toBe(s.cartDiscount?.amount ?? 0);
        expect(s.discounts).toBe(s.lines.reduce((a, l) => a + (l.discount?.amount ?? 0), 0));
      }),
      { numRuns: 400 },
    );
  });

  it('spreads any amount up to the total exactly, never more than a weight', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 12 }), fc.double({ min: 0, max: 1, noNaN: true }), (weights, f) => {
        const total = weights.reduce((a, b) => a + b, 0);
        const amount = Math.floor(total * f);
        const shares = spreadProportionally(amount, weights);
        expect(shares.reduce((a, b) => a + b, 0)).toBe(total === 0 ? 0 : amount);
        shares.forEach((s, i) => expect(s).toBeLessThanOrEqual(weights[i]!));
        expect(spreadProportionally(amount, weights)).toEqual(shares);
      }),
    );
  });
});
