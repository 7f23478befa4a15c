// fast-check generators for web orders and every kind of counter step (issue 6 property tests).
import fc from 'fast-check';
import type { WebOrderDoc, WebOrderEventDoc } from '../../../src/domain/documents.ts';
import { money } from '../../../src/domain/money.ts';
import type { OrderStep } from '../../../src/domain/web-order-state.ts';
import { ORDER_ID, webOrder } from './web-order-fixtures.ts';

export const SKUS = ['A', 'B', 'C', 'Z'] as const;
export const LOCATIONS = ['shop', 'depot'] as const;

const sku = fc.constantFrom(...SKUS);
const location = fc.option(fc.constantFrom(...LOCATIONS), { nil: undefined });
const units = fc.array(fc.record({ sku, quantity: fc.integer({ min: 1, max: 3 }) }), { minLength: 1, maxLength: 3 });
const strip = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

export const stepArb: fc.Arbitrary<OrderStep> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('picked' as const), sku, quantity: fc.integer({ min: 1, max: 2 }), location }).map(strip) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('picked' as const), all: fc.constant(true as const), location }).map(strip) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('packed' as const), override: fc.boolean(), location }).map(strip) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('shipped' as const), override: fc.boolean(), location, lines: fc.option(units, { nil: undefined }) }).map(strip) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('ready_for_pickup' as const, 'picked_up' as const), override: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancelled' as const), reason: fc.constant('x') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('paid' as const), payment: fc.record({ amount: fc.integer({ min: 1, max: 6000 }).map(money), method: fc.constant('cash') }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('allocated' as const),
      allocation: fc.tuple(sku, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })).map(([s, a, b]) => [
        { sku: s, location: 'shop', quantity: a },
        { sku: s, location: 'depot', quantity: b },
      ]),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('changed' as const),
      change: fc.oneof(
        fc.record({ sku, remove: fc.integer({ min: 1, max: 2 }) }),
        fc.record({ add: fc.record({ sku, name: fc.constant('New'), quantity: fc.integer({ min: 1, max: 2 }), unitPrice: fc.integer({ min: 0, max: 900 }).map(money) }) }),
      ),
      refund: fc.option(fc.record({ to: fc.constantFrom('original' as const, 'store_credit' as const), amount: fc.integer({ min: 0, max: 900 }).map(money) }), { nil: undefined }),
    }).map(strip),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('returned' as const), lines: units, restock: fc.boolean(), refund: fc.record({ to: fc.constant('original' as const), amount: fc.integer({ min: 0, max: 900 }).map(money) }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('note' as const), text: fc.constantFrom('Fragile', ' ') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('assigned' as const), assignee: fc.option(fc.constant({ id: 'staff:leo', name: 'Léo' }), { nil: null }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('printed' as const), printed: fc.constantFrom('packing_slip' as const, 'label' as const) }) },
);

export const orderArb: fc.Arbitrary<WebOrderDoc> = fc
  .record({ a: fc.integer({ min: 1, max: 4 }), b: fc.integer({ min: 1, max: 4 }), paid: fc.boolean(), pickup: fc.boolean(), flagged: fc.boolean() })
  .map(({ a, b, paid, pickup, flagged }) =>
    webOrder({
      lines: [
        { sku: 'A', name: 'A', quantity: a, unitPrice: money(1000) },
        { sku: 'B', name: 'B', quantity: b, unitPrice: money(500) },
        { sku: null, name: 'Emballage', quantity: 1, unitPrice: money(300) },
      ],
      total: money(a * 1000 + b * 500 + 300),
      payment: { state: paid ? 'paid' : 'to_pay' },
      delivery: pickup ? 'pickup' : 'shipping',
      ...(flagged ? { paymentChecks: [{ name: 'card_code' as const, result: 'fail' as const }] } : {}),
    }),
  );

const asEvent = (step: OrderStep, i: number, minute: number, register: number): WebOrderEventDoc => {
  const { eventId: _e, at: _a, by: _b, ...fields } = step;
  return {
    ...fields,
    _id: `woevent:r${register}:01KDZ2CN80QD9MK2F0M5Z${String(i).padStart(5, '0')}`,
    type: 'web_order_event',
    orderId: ORDER_ID,
    at: `2026-11-28T10:0${minute}:00.000Z`,
    by: `Staff ${register}`,
  } as WebOrderEventDoc;
};

/** Events with distinct ids; times from a small range so that ties (broken by id) happen. */
export const eventsArb = (register = 0): fc.Arbitrary<WebOrderEventDoc[]> =>
  fc.array(fc.tuple(stepArb, fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 9 })), { maxLength: 30 }).map((rows) =>
    rows.map(([step, minute, reg], i) => asEvent(step, i + register * 1000, minute, register === 0 ? reg : register)),
  );
