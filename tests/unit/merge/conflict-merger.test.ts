/**
 * The worker's conflict merger (workers/sync/conflict-merge-runner.ts): a conflict that arrives at any
 * moment of a pass — including as the pass ends — is resolved without waiting for a later change; a
 * document held back (its leaf not on the server yet) is resolved on the wake that follows, with no
 * change to the replica in between.
 */
import { describe, expect, it } from 'vitest';
import { ConflictMerger } from '../../../workers/sync/conflict-merge-runner.ts';
import type { ConflictReplica } from '../../../workers/sync/conflict-merge.ts';
import { emailOnR2, MARIE, phoneOnR1 } from '../../support/conflict-merge-contract.ts';
import { FakeConflictReplica } from '../../support/fake-conflict-replica.ts';

const T0 = Date.UTC(2026, 2, 1, 9);
const base = { _id: MARIE, type: 'customer', name: 'Marie Curie', email: 'marie@example.fr', updatedAt: new Date(T0).toISOString(), clock: { '*': `${T0}-00000-R0` } };
const rev = (doc: Record<string, unknown>, r: string, parent?: string): Record<string, unknown> => ({
  ...doc,
  _rev: r,
  _revisions: { start: Number(r.split('-')[0]), ids: [r.split('-')[1], ...(parent ? [parent.split('-')[1]] : [])] },
});

/** Writes Marie's two offline edits (already replicated) in one synchronous step of the fake. */
function conflictArrives(replica: FakeConflictReplica): void {
  void replica.bulkDocs([rev(phoneOnR1, '2-b1', '1-a0'), rev(emailOnR2, '2-c2', '1-a0')], { new_edits: false });
}

describe('conflict merger', () => {
  it('resolves a conflict that replication brings in at any point of a pass, as the wake arrives', async () => {
    for (let delay = 0; delay < 8; delay++) {
      const replica = new FakeConflictReplica();
      await replica.bulkDocs([rev(base, '1-a0')], { new_edits: false });
      let wake: () => void = () => {};
      let reads = 0;
      // The conflict lands (and the replica announces it) `delay` microtasks after a pass's last feed read.
      const watched: ConflictReplica = {
        info: () => replica.info(),
        allDocs: (o) => replica.allDocs(o),
        get: (id, o) => replica.get(id, o),
        bulkDocs: (docs, o) => replica.bulkDocs(docs, o),
        changes: async (o) => {
          const result = await replica.changes(o);
          if (++reads === 1) {
            let chain = Promise.resolve();
            for (let k = 0; k < delay; k++) chain = chain.then(() => undefined);
            void chain.then(() => {
              conflictArrives(replica);
              wake();
            });
          }
          return result;
        },
      };
      const merger = new ConflictMerger(watched, (w) => {
        wake = w;
        return () => {};
      });
      merger.start();
      await merger.idle();
      // Let the scheduled arrival happen, then let whatever it started finish.
      for (let k = 0; k < delay + 5; k++) await Promise.resolve();
      await merger.idle();
      const doc = (await replica.get(MARIE, { conflicts: true })) as Record<string, unknown>;
      expect(doc['_conflicts'], `arrival ${delay} microtasks after the read`).toBeUndefined();
      expect(doc, `arrival ${delay} microtasks after the read`).toMatchObject({ phone: '+33612345678', email: 'm.curie@example.fr' });
      merger.stop();
    }
  });

  it('resolves a held-back document on a later wake, although nothing changed in the replica', async () => {
    const replica = new FakeConflictReplica();
    await replica.bulkDocs([rev(base, '1-a0')], { new_edits: false });
    conflictArrives(replica);
    let onServer = false;
    const merger = new ConflictMerger(replica, () => () => {}, () => {}, async () => !onServer);
    merger.start();
    await merger.idle();
    expect(((await replica.get(MARIE, { conflicts: true })) as Record<string, unknown>)['_conflicts']).toEqual(['2-b1']);
    // The acknowledgement arrives: the connection wakes the merger.
    onServer = true;
    merger.retryHeld();
    await merger.idle();
    const doc = (await replica.get(MARIE, { conflicts: true })) as Record<string, unknown>;
    expect(doc['_conflicts']).toBeUndefined();
    expect(doc).toMatchObject({ phone: '+33612345678', email: 'm.curie@example.fr' });
    merger.stop();
  });
});
