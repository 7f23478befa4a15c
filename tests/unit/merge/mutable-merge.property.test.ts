import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldStamp, isMergedField, latestStamp, type MutableDoc } from '../../../src/domain/field-clock.ts';
import { mergeRevisions } from '../../../src/domain/mutable-merge.ts';
import { parseStoreDoc } from '../../../src/domain/validate.ts';
import { customerRevisions, productRevisions, withShuffle } from './arbitraries.ts';

const revisions = fc.oneof(customerRevisions as fc.Arbitrary<MutableDoc[]>, productRevisions as fc.Arbitrary<MutableDoc[]>);

/** A split of the revisions into two non-empty groups (any membership). */
const split = revisions
  .filter((rs) => rs.length >= 2)
  .chain((rs) => fc.tuple(fc.constant(rs), fc.array(fc.boolean(), { minLength: rs.length, maxLength: rs.length })))
  .map(([rs, side]) => [rs.filter((_, i) => side[i]), rs.filter((_, i) => !side[i]), rs] as const)
  .filter(([a, b]) => a.length > 0 && b.length > 0);

describe('mergeRevisions (properties)', () => {
  it('does not depend on the order of the revisions', () => {
    fc.assert(fc.property(withShuffle(revisions), ([rs, shuffled]) => {
      expect(mergeRevisions(shuffled)).toEqual(mergeRevisions(rs));
    }));
  });

  it('is idempotent: a merge merged again, alone or with itself or with its inputs, is unchanged', () => {
    fc.assert(fc.property(revisions, (rs) => {
      const m = mergeRevisions(rs);
      expect(mergeRevisions([m])).toEqual(m);
      expect(mergeRevisions([m, m])).toEqual(m);
      expect(mergeRevisions([...rs, ...rs])).toEqual(m);
      expect(mergeRevisions([...rs, m])).toEqual(m);
    }));
  });

  it('is associative in effect: merging groups of merges gives the merge of everything', () => {
    fc.assert(fc.property(split, ([a, b, all]) => {
      const whole = mergeRevisions(all);
      expect(mergeRevisions([mergeRevisions(a), mergeRevisions(b)])).toEqual(whole);
      expect(mergeRevisions([mergeRevisions(a), ...b])).toEqual(whole);
    }));
  });

  it('takes each field from a revision holding the latest stamp for it, and keeps the stamp', () => {
    fc.assert(fc.property(revisions, (rs) => {
      const m = mergeRevisions(rs) as unknown as Record<string, unknown>;
      const fields = new Set(rs.flatMap((r) => Object.keys(r).filter(isMergedField)));
      for (const f of fields) {
        const latest = rs.map((r) => fieldStamp(r, f)).sort().at(-1)!;
        expect(fieldStamp(m as unknown as MutableDoc, f)).toBe(latest);
        const holders = rs.filter((r) => fieldStamp(r, f) === latest).map((r) => (r as unknown as Record<string, unknown>)[f]);
        expect(holders).toContainEqual(m[f]);
      }
      expect(latestStamp(m as unknown as MutableDoc)).toBe(rs.map(latestStamp).sort().at(-1));
    }));
  });

  it('yields a document that validates, with no revision metadata', () => {
    fc.assert(fc.property(revisions, (rs) => {
      const m = mergeRevisions(rs);
      const parsed = parseStoreDoc(m);
      expect(parsed.ok ? 'ok' : parsed.error).toBe('ok');
      expect(Object.keys(m).filter((k) => k.startsWith('_'))).toEqual(['_id']);
    }));
  });

  it('keeps a product\'s SKU and currency, and names the author of the latest write', () => {
    fc.assert(fc.property(productRevisions, (rs) => {
      const m = mergeRevisions(rs);
      expect(m).toMatchObject({ sku: 'TEA-9', currency: 'EUR', type: 'product' });
      const latest = rs.map(latestStamp).sort().at(-1);
      const authors = rs.filter((r) => latestStamp(r) === latest).map((r) => r.updatedBy);
      expect(authors).toContain(m.updatedBy);
    }));
  });
});
