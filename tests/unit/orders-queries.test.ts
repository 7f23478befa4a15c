import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { WebOrderEventDoc } from '../../src/domain/documents.ts';
import { markOrdersSeen } from '../../src/commands/orders-seen.ts';
import { getNewOrdersNotice, listOpenOrders } from '../../src/store/orders-queries.ts';
import { readModelDb } from '../../src/store/schema.ts';
import { parked, webOrder } from './orders-fixtures.ts';

const db = readModelDb();

function picked(orderId: string): WebOrderEventDoc {
  return { _id: 'woevent:R1:01', type: 'web_order_event', orderId, kind: 'picked', at: '2026-01-05T10:00:00.000Z', by: 'Camille', sku: 'EPI-0001', quantity: 1 } as WebOrderEventDoc;
}

beforeEach(async () => {
  await Promise.all([db.webOrders.clear(), db.registerDocs.clear(), db.settings.clear(), db.customers.clear(), db.storeSettings.clear()]);
});

describe('orders list query', () => {
  it('lists web orders folded with their events and parked sales, newest first', async () => {
    const a = webOrder('1042');
    const b = webOrder('1043', { createdAt: '2026-01-05T07:41:55.000Z' });
    await db.webOrders.bulkPut([a, b]);
    await db.registerDocs.bulkPut([parked('P1', { parkedAt: '2026-01-06T09:00:00.000Z' }), picked(a._id)]);
    const rows = await listOpenOrders();
    expect(rows.map((r) => [r.number, r.status])).toEqual([
      ['Table 4', 'parked'],
      ['#1043', 'new'],
      ['#1042', 'picking'], // one of two units picked at a register
    ]);
  });
});

describe('new web orders not yet seen', () => {
  it('counts new orders until the orders screen shows them; one that was picked is no longer new', async () => {
    const a = webOrder('1042');
    const b = webOrder('1043');
    await db.webOrders.bulkPut([a, b]);
    expect((await getNewOrdersNotice()).unseenIds.sort()).toEqual([a._id, b._id].sort());

    await markOrdersSeen([a._id, b._id]);
    expect((await getNewOrdersNotice()).unseenIds).toEqual([]);

    const c = webOrder('1044', { createdAt: '2026-01-01T00:00:00.000Z' }); // placed before the visit, imported after
    await db.webOrders.put(c);
    await db.registerDocs.put(picked(a._id));
    const notice = await getNewOrdersNotice();
    expect(notice.unseenIds).toEqual([c._id]);
    expect(notice.newOrders.map((o) => o.id)).toEqual([c._id, b._id]); // oldest first; a is being picked
  });
});
