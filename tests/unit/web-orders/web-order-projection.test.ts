/**
 * The read model's stock follows web orders' events (workers/sync/projection-rows.ts
 * projectWebOrderStock, run in the projection's transaction): shipped units leave the shelf once,
 * a late earlier event re-derives the movements, replaying changes nothing.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { WebOrderEventDoc } from '../../../src/domain/documents.ts';
import type { ReadModelDb } from '../../../src/store/schema.ts';
import { projectBatch } from '../../../workers/sync/projection.ts';
import { projectWebOrderStock, rowsOfBatch, type ProjectedDoc } from '../../../workers/sync/projection-rows.ts';
import { updateStockLevels } from '../../../workers/sync/stock-levels.ts';
import { money } from '../../../src/domain/money.ts';
import { feed, freshDb, movement, storeSettings } from '../store/fixtures.ts';
import { event, webOrder } from './web-order-fixtures.ts';

/** A batch as the projection applies it, with the web-order stock step where projectBatch runs it. */
async function project(db: ReadModelDb, docs: ProjectedDoc[], deleted: string[] = [], from = 1): Promise<void> {
  await projectBatch(db, [...feed(docs, from), ...deleted.map((id, i) => ({ id, seq: from + docs.length + i, deleted: true }))]);
  await db.transaction('rw', [db.movements, db.stockLevels, db.webOrders, db.storeSettings, db.registerDocs], async () => {
    const refold = new Set<string>();
    const added = await projectWebOrderStock(db, rowsOfBatch(docs, deleted), refold);
    await updateStockLevels(db, { added, refold });
  });
}
const onHand = async (db: ReadModelDb, sku: string, location = 'shop'): Promise<number> => (await db.stockLevels.get([sku, location]))?.onHand ?? 0;

describe('projectWebOrderStock', () => {
  it('shipped units leave the shelf, once, whatever arrives first, and a replay changes nothing', async () => {
    const db = freshDb();
    const ship = event('shipped', 5, { override: true });
    await project(db, [storeSettings(), movement('01', 'A', '2026-11-28T08:00:00.000Z', { count: 10 }), movement('02', 'B', '2026-11-28T08:00:00.000Z', { count: 4 })]);
    await project(db, [ship as WebOrderEventDoc], [], 10); // the event before its order: nothing yet
    expect(await onHand(db, 'A')).toBe(10);
    await project(db, [webOrder()], [], 20);
    expect([await onHand(db, 'A'), await onHand(db, 'B')]).toEqual([8, 3]);
    await project(db, [webOrder(), ship], [], 30);
    expect([await onHand(db, 'A'), await onHand(db, 'B')]).toEqual([8, 3]);
    expect(await db.movements.where('derivedFrom').equals(webOrder()._id).count()).toBe(2);
  });

  it('a late earlier event re-derives what "ship the rest" shipped; a deleted event takes its movements back', async () => {
    const db = freshDb();
    await project(db, [storeSettings(), movement('01', 'A', '2026-11-28T08:00:00.000Z', { count: 10 }), webOrder()]);
    const rest = event('shipped', 5, { override: true });
    await project(db, [rest], [], 10);
    expect(await onHand(db, 'A')).toBe(8);
    const first = event('shipped', 3, { override: true, lines: [{ sku: 'A', quantity: 1 }] });
    await project(db, [first], [], 20);
    expect(await onHand(db, 'A')).toBe(8);
    expect((await db.movements.get(`${rest._id}:line:0`))?.delta).toBe(-1);
    await project(db, [], [rest._id], 30);
    expect(await onHand(db, 'A')).toBe(9);
  });

  it('restocked returns come back on the shelf', async () => {
    const db = freshDb();
    await project(db, [storeSettings(), movement('01', 'A', '2026-11-28T08:00:00.000Z', { count: 10 }), webOrder()]);
    await project(db, [event('shipped', 5, { override: true }), event('returned', 6, { lines: [{ sku: 'A', quantity: 1 }], refund: { to: 'original', amount: money(1000) } })], [], 10);
    expect(await onHand(db, 'A')).toBe(9);
  });
});
