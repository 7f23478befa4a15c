/**
 * A sales report as one flat CSV table (section, key, label, count, amount), so that a spreadsheet
 * can filter and pivot it: the total, then every day, hour, tender, category and channel. Labels
 * come from the caller (the UI's language); amounts are spreadsheet numbers in the locale.
 */
import type { TenderKind } from '../documents.ts';
import type { CurrencyCode } from '../money.ts';
import { csvFormatFor, decimalAmount, encodeCsv, safeText, UTF8_BOM } from './csv.ts';
import type { SalesReport } from './sales-report.ts';

export type ReportSection = 'total' | 'day' | 'hour' | 'tender' | 'category' | 'channel';

export interface ReportCsvLabels {
  columns: { section: string; key: string; label: string; count: string; amount: string; currency: string };
  sections: Record<ReportSection, string>;
  total: string;
  tender: Record<TenderKind, string>;
  uncategorised: string;
  channels: { store: string; webCounter: string; webOrders: string; webPaidOnline: string };
  /** "2026-11-28" → how the day reads in the locale. */
  day: (day: string) => string;
  /** 9 → "09:00–10:00". */
  hour: (hour: number) => string;
}

export interface ReportCsvOptions {
  labels: ReportCsvLabels;
  /** 'fr-FR' → ';' and a decimal comma; 'en' → ',' and a decimal point. */
  locale: string;
}

/** The rows (header first), cells as text, before encoding. */
export function salesReportRows(report: SalesReport, { labels, locale }: ReportCsvOptions): string[][] {
  const { decimal } = csvFormatFor(locale);
  const currency: CurrencyCode = report.currency;
  const amount = (m: number): string => decimalAmount(m, currency, decimal);
  const row = (section: ReportSection, key: string, label: string, count: number, m: number): string[] => [
    labels.sections[section],
    safeText(key),
    safeText(label),
    String(count),
    amount(m),
    currency,
  ];
  const c = labels.columns;
  const rows: string[][] = [[c.section, c.key, c.label, c.count, c.amount, c.currency]];
  rows.push(row('total', '', labels.total, report.total.documents, report.total.amount));
  for (const d of report.byDay) rows.push(row('day', d.day, labels.day(d.day), d.count, d.amount));
  for (const h of report.byHour) rows.push(row('hour', String(h.hour).padStart(2, '0'), labels.hour(h.hour), h.count, h.amount));
  for (const t of report.byTender) rows.push(row('tender', t.key, t.kind === 'other' ? (t.label ?? labels.tender.other) : labels.tender[t.kind], t.count, t.amount));
  for (const k of report.byCategory) rows.push(row('category', k.category, k.category === '' ? labels.uncategorised : k.category, k.quantity, k.amount));
  const ch = report.channels;
  rows.push(row('channel', 'store', labels.channels.store, ch.store.count, ch.store.amount));
  rows.push(row('channel', 'web_counter', labels.channels.webCounter, ch.webCounter.count, ch.webCounter.amount));
  rows.push(row('channel', 'web_orders', labels.channels.webOrders, ch.webOrders.count, ch.webOrders.total));
  rows.push(row('channel', 'web_paid_online', labels.channels.webPaidOnline, ch.webOrders.count, ch.webOrders.paidOnline));
  return rows;
}

/** The CSV file's text: BOM, then the rows with the locale's separator. */
export function salesReportCsv(report: SalesReport, options: ReportCsvOptions): string {
  return UTF8_BOM + encodeCsv(salesReportRows(report, options), csvFormatFor(options.locale).separator);
}

/** "ventes_2026-11-01_2026-11-28.csv" from a prefix and the first and last local days. */
export function reportFileName(prefix: string, firstDay: string, lastDay: string): string {
  const clean = (s: string): string => s.replace(/[^\p{L}\p{N}_-]+/gu, '-');
  return firstDay === lastDay ? `${clean(prefix)}_${clean(firstDay)}.csv` : `${clean(prefix)}_${clean(firstDay)}_${clean(lastDay)}.csv`;
}
