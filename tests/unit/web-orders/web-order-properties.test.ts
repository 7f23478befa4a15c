/**
 * Properties of the issue 6 fold over every kind of step: independent of arrival order, duplicates
 * count once, two registers' events merge, a refusal changes nothing, and the counts stay sane.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderState, transition } from '../../../src/domain/web-order-state.ts';
import { eventsArb, orderArb, stepArb } from './web-order-arbitraries.ts';
import { event, webOrder } from './web-order-fixtures.ts';

describe('orderState over every kind of step (properties)', () => {
  it('is the same whatever order the events arrive in, and a document seen twice counts once', () => {
    fc.assert(
      fc.property(orderArb, eventsArb().chain((evs) => fc.tuple(fc.constant(evs), fc.shuffledSubarray(evs, { minLength: evs.length, maxLength: evs.length }))), (o, [evs, shuffled]) => {
        const once = orderState(o, evs, 'shop');
        expect(orderState(o, shuffled, 'shop')).toEqual(once);
        expect(orderState(o, [...shuffled, ...evs], 'shop')).toEqual(once);
      }),
      { numRuns: 200 },
    );
  });

  it('two registers writing offline merge to the same state on both, whichever replicates first', () => {
    fc.assert(
      fc.property(orderArb, eventsArb(1), eventsArb(2), (o, mine, theirs) => {
        const here = orderState(o, [...mine, ...theirs], 'shop');
        const there = orderState(o, [...theirs, ...mine], 'shop');
        expect(there).toEqual(here);
        expect(here.history).toHaveLength(mine.length + theirs.length);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps every count within bounds and the balance never negative', () => {
    fc.assert(
      fc.property(orderArb, eventsArb(), (o, evs) => {
        const s = orderState(o, evs, 'shop');
        for (const l of s.lines) {
          expect(l.picked).toBeGreaterThanOrEqual(0);
          expect(l.picked).toBeLessThanOrEqual(l.ordered);
          expect(l.packed).toBeLessThanOrEqual(l.ordered);
          expect(l.shipped).toBeLessThanOrEqual(l.ordered);
          expect(l.returned).toBeLessThanOrEqual(l.shipped);
        }
        expect(s.balance).toBeGreaterThanOrEqual(0);
        expect(s.parts.flatMap((p) => p.lines)).toHaveLength(s.lines.length);
        const shippedUnits = s.lines.reduce((n, l) => n + l.shipped, 0);
        const parcelUnits = s.parcels.flatMap((p) => p.lines).reduce((n, l) => n + l.quantity, 0);
        if (!['picked_up'].includes(s.status)) expect(parcelUnits).toBe(shippedUnits);
      }),
      { numRuns: 200 },
    );
  });

  it('a refused step leaves the state unchanged, and folded as an event it is marked refused', () => {
    fc.assert(
      fc.property(orderArb, eventsArb(), stepArb, (o, evs, step) => {
        const { orderId: _o, history: _h, ...state } = orderState(o, evs, 'shop');
        const before = structuredClone(state);
        const next = transition(state, step);
        expect(state).toEqual(before);
        if (!next.ok) {
          const { eventId: _e, at: _a, by: _b, ...fields } = step;
          // An id no generated event has (generated ids could collide with the fixture's counter).
          const refused = { ...event('note', 59), ...fields, kind: step.kind, _id: 'woevent:r99:01KDZ2CN80QD9MK2F0M5ZZZZZZ' };
          const { orderId: _o2, history, ...after } = orderState(o, [...evs, refused], 'shop');
          expect(after).toEqual(before);
          expect(history.at(-1)?.refused).toEqual(next.error);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('never ships or hands over an unpaid order', () => {
    fc.assert(
      fc.property(eventsArb(), (evs) => {
        const s = orderState(webOrder({ payment: { state: 'to_pay' } }), evs.filter((e) => e.kind !== 'paid'), 'shop');
        expect(s.parcels).toEqual([]);
        expect(s.lines.every((l) => l.shipped === 0)).toBe(true);
      }),
    );
  });
});
