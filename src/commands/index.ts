// Every write the UI can make; src/ui/actions.ts re-exports from here.
export { completeSale, type CompleteSaleInput, type CompleteSaleRefusal } from './complete-sale.ts';
export { pairRegister, normaliseServerUrl } from './pair-register.ts';
export { rebuildReadModel } from './rebuild-read-model.ts';
export { requestPersistence, refreshStorageEstimate } from './request-persistence.ts';
export { startSync, stopSync } from './start-sync.ts';
export type { CommandDeps } from './deps.ts';
