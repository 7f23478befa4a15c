import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stockKey, stockOnHand, type StockMovement } from '../../src/domain/stock.ts';
import { countScan, mergeLines, planReceipt, planStockTake, planTransfer, startStockTake, stockTakeVariance, type PlanContext, type QuantityLine } from '../../src/domain/stock-ops.ts';

const SKUS = ['A', 'B', 'C', 'D'];
const LOCATIONS = ['shop', 'reserve', 'depot'];
const T0 = Date.UTC(2026, 2, 1);
const at = (minute: number): string => new Date(T0 + minute * 60_000).toISOString();
const ids = Array.from({ length: 64 }, (_, i) => `ID${String(i).padStart(4, '0')}`);
const ctx: PlanContext = { registerId: 'R1', ids, isKnownSku: (s) => SKUS.includes(s), isKnownLocation: (l) => LOCATIONS.includes(l) };

/** History before the operation: receipts, sales and counts at minutes 0..99. */
const history = fc.array(
  fc.record({ sku: fc.constantFrom(...SKUS), location: fc.constantFrom(...LOCATIONS), minute: fc.integer({ min: 0, max: 99 }), count: fc.boolean(), value: fc.integer({ min: -20, max: 50 }) }),
  { maxLength: 40 },
).map((rows) => rows.map((r, i): StockMovement => ({
  _id: `stock:server:${String(i).padStart(4, '0')}`, sku: r.sku, location: r.location, at: at(r.minute),
  ...(r.count ? { reason: 'count' as const, quantity: Math.abs(r.value) } : { reason: 'receipt' as const, delta: r.value }),
})));
const lines = fc.array(fc.record({ sku: fc.constantFrom(...SKUS), quantity: fc.integer({ min: 1, max: 30 }) }), { minLength: 1, maxLength: 8 });
const level = (m: Map<string, number>, sku: string, loc: string): number => m.get(stockKey(sku, loc)) ?? 0;

describe('stock operation properties', () => {
  it('a transfer moves exactly its units between the two locations and changes nothing else', () => {
    fc.assert(
      fc.property(history, lines, fc.constantFrom(...LOCATIONS), fc.constantFrom(...LOCATIONS), (before, moved, from, to) => {
        fc.pre(from !== to);
        const plan = planTransfer({ id: 'TR', from, to, lines: moved, at: at(200) }, ctx);
        expect(plan.ok).toBe(true);
        if (!plan.ok) return;
        const was = stockOnHand(before);
        const now = stockOnHand([...before, ...plan.value.movements]);
        const units = new Map(mergeLines(moved).map((l) => [l.sku, l.quantity]));
        for (const sku of SKUS) {
          const q = units.get(sku) ?? 0;
          for (const loc of LOCATIONS) {
            const delta = loc === from ? -q : loc === to ? q : 0;
            expect(level(now, sku, loc)).toBe(level(was, sku, loc) + delta);
          }
        }
        expect(plan.value.movements.reduce((s, m) => s + (m.delta ?? 0), 0)).toBe(0);
        expect(new Set(plan.value.movements.map((m) => m.ref))).toEqual(new Set(['transfer:R1:TR']));
      }),
    );
  });

  it('after a stock take, each counted SKU shows its count there and the variance was count − expected', () => {
    fc.assert(
      fc.property(history, fc.array(fc.record({ sku: fc.constantFrom(...SKUS), by: fc.integer({ min: 0, max: 5 }) }), { minLength: 1, maxLength: 12 }), fc.constantFrom(...LOCATIONS), (before, scans, location) => {
        let take = startStockTake('TAKE', location, at(100));
        scans.forEach((s, i) => (take = countScan(take, s.sku, at(101 + i), s.by)));
        const was = stockOnHand(before);
        const variance = stockTakeVariance(take, (sku) => level(was, sku, location));
        const plan = planStockTake(take, ctx);
        expect(plan.ok).toBe(true);
        if (!plan.ok) return;
        const now = stockOnHand([...before, ...plan.value.movements]);
        for (const v of variance) {
          expect(level(now, v.sku, location)).toBe(v.counted);
          expect(v.variance).toBe(v.counted - level(was, v.sku, location));
        }
        const counted = new Set(take.lines.map((l) => l.sku));
        for (const sku of SKUS) for (const loc of LOCATIONS) {
          if (loc !== location || !counted.has(sku)) expect(level(now, sku, loc)).toBe(level(was, sku, loc));
        }
        // Applying the same plan twice (replication delivers each id once) changes nothing more.
        const unique = new Map([...before, ...plan.value.movements, ...plan.value.movements].map((m) => [m._id, m]));
        expect(stockOnHand(unique.values())).toEqual(now);
      }),
    );
  });

  it('a receipt adds its units at its location, one movement per SKU, whatever the scan order', () => {
    fc.assert(
      fc.property(history, lines, fc.constantFrom(...LOCATIONS), (before, received: QuantityLine[], location) => {
        const plan = planReceipt({ id: 'REC', location, lines: received, at: at(300) }, ctx);
        expect(plan.ok).toBe(true);
        if (!plan.ok) return;
        expect(new Set(plan.value.movements.map((m) => m.sku)).size).toBe(plan.value.movements.length);
        const was = stockOnHand(before);
        const now = stockOnHand([...before, ...plan.value.movements]);
        for (const sku of SKUS) {
          const added = received.filter((l) => l.sku === sku).reduce((s, l) => s + l.quantity, 0);
          expect(level(now, sku, location)).toBe(level(was, sku, location) + added);
        }
      }),
    );
  });
});
