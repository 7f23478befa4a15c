import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gtinCheckDigit } from '../../src/domain/barcode.ts';
import type { ProductDoc } from '../../src/domain/documents.ts';
import { formatMoney } from '../../src/domain/money-format.ts';
import { money } from '../../src/domain/money.ts';
import { buildProductRevision, validateProductDraft, type EditableField, type ProductDraft, type ProductFields } from '../../src/domain/product-edit.ts';
import { parseStoreDoc } from '../../src/domain/validate.ts';

const base: ProductDraft = { sku: 'P-1', name: 'Produit', barcodes: [], price: '1,00', vatRate: 2000, category: 'c', stockTracked: true };
const gtinBody = fc.constantFrom(7, 11, 12).chain((n) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join('')));

describe('product edit properties', () => {
  it('a GTIN with its check digit is kept; any other last digit is refused naming the right one', () => {
    fc.assert(
      fc.property(gtinBody, fc.integer({ min: 0, max: 9 }), (body, digit) => {
        const right = gtinCheckDigit(body);
        const r = validateProductDraft({ ...base, barcodes: [body + String(digit)] }, { locale: 'fr-FR', currency: 'EUR' });
        if (digit === right) expect(r).toMatchObject({ ok: true, value: { barcodes: [body + String(digit)] } });
        else expect(r).toEqual({ ok: false, error: [{ field: 'barcodes', code: 'check_digit', value: body + String(digit), expected: right }] });
      }),
    );
  });

  it('a price formatted in either language reads back to the same minor units', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.constantFrom('fr-FR' as const, 'en' as const), (cents, locale) => {
        const text = formatMoney(money(cents), { locale, currency: 'EUR' });
        expect(validateProductDraft({ ...base, price: text }, { locale, currency: 'EUR' })).toMatchObject({ ok: true, value: { price: cents } });
      }),
    );
  });

  const fieldsArb: fc.Arbitrary<ProductFields> = fc.record({
    sku: fc.constant('P-1'),
    name: fc.constantFrom('A', 'B', 'C'),
    barcodes: fc.constantFrom([], ['X-1'], ['X-2']),
    price: fc.integer({ min: 0, max: 5000 }).map(money),
    vatRate: fc.constantFrom(550, 1000, 2000),
    category: fc.constantFrom('', 'c', 'd'),
    stockTracked: fc.boolean(),
  });
  const asDoc = (f: ProductFields, rev: string): ProductDoc => ({
    _id: 'product:P-1', _rev: rev, type: 'product', priceIncludesTax: true, currency: 'EUR', updatedAt: '2026-01-01T00:00:00.000Z', ...f,
  });
  const FIELDS: EditableField[] = ['name', 'barcodes', 'price', 'vatRate', 'category', 'stockTracked'];

  it('an edit keeps every field it did not change from the latest revision, and is a valid document', () => {
    fc.assert(
      fc.property(fieldsArb, fieldsArb, fieldsArb, (opened, latest, edited) => {
        const b = asDoc(opened, '1-a');
        const current = asDoc(latest, '2-b');
        const next = buildProductRevision(edited, { base: b, current, currency: 'EUR', at: '2026-03-01T00:00:00.000Z', by: 'staff:M' });
        for (const f of FIELDS) {
          const changedHere = JSON.stringify(edited[f]) !== JSON.stringify(opened[f]);
          expect(next[f]).toEqual(changedHere ? edited[f] : current[f]);
        }
        expect(next._rev).toBe('2-b');
        expect(parseStoreDoc(next).ok).toBe(true);
      }),
    );
  });
});
