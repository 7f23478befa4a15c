import { describe, expect, it } from 'vitest';
import type { WebOrderLine } from '../../../src/domain/documents.ts';
import { money } from '../../../src/domain/money.ts';
import { isReserving, reservedBySku, type ReservingOrder } from '../../../src/domain/reservations.ts';

const line = (sku: string | null, quantity: number): WebOrderLine => ({ sku, name: sku ?? 'x', quantity, unitPrice: money(100) });
const order = (status: ReservingOrder['status'], lines: WebOrderLine[]): ReservingOrder => ({ status, lines });

describe('reservedBySku', () => {
  it('sums the quantities of open orders per SKU', () => {
    const r = reservedBySku([order('new', [line('A', 2), line('B', 1)]), order('packed', [line('A', 3)])]);
    expect(Object.fromEntries(r)).toEqual({ A: 5, B: 1 });
  });

  it('releases shipped, picked up and cancelled orders', () => {
    const r = reservedBySku([
      order('shipped', [line('A', 2)]),
      order('picked_up', [line('A', 2)]),
      order('cancelled', [line('A', 2)]),
      order('new', [line('A', 1)]),
    ]);
    expect(Object.fromEntries(r)).toEqual({ A: 1 });
    expect(isReserving(order('cancelled', []))).toBe(false);
    expect(isReserving(order('new', []))).toBe(true);
  });

  it('ignores unknown SKUs and malformed quantities, and is empty for no orders', () => {
    expect(reservedBySku([order('new', [line(null, 4), line('A', 0), line('B', 1.5)])]).size).toBe(0);
    expect(reservedBySku([]).size).toBe(0);
  });

  it('does not depend on the order of the orders', () => {
    const orders = [order('new', [line('A', 1)]), order('new', [line('B', 2), line('A', 4)]), order('cancelled', [line('B', 9)])];
    expect(Object.fromEntries(reservedBySku([...orders].reverse()))).toEqual(Object.fromEntries(reservedBySku(orders)));
  });
});
