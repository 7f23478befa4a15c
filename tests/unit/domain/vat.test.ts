import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  breakdownTotals,
  divideRoundHalfAwayFromZero,
  FRENCH_VAT_RATES,
  isValidVatRate,
  vatBreakdown,
  vatOfExclusive,
  vatOfInclusive,
} from '../../../src/domain/vat.ts';
import { money } from '../../../src/domain/money.ts';

const rate = fc.constantFrom(2000, 1000, 550, 210, 0, 850, 10_000);
const anyRate = fc.integer({ min: 0, max: 10_000 });
const amount = fc.integer({ min: -1e12, max: 1e12 });

describe('rounding', () => {
  it('rounds halves away from zero, both signs', () => {
    expect(divideRoundHalfAwayFromZero(5n, 2n)).toBe(3n);
    expect(divideRoundHalfAwayFromZero(-5n, 2n)).toBe(-3n);
    expect(divideRoundHalfAwayFromZero(7n, 3n)).toBe(2n);
    expect(divideRoundHalfAwayFromZero(-7n, 3n)).toBe(-2n);
    expect(divideRoundHalfAwayFromZero(0n, 3n)).toBe(0n);
  });
});

describe('vatOfInclusive / vatOfExclusive', () => {
  it('matches hand-computed French examples', () => {
    // 12,00 € TTC at 20 %: VAT = 12 × 20/120 = 2,00 €
    expect(vatOfInclusive(money(1200), FRENCH_VAT_RATES.standard)).toEqual({ net: 1000, vat: 200 });
    // 1,00 € TTC at 5,5 %: 100 × 550/10550 = 5,213… → 5
    expect(vatOfInclusive(money(100), FRENCH_VAT_RATES.reduced)).toEqual({ net: 95, vat: 5 });
    // 0,05 € HT at 10 %: 0,5 cent is a half, rounded away from zero
    expect(vatOfExclusive(money(5), FRENCH_VAT_RATES.intermediate)).toEqual({ vat: 1, gross: 6 });
    expect(vatOfExclusive(money(-5), FRENCH_VAT_RATES.intermediate)).toEqual({ vat: -1, gross: -6 });
    expect(vatOfInclusive(money(999), 0)).toEqual({ net: 999, vat: 0 });
  });

  it('refuses rates that are not integer basis points in 0..10000', () => {
    expect(() => vatOfInclusive(money(100), 20.5)).toThrow(RangeError);
    expect(() => vatOfExclusive(money(100), -1)).toThrow(RangeError);
    expect(isValidVatRate(10_001)).toBe(false);
    expect(isValidVatRate('2000')).toBe(false);
    expect(isValidVatRate(2000)).toBe(true);
  });

  it('net + vat === gross, and the VAT is within half a minor unit of the exact rational', () => {
    fc.assert(
      fc.property(amount, anyRate, (g, r) => {
        const { net, vat } = vatOfInclusive(money(g), r);
        expect(net + vat).toBe(g);
        // |vat − g·r/(10000+r)| ≤ 1/2  ⇔  |2·vat·(10000+r) − 2·g·r| ≤ 10000+r
        const d = BigInt(10_000 + r);
        const diff = 2n * BigInt(vat) * d - 2n * BigInt(g) * BigInt(r);
        expect((diff < 0n ? -diff : diff) <= d).toBe(true);
      }),
    );
    fc.assert(
      fc.property(amount, anyRate, (n, r) => {
        const { vat, gross } = vatOfExclusive(money(n), r);
        expect(gross - vat).toBe(n);
        const diff = 2n * BigInt(vat) * 10_000n - 2n * BigInt(n) * BigInt(r);
        expect((diff < 0n ? -diff : diff) <= 10_000n).toBe(true);
      }),
    );
  });

  it('is symmetric for refunds: the VAT of −x is −(VAT of x)', () => {
    fc.assert(
      fc.property(amount, rate, (g, r) => {
        expect(vatOfInclusive(money(-g), r).vat).toBe(-vatOfInclusive(money(g), r).vat || 0);
      }),
    );
  });

  it('is exact where floats would not be (amounts near 2^53)', () => {
    const g = money(Number.MAX_SAFE_INTEGER);
    const { vat } = vatOfInclusive(g, 2000);
    const exact = divideRoundHalfAwayFromZero(BigInt(g) * 2000n, 12_000n);
    expect(BigInt(vat)).toBe(exact);
  });
});

describe('vatBreakdown', () => {
  it('computes VAT on each rate total, not per line', () => {
    // Three lines of 0,10 € at 20 %: per line 0,017 → 0,02 each = 0,06; on the total 0,30 → 0,05.
    const rows = vatBreakdown([
      { gross: money(10), vatRate: 2000 },
      { gross: money(10), vatRate: 2000 },
      { gross: money(10), vatRate: 2000 },
      { gross: money(250), vatRate: 550 },
    ]);
    expect(rows).toEqual([
      { rate: 2000, net: 25, vat: 5, gross: 30 },
      { rate: 550, net: 237, vat: 13, gross: 250 },
    ]);
  });

  it('gives no rows for no lines', () => {
    expect(vatBreakdown([])).toEqual([]);
  });

  const lines = fc.array(fc.record({ gross: fc.integer({ min: -1e7, max: 1e7 }).map(money), vatRate: rate }), { maxLength: 30 });

  it('sums to the sale total, one row per distinct rate, each row within half a unit of exact', () => {
    fc.assert(
      fc.property(lines, (ls) => {
        const rows = vatBreakdown(ls);
        const totals = breakdownTotals(rows);
        expect(totals.gross).toBe(ls.reduce((s, l) => s + l.gross, 0));
        expect(totals.net + totals.vat).toBe(totals.gross);
        expect(rows.map((r) => r.rate)).toEqual([...new Set(ls.map((l) => l.vatRate))].sort((a, b) => b - a));
        for (const row of rows) {
          const exactGross = ls.filter((l) => l.vatRate === row.rate).reduce((s, l) => s + l.gross, 0);
          expect(row.gross).toBe(exactGross);
          expect(row.net + row.vat).toBe(row.gross);
          const d = BigInt(10_000 + row.rate);
          const diff = 2n * BigInt(row.vat) * d - 2n * BigInt(row.gross) * BigInt(row.rate);
          expect((diff < 0n ? -diff : diff) <= d).toBe(true);
        }
      }),
    );
  });

  it('does not depend on line order', () => {
    fc.assert(
      fc.property(lines.chain((ls) => fc.tuple(fc.constant(ls), fc.shuffledSubarray(ls, { minLength: ls.length }))), ([a, b]) => {
        expect(vatBreakdown(b)).toEqual(vatBreakdown(a));
      }),
    );
  });
});
