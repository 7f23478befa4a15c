/**
 * Sales history queries over 10,000 sales in the read model: each search answers from an index and
 * returns one page, newest first, with the right rows.
 */
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { customerSearchTokens } from '../../../src/domain/customer.ts';
import type { SaleDoc, TenderKind } from '../../../src/domain/documents.ts';
import { money } from '../../../src/domain/money.ts';
import { searchSales } from '../../../src/store/sales-queries.ts';
import { readModelDb } from '../../../src/store/schema.ts';

const N = 10_000;
const KINDS: TenderKind[] = ['cash', 'card', 'voucher'];

function sale(i: number): SaleDoc {
  const n = i + 1;
  const gross = money(100 + (i % 500) * 10);
  return {
    _id: `sale:R1:${String(n).padStart(8, '0')}`,
    type: 'sale', storeId: 'demo', registerId: 'R1', receiptNumber: n, receiptLabel: `R1-${String(n).padStart(6, '0')}`,
    createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(), cashier: 'a', currency: 'EUR', location: 'shop',
    lines: [{ sku: 'A', name: 'A', quantity: 1, unitPrice: gross, vatRate: 2000, total: gross }],
    tenders: [{ kind: KINDS[i % 3]!, amount: gross }],
    totals: { net: gross, vat: money(0), gross, tendered: gross, change: money(0) },
    vatBreakdown: [], ...(i % 1000 === 7 ? { customerId: 'customer:C1' } : {}),
  };
}

beforeAll(async () => {
  const db = readModelDb();
  await db.sales.clear();
  await db.sales.bulkPut(Array.from({ length: N }, (_, i) => sale(i)));
  const customer = { _id: 'customer:C1', type: 'customer' as const, name: 'Camille Dupont', email: 'camille@x.fr', updatedAt: '2026-01-01T00:00:00.000Z' };
  await db.customers.put({ ...customer, nameTokens: customerSearchTokens(customer) });
}, 60_000);

async function timed<T>(f: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await f();
  return { value, ms: performance.now() - start };
}

describe('searchSales over 10,000 sales', () => {
  it('lists newest first, one page at a time', async () => {
    const { value, ms } = await timed(() => searchSales({}, 50));
    expect(value.rows).toHaveLength(50);
    expect(value.hasMore).toBe(true);
    expect(value.rows[0]!.receiptNumber).toBe(N);
    expect(value.rows[49]!.receiptNumber).toBe(N - 49);
    expect(ms).toBeLessThan(1500);
  });

  it('finds by receipt label prefix and by receipt number', async () => {
    expect((await searchSales({ text: 'r1-004242' })).rows.map((r) => r.receiptNumber)).toEqual([4242]);
    expect((await searchSales({ text: '4242' })).rows.map((r) => r.receiptNumber)).toEqual([4242]);
  });

  it('finds by customer name, with the name on the rows', async () => {
    const page = await searchSales({ text: 'camille' });
    expect(page.rows).toHaveLength(10);
    expect(page.rows.every((r) => r.customerId === 'customer:C1')).toBe(true);
    expect(page.customers['customer:C1']).toBe('Camille Dupont');
  });

  it('filters by exact amount, range, tender and date', async () => {
    const exact = await searchSales({ amount: { min: money(150), max: money(150) } }, 100);
    expect(exact.rows).toHaveLength(20);
    expect(exact.rows.every((r) => r.totals.gross === 150)).toBe(true);
    const cardInRange = await searchSales({ amount: { min: money(100), max: money(120) }, tender: 'card' }, 1000);
    expect(cardInRange.rows.every((r) => r.totals.gross <= 120 && r.tenders[0]!.kind === 'card')).toBe(true);
    const day = await searchSales({ from: '2026-01-02T00:00:00.000Z', until: '2026-01-03T00:00:00.000Z', tender: 'cash' }, 2000);
    expect(day.rows).toHaveLength(480);
    expect(day.rows[0]!.createdAt >= day.rows[1]!.createdAt).toBe(true);
  });
});
