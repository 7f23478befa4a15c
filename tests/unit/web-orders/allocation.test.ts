/** suggestAllocation: one location when one can serve everything, otherwise per line where the stock is. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suggestAllocation } from '../../../src/domain/allocation.ts';
import { stockKey } from '../../../src/domain/stock.ts';

const stock = (entries: Array<[string, string, number]>): Map<string, number> => new Map(entries.map(([s, l, n]) => [stockKey(s, l), n]));

describe('suggestAllocation', () => {
  const lines = [{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 1 }];

  it('keeps the whole order at the default location when it can serve it', () => {
    expect(suggestAllocation(lines, stock([['A', 'shop', 5], ['B', 'shop', 1], ['A', 'depot', 9], ['B', 'depot', 9]]), ['shop', 'depot'])).toEqual([
      { sku: 'A', location: 'shop', quantity: 2 },
      { sku: 'B', location: 'shop', quantity: 1 },
    ]);
  });

  it('moves the whole order to another location that can serve everything', () => {
    expect(suggestAllocation(lines, stock([['A', 'shop', 2], ['A', 'depot', 2], ['B', 'depot', 1]]), ['shop', 'depot']).map((a) => a.location)).toEqual(['depot', 'depot']);
  });

  it('splits per line when no location holds it all, and over locations when no location holds a line', () => {
    expect(suggestAllocation(lines, stock([['A', 'shop', 2], ['B', 'depot', 1]]), ['shop', 'depot'])).toEqual([
      { sku: 'A', location: 'shop', quantity: 2 },
      { sku: 'B', location: 'depot', quantity: 1 },
    ]);
    expect(suggestAllocation([{ sku: 'A', quantity: 5 }], stock([['A', 'shop', 1], ['A', 'depot', 2]]), ['shop', 'depot'])).toEqual([
      { sku: 'A', location: 'shop', quantity: 3 },
      { sku: 'A', location: 'depot', quantity: 2 },
    ]);
  });

  it('always places every unit exactly once (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ sku: fc.constantFrom('A', 'B', 'C'), quantity: fc.integer({ min: 0, max: 6 }) }), { maxLength: 5 }),
        fc.array(fc.tuple(fc.constantFrom('A', 'B', 'C'), fc.constantFrom('shop', 'depot', 'back'), fc.integer({ min: -2, max: 6 }))),
        (ls, levels) => {
          const out = suggestAllocation(ls, stock(levels), ['shop', 'depot', 'back']);
          for (const sku of ['A', 'B', 'C']) {
            const wanted = ls.filter((l) => l.sku === sku).reduce((n, l) => n + l.quantity, 0);
            expect(out.filter((a) => a.sku === sku).reduce((n, a) => n + a.quantity, 0)).toBe(wanted);
          }
          expect(out.every((a) => a.quantity > 0)).toBe(true);
        },
      ),
    );
  });
});
