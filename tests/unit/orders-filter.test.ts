import { describe, expect, it } from 'vitest';
import { money } from '../../src/domain/money.ts';
import { dayBounds, filterChoices, filterOrders, fold, matchesFilter } from '../../src/store/orders-filter.ts';
import { parkedOrderRow, webOrderRow, type OpenOrder } from '../../src/store/orders-queries.ts';
import { folded, parked, webOrder } from './orders-fixtures.ts';

const shopify = webOrder('1042');
const pickup = webOrder('1043', {
  delivery: 'pickup',
  customer: { name: 'Hugo Lefèvre', email: 'hugo.lefevre@example.fr' },
  lines: [{ sku: 'FRA-0008', name: 'Fraises', quantity: 1, unitPrice: money(450) }],
  total: money(450),
  payment: { state: 'to_pay' },
  createdAt: '2026-01-06T08:00:00.000Z',
});
const woo = webOrder('731', { _id: 'weborder:woocommerce:shop.fr:731', platform: 'woocommerce', orderNumber: '731', createdAt: '2026-01-03T14:05:00.000Z' });

const rows: OpenOrder[] = [
  webOrderRow(shopify, folded(shopify)),
  webOrderRow(pickup, folded(pickup, { parts: [{ location: 'warehouse', status: 'new', lines: [] }] })),
  webOrderRow(woo, folded(woo, { status: 'shipped' })),
  parkedOrderRow(parked('P1'), 'Léa Dubois'),
];
const ids = (f: Parameters<typeof filterOrders>[1]): string[] => filterOrders(rows, f).map((r) => r.number);

describe('orders filters', () => {
  it('shows the open orders of every channel by default, the closed ones on request', () => {
    expect(ids({})).toEqual(['#1042', '#1043', 'Table 4']);
    expect(ids({ status: 'any' })).toEqual(['#1042', '#1043', '731', 'Table 4']);
    expect(ids({ status: 'shipped' })).toEqual(['731']);
    expect(ids({ status: 'parked' })).toEqual(['Table 4']);
  });

  it('filters by channel, platform, delivery, payment and location', () => {
    expect(ids({ channel: 'web' })).toEqual(['#1042', '#1043']);
    expect(ids({ channel: 'parked' })).toEqual(['Table 4']);
    expect(ids({ platform: 'woocommerce', status: 'any' })).toEqual(['731']);
    expect(ids({ delivery: 'pickup' })).toEqual(['#1043']);
    // A parked sale is to be paid: it stays under "to pay", never under "paid".
    expect(ids({ payment: 'to_pay' })).toEqual(['#1043', 'Table 4']);
    expect(ids({ payment: 'paid' })).toEqual(['#1042']);
    expect(ids({ location: 'warehouse' })).toEqual(['#1043']);
    expect(ids({ channel: 'web', delivery: 'shipping', payment: 'paid' })).toEqual(['#1042']);
  });

  it('searches the number (with or without #), the customer, the e-mail and SKU prefixes', () => {
    expect(ids({ text: '1043' })).toEqual(['#1043']);
    expect(ids({ text: '#1042' })).toEqual(['#1042']);
    expect(ids({ text: 'lefevre' })).toEqual(['#1043']); // accents do not matter
    expect(ids({ text: 'CAMILLE.MARTIN@' })).toEqual(['#1042']);
    expect(ids({ text: 'fra-00' })).toEqual(['#1043']);
    expect(ids({ text: 'BOI-0001' })).toEqual(['Table 4']); // a parked cart's SKU
    expect(ids({ text: 'léa' })).toEqual(['Table 4']);
    expect(ids({ text: 'nobody' })).toEqual([]);
    expect(ids({ text: '   ' })).toEqual(['#1042', '#1043', 'Table 4']);
  });

  it('keeps a date range with the last day included whole', () => {
    const bounds = dayBounds('2026-01-04', '2026-01-05');
    expect(new Date(bounds.from!).getDate()).toBe(4);
    expect(new Date(bounds.until!).getDate()).toBe(6);
    const row = rows[0]!;
    expect(matchesFilter({ ...row, createdAt: new Date(2026, 0, 5, 23, 59).toISOString() }, bounds)).toBe(true);
    expect(matchesFilter({ ...row, createdAt: new Date(2026, 0, 6, 0, 0).toISOString() }, bounds)).toBe(false);
    expect(matchesFilter({ ...row, createdAt: new Date(2026, 0, 3, 23, 59).toISOString() }, bounds)).toBe(false);
    expect(dayBounds('', 'not a day')).toEqual({});
  });

  it('offers the platforms and locations present', () => {
    expect(filterChoices(rows)).toEqual({ platforms: ['shopify', 'woocommerce'], locations: ['shop', 'warehouse'] });
    expect(fold('  Crème Brûlée ')).toBe('creme brulee');
  });
});
