/**
 * The one contract the conflict resolver's replica passes, as the in-memory fake and as a real
 * PouchDB. Register it from a test file:
 *   conflictMergeContract('pouchdb', async () => ({ replica: conflictReplicaOf(db), dispose }));
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CustomerDoc } from '../../src/domain/documents.ts';
import { planResolution, type Leaf } from '../../src/domain/merge-resolution.ts';
import { resolveChangesSince, resolveDocument, resolveIds, sweepConflicts, type ConflictReplica } from '../../workers/sync/conflict-merge.ts';

export interface ConflictReplicaHarness {
  replica: ConflictReplica;
  dispose?: () => Promise<void> | void;
}

const T0 = Date.UTC(2026, 2, 1, 9);
const stamp = (minute: number, node: string): string => `${T0 + minute * 60_000}-00000-${node}`;
const at = (minute: number): string => new Date(T0 + minute * 60_000).toISOString();
export const MARIE = 'customer:01ARYZ6S41TSV4RRFFQ69G5FAV';

/** A revision as replication delivers it: its id and its ancestry (newest first, hashes only). */
function revision(doc: Record<string, unknown>, ...revs: string[]): Record<string, unknown> {
  const [rev] = revs as [string];
  const start = Number(rev.split('-')[0]);
  return { ...doc, _rev: rev, _revisions: { start, ids: revs.map((r) => r.slice(r.indexOf('-') + 1)) } };
}

const marie = (fields: Partial<CustomerDoc>): Record<string, unknown> => ({
  _id: MARIE, type: 'customer', name: 'Marie Curie', email: 'marie@example.fr', updatedAt: at(0), clock: { '*': stamp(0, 'R0') }, ...fields,
});

/** Marie's profile edited on two registers offline: the phone on R1, the email on R2. */
export const phoneOnR1 = marie({ phone: '+33612345678', updatedAt: at(2), clock: { '*': stamp(0, 'R0'), phone: stamp(2, 'R1') } });
export const emailOnR2 = marie({ email: 'm.curie@example.fr', updatedAt: at(1), clock: { '*': stamp(0, 'R0'), email: stamp(1, 'R2') } });

const product = (fields: Record<string, unknown>): Record<string, unknown> => ({
  _id: 'product:TEA-9', type: 'product', sku: 'TEA-9', name: 'Thé vert', barcodes: [], price: 590, priceIncludesTax: true, vatRate: 550,
  currency: 'EUR', category: 'épicerie', stockTracked: true, updatedAt: at(0), updatedBy: 'staff:MARC', ...fields,
});

async function seedMarieConflict(replica: ConflictReplica): Promise<void> {
  await replica.bulkDocs([revision(marie({}), '1-a0')], { new_edits: false });
  await replica.bulkDocs([revision(phoneOnR1, '2-b1', '1-a0'), revision(emailOnR2, '2-c2', '1-a0')], { new_edits: false });
}

const seqOf = async (replica: ConflictReplica): Promise<string> => String((await replica.info()).update_seq);
const conflictsOf = async (replica: ConflictReplica, id: string): Promise<unknown> => ((await replica.get(id, { conflicts: true })) as { _conflicts?: unknown })._conflicts;

export function conflictMergeContract(name: string, make: () => Promise<ConflictReplicaHarness>): void {
  describe(`conflict resolver contract: ${name}`, () => {
    let harness: ConflictReplicaHarness | null = null;
    const setup = async (): Promise<ConflictReplica> => (harness = await make()).replica;
    afterEach(async () => {
      await harness?.dispose?.();
      harness = null;
    });

    it('merges two registers\' edits field-wise, leaves one live revision, and writes nothing the second time', async () => {
      const replica = await setup();
      await seedMarieConflict(replica);
      expect(await conflictsOf(replica, MARIE)).toEqual(['2-b1']);
      const expected = await planResolution([phoneOnR1, emailOnR2].map((d, i) => ({ ...d, _rev: ['2-b1', '2-c2'][i] })) as Leaf<CustomerDoc>[]);

      expect(await resolveDocument(replica, MARIE)).toEqual({ merged: [MARIE], skipped: [], held: [] });
      const doc = (await replica.get(MARIE, { conflicts: true })) as CustomerDoc & { _conflicts?: string[] };
      expect(doc._conflicts).toBeUndefined();
      expect(doc).toMatchObject({ phone: '+33612345678', email: 'm.curie@example.fr', name: 'Marie Curie', updatedAt: at(2) });
      expect(doc._rev).toBe(expected.writes[0]!._rev);
      expect(doc._rev).toMatch(/^3-[0-9a-f]{32}$/);

      const seq = await seqOf(replica);
      expect(await resolveDocument(replica, MARIE)).toEqual({ merged: [], skipped: [], held: [] });
      expect(await sweepConflicts(replica)).toEqual({ merged: [], skipped: [], held: [] });
      expect(await seqOf(replica)).toBe(seq);
    });

    it('sweeps every conflicted customer and product, page by page, and nothing else', async () => {
      const replica = await setup();
      await seedMarieConflict(replica);
      await replica.bulkDocs([revision(marie({ _id: 'customer:01ARYZ6S41TSV4RRFFQ69G5FAW' }), '1-a0')], { new_edits: false });
      await replica.bulkDocs([revision(product({}), '1-p0')], { new_edits: false });
      await replica.bulkDocs([
        revision(product({ price: 650, updatedAt: at(3), clock: { '*': stamp(0, 'R0'), price: stamp(3, 'R1') } }), '2-p1', '1-p0'),
        revision(product({ name: 'Thé vert bio', updatedBy: 'staff:LEA', updatedAt: at(4), clock: { '*': stamp(0, 'R0'), name: stamp(4, 'R2') } }), '2-p2', '1-p0'),
      ], { new_edits: false });
      const stock = { _id: 'stock:R1:01ARYZ6S41TSV4RRFFQ69G5FAV', type: 'stock_movement', sku: 'TEA-9', location: 'shop', reason: 'adjustment', at: at(0) };
      await replica.bulkDocs([revision({ ...stock, delta: 1 }, '1-s1'), revision({ ...stock, delta: 2 }, '1-s2')], { new_edits: false });

      const report = await sweepConflicts(replica, { pageSize: 1 });
      expect(report.merged.sort()).toEqual([MARIE, 'product:TEA-9']);
      expect(await conflictsOf(replica, MARIE)).toBeUndefined();
      expect(await conflictsOf(replica, 'product:TEA-9')).toBeUndefined();
      expect(await replica.get('product:TEA-9', { conflicts: true })).toMatchObject({ price: 650, name: 'Thé vert bio', updatedBy: 'staff:LEA', sku: 'TEA-9', currency: 'EUR' });
      // Immutable documents never conflict by design; should one, the resolver is not the one to decide.
      expect(await resolveIds(replica, [stock._id])).toEqual({ merged: [], skipped: [], held: [] });
      expect(await conflictsOf(replica, stock._id)).toEqual(['1-s1']);
    });

    it('merges three leaves of different lengths into one', async () => {
      const replica = await setup();
      await seedMarieConflict(replica);
      const noted = marie({ note: 'VIP', updatedAt: at(3), clock: { '*': stamp(0, 'R0'), note: stamp(3, 'R3') } });
      await replica.bulkDocs([revision(marie({}), '2-d3', '1-a0')], { new_edits: false });
      await replica.bulkDocs([revision(noted, '3-d4', '2-d3', '1-a0')], { new_edits: false });
      expect(await resolveDocument(replica, MARIE)).toEqual({ merged: [MARIE], skipped: [], held: [] });
      const doc = await replica.get(MARIE, { conflicts: true });
      expect(doc).toMatchObject({ phone: '+33612345678', email: 'm.curie@example.fr', note: 'VIP', _rev: expect.stringMatching(/^4-/) });
      expect((doc as { _conflicts?: unknown })._conflicts).toBeUndefined();
    });

    it('leaves a conflict alone when a leaf does not validate, saying why', async () => {
      const replica = await setup();
      await seedMarieConflict(replica);
      await replica.bulkDocs([revision(marie({ clock: { phone: 'tuesday' } }), '2-e5', '1-a0')], { new_edits: false });
      const seq = await seqOf(replica);
      const report = await resolveDocument(replica, MARIE);
      expect(report.merged).toEqual([]);
      expect(report.skipped).toEqual([{ id: MARIE, reason: expect.stringContaining('clock.phone: must be a clock stamp') }]);
      expect(await seqOf(replica)).toBe(seq);
    });

    it('holds back a document while `hold` says one of its leaves is not on the server yet, writing nothing', async () => {
      const replica = await setup();
      await seedMarieConflict(replica);
      const seq = await seqOf(replica);
      const asked: Array<[string, string[]]> = [];
      const held = await resolveIds(replica, [MARIE], { hold: async (id, revs) => (asked.push([id, [...revs].sort()]), true) });
      expect(held).toEqual({ merged: [], skipped: [], held: [MARIE] });
      expect(asked).toEqual([[MARIE, ['2-b1', '2-c2']]]);
      expect(await seqOf(replica)).toBe(seq);
      expect(await resolveIds(replica, [MARIE], { hold: async () => false })).toEqual({ merged: [MARIE], skipped: [], held: [] });
      expect(await conflictsOf(replica, MARIE)).toBeUndefined();
    });

    it('follows the changes feed: a conflict replicated in later is resolved from where the last pass ended', async () => {
      const replica = await setup();
      const start = (await replica.info()).update_seq;
      const first = await resolveChangesSince(replica, start);
      expect(first.report.merged).toEqual([]);
      await seedMarieConflict(replica);
      const second = await resolveChangesSince(replica, first.lastSeq, { batchSize: 1 });
      expect(second.report).toEqual({ merged: [MARIE], skipped: [], held: [] });
      expect(await conflictsOf(replica, MARIE)).toBeUndefined();
      const seq = await seqOf(replica);
      const third = await resolveChangesSince(replica, second.lastSeq);
      expect(third.report).toEqual({ merged: [], skipped: [], held: [] });
      expect(await seqOf(replica)).toBe(seq);
    });
  });
}
