/**
 * "Reconcile now" (issue 7): starts the stock reconciliation in its worker and resolves with its
 * summary. The main thread only posts the request and receives progress messages; the figures,
 * differences and oversell tasks land in Dexie and are read through reconcile-queries.ts.
 */
import type { PlatformLevel } from '../domain/reconcile/types.ts';
import { getReconcilePort } from '../store/reconcile-client.ts';
import type { ReconcileOptions, ReconcilePort, ReconcileProgress, ReconcileSummary } from '../store/reconcile-port.ts';

export type { ReconcileProgress, ReconcileSummary } from '../store/reconcile-port.ts';

export interface ReconcileDeps {
  port: () => ReconcilePort;
}

export interface ReconcileStockInput {
  /** What the web stores currently show for sale, to compare with (none: no differences listed). */
  platformLevels?: PlatformLevel[];
  onProgress?: (progress: ReconcileProgress) => void;
  /** Chunk sizes (reads, result transactions); the defaults suit a million movements. */
  readChunk?: number;
  writeChunk?: number;
}

export async function reconcileStock(input: ReconcileStockInput = {}, deps: Partial<ReconcileDeps> = {}): Promise<ReconcileSummary> {
  const port = (deps.port ?? getReconcilePort)();
  const options: ReconcileOptions = {};
  if (input.platformLevels !== undefined) options.platformLevels = input.platformLevels;
  if (input.readChunk !== undefined) options.readChunk = input.readChunk;
  if (input.writeChunk !== undefined) options.writeChunk = input.writeChunk;
  return port.reconcileStock(options, input.onProgress);
}
