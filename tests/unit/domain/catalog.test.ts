import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  findProductByCode,
  nameMatchesQuery,
  nameTokens,
  normaliseBarcode,
  productId,
  productMatchesCode,
  productProblems,
} from '../../../src/domain/catalog.ts';
import type { ProductDoc } from '../../../src/domain/documents.ts';
import { money } from '../../../src/domain/money.ts';

function product(overrides: Partial<ProductDoc> = {}): ProductDoc {
  return {
    _id: 'product:CROIS-01',
    type: 'product',
    sku: 'CROIS-01',
    name: 'Croissant au beurre',
    barcodes: ['3760000000017', '036000291452'],
    price: money(120),
    priceIncludesTax: true,
    vatRate: 550,
    currency: 'EUR',
    category: 'viennoiserie',
    stockTracked: true,
    updatedAt: '2024-05-01T08:00:00Z',
    ...overrides,
  };
}

describe('normaliseBarcode', () => {
  it('strips what keyboard-wedge scanners and typing add around a code', () => {
    expect(normaliseBarcode('3760000000017\r\n')).toBe('3760000000017');
    expect(normaliseBarcode('\t 3760000000017 ')).toBe('3760000000017');
    expect(normaliseBarcode('A B')).toBe('A B');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(normaliseBarcode(normaliseBarcode(s))).toBe(normaliseBarcode(s));
      }),
    );
  });
});

describe('productMatchesCode', () => {
  const p = product();
  it('matches the SKU and each barcode, after normalisation', () => {
    expect(productMatchesCode(p, 'CROIS-01')).toBe(true);
    expect(productMatchesCode(p, '3760000000017\r')).toBe(true);
    expect(productMatchesCode(p, '036000291452')).toBe(true);
  });

  it('matches a UPC-A scanned in its 13-digit EAN form, and the reverse', () => {
    expect(productMatchesCode(p, '0036000291452')).toBe(true);
    expect(productMatchesCode(product({ barcodes: ['0036000291452'] }), '036000291452')).toBe(true);
  });

  it('does not match other codes, misreads or blanks', () => {
    expect(productMatchesCode(p, '3760000000024')).toBe(false);
    expect(productMatchesCode(p, '3760000000016')).toBe(false); // wrong check digit
    expect(productMatchesCode(p, 'crois-01')).toBe(false);
    expect(productMatchesCode(p, '  ')).toBe(false);
  });

  it('finds the product among several', () => {
    const other = product({ _id: 'product:PAIN', sku: 'PAIN', barcodes: ['96385074'] });
    expect(findProductByCode([p, other], '96385074')).toBe(other);
    expect(findProductByCode([p, other], '00000000')).toBeUndefined();
  });
});

describe('nameTokens', () => {
  it('lowercases, removes accents and splits on punctuation', () => {
    expect(nameTokens('Crème brûlée')).toEqual(['creme', 'brulee']);
    expect(nameTokens("Pain d'épices — 250g")).toEqual(['pain', 'd', 'epices', '250g']);
    expect(nameTokens('Œuf BIO, œuf')).toEqual(['oeuf', 'bio']);
    expect(nameTokens('  ')).toEqual([]);
  });

  it('produces tokens that are lowercase, accent-free alphanumerics, without duplicates, stable under re-tokenising', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const tokens = nameTokens(s);
        expect(new Set(tokens).size).toBe(tokens.length);
        for (const t of tokens) {
          expect(t).not.toBe('');
          expect(t).toBe(t.toLowerCase());
          expect(/\p{M}/u.test(t.normalize('NFD'))).toBe(false);
          expect(nameTokens(t)).toEqual([t]);
        }
      }),
    );
  });

  it('matches queries by token prefix', () => {
    expect(nameMatchesQuery('Crème brûlée', 'cre BRU')).toBe(true);
    expect(nameMatchesQuery('Crème brûlée', 'brulee creme')).toBe(true);
    expect(nameMatchesQuery('Crème brûlée', 'cremes')).toBe(false);
    expect(nameMatchesQuery('Crème brûlée', '')).toBe(false);
  });
});

describe('productProblems', () => {
  it('accepts a good product', () => {
    expect(productId('CROIS-01')).toBe('product:CROIS-01');
    expect(productProblems(product())).toEqual([]);
  });

  it('names each field at fault', () => {
    const problems = productProblems(
      product({ _id: 'product:OTHER', barcodes: ['3760000000016', '036000291452', '0036000291452'], price: money(-1), vatRate: 20.5, currency: 'eur', name: ' ' }),
    );
    expect(problems.map((p) => p.split(':')[0])).toEqual(['_id', 'name', 'barcodes[0]', 'barcodes[2]', 'price', 'vatRate', 'currency']);
  });
});
