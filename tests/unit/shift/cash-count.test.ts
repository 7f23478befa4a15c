import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countedCash, denominationsOf, EURO_DENOMINATIONS, normaliseCounts } from '../../../src/domain/cash-count.ts';

describe('cash count', () => {
  it('adds notes and coins in minor units', () => {
    expect(countedCash({ '5000': 2, '200': 7, '1': 3 })).toBe(11_403);
    expect(countedCash({})).toBe(0);
  });

  it('refuses what cannot be counted', () => {
    expect(() => countedCash({ '5000': -1 })).toThrow(RangeError);
    expect(() => countedCash({ '5000': 1.5 })).toThrow(RangeError);
    expect(() => countedCash({ '0': 1 })).toThrow(RangeError);
    expect(() => countedCash({ abc: 1 })).toThrow(RangeError);
  });

  it('is the sum of denomination × count, and normalising keeps the total', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 500 }), { minLength: EURO_DENOMINATIONS.length, maxLength: EURO_DENOMINATIONS.length }), (counts) => {
        const record = Object.fromEntries(EURO_DENOMINATIONS.map((d, i) => [String(d), counts[i] ?? 0]));
        const expected = EURO_DENOMINATIONS.reduce((s, d, i) => s + d * (counts[i] ?? 0), 0);
        expect(countedCash(record)).toBe(expected);
        const normal = normaliseCounts(record);
        expect(countedCash(normal)).toBe(expected);
        expect(Object.values(normal).every((c) => c > 0)).toBe(true);
      }),
    );
  });

  it('uses the shop’s denominations, largest first, else the euro set', () => {
    expect(denominationsOf(undefined)).toEqual([...EURO_DENOMINATIONS]);
    expect(denominationsOf({ denominations: [] })).toEqual([...EURO_DENOMINATIONS]);
    expect(denominationsOf({ denominations: [100, 1000, 100, -5, 500] })).toEqual([1000, 500, 100]);
  });
});
