/**
 * The main thread's handle on the reconciliation worker: one worker per tab, started on first use,
 * reached through Comlink as a ReconcilePort. Nothing the worker reads or folds crosses to this
 * thread: only the options, progress messages and the summary.
 */
import * as Comlink from 'comlink';
import type { ReconcilePort } from './reconcile-port.ts';

let port: ReconcilePort | undefined;
let worker: Worker | undefined;

export function getReconcilePort(): ReconcilePort {
  if (port === undefined) {
    // The URL literal must stay inline: Vite detects `new Worker(new URL(...))` to bundle the worker.
    worker = new Worker(new URL('../../workers/reconcile/reconcile.worker.ts', import.meta.url), { type: 'module' });
    const remote = Comlink.wrap<ReconcilePort>(worker);
    port = {
      // A function cannot be cloned: the progress callback crosses as a Comlink proxy.
      reconcileStock: (options, onProgress) => remote.reconcileStock(options, onProgress === undefined ? undefined : Comlink.proxy(onProgress)),
    };
  }
  return port;
}

/** Ends the worker (a run in progress stops); the next getReconcilePort() starts a new one. */
export function terminateReconcileWorker(): void {
  worker?.terminate();
  worker = undefined;
  port = undefined;
}
