import { describe, expect, it } from 'vitest';
import type { CustomerDoc, ProductDoc } from '../../../src/domain/documents.ts';
import { BASE_STAMP, baseStamp, changedMergedFields, legacyStamp, stampWrite } from '../../../src/domain/field-clock.ts';
import { parseStamp } from '../../../src/domain/hlc.ts';
import { mergeRevisions } from '../../../src/domain/mutable-merge.ts';
import { checkRegisterProductWrite } from '../../../src/domain/product-edit.ts';
import { parseStoreDoc } from '../../../src/domain/validate.ts';
import { money } from '../../../src/domain/money.ts';
import { CUSTOMER_ID, T0 } from './arbitraries.ts';

const at = (minute: number): string => new Date(T0 + minute * 60_000).toISOString();
const ms = (minute: number): number => T0 + minute * 60_000;
const base: CustomerDoc = { _id: CUSTOMER_ID, _rev: '1-aaa', type: 'customer', name: 'Marie Curie', email: 'marie@example.fr', updatedAt: at(0) };

describe('stampWrite', () => {
  it('stamps a new profile once, as a whole', () => {
    const created = stampWrite({ ...base, _rev: undefined } as CustomerDoc, undefined, 'R1', ms(0));
    expect(created.clock).toEqual({ [BASE_STAMP]: `${ms(0)}-00000-R1` });
    expect(parseStoreDoc(created).ok).toBe(true);
  });

  it('stamps exactly the fields an edit changes (set or cleared), after every stamp the edited revision holds', () => {
    const edited = stampWrite({ ...base, phone: '+33612345678', email: undefined, updatedAt: at(1) } as CustomerDoc, base, 'R1', ms(1));
    const stamp = `${ms(1)}-00000-R1`;
    expect(edited.clock).toEqual({ [BASE_STAMP]: legacyStamp(base.updatedAt, '1-aaa'), email: stamp, phone: stamp });
    // The wall clock behind the document's stamps: the new stamp still comes after them.
    const again = stampWrite({ ...edited, note: 'VIP' }, edited, 'R2', ms(0));
    expect(again.clock?.['note']).toBe(`${ms(1)}-00001-R2`);
    expect(again.clock?.['phone']).toBe(stamp);
  });

  it('pins an old revision\'s implicit stamps, so that a later updatedAt does not make untouched fields newer', () => {
    const touched = stampWrite({ ...base, updatedAt: at(5) }, base, 'R1', ms(5));
    expect(changedMergedFields(base, touched)).toEqual([]);
    expect(baseStamp(touched)).toBe(baseStamp(base));
  });
});

describe('mergeRevisions (examples)', () => {
  it('two registers edit one profile offline, phone on one and email on the other: the merge has both', () => {
    const common = stampWrite(base, base, 'R0', ms(0));
    const a = { ...stampWrite({ ...common, phone: '+33612345678', updatedAt: at(2) }, common, 'R1', ms(2)), _rev: '2-bbb' };
    const b = { ...stampWrite({ ...common, email: 'm.curie@example.fr', updatedAt: at(1) }, common, 'R2', ms(1)), _rev: '2-ccc' };
    const merged = mergeRevisions([a, b]);
    expect(merged).toMatchObject({ name: 'Marie Curie', phone: '+33612345678', email: 'm.curie@example.fr', updatedAt: at(2) });
    expect(merged._rev).toBeUndefined();
    // The same field on both: the later stamp wins; on the same millisecond, the device id decides.
    const c = { ...stampWrite({ ...common, phone: '+33698765432', updatedAt: at(2) }, common, 'R2', ms(2)), _rev: '2-ddd' };
    expect(mergeRevisions([a, c]).phone).toBe('+33698765432');
    expect(mergeRevisions([c, a]).phone).toBe('+33698765432');
    expect(parseStamp(mergeRevisions([a, c]).clock?.['phone'] ?? '')?.node).toBe('R2');
  });

  it('merges revisions written before field clocks: the later one wins as a whole, the revision id breaking a tie', () => {
    const older = { ...base, _rev: '2-bbb', phone: '+33612345678', updatedAt: at(1) };
    const newer = { ...base, _rev: '2-ccc', email: undefined, note: 'VIP', updatedAt: at(2) } as CustomerDoc;
    const m = mergeRevisions([older, newer]);
    expect(m).toMatchObject({ note: 'VIP', updatedAt: at(2) });
    expect(m.phone).toBeUndefined();
    expect(m.email).toBeUndefined();
    const tie = mergeRevisions([{ ...older, updatedAt: at(2) }, newer]);
    expect(tie.note).toBe('VIP'); // '2-ccc' > '2-bbb'
  });

  it('an edit made after a merge wins over everything the merge held', () => {
    const a = { ...stampWrite({ ...base, phone: '+33612345678' }, base, 'R1', ms(3)), _rev: '2-bbb' };
    const b = { ...stampWrite({ ...base, name: 'M. Curie' }, base, 'R2', ms(4)), _rev: '2-ccc' };
    const m = { ...mergeRevisions([a, b]), _rev: '3-eee' };
    // Made on a register whose wall clock is behind: the stamp still follows the merge's.
    const edit = { ...stampWrite({ ...m, phone: '+33698765432' }, m, 'R1', ms(1)), _rev: '4-fff' };
    expect(mergeRevisions([edit, a, b])).toMatchObject({ phone: '+33698765432', name: 'M. Curie' });
    // A concurrent edit (made without seeing the merge) at the same instant: the device id decides.
    const concurrent = { ...stampWrite({ ...b, phone: '+33600000000' }, b, 'R0', ms(4)), _rev: '3-ggg' };
    expect(mergeRevisions([concurrent, edit]).phone).toBe('+33698765432');
  });

  it('keeps a product merge acceptable to the server: same SKU and currency, the latest manager in updatedBy', () => {
    const product: ProductDoc & { updatedBy?: string } = {
      _id: 'product:TEA-9', _rev: '1-aaa', type: 'product', sku: 'TEA-9', name: 'Thé vert', barcodes: [], price: money(590), priceIncludesTax: true,
      vatRate: 550, currency: 'EUR', category: 'épicerie', stockTracked: true, updatedAt: at(0), updatedBy: 'staff:MARC',
    };
    const a = { ...stampWrite({ ...product, price: money(650), updatedBy: 'staff:MARC', updatedAt: at(1) }, product, 'R1', ms(1)), _rev: '2-bbb' };
    const b = { ...stampWrite({ ...product, name: 'Thé vert bio', updatedBy: 'staff:LEA', updatedAt: at(2) }, product, 'R2', ms(2)), _rev: '2-ccc' };
    const m = mergeRevisions([a, b]);
    expect(m).toMatchObject({ sku: 'TEA-9', currency: 'EUR', price: 650, name: 'Thé vert bio', updatedBy: 'staff:LEA', updatedAt: at(2) });
    const managers = new Set(['staff:MARC', 'staff:LEA']);
    expect(checkRegisterProductWrite({ ...m, _rev: '3-x' }, a, (s) => managers.has(s)).ok).toBe(true);
  });
});

describe('field clocks in the validators', () => {
  it('accepts documents without a clock, and with well-formed stamps', () => {
    expect(parseStoreDoc(base).ok).toBe(true);
    expect(parseStoreDoc({ ...base, clock: { '*': `${ms(0)}-00000-R1`, phone: `${ms(1)}-00003-~2-abc` } }).ok).toBe(true);
  });

  it('refuses a malformed clock, naming the field and the expected form', () => {
    const refusal = (clock: unknown): string => {
      const r = parseStoreDoc({ ...base, clock });
      return r.ok ? 'accepted' : r.error;
    };
    expect(refusal({ phone: '2026-03-01T09:00:00Z' })).toBe('clock.phone: must be a clock stamp "<13-digit ms>-<5-digit counter>-<device id>", got "2026-03-01T09:00:00Z"');
    expect(refusal({ phone: 12 })).toMatch(/^clock\.phone: must be a clock stamp/);
    expect(refusal(['x'])).toBe('clock: must be an object, got an array');
    expect(refusal({ _rev: `${ms(0)}-00000-R1` })).toBe('clock: "_rev" is not a field name');
    expect(refusal(Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`f${i}`, `${ms(0)}-00000-R1`])))).toBe('clock: must hold at most 64 stamps, got 65');
    const product = { _id: 'product:A', type: 'product', sku: 'A', name: 'A', barcodes: [], price: 1, priceIncludesTax: true, vatRate: 550, currency: 'EUR', category: '', stockTracked: true, updatedAt: at(0) };
    expect(parseStoreDoc({ ...product, clock: { price: 'yesterday' } })).toEqual({ ok: false, error: 'clock.price: must be a clock stamp "<13-digit ms>-<5-digit counter>-<device id>", got "yesterday"' });
  });
});
