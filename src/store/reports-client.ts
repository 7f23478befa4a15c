/**
 * The main thread's handle on the reports worker: one worker per tab, started on first use, reached
 * through Comlink as a ReportsPort. The sales and documents never cross to this thread: only the
 * options, progress messages and the aggregated result.
 */
import * as Comlink from 'comlink';
import type { ReportsPort } from './reports-port.ts';

let port: ReportsPort | undefined;
let worker: Worker | undefined;

export function getReportsPort(): ReportsPort {
  if (port === undefined) {
    // The URL literal must stay inline: Vite detects `new Worker(new URL(...))` to bundle the worker.
    worker = new Worker(new URL('../../workers/reports/reports.worker.ts', import.meta.url), { type: 'module' });
    const remote = Comlink.wrap<ReportsPort>(worker);
    const proxied = <T>(f: ((p: T) => void) | undefined): ((p: T) => void) | undefined => (f === undefined ? undefined : Comlink.proxy(f));
    port = {
      // A function cannot be cloned: the progress callback crosses as a Comlink proxy.
      salesReport: (options, onProgress) => remote.salesReport(options, proxied(onProgress)),
      reconcilePayments: (options, onProgress) => remote.reconcilePayments(options, proxied(onProgress)),
    };
  }
  return port;
}

/** Ends the worker (a report in progress stops); the next getReportsPort() starts a new one. */
export function terminateReportsWorker(): void {
  worker?.terminate();
  worker = undefined;
  port = undefined;
}
