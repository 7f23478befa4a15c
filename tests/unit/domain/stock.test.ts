import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { compareMovements, movementsOfSale, stockKey, stockOnHand } from '../../../src/domain/stock.ts';
import type { StockMovement } from '../../../src/domain/stock.ts';
import type { StockReason } from '../../../src/domain/documents.ts';
import { buildSale } from '../../../src/domain/sale.ts';
import { money } from '../../../src/domain/money.ts';

const T0 = Date.UTC(2024, 4, 1);
const iso = (minute: number): string => new Date(T0 + minute * 60_000).toISOString();

let seq = 0;
function mv(reason: StockReason, value: number, minute: number, extra: Partial<StockMovement> = {}): StockMovement {
  seq += 1;
  return {
    _id: `stock:r1:${String(seq).padStart(4, '0')}`,
    sku: 'A',
    location: 'shop',
    reason,
    ...(reason === 'count' ? { quantity: value } : { delta: value }),
    at: iso(minute),
    ...extra,
  };
}

describe('stockOnHand', () => {
  it('adds deltas per sku and location', () => {
    const m = stockOnHand([mv('receipt', 10, 0), mv('sale', -3, 1), mv('receipt', 5, 2, { location: 'back' }), mv('adjustment', 2, 3, { sku: 'B' })]);
    expect(m).toEqual(new Map([[stockKey('A', 'shop'), 7], [stockKey('A', 'back'), 5], [stockKey('B', 'shop'), 2]]));
  });

  it('uses the latest count as baseline and ignores what came before it', () => {
    const m = stockOnHand([mv('receipt', 10, 0), mv('count', 4, 5), mv('sale', -1, 3), mv('sale', -1, 6), mv('count', 100, 1)]);
    expect(m.get('A@shop')).toBe(3);
  });

  it('breaks a tie at the same instant by _id', () => {
    const count = mv('count', 10, 5, { _id: 'stock:r1:B' });
    expect(stockOnHand([count, mv('sale', -1, 5, { _id: 'stock:r1:A' })]).get('A@shop')).toBe(10);
    expect(stockOnHand([count, mv('sale', -1, 5, { _id: 'stock:r1:C' })]).get('A@shop')).toBe(9);
  });

  it('compares instants, not strings, across time-zone offsets', () => {
    const count = mv('count', 10, 0, { at: '2024-05-01T10:00:00+02:00' });
    const sale = mv('sale', -1, 0, { at: '2024-05-01T09:00:00Z' }); // an hour after the count
    expect(compareMovements(sale, count)).toBeGreaterThan(0);
    expect(stockOnHand([count, sale]).get('A@shop')).toBe(9);
  });

  it('skips malformed movements instead of throwing', () => {
    const m = stockOnHand([mv('receipt', 3, 0), { ...mv('sale', 0, 1), delta: undefined }, mv('sale', -1, 2, { at: 'not a date' })]);
    expect(m.get('A@shop')).toBe(3);
  });

  const movement = fc.record({
    _id: fc.stringMatching(/^stock:r[12]:[0-9A-Z]{4}$/),
    sku: fc.constantFrom('A', 'B'),
    location: fc.constantFrom('shop', 'back'),
    reason: fc.constantFrom<StockReason>('count', 'receipt', 'sale', 'adjustment', 'refund'),
    value: fc.integer({ min: -20, max: 50 }),
    minute: fc.integer({ min: 0, max: 30 }),
  }).map(({ _id, sku, location, reason, value, minute }): StockMovement => ({
    _id,
    sku,
    location,
    reason,
    ...(reason === 'count' ? { quantity: Math.abs(value) } : { delta: value }),
    at: iso(minute),
  }));
  // Ids are unique in a database; two movements with one id would have no defined order.
  const movements = fc.uniqueArray(movement, { selector: (m) => m._id, maxLength: 40 });

  it('does not depend on the order movements arrive in', () => {
    fc.assert(
      fc.property(movements.chain((ms) => fc.tuple(fc.constant(ms), fc.shuffledSubarray(ms, { minLength: ms.length }))), ([ms, shuffled]) => {
        const sorted = [...ms].sort(compareMovements);
        expect(stockOnHand(shuffled)).toEqual(stockOnHand(sorted));
      }),
    );
  });

  it('equals the last count plus the deltas after it (a sequential replay agrees)', () => {
    fc.assert(
      fc.property(movements, (ms) => {
        const replay = new Map<string, number>();
        for (const m of [...ms].sort(compareMovements)) {
          const key = stockKey(m.sku, m.location);
          replay.set(key, m.reason === 'count' ? (m.quantity ?? 0) : (replay.get(key) ?? 0) + (m.delta ?? 0));
        }
        expect(stockOnHand(ms)).toEqual(replay);
      }),
    );
  });

  it('a new count resets on hand to the counted quantity, whatever came before', () => {
    fc.assert(
      fc.property(movements, fc.nat(500), (ms, q) => {
        const count: StockMovement = { _id: 'stock:r9:ZZZZ', sku: 'A', location: 'shop', reason: 'count', quantity: q, at: iso(31) };
        expect(stockOnHand([...ms, count]).get('A@shop')).toBe(q);
      }),
    );
  });
});

describe('movementsOfSale', () => {
  it('derives one negative movement per line, referencing the sale', () => {
    const product = { sku: 'A', name: 'A', price: money(100), priceIncludesTax: true, vatRate: 2000 };
    const r = buildSale({
      storeId: 'demo', registerId: 'r1', receiptNumber: 7, createdAt: iso(10), cashier: 'bob', currency: 'EUR', location: 'shop',
      lines: [{ product, quantity: 2 }, { product: { ...product, sku: 'B' }, quantity: 1 }],
      tenders: [{ kind: 'cash', amount: money(300) }],
    });
    if (!r.ok) throw new Error('sale should build');
    const ms = movementsOfSale(r.value);
    expect(ms.map((m) => [m.sku, m.delta, m.reason, m.ref, m.location, m.at])).toEqual([
      ['A', -2, 'sale', 'sale:r1:00000007', 'shop', iso(10)],
      ['B', -1, 'sale', 'sale:r1:00000007', 'shop', iso(10)],
    ]);
    expect(new Set(ms.map((m) => m._id)).size).toBe(2);
    const onHand = stockOnHand([mv('count', 10, 0), mv('count', 5, 0, { sku: 'B' }), ...ms]);
    expect([onHand.get('A@shop'), onHand.get('B@shop')]).toEqual([8, 4]);
  });
});
