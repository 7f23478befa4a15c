/**
 * The only door from the UI to the commands (every write). Screens import from here, so a change in
 * a command's signature is absorbed in one file.
 */
export {
  completeSale,
  pairRegister,
  rebuildReadModel,
  requestPersistence,
  startSync,
  stopSync,
} from '../commands/index.ts';
// V3: shifts, X/Z, drawer openings for refunds.
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
} from '../commands/index.ts';
// V2: parked sales, voids, quick products, receipts by e-mail.
export {
  createQuickProduct,
  emailReceipt,
  parkSale,
  resumeParkedSale,
  voidSale,
  type EmailReceiptRefusal,
  type ParkRefusal,
  type QuickProductRefusal,
  type ResumeRefusal,
  type VoidRefusal,
} from '../commands/index.ts';
// Issue 6: the counter's steps on a web order.
export { addOrderNote, completePickWithoutScanning, markPacked, recordPick, type OrderStepRefusal } from '../commands/index.ts';
