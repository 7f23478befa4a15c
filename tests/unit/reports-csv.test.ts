// Issue 7: CSV export — exact round trip through the encoder and decoder (property), the BOM, the
// locale's separator and decimal mark, formula-looking names neutralised, and the report's figures.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SaleDoc } from '../../src/domain/documents.ts';
import { csvFormatFor, decimalAmount, decodeCsv, encodeCsv, parseDecimalAmount, safeText, UTF8_BOM, type CsvSeparator } from '../../src/domain/reports/csv.ts';
import { reportFileName, salesReportCsv, type ReportCsvLabels } from '../../src/domain/reports/report-csv.ts';
import { salesReport } from '../../src/domain/reports/sales-report.ts';
import { salesReportFile } from '../../src/commands/reports.ts';
import { saleArb } from './shift/arbitraries.ts';

// Text with everything that needs quoting: separators, quotes, CR, LF, spaces, accents, emoji.
const cellArb = fc.string({ unit: fc.oneof(fc.constantFrom(';', ',', '"', '\r', '\n', ' ', 'é', '€', '=', '-', '😀'), fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme' })), maxLength: 12 });
const rowsArb = fc.array(fc.array(cellArb, { minLength: 1, maxLength: 6 }), { maxLength: 8 });

const LABELS: ReportCsvLabels = {
  columns: { section: 'Rubrique', key: 'Clé', label: 'Libellé', count: 'Nombre', amount: 'Montant', currency: 'Devise' },
  sections: { total: 'Total', day: 'Jour', hour: 'Heure', tender: 'Paiement', category: 'Catégorie', channel: 'Canal' },
  total: 'Total des ventes',
  tender: { cash: 'Espèces', card: 'Carte', voucher: 'Bon', other: 'Autre' },
  uncategorised: 'Sans catégorie',
  channels: { store: 'En boutique', webCounter: 'Web, payé en boutique', webOrders: 'Commandes web', webPaidOnline: 'Web, payé en ligne' },
  day: (d) => d.split('-').reverse().join('/'),
  hour: (h) => `${String(h).padStart(2, '0')} h`,
};

describe('CSV', () => {
  it('decodes exactly what it encodes, with either separator and with the BOM', () => {
    fc.assert(
      fc.property(rowsArb, fc.constantFrom<CsvSeparator>(';', ','), (rows, sep) => {
        const text = encodeCsv(rows, sep);
        expect(decodeCsv(text, sep)).toEqual(rows);
        expect(decodeCsv(UTF8_BOM + text, sep)).toEqual(rows);
      }),
      { numRuns: 500 },
    );
  });

  it('quotes only what needs it and ends records with CRLF', () => {
    expect(encodeCsv([['a', 'b;c', 'say "hi"', 'x\ny', '1,5']], ';')).toBe('a;"b;c";"say ""hi""";"x\ny";1,5\r\n');
    expect(encodeCsv([['1,5', '2;5']], ',')).toBe('"1,5",2;5\r\n');
    expect(encodeCsv([[''], ['', '']], ';')).toBe('""\r\n;\r\n');
    expect(decodeCsv('a;b\nc;d', ';')).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('uses ; and a decimal comma in French, , and a decimal point in English', () => {
    expect(csvFormatFor('fr-FR')).toEqual({ separator: ';', decimal: ',' });
    expect(csvFormatFor('en')).toEqual({ separator: ',', decimal: '.' });
    expect(decimalAmount(123456, 'EUR', ',')).toBe('1234,56');
    expect(decimalAmount(-5, 'EUR', '.')).toBe('-0.05');
    expect(decimalAmount(1200, 'JPY', ',')).toBe('1200');
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom<',' | '.'>(',', '.'), fc.constantFrom('EUR', 'JPY', 'TND'), (m, d, cur) => {
        expect(parseDecimalAmount(decimalAmount(m, cur, d), cur, d)).toBe(m);
      }),
    );
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(safeText('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(safeText('+33 6')).toBe(`'+33 6`);
    expect(safeText('Épicerie')).toBe('Épicerie');
  });

  it('puts the report’s figures in a file a spreadsheet opens: BOM, header, total, days, tenders, channels', () => {
    const sales = fc.sample(saleArb, { numRuns: 5, seed: 11 }).map((s, i): SaleDoc => ({ ...s, createdAt: `2026-11-2${i % 2 === 0 ? 7 : 8}T10:00:00.000Z` }));
    const report = salesReport({ from: '2026-11-27T00:00:00.000Z', until: '2026-11-29T00:00:00.000Z', timeZone: 'UTC' }, { sales }, 'x');
    const text = salesReportCsv(report, { labels: LABELS, locale: 'fr-FR' });
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    const rows = decodeCsv(text, ';');
    expect(rows[0]).toEqual(['Rubrique', 'Clé', 'Libellé', 'Nombre', 'Montant', 'Devise']);
    const total = rows.find((r) => r[0] === 'Total');
    expect(total).toEqual(['Total', '', 'Total des ventes', '5', decimalAmount(report.total.amount, 'EUR', ','), 'EUR']);
    const days = rows.filter((r) => r[0] === 'Jour');
    expect(days.map((r) => r[2])).toEqual(['27/11/2026', '28/11/2026']);
    const amount = (r: string[]): number => parseDecimalAmount(r[4] ?? '', 'EUR', ',') ?? NaN;
    const sum = (section: string): number => rows.filter((r) => r[0] === section).reduce((s, r) => s + amount(r), 0);
    expect(sum('Jour')).toBe(report.total.amount);
    expect(sum('Heure')).toBe(report.total.amount);
    expect(sum('Paiement')).toBe(report.total.amount);
    expect(sum('Catégorie')).toBe(report.total.amount);

    const en = decodeCsv(salesReportCsv(report, { labels: LABELS, locale: 'en' }), ',');
    expect(en.find((r) => r[0] === 'Total')?.[4]).toBe(decimalAmount(report.total.amount, 'EUR', '.'));
  });

  it('names the file after the range', () => {
    expect(reportFileName('ventes', '2026-11-01', '2026-11-28')).toBe('ventes_2026-11-01_2026-11-28.csv');
    expect(reportFileName('sales', '2026-11-28', '2026-11-28')).toBe('sales_2026-11-28.csv');
    const report = salesReport({ from: '2026-11-27T00:00:00.000Z', until: '2026-11-29T00:00:00.000Z', timeZone: 'UTC' }, { sales: [] }, 'x');
    const file = salesReportFile(report, { labels: LABELS, locale: 'en', prefix: 'sales' });
    expect(file).toMatchObject({ name: 'sales_2026-11-27_2026-11-28.csv', type: 'text/csv;charset=utf-8' });
  });
});
