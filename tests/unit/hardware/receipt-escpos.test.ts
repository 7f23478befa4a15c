/** Receipt and test page bytes, decoded by the ESC/POS interpreter: what the printer would print. */
import { describe, expect, it } from 'vitest';
import { buildReceiptBytes, buildTestPageBytes, drawerKickBytes, type ReceiptContext } from '../../../src/documents/receipt-escpos.ts';
import { FRENCH_TEST_LOWER, FRENCH_TEST_UPPER } from '../../../src/documents/receipt-text.ts';
import { interpret, lastTextIndex } from '../../support/escpos/interpreter.ts';
import { sampleSale } from './fixtures.ts';

const ctx: ReceiptContext = { shopName: 'Épicerie du Comptoir', address: ['12 rue de la Paix', '75002 Paris'], registerName: 'Caisse 1', lang: 'fr' };

describe('receipt bytes (ESC/POS)', () => {
  for (const columns of [32, 42, 48] as const) {
    it(`${columns} columns: accents and € in CP858, totals, VAT per rate, tenders, change, no line wider than the paper`, () => {
      const out = interpret(buildReceiptBytes(sampleSale(), ctx, { language: 'esc-pos', columns, codePage: 'cp858' }));
      const text = out.lines.join('\n');
      expect(text).toContain('Épicerie du');
      expect(text).toMatch(/Café éthiopien moulu\s+13,00 €/);
      expect(text).toMatch(/Œufs frais bio \(x6\)\s+3,78 €/);
      expect(text).toMatch(/Remise 10 %\s+-0,42 €/);
      expect(text).toMatch(/TOTAL\s+28,78 €/);
      expect(text).toMatch(/5,5 %\s+14,36 €\s+2,42 €\s+16,78 €/);
      expect(text).toMatch(/Espèces\s+50,00 €/);
      expect(text).toMatch(/Rendu\s+21,22 €/);
      expect(text).toMatch(/Ticket\s+R-ABCD-000042/);
      expect(text).toMatch(/Caissier\s+Camille/);
      expect(text).toMatch(/Caisse\s+Caisse 1/);
      expect(text).not.toContain('?');
      expect(text).not.toContain('DUPLICATA');
      for (const l of out.lines) expect(l.length).toBeLessThanOrEqual(columns);
      expect(out.events).toContainEqual({ type: 'intl-set', n: 0 });
    });
  }

  it('carries a CODE128 barcode and a QR of the receipt label, then cuts after the last line', () => {
    const out = interpret(buildReceiptBytes(sampleSale(), ctx));
    expect(out.barcodes).toEqual([{ type: 'barcode', symbology: 'CODE128', data: 'R-ABCD-000042' }]);
    expect(out.qrs.map((q) => q.data)).toEqual(['R-ABCD-000042']);
    expect(out.cuts).toHaveLength(1);
    const cutAt = out.events.indexOf(out.cuts[0]!);
    const last = lastTextIndex(out);
    expect(last).toBeLessThan(cutAt);
    // Feed before cut: blank lines between the last text and the cut, so the knife misses the text.
    expect(out.events.slice(last + 1, cutAt).filter((e) => e.type === 'line').length).toBeGreaterThanOrEqual(3);
    expect(out.kicks).toEqual([]);
  });

  it('says DUPLICATA on a reprint, and REMBOURSEMENT on a refund', () => {
    const reprint = interpret(buildReceiptBytes(sampleSale(), { ...ctx, reprint: true })).lines;
    expect(reprint.filter((l) => l.trim() === 'DUPLICATA')).toHaveLength(2);
    const refund = interpret(buildReceiptBytes(sampleSale({ kind: 'refund' }), ctx)).lines;
    expect(refund.some((l) => l.trim() === 'REMBOURSEMENT')).toBe(true);
  });

  it('prints the logo as a raster image above the shop name', () => {
    const logo = { width: 16, height: 8, data: Uint8ClampedArray.from({ length: 16 * 8 * 4 }, (_, k) => (k % 4 === 3 ? 255 : 0)) }; // opaque black
    const out = interpret(buildReceiptBytes(sampleSale(), { ...ctx, logo }));
    expect(out.images).toHaveLength(1);
    expect(out.images[0]!.rows[0]).toBe('#'.repeat(16));
    expect(out.events.indexOf(out.images[0]!)).toBeLessThan(out.events.findIndex((e) => e.type === 'line' && e.text.includes('Épicerie')));
  });

  it('English receipts use the English words', () => {
    const text = interpret(buildReceiptBytes(sampleSale(), { ...ctx, lang: 'en' })).lines.join('\n');
    expect(text).toMatch(/Cash\s+€50.00/);
    expect(text).toMatch(/Change\s+€21.22/);
  });

  it('StarPRNT: Star code page command for CP858, Star cut', () => {
    const bytes = buildReceiptBytes(sampleSale(), ctx, { language: 'star-prnt', columns: 48, codePage: 'cp858' });
    const hex = Buffer.from(bytes).toString('hex');
    expect(hex).toContain('1b1d7404'); // ESC GS t 4 = CP858 on Star
    expect(hex).toMatch(/1b64(00|01|02|03)/); // ESC d n: cut
  });
});

describe('test page', () => {
  it('prints every French accented letter and € correctly, with the code page switch for œ Œ Ÿ', () => {
    const out = interpret(buildTestPageBytes({ printerName: 'TM-T20III', lang: 'fr', at: '2026-03-01T10:00:00Z' }));
    expect(out.lines).toContain(FRENCH_TEST_LOWER);
    expect(out.lines).toContain(FRENCH_TEST_UPPER);
    expect(out.lines).toContain('€ 1 234,56 €');
    const upper = out.events.find((e) => e.type === 'line' && e.text === FRENCH_TEST_UPPER);
    expect(upper).toMatchObject({ codePages: expect.arrayContaining(['cp858', 'windows1252']) });
    expect(out.cuts).toHaveLength(1);
  });
});

describe('drawer kick bytes', () => {
  it('pin and pulse as configured', () => {
    expect(interpret(drawerKickBytes({ pin: 5, onMs: 120, offMs: 240 })).kicks).toEqual([{ type: 'kick', pin: 5, onMs: 120, offMs: 240, realtime: false }]);
    expect(interpret(drawerKickBytes()).kicks).toEqual([{ type: 'kick', pin: 2, onMs: 100, offMs: 500, realtime: false }]);
  });
});
