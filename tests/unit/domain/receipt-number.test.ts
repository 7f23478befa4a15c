import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  findDuplicates,
  findGapRanges,
  findGaps,
  MAX_RECEIPT_NUMBER,
  nextReceiptNumber,
  parseSaleId,
  receiptLabel,
  saleId,
} from '../../../src/domain/receipt-number.ts';

const registerId = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
const receipt = fc.integer({ min: 1, max: MAX_RECEIPT_NUMBER });

describe('receipt numbers', () => {
  it('start at 1 and follow the last one', () => {
    expect(nextReceiptNumber(0)).toBe(1);
    expect(nextReceiptNumber(41)).toBe(42);
    expect(() => nextReceiptNumber(-1)).toThrow(RangeError);
    expect(() => nextReceiptNumber(1.5)).toThrow(RangeError);
    expect(() => nextReceiptNumber(MAX_RECEIPT_NUMBER)).toThrow(RangeError);
  });

  it('build sale ids and receipt labels', () => {
    expect(saleId('r1', 42)).toBe('sale:r1:00000042');
    expect(receiptLabel('r-abcd', 42)).toBe('R-ABCD-000042');
    expect(() => saleId('r:1', 1)).toThrow(RangeError);
    expect(() => saleId('', 1)).toThrow(RangeError);
    expect(() => saleId('r1', 0)).toThrow(RangeError);
    expect(() => saleId('r1', MAX_RECEIPT_NUMBER + 1)).toThrow(RangeError);
  });

  it('parse back what saleId built, and nothing else', () => {
    fc.assert(
      fc.property(registerId, receipt, (r, n) => {
        expect(parseSaleId(saleId(r, n))).toEqual({ registerId: r, n });
      }),
    );
    expect(parseSaleId('sale:r1:00000000')).toBeNull();
    expect(parseSaleId('sale:r1:42')).toBeNull();
    expect(parseSaleId('sale:r1:x:00000042')).toBeNull();
    expect(parseSaleId('stock:r1:00000042')).toBeNull();
  });

  it('sale ids sort like receipt numbers within a register', () => {
    fc.assert(
      fc.property(registerId, receipt, receipt, (r, a, b) => {
        expect(Math.sign(saleId(r, a).localeCompare(saleId(r, b), 'en'))).toBe(Math.sign(a - b));
        expect(saleId(r, a) < saleId(r, b)).toBe(a < b);
      }),
    );
  });
});

describe('gaps and duplicates', () => {
  it('finds the missing numbers up to the highest', () => {
    expect(findGaps([1, 2, 3])).toEqual([]);
    expect(findGaps([3, 1, 6])).toEqual([2, 4, 5]);
    expect(findGaps([])).toEqual([]);
    expect(findGapRanges([1, 5_000_000])).toEqual([{ from: 2, to: 4_999_999 }]);
    expect(findDuplicates([1, 2, 2, 3, 3, 3])).toEqual([2, 3]);
  });

  it('gaps ∪ present = 1..max, disjoint, whatever the order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 200 }), { maxLength: 100 }), (ns) => {
        const gaps = findGaps(ns);
        const present = new Set(ns);
        const max = ns.length === 0 ? 0 : Math.max(...ns);
        for (const g of gaps) expect(present.has(g)).toBe(false);
        expect(gaps.length + present.size).toBe(max);
        expect(findGaps([...ns].reverse())).toEqual(gaps);
      }),
    );
  });

  it('removing one number from a gapless run reports exactly that number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 300 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 1, max: n - 1 }))), ([n, k]) => {
        const ns = Array.from({ length: n }, (_, i) => i + 1).filter((x) => x !== k);
        expect(findGaps(ns)).toEqual([k]);
      }),
    );
  });
});
