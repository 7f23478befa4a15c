/**
 * The stock effect of a web order (domain web-order-stock.ts): shipped and handed-over units leave
 * the shelf, restocked returns come back, open orders reserve the rest; a balance sale moves nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { money } from '../../../src/domain/money.ts';
import { sumReserved } from '../../../src/domain/reservations.ts';
import { buildSale } from '../../../src/domain/sale.ts';
import { movementsOfSale } from '../../../src/domain/stock.ts';
import { orderState } from '../../../src/domain/web-order-state.ts';
import { orderStockEffect } from '../../../src/domain/web-order-stock.ts';
import { eventsArb, orderArb } from './web-order-arbitraries.ts';
import { ORDER_ID, event, webOrder } from './web-order-fixtures.ts';

describe('orderStockEffect', () => {
  it('one movement per SKU and location per shipment, reason sale, ref the order', () => {
    const split = event('allocated', 1, { allocation: [{ sku: 'A', location: 'shop', quantity: 1 }, { sku: 'A', location: 'depot', quantity: 1 }, { sku: 'B', location: 'shop', quantity: 1 }] });
    const ship = event('shipped', 4, { override: true });
    const effect = orderStockEffect(webOrder(), [split, ship], 'shop');
    expect(effect.movements).toEqual([
      { _id: `${ship._id}:line:0`, sku: 'A', location: 'shop', reason: 'sale', delta: -1, at: ship.at, ref: ORDER_ID },
      { _id: `${ship._id}:line:1`, sku: 'A', location: 'depot', reason: 'sale', delta: -1, at: ship.at, ref: ORDER_ID },
      { _id: `${ship._id}:line:2`, sku: 'B', location: 'shop', reason: 'sale', delta: -1, at: ship.at, ref: ORDER_ID },
    ]);
    expect(effect.reserved.size).toBe(0);
  });

  it('reserves what is left to send, after changes; nothing once cancelled', () => {
    const open = orderStockEffect(webOrder(), [event('changed', 1, { change: { sku: 'A', remove: 1 } })], 'shop');
    expect(Object.fromEntries(open.reserved)).toEqual({ A: 1, B: 1 });
    expect(orderStockEffect(webOrder(), [event('cancelled', 1)], 'shop').reserved.size).toBe(0);
    expect(Object.fromEntries(sumReserved([open.reserved, open.reserved]))).toEqual({ A: 2, B: 2 });
  });

  it('restocked returns come back, others do not; the platform fulfilling on its own moves nothing', () => {
    const sent = [event('packed', 1, { override: true }), event('shipped', 2)];
    const back = event('returned', 3, { lines: [{ sku: 'A', quantity: 1 }], refund: { to: 'original', amount: money(1000) } });
    const damaged = event('returned', 4, { lines: [{ sku: 'B', quantity: 1 }], restock: false, refund: { to: 'original', amount: money(0) } });
    const effect = orderStockEffect(webOrder(), [...sent, back, damaged], 'shop');
    expect(effect.movements.filter((m) => m.reason === 'refund')).toEqual([{ _id: `${back._id}:line:0`, sku: 'A', location: 'shop', reason: 'refund', delta: 1, at: back.at, ref: ORDER_ID }]);
    expect(orderStockEffect(webOrder({ status: 'shipped' }), [], 'shop')).toEqual({ movements: [], reserved: new Map() });
  });

  it('a sale taking the balance of a web order moves no stock', () => {
    const sale = buildSale({
      storeId: 'demo', registerId: 'R1', receiptNumber: 1, createdAt: '2026-11-28T10:00:00.000Z', cashier: 'Camille', currency: 'EUR', location: 'shop',
      lines: [{ product: { sku: 'A', name: 'A', price: money(1000), priceIncludesTax: true, vatRate: 2000 }, quantity: 2 }],
      tenders: [{ kind: 'cash', amount: money(2000) }], webOrderId: ORDER_ID,
    });
    expect(sale.ok && sale.value.webOrderId).toBe(ORDER_ID);
    expect(sale.ok && movementsOfSale(sale.value)).toEqual([]);
  });
});

describe('orderStockEffect (properties)', () => {
  it('shipped + reserved account for every unit ordered; restocked units never exceed shipped; nothing negative', () => {
    fc.assert(
      fc.property(orderArb, eventsArb(), (o, evs) => {
        const effect = orderStockEffect(o, evs, 'shop');
        const state = orderState(o, evs, 'shop');
        for (const [, n] of effect.reserved) expect(n).toBeGreaterThan(0);
        for (const sku of new Set(state.lines.map((l) => l.sku))) {
          const lines = state.lines.filter((l) => l.sku === sku);
          const ordered = lines.reduce((n, l) => n + l.ordered, 0);
          const shipped = lines.reduce((n, l) => n + l.shipped, 0);
          const out = 0 - effect.movements.filter((m) => m.sku === sku && m.reason === 'sale').reduce((n, m) => n + (m.delta ?? 0), 0);
          const back = effect.movements.filter((m) => m.sku === sku && m.reason === 'refund').reduce((n, m) => n + (m.delta ?? 0), 0);
          const reserved = effect.reserved.get(sku) ?? 0;
          expect(back).toBeLessThanOrEqual(out);
          if (state.status === 'cancelled') expect(reserved).toBe(0);
          else {
            // Units the register sent are exactly the shipped counts (no platform floor here: the order is 'new').
            expect(out).toBe(shipped);
            expect(out + reserved).toBe(ordered);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('is the same whatever order the events arrive in, with the same movement ids', () => {
    fc.assert(
      fc.property(orderArb, eventsArb().chain((evs) => fc.tuple(fc.constant(evs), fc.shuffledSubarray(evs, { minLength: evs.length, maxLength: evs.length }))), (o, [evs, shuffled]) => {
        expect(orderStockEffect(o, [...shuffled, ...evs], 'shop')).toEqual(orderStockEffect(o, evs, 'shop'));
      }),
    );
  });
});
