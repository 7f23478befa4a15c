/**
 * The seam between the main thread and the reports worker (issue 7): sales reports and the shift and
 * payment reconciliation, aggregated in the worker from the read model. The worker implements it
 * behind Comlink (workers/reports); tests call the service directly. Options and results are
 * structured-cloneable; only the progress callback crosses as a proxy (reports-client.ts).
 */
import type { PaymentsReconciliation } from '../domain/payments-reconcile.ts';
import type { ReportRange, SalesReport } from '../domain/reports/sales-report.ts';

export type ReportPhase = 'counting' | 'catalogue' | 'sales' | 'web_orders' | 'events' | 'shifts' | 'folding' | 'done';

export interface ReportProgress {
  phase: ReportPhase;
  /** Rows read so far, out of total (total may grow when a later phase is counted). */
  done: number;
  total: number;
}

export interface ReportOptions {
  range: ReportRange;
  /** Rows per IndexedDB read (default 2,000). */
  chunk?: number;
}

export interface ReportsPort {
  /** Sales by day, hour, tender, category and channel for the range. */
  salesReport(options: ReportOptions, onProgress?: (progress: ReportProgress) => void): Promise<SalesReport>;
  /** Shifts opened in the range against their Z, card totals per register and day, web order payments, discrepancies. */
  reconcilePayments(options: ReportOptions, onProgress?: (progress: ReportProgress) => void): Promise<PaymentsReconciliation>;
}
