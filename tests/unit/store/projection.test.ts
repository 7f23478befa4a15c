import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stockKey, stockOnHand } from '../../../src/domain/stock.ts';
import { clearReadModel, projectBatch, projectChanges, readCheckpoint } from '../../../workers/sync/projection.ts';
import { deletion, feed, freshDb, movement, product, sale, snapshot, storeSettings } from './fixtures.ts';

const T = (h: number): string => `2026-03-01T${String(h).padStart(2, '0')}:00:00.000Z`;

describe('projection', () => {
  it('projecting the same changes twice gives the same tables as once', async () => {
    const changes = feed([
      product('A', 'Pomme'),
      movement('01', 'A', T(8), { count: 10 }),
      sale(1, T(9), [{ sku: 'A', quantity: 2 }]),
      storeSettings(),
    ]);
    const once = freshDb();
    await projectBatch(once, changes);
    const twice = freshDb();
    await projectBatch(twice, changes);
    const second = await projectBatch(twice, changes);
    expect(second.applied).toBe(0); // behind the checkpoint: nothing re-applied
    expect(await snapshot(twice)).toEqual(await snapshot(once));

    // Even when the checkpoint is lost, re-applying yields the same rows (upserts + recomputed levels).
    await twice.projection.delete('checkpoint');
    await projectBatch(twice, changes);
    expect(await snapshot(twice)).toEqual(await snapshot(once));
    expect(await twice.stockLevels.get(['A', 'shop'])).toMatchObject({ sku: 'A', location: 'shop', onHand: 8 });
  });

  it('writes rows and checkpoint in one transaction: a failed batch leaves neither', async () => {
    const db = freshDb();
    let failSales = false;
    db.use({
      stack: 'dbcore',
      name: 'fail-sales',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return {
            ...table,
            mutate: (req) => (failSales && name === 'sales' ? Promise.reject(new Error('disk trouble')) : table.mutate(req)),
          };
        },
      }),
    });
    await projectBatch(db, feed([product('A', 'Pomme')]));
    expect((await readCheckpoint(db)).seq).toBe(1);

    failSales = true;
    const batch = feed([product('B', 'Poire'), sale(1, T(9), [{ sku: 'A', quantity: 1 }])], 2);
    await expect(projectBatch(db, batch)).rejects.toThrow();
    expect((await readCheckpoint(db)).seq).toBe(1);
    expect(await db.products.get('B')).toBeUndefined();
    expect(await db.movements.count()).toBe(0);

    failSales = false;
    await projectBatch(db, batch);
    expect((await readCheckpoint(db)).seq).toBe(3);
    expect(await db.products.get('B')).toBeDefined();
    expect(await db.sales.count()).toBe(1);
  });

  it('skips corrupt documents, reports them, and projects the rest', async () => {
    const db = freshDb();
    const reported: string[] = [];
    const changes = [
      ...feed([product('A', 'Pomme')]),
      { id: 'product:BAD', seq: 2, doc: { _id: 'product:BAD', type: 'product', sku: 'BAD', price: 'cheap' } },
      { id: 'sale:R1:00000001', seq: 3, doc: null },
      { id: '_design/app', seq: 4, doc: { _id: '_design/app', views: {} } },
      ...feed([product('C', 'Cerise')], 5),
    ];
    const report = await projectChanges(db, [changes], null, (docs) => reported.push(...docs.map((d) => d.id)));
    expect(report.skipped.map((s) => s.id).sort()).toEqual(['product:BAD', 'sale:R1:00000001']);
    expect(reported.sort()).toEqual(['product:BAD', 'sale:R1:00000001']);
    expect(report.skipped.every((s) => s.reason.length > 0)).toBe(true);
    expect((await db.products.toArray()).map((p) => p.sku)).toEqual(['A', 'C']);
    expect((await readCheckpoint(db)).seq).toBe(5);
    const kept = await db.projection.get('skipped');
    expect(kept?.key === 'skipped' ? kept.docs.map((d) => d.id).sort() : []).toEqual(['product:BAD', 'sale:R1:00000001']);
  });

  it('folds counts, receipts and sales into stock levels per sku@location', async () => {
    const db = freshDb();
    await projectBatch(db, feed([
      movement('00', 'A', T(6), { delta: 100 }), // before the count: inside the counted figure
      movement('01', 'A', T(8), { count: 10 }),
      sale(1, T(7), [{ sku: 'A', quantity: 4 }]), // before the count too
      movement('02', 'A', T(10), { delta: 5 }),
      sale(2, T(11), [{ sku: 'A', quantity: 3 }, { sku: 'B', quantity: 1 }]),
      movement('03', 'A', T(9), { delta: 2 }, 'backroom'),
    ]));
    expect(await db.stockLevels.get(['A', 'shop'])).toMatchObject({ onHand: 12 });
    expect(await db.stockLevels.get(['B', 'shop'])).toMatchObject({ onHand: -1 });
    expect(await db.stockLevels.get(['A', 'backroom'])).toMatchObject({ onHand: 2 });

    // A later batch touching only one pair updates it from all of its movements.
    await projectBatch(db, feed([sale(3, T(12), [{ sku: 'A', quantity: 2 }])], 7));
    expect(await db.stockLevels.get(['A', 'shop'])).toMatchObject({ onHand: 10 });
    await projectBatch(db, feed([movement('04', 'A', T(13), { count: 50 })], 8));
    expect(await db.stockLevels.get(['A', 'shop'])).toMatchObject({ onHand: 50 });
  });

  it('removes deleted documents and their derived rows', async () => {
    const db = freshDb();
    const s = sale(1, T(9), [{ sku: 'A', quantity: 2 }]);
    await projectBatch(db, feed([product('A', 'Pomme'), movement('01', 'A', T(8), { count: 10 }), s, movement('02', 'B', T(8), { delta: 3 })]));
    expect(await db.stockLevels.get(['A', 'shop'])).toMatchObject({ onHand: 8 });
    await projectBatch(db, [deletion(s._id, 5), deletion('product:A', 6), deletion('stock:server:02', 7)]);
    expect(await db.sales.count()).toBe(0);
    expect(await db.products.count()).toBe(0);
    expect(await db.movements.where('derivedFrom').equals(s._id).count()).toBe(0);
    expect(await db.stockLevels.get(['A', 'shop'])).toMatchObject({ onHand: 10 });
    expect(await db.stockLevels.get(['B', 'shop'])).toBeUndefined();
  });

  it('rebuilding from seq 0 equals the incremental projection', async () => {
    const incremental = freshDb();
    const p1 = product('A', 'Pomme golden');
    const p1v2 = { ...product('A', 'Pomme gala'), _rev: '2-b' };
    const s1 = sale(1, T(9), [{ sku: 'A', quantity: 2 }]);
    const s2 = sale(2, T(10), [{ sku: 'B', quantity: 1 }]);
    const m1 = movement('01', 'A', T(8), { count: 10 });
    const m2 = movement('02', 'B', T(8), { count: 4 });
    const history = [
      feed([p1, m1, s1], 1),
      feed([product('B', 'Banane'), m2, s2], 4),
      [...feed([p1v2], 7), deletion(s2._id, 8), ...feed([storeSettings()], 9)],
    ];
    await projectChanges(incremental, history);

    // What PouchDB's changes feed from 0 returns afterwards: each document once, at its latest seq.
    const rebuilt = freshDb();
    await projectChanges(rebuilt, [[...feed([m1, s1], 2), ...feed([product('B', 'Banane'), m2], 4), ...feed([p1v2], 7), deletion(s2._id, 8), ...feed([storeSettings()], 9)]]);
    expect(await snapshot(rebuilt)).toEqual(await snapshot(incremental));

    // And clearing then re-projecting the same database gives the same tables again.
    const before = await snapshot(incremental);
    await incremental.settings.put({ key: 'persistence', value: { persisted: true, at: T(1), usage: null, quota: null } });
    await clearReadModel(incremental);
    expect((await readCheckpoint(incremental)).seq).toBe(0);
    expect(await incremental.settings.count()).toBe(1); // device-local tables survive
    await projectChanges(incremental, history);
    expect(await snapshot(incremental)).toEqual(before);
  });

  it('lets the latest change of an id in a batch win', async () => {
    const db = freshDb();
    await projectBatch(db, [...feed([product('A', 'Pomme')], 1), deletion('product:A', 2), ...feed([product('A', 'Poire')], 3)]);
    expect((await db.products.get('A'))?.name).toBe('Poire');
  });

  it('keeps incremental stock levels equal to the domain fold, whatever the order and batching', async () => {
    const event = fc.record({
      kind: fc.constantFrom('count', 'receipt', 'sale'),
      sku: fc.constantFrom('A', 'B'),
      hour: fc.integer({ min: 0, max: 23 }),
      n: fc.integer({ min: 1, max: 9 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(event, { minLength: 1, maxLength: 25 }), fc.integer({ min: 1, max: 6 }), async (events, batchSize) => {
        const db = freshDb();
        const docs = events.map((e, i) =>
          e.kind === 'sale'
            ? sale(i + 1, T(e.hour), [{ sku: e.sku, quantity: e.n }])
            : movement(String(i).padStart(3, '0'), e.sku, T(e.hour), e.kind === 'count' ? { count: e.n * 3 } : { delta: e.n }),
        );
        const changes = feed(docs);
        for (let i = 0; i < changes.length; i += batchSize) await projectBatch(db, changes.slice(i, i + batchSize));
        const folded = stockOnHand(await db.movements.toArray());
        const levels = await db.stockLevels.toArray();
        expect(levels.map((l) => [stockKey(l.sku, l.location), l.onHand]).sort()).toEqual([...folded.entries()].sort());
        db.close();
      }),
      { numRuns: 40 },
    );
  });
});
