import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { commitDoc, leafAwaitsServer, markAcknowledged, markRejected, reconcilePending } from '../../../workers/sync/outbox.ts';
import { isQuotaError, lastReceiptNumberIn, type Replica } from '../../../workers/sync/replica-ops.ts';
import { StatusWriter } from '../../../workers/sync/status.ts';
import { freshDb, sale } from './fixtures.ts';

/** Just enough of a PouchDB database for put/allDocs (real PouchDB runs in the e2e tests). */
function memoryReplica(failWith?: unknown): Replica & { ids: () => string[] } {
  const docs = new Map<string, unknown>();
  const fake = {
    async put(doc: { _id: string }) {
      if (failWith !== undefined) throw failWith;
      if (docs.has(doc._id)) throw Object.assign(new Error('Document update conflict'), { status: 409, name: 'conflict' });
      docs.set(doc._id, doc);
      return { ok: true, id: doc._id, rev: '1-abc' };
    },
    async allDocs(opts: { startkey: string; endkey: string; descending: boolean; limit: number }) {
      const ids = [...docs.keys()].filter((id) => id <= opts.startkey && id >= opts.endkey).sort().reverse();
      return { rows: ids.slice(0, opts.limit).map((id) => ({ id })) };
    },
    ids: () => [...docs.keys()],
  };
  return fake as unknown as Replica & { ids: () => string[] };
}

const T = '2026-03-01T09:00:00.000Z';

describe('outbox', () => {
  it('records a committed document as pending only after the replica write', async () => {
    const db = freshDb();
    const replica = memoryReplica();
    const s = sale(1, T, [{ sku: 'A', quantity: 1 }]);
    expect(await commitDoc(replica, db, s)).toEqual({ id: s._id, rev: '1-abc' });
    expect(await db.outbox.get(s._id)).toMatchObject({ state: 'pending', rev: '1-abc', docType: 'sale' });
    await expect(commitDoc(replica, db, s)).rejects.toMatchObject({ name: 'ConflictError' });
    expect(await db.outbox.count()).toBe(1);
    expect(await new StatusWriter(db).read()).toMatchObject({ pending: 1 });
  });

  it('surfaces a full disk as QuotaExceededError and writes no outbox row', async () => {
    const db = freshDb();
    const pouchError = { status: 500, name: 'indexed_db_went_bad', reason: 'QuotaExceededError' };
    expect(isQuotaError(pouchError)).toBe(true);
    await expect(commitDoc(memoryReplica(pouchError), db, sale(1, T, [{ sku: 'A', quantity: 1 }]))).rejects.toMatchObject({
      name: 'QuotaExceededError',
    });
    expect(await db.outbox.count()).toBe(0);
  });

  it('moves rows to acknowledged or rejected with the reason', async () => {
    const db = freshDb();
    await db.outbox.bulkPut([
      { id: 'a', rev: '1-a', docType: 'sale', state: 'pending', at: T },
      { id: 'b', rev: '1-b', docType: 'sale', state: 'pending', at: T },
    ]);
    await markAcknowledged(db, [{ id: 'a', rev: '1-a' }, { id: 'not-mine', rev: '1-x' }]);
    await markRejected(db, [{ id: 'b', reason: '403 forbidden: register R2 cannot write sales of R1' }]);
    expect(await db.outbox.get('a')).toMatchObject({ state: 'acknowledged' });
    expect(await db.outbox.get('b')).toMatchObject({ state: 'rejected', reason: '403 forbidden: register R2 cannot write sales of R1' });
    expect(await db.outbox.get('not-mine')).toBeUndefined();
  });

  it('reconciles pending rows against the server after a reload', async () => {
    const db = freshDb();
    await db.outbox.bulkPut([
      { id: 'on-server', rev: '1-a', docType: 'sale', state: 'pending', at: T },
      { id: 'missing', rev: '1-b', docType: 'sale', state: 'pending', at: T },
    ]);
    const asked: Record<string, string[]>[] = [];
    const n = await reconcilePending(db, async (diff) => {
      asked.push(diff);
      return { missing: { missing: ['1-b'] } };
    });
    expect(n).toBe(1);
    expect(asked).toEqual([{ 'on-server': ['1-a'], missing: ['1-b'] }]);
    expect(await db.outbox.get('on-server')).toMatchObject({ state: 'acknowledged' });
    expect(await db.outbox.get('missing')).toMatchObject({ state: 'pending' });
  });

  it('says a product leaf awaits the server while its outbox row is pending, not once acknowledged or refused', async () => {
    const db = freshDb();
    const id = 'product:QP-3760999000012';
    await db.outbox.put({ id, rev: '1-b', docType: 'product', state: 'pending', at: T });
    expect(await leafAwaitsServer(db, id, ['1-a', '1-b'])).toBe(true);
    // Another leaf than this register's write, or a customer: nothing to wait for.
    expect(await leafAwaitsServer(db, id, ['1-a', '2-c'])).toBe(false);
    await db.outbox.put({ id: 'customer:1', rev: '1-b', docType: 'customer', state: 'pending', at: T });
    expect(await leafAwaitsServer(db, 'customer:1', ['1-a', '1-b'])).toBe(false);
    await markAcknowledged(db, [{ id, rev: '1-b' }]);
    expect(await leafAwaitsServer(db, id, ['1-a', '1-b'])).toBe(false);
    await db.outbox.put({ id, rev: '2-d', docType: 'product', state: 'pending', at: T });
    await markRejected(db, [{ id, reason: 'forbidden' }]);
    expect(await leafAwaitsServer(db, id, ['1-a', '2-d'])).toBe(false);
  });

  it('reads the last receipt number of a register from sorted sale ids', async () => {
    const replica = memoryReplica();
    expect(await lastReceiptNumberIn(replica, 'R1')).toBe(0);
    for (const n of [1, 2, 10]) await replica.put(sale(n, T, [{ sku: 'A', quantity: 1 }]));
    await replica.put({ ...sale(99, T, [{ sku: 'A', quantity: 1 }]), _id: 'sale:R10:00000099' });
    expect(await lastReceiptNumberIn(replica, 'R1')).toBe(10);
  });
});
