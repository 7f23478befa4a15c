import { describe, expect, it } from 'vitest';
import { money } from '../../src/domain/money.ts';
import { arrivals, newOrdersNotice, parkedOrderRow, webOrderRow } from '../../src/store/orders-queries.ts';
import { runEach, tally } from '../../src/ui/components/OrdersBulkRun.ts';
import { folded, parked, webOrder } from './orders-fixtures.ts';

describe('orders list rows', () => {
  it('shows a web order with its folded state: status, locations, balance, processor, every SKU', () => {
    const order = webOrder('1043', {
      payment: { state: 'to_pay' },
      paymentProcessor: 'bacs',
      lines: [
        { sku: 'EPI-0001', name: 'Farine', quantity: 1, unitPrice: money(300) },
        { sku: null, platformSku: 'UNKNOWN-1', name: 'Mystère', quantity: 1, unitPrice: money(100) },
      ],
    });
    const state = folded(order, {
      status: 'picking',
      customer: { name: 'Camille Martin-Durand' }, // corrected at the counter
      parts: [
        { location: 'shop', status: 'picking', lines: [] },
        { location: 'warehouse', status: 'new', lines: [] },
      ],
      total: money(1200),
      paidAmount: money(200),
      balance: money(1000),
      paid: false,
      flagged: true,
    });
    delete (state as { paymentMethod?: string }).paymentMethod;
    const row = webOrderRow(order, state);
    expect(row).toMatchObject({
      channel: 'web',
      number: '#1043',
      platform: 'shopify',
      status: 'picking',
      delivery: 'shipping',
      customer: { name: 'Camille Martin-Durand' },
      locations: ['shop', 'warehouse'],
      total: 1200,
      balance: 1000,
      paid: false,
      paymentMethod: 'bacs',
      flagged: true,
    });
    expect(row.skus.sort()).toEqual(['EPI-0001', 'UNKNOWN-1']);
  });

  it('shows a parked sale as unpaid, without platform, delivery or location', () => {
    const row = parkedOrderRow(parked('P1', { customerId: 'customer:1' }), 'Léa Dubois');
    expect(row).toMatchObject({ channel: 'parked', number: 'Table 4', status: 'parked', platform: null, delivery: null, locations: [], paid: false, balance: 500 });
    expect(row.customer.name).toBe('Léa Dubois');
    expect(row.skus).toEqual(['BOI-0001']);
    expect(parkedOrderRow(parked('P2', { cart: 'garbage' })).skus).toEqual([]);
    expect(parkedOrderRow(parked('P3')).customer.name).toBe('Table 4');
  });
});

describe('new web order announcement', () => {
  const opened = '2026-03-01T10:00:00.000Z';
  const at = (id: string, createdAt = '2026-03-01T10:05:00.000Z') => ({ id, createdAt });

  it('counts the new orders not yet seen on this register', () => {
    expect(newOrdersNotice([at('a'), at('b'), at('c')], null).unseenIds).toEqual(['a', 'b', 'c']);
    expect(newOrdersNotice([at('a'), at('b'), at('c')], ['a', 'c', 'gone']).unseenIds).toEqual(['b']);
  });

  it('chimes for arrivals only, never for what was there when the page opened', () => {
    expect(arrivals(null, [at('a'), at('b')], opened)).toEqual([]);
    expect(arrivals(new Set(['a', 'b']), [at('a'), at('b')], opened)).toEqual([]);
    expect(arrivals(new Set(['a', 'b']), [at('b'), at('c')], opened)).toEqual(['c']);
  });

  it('does not chime for orders placed long before the page opened (first replication, catch-up, import)', () => {
    expect(arrivals(new Set(), [at('old', '2026-01-04T18:22:10.000Z'), at('now')], opened)).toEqual(['now']);
    // A web store's clock a few minutes behind the register's still counts.
    expect(arrivals(new Set(), [at('skewed', '2026-03-01T09:50:00.000Z')], opened)).toEqual(['skewed']);
  });
});

describe('bulk runs', () => {
  it('runs order after order, reporting progress and each result; a throw is one refusal', async () => {
    const progress: number[] = [];
    const outcomes = await runEach(
      [
        { id: 'a', number: '#1' },
        { id: 'b', number: '#2' },
        { id: 'c', number: '#3' },
      ],
      async (id) => {
        if (id === 'b') return { ok: false, message: 'not packed' };
        if (id === 'c') throw new Error('disk full');
        return { ok: true };
      },
      (p) => progress.push(p.done),
    );
    expect(progress).toEqual([0, 1, 2, 3]);
    expect(outcomes).toEqual([
      { id: 'a', number: '#1', ok: true },
      { id: 'b', number: '#2', ok: false, message: 'not packed' },
      { id: 'c', number: '#3', ok: false, message: 'disk full' },
    ]);
    expect(tally(outcomes)).toEqual({ ok: 1, refused: 2 });
  });
});
