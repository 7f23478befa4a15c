/**
 * The main thread's handle on the sync worker: one worker per tab, started on first use, reached
 * through Comlink as a SyncPort. Device-local writes the commands need are re-exported here.
 */
import * as Comlink from 'comlink';
import type { SyncPort } from './sync-port.ts';

export { clearPairing, savePairing, savePersistence } from './device-settings.ts';

let port: SyncPort | undefined;
let worker: Worker | undefined;

/** The sync worker's port; starts the worker the first time. */
export function getSyncPort(): SyncPort {
  if (port === undefined) {
    // The URL literal must stay inline: Vite detects `new Worker(new URL(...))` to bundle the worker.
    worker = new Worker(new URL('../../workers/sync/sync.worker.ts', import.meta.url), { type: 'module' });
    // Every SyncPort method already returns a promise, so the Comlink remote has the same shape.
    port = Comlink.wrap<SyncPort>(worker) as unknown as SyncPort;
  }
  return port;
}

/** Tests and the register-lock hand-over: ends the worker; the next getSyncPort() starts a new one. */
export function terminateSyncWorker(): void {
  worker?.terminate();
  worker = undefined;
  port = undefined;
}
