/**
 * The fulfilment state machine (src/domain/web-order-state.ts): examples of each refusal, and
 * properties of the fold — order-independent, never over-picked, a refusal changes nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WebOrderDoc, WebOrderEventDoc } from '../../../src/domain/documents.ts';
import { money } from '../../../src/domain/money.ts';
import { parseStoreDoc } from '../../../src/domain/validate.ts';
import { initialState, orderState, transition, type OrderStep } from '../../../src/domain/web-order-state.ts';

const ORDER_ID = 'weborder:shopify:demo-shop.myshopify.com:5820394061';

const order = (over: Partial<WebOrderDoc> = {}): WebOrderDoc => ({
  _id: ORDER_ID,
  type: 'web_order',
  platform: 'shopify',
  shop: 'demo-shop.myshopify.com',
  platformOrderId: '5820394061',
  orderNumber: '#1042',
  createdAt: '2026-01-04T18:22:10.000Z',
  updatedAt: '2026-01-04T18:22:10.000Z',
  status: 'new',
  delivery: 'shipping',
  customer: { name: 'Camille Martin' },
  currency: 'EUR',
  pricesIncludeTax: true,
  lines: [
    { sku: 'A', name: 'Article A', quantity: 2, unitPrice: money(100) },
    { sku: 'B', name: 'Article B', quantity: 1, unitPrice: money(250) },
    { sku: null, name: 'Livraison', quantity: 1, unitPrice: money(490) },
  ],
  total: money(940),
  payment: { state: 'paid', processor: 'shopify_payments' },
  ...over,
});

let seq = 0;
const ev = (over: Partial<WebOrderEventDoc>): WebOrderEventDoc => ({
  _id: `woevent:r1:01KDZ2CN80QD9MK2F0M5ZN${String(seq++).padStart(4, '0')}`,
  type: 'web_order_event',
  orderId: ORDER_ID,
  kind: 'note',
  at: '2026-11-28T10:00:00.000Z',
  by: 'Camille',
  ...over,
});

describe('transition', () => {
  const start = initialState(order());

  it('skips lines without a SKU and picks scan by scan', () => {
    expect(start.lines.map((l) => l.sku)).toEqual(['A', 'B']);
    const one = transition(start, { kind: 'picked', sku: 'A', quantity: 1 });
    expect(one.ok && one.value.status).toBe('picking');
    expect(one.ok && one.value.lines[0]?.picked).toBe(1);
  });

  it('refuses a SKU not on the order and an extra unit', () => {
    expect(transition(start, { kind: 'picked', sku: 'Z', quantity: 1 })).toEqual({ ok: false, error: { kind: 'not_on_order', sku: 'Z' } });
    const full = transition(start, { kind: 'picked', sku: 'B', quantity: 1 });
    expect(full.ok).toBe(true);
    if (!full.ok) return;
    expect(transition(full.value, { kind: 'picked', sku: 'B', quantity: 1 })).toEqual({ ok: false, error: { kind: 'over_pick', sku: 'B', ordered: 1, picked: 1 } });
  });

  it('refuses packing before the pick unless overridden, and shipping before packing', () => {
    expect(transition(start, { kind: 'packed' })).toEqual({ ok: false, error: { kind: 'not_picked' } });
    expect(transition(start, { kind: 'packed', override: true }).ok).toBe(true);
    expect(transition(start, { kind: 'shipped' })).toEqual({ ok: false, error: { kind: 'not_packed' } });
    const all = transition(start, { kind: 'picked', all: true });
    expect(all.ok && all.value.status).toBe('picked');
  });

  it('refuses handing over or shipping an unpaid order', () => {
    const unpaid = initialState(order({ payment: { state: 'to_pay' }, delivery: 'pickup' }));
    expect(transition(unpaid, { kind: 'picked_up', override: true })).toEqual({ ok: false, error: { kind: 'unpaid', balance: 940 } });
    const unpaidShip = initialState(order({ payment: { state: 'to_pay' }, status: 'packed' }));
    expect(transition(unpaidShip, { kind: 'shipped' })).toEqual({ ok: false, error: { kind: 'unpaid', balance: 940 } });
  });

  it('folds notes, picks and packing with history', () => {
    const s = orderState(order(), [
      ev({ kind: 'packed', at: '2026-11-28T10:05:00.000Z' }),
      ev({ kind: 'picked', sku: 'A', quantity: 1, at: '2026-11-28T10:01:00.000Z' }),
      ev({ kind: 'picked', sku: 'A', quantity: 1, at: '2026-11-28T10:02:00.000Z' }),
      ev({ kind: 'picked', sku: 'Z', quantity: 1, at: '2026-11-28T10:02:30.000Z' }),
      ev({ kind: 'picked', sku: 'B', quantity: 1, at: '2026-11-28T10:03:00.000Z' }),
      ev({ kind: 'note', text: 'Fragile', at: '2026-11-28T10:04:00.000Z' }),
    ]);
    expect(s.status).toBe('packed');
    expect(s.notes).toEqual(['Fragile']);
    expect(s.lines.map((l) => l.picked)).toEqual([2, 1]);
    expect(s.history).toHaveLength(6);
    expect(s.history[2]?.refused).toEqual({ kind: 'not_on_order', sku: 'Z' });
  });
});

describe('the new event kinds validate', () => {
  it('accepts picked, packed and note and refuses misplaced fields', () => {
    const id = 'woevent:r1ab:01KDZ2CN80QD9MK2F0M5ZNQ0AB';
    expect(parseStoreDoc(ev({ _id: id, kind: 'picked', sku: 'A', quantity: 1 })).ok).toBe(true);
    expect(parseStoreDoc(ev({ _id: id, kind: 'picked', all: true })).ok).toBe(true);
    expect(parseStoreDoc(ev({ _id: id, kind: 'packed', override: true })).ok).toBe(true);
    expect(parseStoreDoc(ev({ _id: id, kind: 'note', text: 'Fragile' })).ok).toBe(true);
    expect(parseStoreDoc(ev({ _id: id, kind: 'picked' })).ok).toBe(false);
    expect(parseStoreDoc(ev({ _id: id, kind: 'picked', sku: 'A', quantity: 0 })).ok).toBe(false);
    expect(parseStoreDoc(ev({ _id: id, kind: 'note' })).ok).toBe(false);
    expect(parseStoreDoc(ev({ _id: id, kind: 'packed', sku: 'A' })).ok).toBe(false);
    expect(parseStoreDoc(ev({ _id: id, kind: 'cancelled', text: 'x' })).ok).toBe(false);
  });
});

// --- properties ---------------------------------------------------------------------------------

const SKUS = ['A', 'B', 'C', 'Z'] as const;
const stepArb: fc.Arbitrary<OrderStep> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('picked' as const), sku: fc.constantFrom(...SKUS), quantity: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 1, arbitrary: fc.constant<OrderStep>({ kind: 'picked', all: true }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('packed' as const), override: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('note' as const), text: fc.constantFrom('Fragile', 'Appeler avant', ' ') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('shipped' as const, 'ready_for_pickup' as const, 'picked_up' as const, 'cancelled' as const), override: fc.boolean() }) },
);
const orderArb = fc.record({
  a: fc.integer({ min: 1, max: 4 }),
  b: fc.integer({ min: 1, max: 4 }),
  paid: fc.boolean(),
  pickup: fc.boolean(),
}).map(({ a, b, paid, pickup }) =>
  order({
    lines: [
      { sku: 'A', name: 'A', quantity: a, unitPrice: money(100) },
      { sku: 'B', name: 'B', quantity: b, unitPrice: money(100) },
      { sku: null, name: 'Livraison', quantity: 1, unitPrice: money(490) },
    ],
    payment: { state: paid ? 'paid' : 'to_pay' },
    delivery: pickup ? 'pickup' : 'shipping',
  }),
);
/** Events with distinct ids; times from a small range so that ties (broken by id) happen. */
const eventsArb = fc.array(fc.tuple(stepArb, fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 20 })), { maxLength: 25 }).map((rows) =>
  rows.map(([step, minute, reg], i) =>
    ev({ ...step, _id: `woevent:r${reg}:01KDZ2CN80QD9MK2F0M5Z${String(i).padStart(5, '0')}`, at: `2026-11-28T10:0${minute}:00.000Z` }),
  ),
);

describe('orderState (properties)', () => {
  it('is the same whatever order the events arrive in (two registers merge)', () => {
    fc.assert(
      fc.property(orderArb, eventsArb.chain((evs) => fc.tuple(fc.constant(evs), fc.shuffledSubarray(evs, { minLength: evs.length, maxLength: evs.length }))), (o, [evs, shuffled]) => {
        expect(orderState(o, shuffled)).toEqual(orderState(o, evs));
        // Replicated twice (the same document seen again) changes nothing either.
        expect(orderState(o, [...shuffled, ...evs])).toEqual(orderState(o, evs));
      }),
    );
  });

  it('never picks more than ordered', () => {
    fc.assert(
      fc.property(orderArb, eventsArb, (o, evs) => {
        for (const line of orderState(o, evs).lines) {
          expect(line.picked).toBeLessThanOrEqual(line.ordered);
          expect(line.picked).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('a refused step leaves the state unchanged', () => {
    fc.assert(
      fc.property(orderArb, eventsArb, stepArb, (o, evs, step) => {
        const { orderId: _o, history: _h, ...state } = orderState(o, evs);
        const before = structuredClone(state);
        const next = transition(state, step);
        expect(state).toEqual(before);
        if (!next.ok) {
          // Folding the refused step as an event: the state is the same, the history says refused.
          const refusedEvent = ev({ ...step, _id: 'woevent:r99:01KDZ2CN80QD9MK2F0M5ZZZZZZ', at: '2026-11-28T10:09:00.000Z' });
          const after = orderState(o, [...evs, refusedEvent]);
          const { orderId: _o2, history, ...stateAfter } = after;
          expect(stateAfter).toEqual(before);
          expect(history.at(-1)?.refused).toEqual(next.error);
        }
      }),
    );
  });
});
