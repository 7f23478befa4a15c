import { describe, expect, it } from 'vitest';
import { parseStoreDoc } from '../../src/domain/validate.ts';
import { stockOnHand } from '../../src/domain/stock.ts';
import {
  countScan,
  dropCount,
  mergeLines,
  parseStockTake,
  planReceipt,
  planStockTake,
  planTransfer,
  setCount,
  shortLines,
  startStockTake,
  stockFreshness,
  stockTakeVariance,
  varianceTotals,
  type PlanContext,
} from '../../src/domain/stock-ops.ts';

const ULIDS = Array.from({ length: 20 }, (_, i) => `01JQ0000000000000000000${String(i).padStart(3, '0')}`);
const ctx = (extra: Partial<PlanContext> = {}): PlanContext => ({
  registerId: 'R1', ids: ULIDS, isKnownSku: (s) => s !== 'GHOST', isKnownLocation: (l) => l === 'shop' || l === 'reserve', ...extra,
});
const T = (m: number): string => new Date(Date.UTC(2026, 2, 1, 9, m)).toISOString();

describe('stock take', () => {
  it('counts scans per SKU, takes typed corrections, drops lines', () => {
    let take = startStockTake('TAKE1', 'shop', T(0));
    take = countScan(take, 'A', T(1));
    take = countScan(take, 'B', T(2));
    take = countScan(take, 'A', T(3));
    expect(take.lines).toEqual([{ sku: 'A', counted: 2, at: T(3) }, { sku: 'B', counted: 1, at: T(2) }]);
    take = setCount(take, 'B', 0, T(4));
    expect(setCount(take, 'B', -1, T(5))).toBe(take);
    expect(setCount(take, 'B', 1.5, T(5))).toBe(take);
    expect(take.lines[1]).toEqual({ sku: 'B', counted: 0, at: T(4) });
    expect(dropCount(take, 'A').lines.map((l) => l.sku)).toEqual(['B']);
  });

  it('shows the variance against the expected stock', () => {
    const take = setCount(setCount(startStockTake('T', 'shop', T(0)), 'A', 7, T(1)), 'B', 3, T(1));
    const lines = stockTakeVariance(take, (sku) => (sku === 'A' ? 10 : 3));
    expect(lines).toEqual([{ sku: 'A', expected: 10, counted: 7, variance: -3 }, { sku: 'B', expected: 3, counted: 3, variance: 0 }]);
    expect(varianceTotals(lines)).toEqual({ skus: 2, differing: 1, units: -3 });
  });

  it('plans one count per SKU under one ref; the fold then shows the counted figures, later sales on top', () => {
    const take = setCount(countScan(startStockTake('TAKE1', 'shop', T(0)), 'A', T(5), 4), 'B', 0, T(6));
    const plan = planStockTake(take, ctx());
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.value.ref).toBe('stocktake:R1:TAKE1');
    expect(plan.value.movements).toEqual([
      { _id: `stock:R1:${ULIDS[0]}`, type: 'stock_movement', sku: 'A', location: 'shop', reason: 'count', quantity: 4, at: T(5), ref: 'stocktake:R1:TAKE1' },
      { _id: `stock:R1:${ULIDS[1]}`, type: 'stock_movement', sku: 'B', location: 'shop', reason: 'count', quantity: 0, at: T(6), ref: 'stocktake:R1:TAKE1' },
    ]);
    for (const m of plan.value.movements) expect(parseStoreDoc(m).ok).toBe(true);
    const before = [
      { _id: 'stock:server:1', sku: 'A', location: 'shop', reason: 'receipt' as const, delta: 10, at: T(0) },
      { _id: 'stock:server:2', sku: 'A', location: 'shop', reason: 'sale' as const, delta: -1, at: T(9) },
    ];
    expect(stockOnHand([...before, ...plan.value.movements]).get('A@shop')).toBe(3);
    expect(stockOnHand([...before, ...plan.value.movements]).get('B@shop')).toBe(0);
  });

  it('plans nothing unless every line is valid', () => {
    const take = countScan(countScan(startStockTake('T', 'shop', T(0)), 'A', T(1)), 'GHOST', T(1));
    expect(planStockTake(take, ctx())).toEqual({ ok: false, error: [{ code: 'unknown_sku', sku: 'GHOST' }] });
    expect(planStockTake(startStockTake('T', 'attic', T(0)), ctx())).toEqual({ ok: false, error: [{ code: 'empty' }, { code: 'unknown_location', location: 'attic' }] });
    expect(planStockTake(countScan(startStockTake('T', 'shop', T(0)), 'A', T(1)), ctx({ ids: [] }))).toEqual({ ok: false, error: [{ code: 'ids', needed: 1 }] });
    expect(planStockTake(countScan(countScan(startStockTake('T', 'shop', T(0)), 'A', T(1)), 'B', T(1)), ctx({ ids: ['X', 'X'] }))).toMatchObject({ ok: false });
  });

  it('survives a round trip through the device draft; garbage reads as nothing', () => {
    const take = countScan(startStockTake('T', 'shop', T(0)), 'A', T(1), 3);
    expect(parseStockTake(JSON.parse(JSON.stringify(take)))).toEqual(take);
    expect(parseStockTake(null)).toBeNull();
    expect(parseStockTake({ ...take, lines: [{ sku: 'A', counted: -2, at: T(1) }] })).toBeNull();
    expect(parseStockTake({ id: 1 })).toBeNull();
  });
});

describe('receiving', () => {
  it('adds up the scans of one SKU into one receipt movement each, all under one ref', () => {
    const plan = planReceipt({ id: 'REC1', location: 'reserve', lines: [{ sku: 'A', quantity: 1 }, { sku: 'B', quantity: 6 }, { sku: 'A', quantity: 1 }], at: T(1), note: 'BL 42/7' }, ctx());
    expect(plan).toMatchObject({ ok: true, value: { kind: 'receipt', ref: 'receipt:R1:REC1:BL-42/7' } });
    if (!plan.ok) return;
    expect(plan.value.movements.map((m) => [m.sku, m.location, m.reason, m.delta])).toEqual([['A', 'reserve', 'receipt', 2], ['B', 'reserve', 'receipt', 6]]);
    for (const m of plan.value.movements) expect(parseStoreDoc(m).ok).toBe(true);
  });

  it('refuses zero or negative lines, unknown products and locations', () => {
    expect(planReceipt({ id: 'R', location: 'shop', lines: [{ sku: 'A', quantity: -2 }], at: T(1) }, ctx())).toEqual({ ok: false, error: [{ code: 'bad_quantity', sku: 'A' }] });
    expect(planReceipt({ id: 'R', location: 'shop', lines: [{ sku: 'A', quantity: 0 }], at: T(1) }, ctx())).toEqual({ ok: false, error: [{ code: 'empty' }] });
    expect(planReceipt({ id: 'R', location: 'x', lines: [{ sku: 'GHOST', quantity: 1 }], at: T(1) }, ctx())).toEqual({ ok: false, error: [{ code: 'unknown_location', location: 'x' }, { code: 'unknown_sku', sku: 'GHOST' }] });
  });
});

describe('transfers', () => {
  it('writes per SKU one movement out and one in, at the same instant, under one ref', () => {
    const plan = planTransfer({ id: 'TR1', from: 'reserve', to: 'shop', lines: [{ sku: 'A', quantity: 3 }, { sku: 'B', quantity: 1 }], at: T(2) }, ctx());
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.value.movements.map((m) => [m.sku, m.location, m.delta, m.ref, m.at])).toEqual([
      ['A', 'reserve', -3, 'transfer:R1:TR1', T(2)],
      ['A', 'shop', 3, 'transfer:R1:TR1', T(2)],
      ['B', 'reserve', -1, 'transfer:R1:TR1', T(2)],
      ['B', 'shop', 1, 'transfer:R1:TR1', T(2)],
    ]);
    expect(new Set(plan.value.movements.map((m) => m._id)).size).toBe(4);
    for (const m of plan.value.movements) expect(parseStoreDoc(m)).toMatchObject({ ok: true });
  });

  it('refuses a transfer to the same place, and says which lines exceed the origin', () => {
    expect(planTransfer({ id: 'T', from: 'shop', to: 'shop', lines: [{ sku: 'A', quantity: 1 }], at: T(1) }, ctx())).toEqual({ ok: false, error: [{ code: 'same_location' }] });
    expect(planTransfer({ id: 'T', from: 'shop', to: 'reserve', lines: [{ sku: 'A', quantity: 1 }], at: T(1) }, ctx({ ids: ULIDS.slice(0, 1) }))).toEqual({ ok: false, error: [{ code: 'ids', needed: 2 }] });
    expect(shortLines([{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 1 }, { sku: 'A', quantity: 2 }], (s) => (s === 'A' ? 3 : 5))).toEqual(['A']);
    expect(mergeLines([{ sku: 'A', quantity: 1 }, { sku: 'A', quantity: -1 }])).toEqual([]);
  });
});

describe('stockFreshness', () => {
  it('is "as of" while in step with the server, "offline since" otherwise', () => {
    expect(stockFreshness({ state: 'online', lastSyncedAt: T(32) })).toEqual({ kind: 'as_of', at: T(32) });
    expect(stockFreshness({ state: 'syncing', lastSyncedAt: T(32) })).toEqual({ kind: 'as_of', at: T(32) });
    expect(stockFreshness({ state: 'offline', lastSyncedAt: T(10) })).toEqual({ kind: 'offline_since', at: T(10) });
    expect(stockFreshness({ state: 'error', lastSyncedAt: T(10) })).toEqual({ kind: 'offline_since', at: T(10) });
    expect(stockFreshness({ state: 'online', lastSyncedAt: null })).toEqual({ kind: 'never_synced' });
  });
});
