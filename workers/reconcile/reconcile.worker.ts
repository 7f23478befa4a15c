/// <reference lib="webworker" />
// The reconciliation worker's entry: wiring only. Everything it does lives in reconcile-service.ts.
import * as Comlink from 'comlink';
import type { ReconcilePort } from '../../src/store/reconcile-port.ts';
import { createReconcileService } from './reconcile-service.ts';

const service = createReconcileService();
const exposed: ReconcilePort = {
  // The progress callback arrives as a Comlink proxy: release its port once the run is over.
  reconcileStock: (options, onProgress) =>
    service.reconcileStock(options, onProgress).finally(() => (onProgress as Partial<Comlink.ProxyMethods> | undefined)?.[Comlink.releaseProxy]?.()),
};
Comlink.expose(exposed);
