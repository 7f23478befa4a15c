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
// Issue 6: the counter's steps on a web order (pick, pack, ship, hand over, pay, change, bulk).
export {
  addOrderNote,
  allocateOrder,
  assignOrder,
  completePickWithoutScanning,
  correctOrderAddress,
  markPacked,
  markPickedUp,
  markReadyForPickup,
  markShipped,
  recordOrderPrinted,
  recordPick,
  type OverrideOption,
  type ShipOptions,
} from './web-order-events.ts';
export type { OrderStepDeps, OrderStepRefusal, StepDone, StepResult } from './web-order-step.ts';
export { cancelOrder, changeOrder, returnWebOrderItems, type RefundOptions, type RefundTo } from './web-order-changes.ts';
export { markOrdersPaid, recordBalanceSale, takeOrderBalance, type TakeBalanceRefusal } from './web-order-payment.ts';
export { bulkMarkPacked, bulkMarkShipped, type BulkResults } from './web-order-bulk.ts';
// Issue 6: the orders screen's "seen" mark behind the header's new-order badge (device-local).
export { markOrdersSeen } from './orders-seen.ts';
export { labelChoicesFor, printLabelFor, printLabelsFor, printPackingSlipFor, printPickListFor, type DocumentOrderState, type DocumentPrinted, type LabelChoices, type LabelOptions, type LabelPrinted, type LabelsPrinted, type OrderDocumentRefusal } from './order-documents.ts';
export { reconcileStock } from './reconcile.ts';
// Issue 7: resolving oversell tasks (backorder, move stock, cancel a web line), each one recorded.
export {
  applyOversellTransfer,
  backorderOversell,
  cancelOversoldLine,
  planOversellTransfer,
  recordOversellResolution,
  type OversellOrderRef,
  type OversellTaskRef,
  type OversellTransferPlan,
  type ResolutionDone,
  type ResolutionRefusal,
} from './oversell-resolution.ts';
