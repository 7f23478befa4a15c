// Every write the UI can make; src/ui/actions.ts re-exports from here.
export { completeSale, type CompleteSaleInput, type CompleteSaleRefusal } from './complete-sale.ts';
export { pairRegister, normaliseServerUrl } from './pair-register.ts';
export { rebuildReadModel } from './rebuild-read-model.ts';
export { requestPersistence, refreshStorageEstimate } from './request-persistence.ts';
export { startSync, stopSync } from './start-sync.ts';
export {
  closeShift,
  openShift,
  payInOut,
  recordDrawerOpen,
  recordRefundDrawerOpening,
  startShift,
  xReport,
  type ShiftCommandRefusal,
  type XReport,
} from './shift.ts';
// V2: parked sales, voids, quick products, receipts by e-mail.
export { parkSale, resumeParkedSale, type ParkRefusal, type ResumeRefusal } from './park.ts';
export { voidSale, type VoidRefusal } from './void-sale.ts';
export { createQuickProduct, type QuickProductRefusal } from './quick-product.ts';
export { emailReceipt, type EmailReceiptRefusal } from './email-receipt.ts';
export type { CommandDeps } from './deps.ts';
// Issue 6: the counter's steps on a web order (pick, pack, notes).
export {
  addOrderNote,
  completePickWithoutScanning,
  markPacked,
  recordPick,
  type OrderStepRefusal,
} from './web-order-events.ts';
