import { describe, expect, it } from 'vitest';
import { money } from '../../../src/domain/money.ts';
import { movementsOfSale, stockOnHand } from '../../../src/domain/stock.ts';

describe('movementsOfSale with returned lines', () => {
  const sale = {
    _id: 'sale:R1:00000002',
    location: 'shop',
    createdAt: '2026-03-01T10:00:00.000Z',
    lines: [
      { sku: 'A', name: 'A', quantity: 2, unitPrice: money(100), vatRate: 2000, total: money(200) },
      { sku: 'B', name: 'B', quantity: -1, unitPrice: money(100), vatRate: 2000, total: money(-100), returnOf: { saleId: 'sale:R1:00000001', line: 0 }, restock: true },
      { sku: 'C', name: 'C', quantity: -3, unitPrice: money(100), vatRate: 2000, total: money(-300), returnOf: { saleId: 'sale:R1:00000001', line: 1 }, restock: false },
    ],
  };

  it('puts restocked returns back on the shelf, leaves the others out, keeps line indexes in ids', () => {
    const moves = movementsOfSale(sale);
    expect(moves.map((m) => [m._id, m.sku, m.reason, m.delta])).toEqual([
      ['sale:R1:00000002:line:0', 'A', 'sale', -2],
      ['sale:R1:00000002:line:1', 'B', 'refund', 1],
    ]);
    const onHand = stockOnHand([
      { _id: 'stock:s:1', sku: 'B', location: 'shop', reason: 'count', quantity: 5, at: '2026-03-01T08:00:00.000Z' },
      { _id: 'stock:s:2', sku: 'C', location: 'shop', reason: 'count', quantity: 5, at: '2026-03-01T08:00:00.000Z' },
      ...moves,
    ]);
    expect(onHand.get('B@shop')).toBe(6);
    expect(onHand.get('C@shop')).toBe(5);
  });
});
