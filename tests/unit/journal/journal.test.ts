import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, nextJournalLink, sha256Hex, verifyJournal, type JournalEntry } from '../../../src/domain/journal.ts';
import { buildChain, saleOf, type Step } from './chain.ts';

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -50_000, max: 100_000 }).filter((g) => g !== 0).map((gross) => ({ kind: 'sale' as const, gross })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'z' as const }) },
);
const steps = fc.array(step, { minLength: 1, maxLength: 8 });

type Path = Array<string | number>;

/** Every leaf (and every empty container) of a document, as a path; _rev is outside the chain. */
function leaves(value: unknown, path: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [path];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  if (entries.length === 0) return [path];
  return entries.flatMap(([k, v]) => (path.length === 0 && k === '_rev' ? [] : leaves(v, [...path, k])));
}

function changed(v: unknown): unknown {
  if (typeof v === 'number') return v + 1;
  if (typeof v === 'string') return `${v}x`;
  if (typeof v === 'boolean') return !v;
  if (Array.isArray(v)) return [...v, 0];
  if (v !== null && typeof v === 'object') return { ...v, extra: 1 };
  return 0;
}

function alter(doc: JournalEntry, path: Path, remove: boolean): JournalEntry {
  const copy = structuredClone(doc) as unknown as Record<string | number, unknown>;
  let parent = copy;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (remove && !Array.isArray(parent)) delete parent[last];
  else parent[last] = changed(parent[last]);
  return copy as unknown as JournalEntry;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"y":2,"z":1}]},"b":1}');
  });
  it('does not depend on the order keys were written in', () => {
    fc.assert(fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (o) => {
      const reversed = Object.fromEntries(Object.entries(o).reverse());
      expect(canonicalJson(reversed)).toBe(canonicalJson(o));
    }));
  });
});

describe('nextJournalLink', () => {
  it('starts at seq 1 with an empty prev and chains the hash of the previous entry', async () => {
    const [a, b] = await buildChain([{ kind: 'sale', gross: 250 }, { kind: 'sale', gross: -100 }]);
    expect(a?.journal).toMatchObject({ seq: 1, prev: '', grandTotal: 250 });
    expect(b?.journal).toMatchObject({ seq: 2, prev: a?.journal?.hash, grandTotal: 150 });
    expect(a?.journal?.hash).toMatch(/^[0-9a-f]{64}$/);
  });
  it('hashes prev + the canonical document without _rev and journal.hash', async () => {
    const sale = saleOf('r1', 1, 120);
    const link = await nextJournalLink(null, sale);
    const { _rev: _ignored, ...rest } = sale;
    const expected = await sha256Hex(canonicalJson({ ...rest, journal: { seq: 1, prev: '', grandTotal: 120 } }));
    expect(link.hash).toBe(expected);
    expect((await nextJournalLink(null, { ...sale, _rev: '7-other' })).hash).toBe(expected);
  });
  it('adds nothing to the grand total for a Z report', async () => {
    const chain = await buildChain([{ kind: 'sale', gross: 500 }, { kind: 'z' }, { kind: 'sale', gross: 100 }]);
    expect(chain.map((e) => e.journal?.grandTotal)).toEqual([500, 500, 600]);
  });
});

describe('verifyJournal', () => {
  it('accepts a valid chain in any order, with its entry count and grand total', async () => {
    await fc.assert(fc.asyncProperty(steps, fc.integer(), async (s, seed) => {
      const chain = await buildChain(s);
      const shuffled = [...chain].sort((a, b) => ((a._id.length * 31 + seed) % 7) - ((b._id.length * 31 + seed) % 7));
      const expectedTotal = s.reduce((t, x) => t + (x.kind === 'sale' ? x.gross : 0), 0);
      expect(await verifyJournal(shuffled)).toEqual({ ok: true, entries: chain.length, grandTotal: expectedTotal });
    }), { numRuns: 60 });
  });

  it('accepts an empty journal', async () => {
    expect(await verifyJournal([])).toEqual({ ok: true, entries: 0, grandTotal: 0 });
  });

  it('detects and names any single-field alteration of any entry', async () => {
    await fc.assert(fc.asyncProperty(steps, fc.nat(), fc.nat(), fc.boolean(), async (s, which, field, remove) => {
      const chain = await buildChain(s);
      const i = which % chain.length;
      const target = chain[i] as JournalEntry;
      const paths = leaves(target);
      const path = paths[field % paths.length] as Path;
      const altered = [...chain];
      altered[i] = alter(target, path, remove);
      const verdict = await verifyJournal(altered);
      expect(verdict.ok).toBe(false);
      if (verdict.ok) return;
      expect(verdict.problem).toBe('altered');
      // The _id itself may be the altered field: the verdict names the document as it now stands.
      expect(verdict.entryId).toBe(String((altered[i] as JournalEntry)._id ?? 'undefined'));
    }), { numRuns: 300 });
  });

  it('detects the removal of any entry but the last, naming the entry after the gap', async () => {
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 2, maxLength: 8 }), fc.nat(), async (s, which) => {
      const chain = await buildChain(s);
      const i = which % (chain.length - 1);
      const verdict = await verifyJournal(chain.filter((_e, k) => k !== i));
      expect(verdict).toMatchObject({ ok: false, problem: 'missing', entryId: chain[i + 1]?._id, seq: i + 2 });
    }), { numRuns: 100 });
  });

  it('reports a chain whose grand total was recomputed wrongly', async () => {
    const [a] = await buildChain([{ kind: 'sale', gross: 300 }]);
    const bare = saleOf('r1', 2, 200);
    // Linked after a copy of the first entry that claims one cent more: every hash is right, the total is not.
    const relinked = { ...bare, journal: await nextJournalLink({ ...a!.journal!, grandTotal: a!.journal!.grandTotal + 1 } as NonNullable<JournalEntry['journal']>, bare) };
    const verdict = await verifyJournal([a!, relinked]);
    expect(verdict).toMatchObject({ ok: false, problem: 'grand_total', entryId: bare._id, seq: 2 });
  });

  it('reports entries whose receipt numbers run against the chain as out of order', async () => {
    const first = saleOf('r1', 2, 100);
    const second = saleOf('r1', 1, 100);
    const l1 = await nextJournalLink(null, first);
    const e1 = { ...first, journal: l1 };
    const e2 = { ...second, journal: await nextJournalLink(l1, second) };
    expect(await verifyJournal([e1, e2])).toMatchObject({ ok: false, problem: 'out_of_order', entryId: second._id });
  });

  it('reports a rehashed entry that does not chain to the one before it', async () => {
    const chain = await buildChain([{ kind: 'sale', gross: 100 }, { kind: 'sale', gross: 200 }, { kind: 'sale', gross: 300 }]);
    const bare = saleOf('r1', 2, 200);
    const rewritten = { ...bare, journal: await nextJournalLink({ seq: 1, prev: '', hash: '0'.repeat(64), grandTotal: chain[0]!.journal!.grandTotal }, bare) };
    const verdict = await verifyJournal([chain[0]!, rewritten, chain[2]!]);
    expect(verdict).toMatchObject({ ok: false, problem: 'out_of_order', entryId: bare._id, seq: 2 });
  });

  it('skips sales written before the journal existed, but not a later sale that lost its link', async () => {
    const legacy = saleOf('r1', 1, 100);
    const bare = saleOf('r1', 2, 100);
    const linked = { ...bare, journal: await nextJournalLink(null, bare) };
    expect(await verifyJournal([legacy, linked])).toEqual({ ok: true, entries: 1, grandTotal: 100 });
    const stripped = saleOf('r1', 3, 100);
    expect(await verifyJournal([legacy, linked, stripped])).toMatchObject({ ok: false, problem: 'altered', entryId: stripped._id });
  });
});
