/**
 * "Export as CSV": the report as a file the browser downloads (BOM, the language's separator and
 * decimal mark), built from figures already aggregated — nothing is read again.
 */
import type { JSX } from 'solid-js';
import { salesReportFile, type CsvFile } from '../../commands/reports.ts';
import type { ReportCsvLabels } from '../../domain/reports/report-csv.ts';
import type { SalesReport } from '../../domain/reports/sales-report.ts';
import { fmtDate, moneyLocale, t } from '../i18n/index.ts';

/** Hands a file to the browser's downloads. */
export function downloadFile(file: CsvFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function csvLabels(): ReportCsvLabels {
  const r = t().reports;
  return {
    columns: r.csv.columns,
    sections: r.csv.sections,
    total: r.csv.total,
    tender: t().receipt.tender,
    uncategorised: r.byCategory.uncategorised,
    channels: { store: r.channels.store, webCounter: r.channels.webCounter, webOrders: r.channels.webOrders, webPaidOnline: r.channels.webPaidOnline },
    day: (day) => fmtDate(`${day}T12:00:00`),
    hour: (h) => r.byHour.label(h),
  };
}

export function ReportCsvButton(props: { report: SalesReport | null }): JSX.Element {
  const exportCsv = (): void => {
    const report = props.report;
    if (report === null) return;
    downloadFile(salesReportFile(report, { labels: csvLabels(), locale: moneyLocale(), prefix: t().reports.csv.prefix }));
  };
  return (
    <button type="button" class="btn secondary" data-testid="report-csv" disabled={props.report === null} onClick={exportCsv}>
      ⤓ {t().reports.csv.button}
    </button>
  );
}
