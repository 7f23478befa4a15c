import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ProjectionPump } from '../../../workers/sync/replica-feed.ts';
import type { Replica } from '../../../workers/sync/replica-ops.ts';
import { freshDb, product } from './fixtures.ts';

/**
 * The part of a PouchDB replica the pump uses: a changes feed read by `since`/`limit`, and a live
 * listener that fires after every write, as the IndexedDB adapter does (from a promise chain).
 */
class MemoryReplica {
  private readonly docs: Array<{ id: string; seq: number; doc: object }> = [];
  private readonly listeners = new Set<() => void>();

  put(doc: { _id: string }): void {
    this.docs.push({ id: doc._id, seq: this.docs.length + 1, doc });
    for (const l of this.listeners) queueMicrotask(l);
  }

  changes(opts: { since: number | 'now'; limit?: number; live?: boolean }): unknown {
    if (opts.live === true) {
      const listeners = this.listeners;
      const feed = {
        on(_event: 'change', fn: () => void) {
          listeners.add(fn);
          return feed;
        },
        cancel() {
          listeners.clear();
        },
      };
      return feed;
    }
    const since = opts.since === 'now' ? this.docs.length : opts.since;
    const results = this.docs.filter((d) => d.seq > since).slice(0, opts.limit ?? Infinity);
    return Promise.resolve({ results, last_seq: results.at(-1)?.seq ?? since });
  }
}

function pumpOver(replica: MemoryReplica) {
  const db = freshDb();
  const pump = new ProjectionPump(db, replica as unknown as Replica, 'replica-test', () => {});
  return { db, pump };
}

describe('projection pump', () => {
  it('a pass asked for as the previous one ends still projects the document written just before', async () => {
    const replica = new MemoryReplica();
    const { db, pump } = pumpOver(replica);
    replica.put(product('A', 'Pomme'));
    await pump.run();
    // Written right after the pass finished, before the pump has noticed it is idle:
    // "caught up" must include it (a Z report and the order history read right after a write).
    replica.put(product('B', 'Poire'));
    await pump.run();
    expect((await db.products.get('B'))?.name).toBe('Poire');
  });

  it('every write made while passes run ends up projected, without a later write to wake it', async () => {
    const replica = new MemoryReplica();
    const { db, pump } = pumpOver(replica);
    pump.start();
    for (let i = 0; i < 40; i++) {
      replica.put(product(`S${i}`, `Produit ${i}`));
      // Writes land at every point of a pass: before, during and as it ends.
      for (let k = 0; k < i % 7; k++) await Promise.resolve();
    }
    await pump.idle();
    pump.stop();
    expect(await db.products.count()).toBe(40);
  });

  it('a rebuild queued behind a pass empties the read model and projects the whole replica once', async () => {
    const replica = new MemoryReplica();
    const { db, pump } = pumpOver(replica);
    replica.put(product('A', 'Pomme'));
    replica.put(product('B', 'Poire'));
    const first = pump.run();
    const rebuilt = pump.rebuild();
    expect(await first).toBe(2);
    expect(await rebuilt).toBe(2);
    expect(await db.products.count()).toBe(2);
  });
});
