// Issue 7: the stock reconciliation fold (src/domain/reconcile): figures, oversell episodes, platform
// differences; chunked = one-shot, input order does not matter, no task without a negative.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stockKey, stockOnHand } from '../../src/domain/stock.ts';
import { orderStockEffect } from '../../src/domain/web-order-stock.ts';
import { mayReserve, orderReservations } from '../../src/domain/reconcile/order-reservations.ts';
import { finishStockFold, foldMovements, foldReservations, reconcileStock, startStockFold } from '../../src/domain/reconcile/stock-fold.ts';
import { MAX_CLAIMS } from '../../src/domain/reconcile/episodes.ts';
import type { ReconcileMovement, Reservation } from '../../src/domain/reconcile/types.ts';
import { eventsArb, orderArb } from './web-orders/web-order-arbitraries.ts';

const T = (minute: number): string => new Date(Date.UTC(2026, 10, 28, 9, 0) + minute * 60_000).toISOString();

const count = (id: string, sku: string, quantity: number, minute: number, location = 'shop'): ReconcileMovement => ({
  _id: id, sku, location, reason: 'count', quantity, at: T(minute),
});
const delta = (id: string, sku: string, d: number, minute: number, over: Partial<ReconcileMovement> = {}): ReconcileMovement => ({
  _id: id, sku, location: 'shop', reason: d < 0 ? 'adjustment' : 'receipt', delta: d, at: T(minute), ...over,
});
/** A sale's line as the projection derives it (movementsOfSale): id `${saleId}:line:i`, ref and derivedFrom the sale. */
const saleLine = (saleId: string, sku: string, quantity: number, minute: number, line = 0): ReconcileMovement => ({
  _id: `${saleId}:line:${line}`, sku, location: 'shop', reason: 'sale', delta: -quantity, at: T(minute), ref: saleId, derivedFrom: saleId,
});
const reserve = (orderId: string, sku: string, quantity: number, minute: number, location = 'shop'): Reservation => ({
  orderId, orderNumber: `#${orderId.split(':').pop()}`, sku, location, quantity, at: T(minute),
});

describe('stock reconciliation: known cases', () => {
  it('two registers sell the last unit offline and a web order takes it too: one task names all three', () => {
    const movements = [count('stock:r1:01', 'LAST', 1, 0), saleLine('sale:R1:00000007', 'LAST', 1, 10), saleLine('sale:R2:00000003', 'LAST', 1, 12)];
    const reservations = [reserve('weborder:shopify:demo:1042', 'LAST', 1, 15)];
    const result = reconcileStock({ movements, reservations });
    expect(result.figures).toEqual([
      { sku: 'LAST', location: 'shop', onHand: -1, reserved: 1, available: -2, movements: 3, lastMovementAt: T(12) },
    ]);
    expect(result.oversells).toHaveLength(1);
    const [task] = result.oversells;
    expect(task).toMatchObject({
      id: 'oversell:LAST@shop:sale:R2:00000003:line:0',
      sku: 'LAST', location: 'shop', state: 'open', short: 2, shortNow: 2, startedAt: T(12), endedAt: null, moreClaims: 0,
    });
    expect(task?.claims).toEqual([
      { kind: 'sale', id: 'sale:R1:00000007', quantity: 1, at: T(10) },
      { kind: 'sale', id: 'sale:R2:00000003', quantity: 1, at: T(12) },
      { kind: 'web_order', id: 'weborder:shopify:demo:1042', quantity: 1, at: T(15), label: '#1042' },
    ]);
    // Same facts in another order (another register's view): the same task, the same id.
    const again = reconcileStock({ movements: [...movements].reverse(), reservations });
    expect(again).toEqual(result);
  });

  it('an order placed before the sales is named with them', () => {
    const result = reconcileStock({
      movements: [count('stock:r1:01', 'X', 1, 0), saleLine('sale:R1:00000001', 'X', 1, 10), saleLine('sale:R2:00000001', 'X', 1, 11)],
      reservations: [reserve('weborder:woocommerce:s:7', 'X', 1, 5)],
    });
    expect(result.oversells.map((t) => t.claims.map((c) => c.id))).toEqual([['weborder:woocommerce:s:7', 'sale:R1:00000001', 'sale:R2:00000001']]);
    expect(result.oversells[0]?.triggerId).toBe('sale:R1:00000001:line:0');
  });

  it('one task per episode, not per unit; a receipt ends an episode', () => {
    const result = reconcileStock({
      movements: [
        count('stock:a:00', 'E', 1, 0),
        saleLine('sale:R1:00000001', 'E', 1, 1),
        saleLine('sale:R1:00000002', 'E', 1, 2), // −1: episode 1 opens
        saleLine('sale:R1:00000003', 'E', 2, 3), // −3
        delta('stock:a:01', 'E', 8, 4), // 5: episode 1 ends
        saleLine('sale:R1:00000004', 'E', 5, 5), // 0
        saleLine('sale:R2:00000001', 'E', 1, 6), // −1: episode 2
      ],
    });
    expect(result.oversells.map((t) => [t.state, t.short, t.shortNow, t.startedAt, t.endedAt, t.claims.map((c) => `${c.id}×${c.quantity}`)])).toEqual([
      ['recovered', 3, 0, T(2), T(4), ['sale:R1:00000001×1', 'sale:R1:00000002×1', 'sale:R1:00000003×2']],
      ['open', 1, 1, T(6), null, ['sale:R1:00000004×5', 'sale:R2:00000001×1']],
    ]);
    expect(result.figures[0]).toMatchObject({ onHand: -1, available: -1 });
  });

  it('looks back as many units as were short, never further', () => {
    const sales = Array.from({ length: 9 }, (_, i) => saleLine(`sale:R1:0000000${i + 1}`, 'M', 1, i + 1));
    const result = reconcileStock({ movements: [count('stock:a:00', 'M', 10, 0), ...sales, saleLine('sale:R2:00000001', 'M', 3, 20)] });
    // 1 left, 3 wanted: 2 short; the two sales that took the last units collided with it.
    expect(result.oversells[0]?.claims.map((c) => c.id)).toEqual(['sale:R1:00000008', 'sale:R1:00000009', 'sale:R2:00000001']);
    expect(result.oversells[0]?.short).toBe(2);
  });

  it('a count below what is reserved opens an episode naming the orders it cannot serve', () => {
    const result = reconcileStock({
      movements: [count('stock:a:00', 'C', 5, 0), count('stock:a:09', 'C', 1, 30)],
      reservations: [reserve('weborder:shopify:s:1', 'C', 2, 10), reserve('weborder:shopify:s:2', 'C', 1, 20)],
    });
    expect(result.oversells).toHaveLength(1);
    expect(result.oversells[0]).toMatchObject({ triggerId: 'stock:a:09', short: 2, state: 'open' });
    expect(result.oversells[0]?.claims.map((c) => c.id)).toEqual(['weborder:shopify:s:1', 'weborder:shopify:s:2']);
  });

  it('counts are baselines: earlier movements are inside the counted figure', () => {
    const movements = [delta('stock:a:1', 'K', 10, 0), saleLine('sale:R1:00000001', 'K', 4, 5), count('stock:a:2', 'K', 3, 10), saleLine('sale:R1:00000002', 'K', 1, 20)];
    const result = reconcileStock({ movements, reservations: [reserve('weborder:x:y:1', 'K', 1, 25)] });
    expect(result.figures[0]).toMatchObject({ onHand: 2, reserved: 1, available: 1, movements: 4 });
    expect(result.oversells).toEqual([]);
  });

  it('instants, not strings: offsets are compared as moments', () => {
    // 10:30+02:00 is 08:30Z, before the 09:00Z sale: the count is the older fact.
    const movements: ReconcileMovement[] = [
      { _id: 'stock:a:2', sku: 'O', location: 'shop', reason: 'count', quantity: 5, at: '2026-11-28T10:30:00+02:00' },
      { _id: 'stock:a:1', sku: 'O', location: 'shop', reason: 'sale', delta: -1, at: '2026-11-28T09:00:00Z', ref: 'sale:R:00000001' },
    ];
    expect(reconcileStock({ movements }).figures[0]?.onHand).toBe(4);
  });

  it('skips malformed movements as stockOnHand does', () => {
    const bad = [
      { _id: 'stock:a:1', sku: 'B', location: 'shop', reason: 'receipt', at: T(0) },
      { _id: 'stock:a:2', sku: 'B', location: 'shop', reason: 'receipt', delta: 3, at: 'yesterday' },
      { _id: 'stock:a:3', sku: 'B', location: 'shop', reason: 'count', delta: 3, at: T(0) },
    ] as ReconcileMovement[];
    const fold = startStockFold();
    foldMovements(fold, [...bad, delta('stock:a:4', 'B', 2, 1)]);
    expect(fold.skipped).toBe(3);
    expect(finishStockFold(fold).figures).toEqual([{ sku: 'B', location: 'shop', onHand: 2, reserved: 0, available: 2, movements: 1, lastMovementAt: T(1) }]);
  });

  it('names shipped web-order units and other outflows, and caps the list', () => {
    const shipped: ReconcileMovement = { _id: 'woevent:r1:01:line:0', sku: 'S', location: 'shop', reason: 'sale', delta: -1, at: T(2), ref: 'weborder:shopify:s:9', derivedFrom: 'weborder:shopify:s:9' };
    const many = Array.from({ length: MAX_CLAIMS + 5 }, (_, i) => saleLine(`sale:R3:${String(i).padStart(8, '0')}`, 'S', 1, 10 + i));
    const result = reconcileStock({
      movements: [delta('stock:a:0', 'S', 1, 0), delta('stock:a:1', 'S', -1, 1, { reason: 'transfer' }), shipped, ...many],
      reservations: [reserve('weborder:shopify:s:9', 'S', 1, 0)],
    });
    const [task] = result.oversells;
    // Available 0 once the order reserved its unit; the transfer took it below: the order collided
    // with it, and its shipment later adds to its claim.
    expect(task?.triggerId).toBe('stock:a:1');
    expect(task?.claims.slice(0, 3)).toEqual([
      { kind: 'web_order', id: 'weborder:shopify:s:9', quantity: 2, at: T(0), label: '#9' },
      { kind: 'movement', id: 'stock:a:1', quantity: 1, at: T(1), reason: 'transfer' },
      { kind: 'sale', id: 'sale:R3:00000000', quantity: 1, at: T(10) },
    ]);
    expect(task?.claims).toHaveLength(MAX_CLAIMS);
    expect(task?.moreClaims).toBe(many.length - (MAX_CLAIMS - 2));
  });

  it('compares with what the web stores report', () => {
    const result = reconcileStock({
      movements: [count('stock:a:1', 'P', 7, 0), count('stock:a:2', 'P', 3, 0, 'depot'), count('stock:a:3', 'Q', 1, 0)],
      reservations: [reserve('weborder:s:s:1', 'P', 2, 1), reserve('weborder:s:s:2', 'Q', 4, 1)],
      platformLevels: [
        { source: 'shopify:demo', sku: 'P', quantity: 8 }, // 5 + 3: right
        { source: 'woocommerce:demo', sku: 'P', quantity: 9, reportedAt: T(5) },
        { source: 'woocommerce:demo', sku: 'P', quantity: 7, reportedAt: T(1) }, // older report of the same level
        { source: 'shopify:demo', sku: 'P', location: 'depot', quantity: 1 },
        { source: 'shopify:demo', sku: 'Q', quantity: 1 }, // oversold: should show 0
        { source: 'shopify:demo', sku: 'UNKNOWN', quantity: 2 },
      ],
    });
    expect(result.differences).toEqual([
      { id: 'stockdiff:shopify:demo:P@depot', source: 'shopify:demo', sku: 'P', location: 'depot', platform: 1, expected: 3, difference: -2 },
      { id: 'stockdiff:shopify:demo:Q@*', source: 'shopify:demo', sku: 'Q', location: null, platform: 1, expected: 0, difference: 1 },
      { id: 'stockdiff:shopify:demo:UNKNOWN@*', source: 'shopify:demo', sku: 'UNKNOWN', location: null, platform: 2, expected: 0, difference: 2 },
      { id: 'stockdiff:woocommerce:demo:P@*', source: 'woocommerce:demo', sku: 'P', location: null, platform: 9, expected: 8, difference: 1, reportedAt: T(5) },
    ]);
  });
});

// ---- properties ----

const SKU = fc.constantFrom('A', 'B', 'C');
const LOC = fc.constantFrom('shop', 'depot');
const OFFSET = fc.constantFrom('Z', '+02:00', '-05:00');
const at = fc.tuple(fc.integer({ min: 0, max: 120 }), OFFSET).map(([minute, off]) => {
  const d = new Date(Date.UTC(2026, 10, 28, 9, 0) + minute * 60_000);
  if (off === 'Z') return d.toISOString();
  const sign = off[0] === '+' ? 1 : -1;
  const shifted = new Date(d.getTime() + sign * Number(off.slice(1, 3)) * 3_600_000);
  return `${shifted.toISOString().slice(0, 19)}${off}`;
});

const movementArb: fc.Arbitrary<Omit<ReconcileMovement, '_id'> & { tag: string }> = fc.oneof(
  fc.record({ tag: fc.constantFrom('stock:r1', 'stock:r2'), sku: SKU, location: LOC, reason: fc.constant('count' as const), quantity: fc.integer({ min: 0, max: 6 }), at }),
  fc.record({ tag: fc.constantFrom('stock:r1', 'stock:r2'), sku: SKU, location: LOC, reason: fc.constantFrom('receipt' as const, 'adjustment' as const, 'transfer' as const), delta: fc.integer({ min: -3, max: 4 }), at }),
  fc.record({ tag: fc.constantFrom('sale:R1:00000001', 'sale:R2:00000002', 'sale:R1:00000003'), sku: SKU, location: LOC, reason: fc.constant('sale' as const), delta: fc.integer({ min: -3, max: -1 }), at }),
);

/** Unique ids (as in the table), not in input order; sale lines keep their sale as ref. */
const movementsArb = fc.array(movementArb, { maxLength: 60 }).map((ms) =>
  ms.map(({ tag, ...m }, i): ReconcileMovement => {
    const id = `${tag}:${String((i * 7919) % 1000).padStart(3, '0')}:${i}`;
    return tag.startsWith('sale:') ? { ...m, _id: id, ref: tag, derivedFrom: tag } : { ...m, _id: id };
  }),
);
const reservationsArb = fc.array(
  fc.record({ orderId: fc.constantFrom('weborder:s:x:1', 'weborder:s:x:2', 'weborder:s:x:3'), sku: SKU, location: LOC, quantity: fc.integer({ min: 1, max: 3 }), at }),
  { maxLength: 8 },
).map((rs) => {
  // One reservation per order and pair, as orderReservations gives them.
  const seen = new Map<string, Reservation>();
  for (const r of rs) seen.set(`${r.orderId}|${r.sku}|${r.location}`, { ...r, orderNumber: `#${r.orderId.slice(-1)}` });
  return [...seen.values()];
});

/** Splits a list into consecutive chunks at the given cut points. */
function chunks<T>(list: readonly T[], cuts: readonly number[]): T[][] {
  const points = [...new Set(cuts.map((c) => c % (list.length + 1)))].sort((a, b) => a - b);
  const out: T[][] = [];
  let from = 0;
  for (const p of points) {
    out.push(list.slice(from, p));
    from = p;
  }
  out.push(list.slice(from));
  return out;
}

function shuffle<T>(list: readonly T[], keys: readonly number[]): T[] {
  return list.map((x, i) => [x, keys[i % Math.max(1, keys.length)] ?? 0, i] as const).sort((a, b) => a[1] - b[1] || b[2] - a[2]).map(([x]) => x);
}

describe('stock reconciliation: properties', () => {
  it('a fold fed in chunks (movements and reservations interleaved) equals the one-shot fold', () => {
    fc.assert(
      fc.property(movementsArb, reservationsArb, fc.array(fc.nat(), { maxLength: 6 }), fc.array(fc.nat(), { maxLength: 3 }), (movements, reservations, cutsM, cutsR) => {
        const oneShot = reconcileStock({ movements, reservations });
        const fold = startStockFold();
        const ms = chunks(movements, cutsM);
        const rs = chunks(reservations, cutsR);
        for (let i = 0; i < Math.max(ms.length, rs.length); i++) {
          foldMovements(fold, ms[i] ?? []);
          foldReservations(fold, rs[i] ?? []);
        }
        expect(finishStockFold(fold)).toEqual(oneShot);
      }),
      { numRuns: 300 },
    );
  });

  it('the result does not depend on the order the movements arrive in', () => {
    fc.assert(
      fc.property(movementsArb, reservationsArb, fc.array(fc.integer(), { minLength: 1, maxLength: 60 }), (movements, reservations, keys) => {
        const a = reconcileStock({ movements, reservations });
        const b = reconcileStock({ movements: shuffle(movements, keys), reservations: shuffle(reservations, keys).reverse() });
        expect(b).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });

  it('on hand is stockOnHand; available is on hand − reserved; a negative pair has an open task', () => {
    fc.assert(
      fc.property(movementsArb, reservationsArb, (movements, reservations) => {
        const { figures, oversells } = reconcileStock({ movements, reservations });
        const onHand = stockOnHand(movements);
        for (const f of figures) {
          expect(f.onHand).toBe(onHand.get(stockKey(f.sku, f.location)) ?? 0);
          const held = reservations.filter((r) => r.sku === f.sku && r.location === f.location).reduce((s, r) => s + r.quantity, 0);
          expect(f.reserved).toBe(held);
          expect(f.available).toBe(f.onHand - f.reserved);
          const open = oversells.filter((t) => t.sku === f.sku && t.location === f.location && t.state === 'open');
          expect(open).toHaveLength(f.available < 0 ? 1 : 0);
          if (f.available < 0) expect(open[0]?.shortNow).toBe(-f.available);
        }
        for (const t of oversells) {
          expect(t.short).toBeGreaterThan(0);
          expect(t.id).toBe(`oversell:${t.sku}@${t.location}:${t.triggerId}`);
        }
        expect(new Set(oversells.map((t) => t.id)).size).toBe(oversells.length);
      }),
      { numRuns: 300 },
    );
  });

  it('no oversell task when available never goes below zero', () => {
    // Facts generated in time order, each claim limited to what is still available, then shuffled.
    const stepArb = fc.record({ kind: fc.constantFrom('receipt', 'sale', 'count', 'reserve'), sku: SKU, location: LOC, n: fc.integer({ min: 0, max: 5 }) });
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 80 }), fc.array(fc.integer(), { minLength: 1, maxLength: 30 }), (steps, keys) => {
        const onHand = new Map<string, number>();
        const held = new Map<string, number>();
        const movements: ReconcileMovement[] = [];
        const reservations: Reservation[] = [];
        steps.forEach((s, i) => {
          const key = `${s.sku}@${s.location}`;
          const have = onHand.get(key) ?? 0;
          const reserved = held.get(key) ?? 0;
          const free = have - reserved;
          const base = { sku: s.sku, location: s.location, at: T(i) };
          if (s.kind === 'receipt') {
            movements.push({ ...base, _id: `stock:r:${i}`, reason: 'receipt', delta: s.n });
            onHand.set(key, have + s.n);
          } else if (s.kind === 'sale' && Math.min(s.n, free) > 0) {
            const q = Math.min(s.n, free);
            movements.push({ ...base, _id: `sale:R:${i}:line:0`, reason: 'sale', delta: -q, ref: `sale:R:${i}` });
            onHand.set(key, have - q);
          } else if (s.kind === 'count') {
            const q = Math.max(s.n, reserved);
            movements.push({ ...base, _id: `stock:c:${i}`, reason: 'count', quantity: q });
            onHand.set(key, q);
          } else if (s.kind === 'reserve' && Math.min(s.n, free) > 0) {
            const q = Math.min(s.n, free);
            reservations.push({ orderId: `weborder:s:x:${i}`, sku: s.sku, location: s.location, quantity: q, at: T(i) });
            held.set(key, reserved + q);
          }
        });
        const result = reconcileStock({ movements: shuffle(movements, keys), reservations: shuffle(reservations, keys) });
        expect(result.oversells).toEqual([]);
        for (const f of result.figures) expect(f.available).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it('an order reserves, summed over its locations, exactly what orderStockEffect says', () => {
    fc.assert(
      fc.property(orderArb, eventsArb(0), (order, events) => {
        const sum = new Map<string, number>();
        for (const r of orderReservations(order, events, 'shop')) {
          expect(r).toMatchObject({ orderId: order._id, orderNumber: order.orderNumber, at: order.createdAt });
          sum.set(r.sku, (sum.get(r.sku) ?? 0) + r.quantity);
        }
        expect(sum).toEqual(orderStockEffect(order, events, 'shop').reserved);
      }),
      { numRuns: 200 },
    );
  });

  it('an order the platform closed holds nothing, whatever its events (so it need not be read)', () => {
    fc.assert(
      fc.property(orderArb, eventsArb(0), fc.constantFrom('new' as const, 'packed' as const, 'shipped' as const, 'picked_up' as const, 'cancelled' as const), (order, events, status) => {
        const o = { ...order, status };
        if (!mayReserve(o)) expect(orderReservations(o, events, 'shop')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
