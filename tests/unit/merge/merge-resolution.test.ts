import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CustomerDoc } from '../../../src/domain/documents.ts';
import { contentOf, planResolution, winningRev, type Leaf } from '../../../src/domain/merge-resolution.ts';
import { mergeRevisions } from '../../../src/domain/mutable-merge.ts';
import { CUSTOMER_ID, customerRevisions, withShuffle } from './arbitraries.ts';

const leaf = (rev: string, fields: Partial<CustomerDoc>): Leaf<CustomerDoc> => ({
  _id: CUSTOMER_ID, _rev: rev, type: 'customer', name: 'Marie', updatedAt: '2026-03-01T09:00:00.000Z', ...fields,
});

describe('winningRev', () => {
  it('picks CouchDB\'s winner: the longest history, then the highest revision id', () => {
    expect(winningRev(['2-aaa', '3-000', '2-fff'])).toBe('3-000');
    expect(winningRev(['2-aaa', '2-fff', '2-abc'])).toBe('2-fff');
    expect(() => winningRev(['nope'])).toThrow(/not a revision id/);
  });
});

describe('planResolution', () => {
  it('writes the merge under the winner and a deletion under every other leaf, with content-derived revision ids', async () => {
    const a = leaf('2-aaa', { phone: '+33612345678', updatedAt: '2026-03-01T09:02:00.000Z' });
    const b = leaf('2-bbb', { email: 'm@x.fr', updatedAt: '2026-03-01T09:01:00.000Z' });
    const c = leaf('3-ccc', { note: 'VIP', updatedAt: '2026-03-01T09:00:30.000Z' });
    const plan = await planResolution([a, b, c]);
    expect(plan.winner).toBe('3-ccc');
    expect(plan.merged).toEqual(mergeRevisions([a, b, c]));
    const [merged, ...tombstones] = plan.writes;
    expect(merged).toMatchObject({ ...contentOf(plan.merged), _rev: expect.stringMatching(/^4-[0-9a-f]{32}$/) });
    expect(merged!._revisions).toEqual({ start: 4, ids: [merged!._rev.slice(2), 'ccc'] });
    expect(tombstones.map((t) => [t._deleted, t._revisions.start, t._revisions.ids[1]])).toEqual([[true, 3, 'aaa'], [true, 3, 'bbb']]);
    expect(tombstones.map((t) => Object.keys(t).sort())).toEqual([['_deleted', '_id', '_rev', '_revisions'], ['_deleted', '_id', '_rev', '_revisions']]);
  });

  it('plans the same writes whatever order the leaves are read in (two replicas resolving alike)', async () => {
    await fc.assert(fc.asyncProperty(withShuffle(customerRevisions), async ([leaves, shuffled]) => {
      const [p1, p2] = await Promise.all([planResolution(leaves as Leaf<CustomerDoc>[]), planResolution(shuffled as Leaf<CustomerDoc>[])]);
      expect(p2).toEqual(p1);
      // One deletion per losing leaf, plus the merge unless the winner already holds it.
      if (leaves.length > 1) expect(p1.writes.filter((w) => w._deleted === true)).toHaveLength(leaves.length - 1);
      else expect(p1.writes).toEqual([]);
    }), { numRuns: 50 });
  });

  it('only closes the other leaves when the winner already is the merge', async () => {
    const a = leaf('2-aaa', { phone: '+33612345678' });
    const b = { ...mergeRevisions([a]), _rev: '3-bbb' };
    const plan = await planResolution([a, b]);
    expect(plan.winner).toBe('3-bbb');
    expect(plan.writes).toHaveLength(1);
    expect(plan.writes[0]).toMatchObject({ _deleted: true, _revisions: { start: 3, ids: [expect.any(String), 'aaa'] } });
  });

  it('writes nothing for a document without conflict', async () => {
    expect((await planResolution([leaf('1-aaa', {})])).writes).toEqual([]);
  });
});
