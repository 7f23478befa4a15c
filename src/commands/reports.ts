/**
 * Reports and the shift/payment reconciliation (issue 7): the range the cashier picked becomes
 * instants in the shop's time zone, the reports worker aggregates, and a sales report becomes a CSV
 * file a spreadsheet opens as it is (BOM, the locale's separator and decimal mark).
 */
import type { PaymentsReconciliation } from '../domain/payments-reconcile.ts';
import { localDaysRange } from '../domain/reports/local-time.ts';
import { reportFileName, salesReportCsv, type ReportCsvLabels } from '../domain/reports/report-csv.ts';
import type { ReportRange, SalesReport } from '../domain/reports/sales-report.ts';
import { getReportsPort } from '../store/reports-client.ts';
import type { ReportProgress, ReportsPort } from '../store/reports-port.ts';

export type { ReportProgress } from '../store/reports-port.ts';

export interface ReportsDeps {
  port: () => ReportsPort;
}

/** The device's time zone (the shop's: the register stands in it). */
export function deviceTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Local days firstDay..lastDay (YYYY-MM-DD, inclusive) as a report range; null when invalid. */
export function reportRange(firstDay: string, lastDay: string, timeZone: string = deviceTimeZone()): ReportRange | null {
  const r = localDaysRange(firstDay, lastDay, timeZone);
  return r === null ? null : { ...r, timeZone };
}

export function runSalesReport(range: ReportRange, onProgress?: (p: ReportProgress) => void, deps: Partial<ReportsDeps> = {}): Promise<SalesReport> {
  return (deps.port ?? getReportsPort)().salesReport({ range }, onProgress);
}

export function runPaymentsReconciliation(range: ReportRange, onProgress?: (p: ReportProgress) => void, deps: Partial<ReportsDeps> = {}): Promise<PaymentsReconciliation> {
  return (deps.port ?? getReportsPort)().reconcilePayments({ range }, onProgress);
}

export interface CsvFile {
  name: string;
  /** UTF-8 text, starting with a byte order mark. */
  text: string;
  type: 'text/csv;charset=utf-8';
}

/** The report as a CSV file: `prefix` names it ("ventes"), `locale` picks separator and decimal mark. */
export function salesReportFile(report: SalesReport, options: { labels: ReportCsvLabels; locale: string; prefix: string }): CsvFile {
  const first = report.byDay[0]?.day ?? report.range.from.slice(0, 10);
  const last = report.byDay[report.byDay.length - 1]?.day ?? first;
  return {
    name: reportFileName(options.prefix, first, last),
    text: salesReportCsv(report, { labels: options.labels, locale: options.locale }),
    type: 'text/csv;charset=utf-8',
  };
}
