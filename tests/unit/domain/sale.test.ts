import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { buildSale, cartTotals, suggestedCashAmounts } from '../../../src/domain/sale.ts';
import type { CartLine, SaleInput, SaleProduct } from '../../../src/domain/sale.ts';
import type { Tender, TenderKind } from '../../../src/domain/documents.ts';
import { money } from '../../../src/domain/money.ts';
import { parseStoreDoc } from '../../../src/domain/validate.ts';

const croissant: SaleProduct = { sku: 'CROIS', name: 'Croissant', price: money(120), priceIncludesTax: true, vatRate: 550, currency: 'EUR' };
const wine: SaleProduct = { sku: 'VIN', name: 'Vin rouge', price: money(1290), priceIncludesTax: true, vatRate: 2000 };
const service: SaleProduct = { sku: 'SRV', name: 'Service HT', price: money(1), priceIncludesTax: false, vatRate: 2000 };

function input(lines: CartLine[], tenders: Tender[], overrides: Partial<SaleInput> = {}): SaleInput {
  return {
    storeId: 'demo',
    registerId: 'r1',
    receiptNumber: 42,
    createdAt: '2024-05-01T08:30:00.000Z',
    cashier: 'alice',
    currency: 'EUR',
    location: 'shop',
    lines,
    tenders,
    ...overrides,
  };
}

const cash = (n: number): Tender => ({ kind: 'cash', amount: money(n) });
const card = (n: number): Tender => ({ kind: 'card', amount: money(n) });

describe('buildSale', () => {
  it('builds the sale document with ids, lines, totals and breakdown', () => {
    const r = buildSale(input([{ product: croissant, quantity: 3 }, { product: wine, quantity: 1 }], [card(1000), cash(1000)]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const sale = r.value;
    expect(sale._id).toBe('sale:r1:00000042');
    expect(sale.receiptLabel).toBe('R1-000042');
    expect(sale.lines.map((l) => l.total)).toEqual([360, 1290]);
    expect(sale.totals).toEqual({ net: 1416, vat: 234, gross: 1650, tendered: 2000, change: 350 });
    // 1290 × 2000/12000 = 215 exactly; 360 × 550/10550 = 18.77 → 19
    expect(sale.vatBreakdown).toEqual([
      { rate: 2000, net: 1075, vat: 215, gross: 1290 },
      { rate: 550, net: 341, vat: 19, gross: 360 },
    ]);
    expect(parseStoreDoc(sale)).toEqual({ ok: true, value: sale });
  });

  it('adds VAT to tax-exclusive lines on the line net, not per unit', () => {
    const r = buildSale(input([{ product: service, quantity: 100 }], [cash(120)]));
    expect(r.ok && r.value.lines[0]).toEqual({ sku: 'SRV', name: 'Service HT', quantity: 100, unitPrice: 1, vatRate: 2000, total: 120, unitPriceExcludesTax: true });
  });

  it('refuses an empty cart and bad quantities', () => {
    expect(buildSale(input([], []))).toEqual({ ok: false, error: { kind: 'empty_cart' } });
    for (const quantity of [0, -1, 1.5, Number.NaN]) {
      const r = buildSale(input([{ product: croissant, quantity: 1 }, { product: wine, quantity }], [cash(100_000)]));
      expect(r).toEqual({ ok: false, error: { kind: 'invalid_quantity', line: 1, sku: 'VIN', quantity } });
    }
  });

  it('refuses underpayment, saying by how much', () => {
    expect(buildSale(input([{ product: wine, quantity: 1 }], [card(1000), cash(60)]))).toEqual({
      ok: false,
      error: { kind: 'underpaid', due: 1290, tendered: 1060, missing: 230 },
    });
  });

  it('refuses change out of a card or voucher', () => {
    expect(buildSale(input([{ product: wine, quantity: 1 }], [card(1000), { kind: 'voucher', amount: money(500) }]))).toEqual({
      ok: false,
      error: { kind: 'change_from_non_cash', due: 1290, nonCash: 1500, excess: 210 },
    });
  });

  it('refuses negative and fractional tenders, currency mismatches and bad identity fields', () => {
    const line = [{ product: croissant, quantity: 1 }];
    expect(buildSale(input(line, [cash(200), { kind: 'cash', amount: -80 as never }]))).toEqual({
      ok: false,
      error: { kind: 'invalid_tender', tender: 1, amount: -80, reason: 'negative' },
    });
    expect(buildSale(input(line, [{ kind: 'card', amount: 1.2 as never }])).ok).toBe(false);
    expect(buildSale(input(line, [cash(200)], { currency: 'USD' }))).toEqual({
      ok: false,
      error: { kind: 'currency_mismatch', line: 0, sku: 'CROIS', expected: 'USD', actual: 'EUR' },
    });
    expect(buildSale(input(line, [cash(200)], { receiptNumber: 0 }))).toEqual({ ok: false, error: { kind: 'invalid_field', field: 'receiptNumber', value: 0 } });
    expect(buildSale(input(line, [cash(200)], { registerId: 'r:1' }))).toMatchObject({ ok: false, error: { field: 'registerId' } });
    expect(buildSale(input(line, [cash(200)], { createdAt: 'yesterday' }))).toMatchObject({ ok: false, error: { field: 'createdAt' } });
  });

  const product = fc.record({
    sku: fc.constantFrom('A', 'B', 'C', 'D'),
    name: fc.constant('p'),
    price: fc.integer({ min: 0, max: 100_000 }).map(money),
    priceIncludesTax: fc.boolean(),
    vatRate: fc.constantFrom(2000, 1000, 550, 210, 0),
  });
  const lines = fc.array(fc.record({ product, quantity: fc.integer({ min: 1, max: 50 }) }), { minLength: 1, maxLength: 12 });
  const tenders = fc.array(fc.record({ kind: fc.constantFrom<TenderKind>('cash', 'card', 'voucher', 'other'), amount: fc.integer({ min: 0, max: 2_000_000 }).map(money) }), { maxLength: 4 });

  it('valid sales: gross = Σ lines = Σ breakdown, tendered − change = gross, and the document validates', () => {
    fc.assert(
      fc.property(lines, fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom<TenderKind>('card', 'voucher', 'other'), fc.integer({ min: 0, max: 10_000 }), (ls, share, kind, extra) => {
        const cart = cartTotals(ls);
        if (!cart.ok) throw new Error('generated lines are valid');
        const nonCash = Math.floor(cart.value.gross * share);
        const ts: Tender[] = [{ kind, amount: money(nonCash) }, cash(cart.value.gross - nonCash + extra)];
        const r = buildSale(input(ls, ts));
        if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.error)}`);
        const s = r.value;
        expect(s.totals.change).toBe(extra);
        expect(s.totals.gross).toBe(s.lines.reduce((a, l) => a + l.total, 0));
        expect(s.totals.tendered - s.totals.change).toBe(s.totals.gross);
        expect(s.totals.change).toBeGreaterThanOrEqual(0);
        expect(s.totals.change).toBeLessThanOrEqual(ts.filter((t) => t.kind === 'cash').reduce((a, t) => a + t.amount, 0));
        expect(s.vatBreakdown.reduce((a, row) => a + row.gross, 0)).toBe(s.totals.gross);
        expect(s.vatBreakdown.reduce((a, row) => a + row.vat, 0)).toBe(s.totals.vat);
        expect(s.totals.net + s.totals.vat).toBe(s.totals.gross);
        expect(parseStoreDoc(s).ok).toBe(true);
      }),
    );
  });

  it('an exact cash payment always validates, and one minor unit less never does', () => {
    fc.assert(
      fc.property(lines, (ls) => {
        const totals = cartTotals(ls);
        if (!totals.ok) throw new Error('generated lines are valid');
        const due = totals.value.gross;
        expect(buildSale(input(ls, [cash(due)])).ok).toBe(true);
        if (due > 0) expect(buildSale(input(ls, [cash(due - 1)]))).toMatchObject({ ok: false, error: { kind: 'underpaid', missing: 1 } });
      }),
    );
  });

  it('never validates when underpaid', () => {
    fc.assert(
      fc.property(lines, tenders, (ls, ts) => {
        const totals = cartTotals(ls);
        const tendered = ts.reduce((a, t) => a + t.amount, 0);
        fc.pre(totals.ok && tendered < totals.value.gross);
        expect(buildSale(input(ls, ts)).ok).toBe(false);
      }),
    );
  });
});

describe('cartTotals', () => {
  it('gives zeros for an empty cart and refuses a bad quantity', () => {
    expect(cartTotals([])).toEqual({ ok: true, value: { lines: [], net: 0, vat: 0, gross: 0, vatBreakdown: [] } });
    expect(cartTotals([{ product: wine, quantity: 0 }])).toMatchObject({ ok: false, error: { kind: 'invalid_quantity' } });
  });
});

describe('suggestedCashAmounts', () => {
  it('offers the exact amount then the next 5, 10, 20 and 50 € notes', () => {
    expect(suggestedCashAmounts(money(1230))).toEqual([1230, 1500, 2000, 5000]);
    expect(suggestedCashAmounts(money(2000))).toEqual([2000, 5000]);
    expect(suggestedCashAmounts(money(5001))).toEqual([5001, 5500, 6000, 10000]);
    expect(suggestedCashAmounts(money(0))).toEqual([]);
    expect(suggestedCashAmounts(money(1230), 'JPY', [1000, 5000])).toEqual([1230, 2000, 5000]);
  });

  it('starts with the exact amount, ascends strictly, and never offers less than due', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), (due) => {
        const s = suggestedCashAmounts(money(due));
        expect(s[0]).toBe(due);
        for (let i = 1; i < s.length; i++) expect(s[i]! > s[i - 1]!).toBe(true);
        for (const a of s.slice(1)) expect(a % 500).toBe(0);
        expect(s.length).toBeLessThanOrEqual(5);
      }),
    );
  });
});
