/**
 * The seam between the main thread and the reconciliation worker (issue 7). The worker implements it
 * behind Comlink (workers/reconcile); tests call the service directly. Everything crossing it is
 * structured-cloneable, except the progress callback, which the client proxies.
 */
import type { PlatformLevel } from '../domain/reconcile/types.ts';
import type { ReconcilePhase, ReconcileRunRow } from './schema.ts';

export interface ReconcileOptions {
  /** What the web stores report, to be compared with the available figures (none: no differences). */
  platformLevels?: PlatformLevel[];
  /** Rows per IndexedDB read (default 10,000) and per result transaction (default 5,000). */
  readChunk?: number;
  writeChunk?: number;
}

export interface ReconcileProgress {
  runId: string;
  phase: ReconcilePhase;
  done: number;
  total: number;
}

export type ReconcileSummary = Required<Pick<ReconcileRunRow, 'runId' | 'startedAt' | 'asOf' | 'counts'>> & {
  finishedAt: string;
  /** Wall time of the run in the worker (ms), and per step (events, orders, movements, fold, write). */
  ms: number;
  phaseMs: Record<string, number>;
};

export interface ReconcilePort {
  /**
   * Reads movements, web orders and their events from the read model in chunks, folds them, and
   * writes stock figures, differences and oversell tasks (queries in reconcile-queries.ts). A call
   * while a run is going joins that run. Progress goes to `onProgress` and to the reconcileRuns row.
   */
  reconcileStock(options?: ReconcileOptions, onProgress?: (progress: ReconcileProgress) => void): Promise<ReconcileSummary>;
}
