/**
 * The conflict resolver on real PouchDB (LevelDB in a temp directory): the shared contract, then two
 * replicas that each get both registers' edits through replication, resolve on their own, and
 * replicate again — ending with one identical revision and no conflict on both — and the worker's
 * runner resolving a conflict as replication brings it in.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PouchDB from 'pouchdb';
import { afterAll, describe, expect, it } from 'vitest';
import type { CustomerDoc } from '../../../src/domain/documents.ts';
import { stampWrite } from '../../../src/domain/field-clock.ts';
import { resolveDocument } from '../../../workers/sync/conflict-merge.ts';
import { ConflictMerger, conflictReplicaOf, watchReplica } from '../../../workers/sync/conflict-merge-runner.ts';
import { conflictMergeContract, MARIE } from '../../support/conflict-merge-contract.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comptoir-conflicts-'));
const Pouch = PouchDB.defaults({ prefix: `${dir}/` } as PouchDB.Configuration.DatabaseConfiguration) as unknown as PouchDB.Static;
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
const open = (): PouchDB.Database<object> => new Pouch<object>(`replica-${++n}`);

conflictMergeContract('PouchDB (LevelDB)', async () => {
  const db = open();
  return { replica: conflictReplicaOf(db), dispose: () => db.destroy() };
});

const T0 = Date.UTC(2026, 2, 1, 9);
const marie: CustomerDoc = { _id: MARIE, type: 'customer', name: 'Marie Curie', email: 'marie@example.fr', updatedAt: new Date(T0).toISOString() };

/** An edit as the register's command makes it: the changed fields stamped by the register. */
async function edit(db: PouchDB.Database<object>, register: string, minute: number, change: Partial<CustomerDoc>): Promise<void> {
  const current = (await db.get(MARIE)) as unknown as CustomerDoc;
  const next = stampWrite({ ...current, ...change, updatedAt: new Date(T0 + minute * 60_000).toISOString() }, current, register, T0 + minute * 60_000);
  await db.put(next);
}

async function liveLeaves(db: PouchDB.Database<object>): Promise<string[]> {
  const leaves = (await db.get(MARIE, { open_revs: 'all' })) as Array<{ ok?: { _rev: string; _deleted?: boolean } }>;
  return leaves.flatMap((l) => (l.ok && l.ok._deleted !== true ? [l.ok._rev] : [])).sort();
}

describe('two replicas resolving the same conflict', () => {
  it('write identical revisions: after replicating both ways, one live revision with both edits, no conflict', async () => {
    const [a, b] = [open(), open()];
    await a.put(marie);
    await a.replicate.to(b);
    // Offline: the phone on register A, the email on register B.
    await edit(a, 'RA', 2, { phone: '+33612345678' });
    await edit(b, 'RB', 1, { email: 'm.curie@example.fr' });
    await a.replicate.to(b);
    await b.replicate.to(a);
    for (const db of [a, b]) expect(await liveLeaves(db)).toHaveLength(2);

    const [ra, rb] = await Promise.all([resolveDocument(conflictReplicaOf(a), MARIE), resolveDocument(conflictReplicaOf(b), MARIE)]);
    expect([ra.merged, rb.merged]).toEqual([[MARIE], [MARIE]]);
    const seqs = [(await a.info()).update_seq, (await b.info()).update_seq];
    await a.replicate.to(b);
    await b.replicate.to(a);

    const [da, db] = await Promise.all([a.get(MARIE, { conflicts: true }), b.get(MARIE, { conflicts: true })]);
    expect(da).toEqual(db);
    expect(da).toMatchObject({ phone: '+33612345678', email: 'm.curie@example.fr', name: 'Marie Curie' });
    expect((da as { _conflicts?: unknown })._conflicts).toBeUndefined();
    for (const d of [a, b]) expect(await liveLeaves(d)).toEqual([da._rev]);
    // Nothing new crossed: each side already had the other's resolution.
    expect([(await a.info()).update_seq, (await b.info()).update_seq]).toEqual(seqs);
    await Promise.all([a.destroy(), b.destroy()]);
  });

  it('the worker\'s runner resolves a conflict as soon as replication brings it in', async () => {
    const [register, other] = [open(), open()];
    await register.put(marie);
    await register.replicate.to(other);
    const merger = new ConflictMerger(conflictReplicaOf(register), watchReplica(register));
    merger.start();
    await merger.idle();
    await edit(register, 'RA', 2, { phone: '+33612345678' });
    await edit(other, 'RB', 1, { email: 'm.curie@example.fr' });
    await other.replicate.to(register);
    await expect.poll(async () => (await register.get(MARIE, { conflicts: true })) as Record<string, unknown>, { timeout: 10_000 })
      .toMatchObject({ phone: '+33612345678', email: 'm.curie@example.fr' });
    await merger.idle();
    expect(await liveLeaves(register)).toHaveLength(1);
    merger.stop();
    await merger.idle();
    await Promise.all([register.destroy(), other.destroy()]);
  });
});
