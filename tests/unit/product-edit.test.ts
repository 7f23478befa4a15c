import { describe, expect, it } from 'vitest';
import { withCheckDigit } from '../../src/domain/barcode.ts';
import type { ProductDoc } from '../../src/domain/documents.ts';
import { money } from '../../src/domain/money.ts';
import {
  buildProductRevision,
  changedFields,
  checkRegisterProductWrite,
  draftOf,
  splitBarcodes,
  validateProductDraft,
  type DraftContext,
  type ProductDraft,
} from '../../src/domain/product-edit.ts';
import { parseStoreDoc } from '../../src/domain/validate.ts';

const EAN = withCheckDigit('376000000001'); // 3760000000017
const FR: DraftContext = { locale: 'fr-FR', currency: 'EUR' };
const draft = (extra: Partial<ProductDraft> = {}): ProductDraft => ({
  sku: 'JAM-1', name: 'Confiture  de fraise', barcodes: [EAN], price: '4,50', vatRate: 550, category: ' épicerie ', stockTracked: true, ...extra,
});
const product = (extra: Partial<ProductDoc> = {}): ProductDoc => ({
  _id: 'product:JAM-1', _rev: '3-abc', type: 'product', sku: 'JAM-1', name: 'Confiture de fraise', barcodes: [EAN], price: money(450),
  priceIncludesTax: true, vatRate: 550, currency: 'EUR', category: 'épicerie', stockTracked: true, updatedAt: '2026-01-05T08:00:00.000Z', ...extra,
});

describe('validateProductDraft', () => {
  it('normalises a valid draft: name and category spaces, barcodes split, price parsed in the UI language', () => {
    const r = validateProductDraft(draft({ barcodes: [` ${EAN}\r\n`, 'JAM-1-B, JAM-1-C'] }), FR);
    expect(r).toEqual({ ok: true, value: { sku: 'JAM-1', name: 'Confiture de fraise', barcodes: [EAN, 'JAM-1-B', 'JAM-1-C'], price: 450, vatRate: 550, category: 'épicerie', stockTracked: true } });
    expect(validateProductDraft(draft({ price: '1,234.50' }), { ...FR, locale: 'en' })).toMatchObject({ ok: true, value: { price: 123450 } });
    expect(validateProductDraft(draft({ price: '12.5' }), FR)).toMatchObject({ ok: true, value: { price: 1250 } });
  });

  it('reports every problem at once, each naming its field', () => {
    const r = validateProductDraft({ sku: 'a b', name: ' ', barcodes: ['3760000000018'], price: '-1', vatRate: 10_001, category: 'x'.repeat(61), stockTracked: false }, FR);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toEqual([
      { field: 'sku', code: 'invalid' },
      { field: 'name', code: 'required' },
      { field: 'barcodes', code: 'check_digit', value: '3760000000018', expected: 7 },
      { field: 'price', code: 'negative' },
      { field: 'vatRate', code: 'invalid' },
      { field: 'category', code: 'too_long' },
    ]);
  });

  it('checks the SKU: required, length, taken on creation, never changed on an edit', () => {
    const codes = (d: ProductDraft, ctx: DraftContext = FR): string[] => {
      const r = validateProductDraft(d, ctx);
      return r.ok ? [] : r.error.filter((p) => p.field === 'sku').map((p) => p.code);
    };
    expect(codes(draft({ sku: '  ' }))).toEqual(['required']);
    expect(codes(draft({ sku: 'A'.repeat(49) }))).toEqual(['too_long']);
    expect(codes(draft({ sku: 'JAM@1' }))).toEqual(['invalid']);
    expect(codes(draft(), { ...FR, skuTaken: (s) => s === 'JAM-1' })).toEqual(['taken']);
    expect(codes(draft({ sku: 'JAM-2' }), { ...FR, existing: product() })).toEqual(['changed']);
    expect(codes(draft(), { ...FR, existing: product(), skuTaken: () => true })).toEqual([]);
  });

  it('refuses misread GTINs, unprintable codes, duplicates (any GTIN form) and codes of other products', () => {
    const upc = '036000291452';
    const r = validateProductDraft(draft({ barcodes: [upc, `0${upc}`, 'été', EAN, '12345670'] }), { ...FR, barcodeOwner: (c) => (c === EAN ? 'OTHER' : c === '12345670' ? 'JAM-1' : undefined) });
    expect(r.ok ? [] : r.error).toEqual([
      { field: 'barcodes', code: 'duplicate', value: `0${upc}` },
      { field: 'barcodes', code: 'invalid', value: 'été' },
      { field: 'barcodes', code: 'taken', value: EAN, sku: 'OTHER' },
    ]);
    const many = Array.from({ length: 11 }, (_, i) => `CODE-${i}`);
    expect(validateProductDraft(draft({ barcodes: many }), FR)).toMatchObject({ ok: false, error: [{ field: 'barcodes', code: 'too_many' }] });
  });

  it('names the money parser’s refusal', () => {
    for (const [text, code] of [['', 'empty'], ['abc', 'not_a_number'], ['1,234', 'too_many_decimals']] as const) {
      expect(validateProductDraft(draft({ price: text }), FR)).toEqual({ ok: false, error: [{ field: 'price', code }] });
    }
  });

  it('splits barcodes on spaces, commas, semicolons and new lines', () => {
    expect(splitBarcodes(['A B', 'C,D;E\n', '\t'])).toEqual(['A', 'B', 'C', 'D', 'E']);
  });
});

describe('buildProductRevision', () => {
  const fields = (d: ProductDraft) => {
    const r = validateProductDraft(d, FR);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value;
  };

  it('creates product:<sku>, tax-inclusive in the shop currency, signed by the manager — a valid document', () => {
    const doc = buildProductRevision(fields(draft()), { currency: 'EUR', at: '2026-03-01T10:00:00.000Z', by: 'staff:MARC' });
    expect(doc).toEqual({
      _id: 'product:JAM-1', type: 'product', sku: 'JAM-1', name: 'Confiture de fraise', barcodes: [EAN], price: 450, vatRate: 550, category: 'épicerie',
      stockTracked: true, priceIncludesTax: true, currency: 'EUR', updatedAt: '2026-03-01T10:00:00.000Z', updatedBy: 'staff:MARC',
    });
    expect(parseStoreDoc(doc).ok).toBe(true);
  });

  it('lays only the fields changed since the form opened over the latest revision', () => {
    const base = product();
    const current = product({ _rev: '4-other', category: 'confitures', extraField: 'kept' } as Partial<ProductDoc>);
    const next = buildProductRevision(fields(draftOf(base, '4,90')), { current, base, currency: 'EUR', at: '2026-03-01T10:00:00.000Z', by: 'staff:MARC' });
    expect(next).toMatchObject({ _rev: '4-other', price: 490, category: 'confitures', extraField: 'kept', updatedBy: 'staff:MARC' });
    expect(changedFields(current, next)).toEqual(['price']);
  });
});

describe('checkRegisterProductWrite (the server’s rule)', () => {
  const isManager = (id: string): boolean => id === 'staff:MARC';

  it('lets a register create a product, and a manager change one', () => {
    expect(checkRegisterProductWrite(product({ _rev: undefined }), null, isManager).ok).toBe(true);
    expect(checkRegisterProductWrite({ ...product({ price: money(490) }), updatedBy: 'staff:MARC' }, product(), isManager).ok).toBe(true);
  });

  it('refuses a change without a manager, a new SKU or currency, a deletion and a bad shape', () => {
    const refusal = (doc: unknown, previous: ProductDoc | null = product()): string => {
      const r = checkRegisterProductWrite(doc, previous, isManager);
      return r.ok ? 'ok' : r.error;
    };
    expect(refusal(product({ price: money(1) }))).toMatch(/^updatedBy: only a manager/);
    expect(refusal({ ...product(), updatedBy: 'staff:CAMILLE' })).toMatch(/^updatedBy/);
    expect(refusal({ ...product(), updatedBy: 42 })).toMatch(/^updatedBy: must be a staff id/);
    expect(refusal({ ...product({ currency: 'USD' }), updatedBy: 'staff:MARC' })).toMatch(/^currency/);
    expect(refusal({ ...product(), _id: 'product:JAM-2', sku: 'JAM-2', updatedBy: 'staff:MARC' })).toMatch(/^sku/);
    expect(refusal({ ...product(), _deleted: true })).toMatch(/never delete/);
    expect(refusal({ ...product(), type: 'customer' })).toMatch(/^type/);
    expect(refusal({ ...product(), barcodes: ['3760000000018'], updatedBy: 'staff:MARC' })).toMatch(/barcodes\[0\]/);
    expect(refusal([], null)).toMatch(/JSON object/);
  });
});
