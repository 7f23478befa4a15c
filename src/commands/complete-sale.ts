/**
 * Completes a sale, a refund or an exchange: signed-in staff + open shift + pairing + store settings +
 * next receipt number → domain buildSale → journal link → replica, inside the journal queue (one
 * journal write at a time, so two quick taps never read the same last receipt number or chain link).
 * Success is reported only once the replica write resolved (the sale is durable in IndexedDB), so a
 * receipt is never printed for a sale that does not exist (guarantee 1).
 */
import type { Cart } from '../domain/cart.ts';
import { DEFAULT_DISCOUNT_THRESHOLD_BP } from '../domain/cart.ts';
import type { SaleDoc, Tender } from '../domain/documents.ts';
import type { ShiftDoc } from '../domain/register-documents.ts';
import { nextReceiptNumber } from '../domain/receipt-number.ts';
import { err, ok, type Result } from '../domain/result.ts';
import { buildSale, type SaleRefusal } from '../domain/sale.ts';
import { afterSaleCommitted } from '../hardware/printing.ts';
import { recordRefundDrawerOpening } from './shift.ts';
import { getPairing, getStoreSettings } from '../store/queries.ts';
import type { Pairing, SyncPort } from '../store/sync-port.ts';
import type { StoreSettingsRow } from '../store/schema.ts';
import { withDefaults, type CommandDeps } from './deps.ts';
import { journalSerial, linkToJournal } from './journal.ts';
import { currentStaff, type StaffSession } from './session.ts';
import { openShift } from './shift.ts';

export interface CompleteSaleInput {
  cart: Cart;
  tenders: readonly Tender[];
  /** The sale this one refunds or repeats. */
  originalSaleId?: string;
  /** The web order whose balance this sale takes (issue 6). */
  webOrderId?: string;
}

export type CompleteSaleRefusal =
  | SaleRefusal
  | { kind: 'not_paired' }
  | { kind: 'no_store_settings' }
  /** Nobody is signed in on this register. */
  | { kind: 'not_signed_in' }
  /** No shift is open on this register: open the till first. */
  | { kind: 'no_open_shift' }
  /** Another sale took the number twice in a row: nothing was saved, the cashier can try again. */
  | { kind: 'receipt_conflict'; receiptNumber: number }
  /** The device could not save (storage full, replica closed…): nothing was saved. */
  | { kind: 'not_saved'; message: string };

/** What the command needs from the other slices; tests replace them. */
export interface SaleDeps extends CommandDeps {
  currentStaff: () => Promise<StaffSession | null>;
  openShift: () => Promise<ShiftDoc | null>;
  journalSerial: <T>(task: () => Promise<T>) => Promise<T>;
  linkToJournal: (doc: SaleDoc) => Promise<SaleDoc>;
}

export function saleDeps(deps?: Partial<SaleDeps>): SaleDeps {
  const base = withDefaults(deps);
  return {
    currentStaff,
    openShift,
    journalSerial,
    linkToJournal: (doc: SaleDoc) => linkToJournal(doc, { port: base.port }),
    ...base,
    ...deps,
  } as SaleDeps;
}

export async function completeSale(input: CompleteSaleInput, partial?: Partial<SaleDeps>): Promise<Result<SaleDoc, CompleteSaleRefusal>> {
  const deps = saleDeps(partial);
  const [pairing, settings] = await Promise.all([getPairing(), getStoreSettings()]);
  if (pairing === null) return err({ kind: 'not_paired' });
  if (settings === undefined) return err({ kind: 'no_store_settings' });
  const staff = await deps.currentStaff();
  if (staff === null) return err({ kind: 'not_signed_in' });
  const shift = await deps.openShift();
  if (shift === null) return err({ kind: 'no_open_shift' });
  const ctx: Context = { input, pairing, settings, staff, shift, deps };
  const result = await deps.journalSerial(() => completeInQueue(ctx));
  // Issue 5: receipt + drawer kick jobs, queued only now that the sale is durable; never awaited or thrown.
  if (result.ok) void afterSaleCommitted(result.value);
  // A cash refund opens the drawer: the opening is recorded like any other (who, when, why).
  if (result.ok) void recordRefundDrawerOpening(result.value, { port: deps.port, now: deps.now }).catch((e: unknown) => console.error('[sale] drawer opening not recorded', e));
  return result;
}

interface Context {
  input: CompleteSaleInput;
  pairing: Pairing;
  settings: StoreSettingsRow;
  staff: StaffSession;
  shift: ShiftDoc;
  deps: SaleDeps;
}

function isConflict(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'ConflictError';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function completeInQueue(ctx: Context): Promise<Result<SaleDoc, CompleteSaleRefusal>> {
  const port = ctx.deps.port();
  const last = await port.lastReceiptNumber(ctx.pairing.registerId);
  const first = await attempt(port, ctx, nextReceiptNumber(last));
  if (first.kind !== 'conflict') return first.result;
  // The number was taken (e.g. a sale replicated back from a restored backup): once more, past both.
  const latest = await port.lastReceiptNumber(ctx.pairing.registerId);
  const second = await attempt(port, ctx, nextReceiptNumber(Math.max(latest, first.receiptNumber)));
  if (second.kind !== 'conflict') return second.result;
  return err({ kind: 'receipt_conflict', receiptNumber: second.receiptNumber });
}

type Attempt = { kind: 'done'; result: Result<SaleDoc, CompleteSaleRefusal> } | { kind: 'conflict'; receiptNumber: number };

async function attempt(port: SyncPort, ctx: Context, receiptNumber: number): Promise<Attempt> {
  const { input, pairing, settings, staff, shift, deps } = ctx;
  const built = buildSale({
    storeId: pairing.storeId,
    registerId: pairing.registerId,
    receiptNumber,
    createdAt: deps.now().toISOString(),
    cashier: staff.name,
    cashierId: staff.staffId,
    shiftId: shift._id,
    currency: settings.currency,
    location: settings.defaultLocation,
    lines: input.cart.items,
    ...(input.cart.discount ? { cartDiscount: input.cart.discount } : {}),
    ...(input.cart.discountApproval ? { cartDiscountApproval: input.cart.discountApproval } : {}),
    ...(input.cart.customerId ? { customerId: input.cart.customerId } : {}),
    ...(input.originalSaleId ? { originalSaleId: input.originalSaleId } : {}),
    ...(input.webOrderId ? { webOrderId: input.webOrderId } : {}),
    discountThresholdBp: settings.discountThresholdBp ?? DEFAULT_DISCOUNT_THRESHOLD_BP,
    otherTenders: settings.otherTenders ?? [],
    requireTenderDetails: true,
    tenders: input.tenders,
  });
  if (!built.ok) return { kind: 'done', result: built };
  try {
    const linked = await deps.linkToJournal(built.value);
    const { rev } = await port.commit(linked);
    return { kind: 'done', result: ok({ ...linked, _rev: rev }) };
  } catch (error) {
    if (isConflict(error)) return { kind: 'conflict', receiptNumber };
    return { kind: 'done', result: err({ kind: 'not_saved', message: messageOf(error) }) };
  }
}
