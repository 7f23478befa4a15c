/**
 * Changing a web order at the counter (issue 6): before shipping, swap an item or remove units, or
 * cancel the whole order; after shipping, take units back. The refund follows from the line prices
 * and what was paid (never more than was paid), to the original tender — through the platform
 * when it was paid online, queued by the server — or as store credit (a voucher), with an optional
 * surcharge kept back. Unpaid orders get no refund. One event each (web-order-step.ts).
 */
import type { WebOrderEventDoc } from '../domain/documents.ts';
import { money } from '../domain/money.ts';
import { err, ok } from '../domain/result.ts';
import { transition, type OrderState, type OrderStep } from '../domain/web-order-state.ts';
import { registerDocId } from './register-ids.ts';
import { writeStep, type OrderStepDeps, type StepResult } from './web-order-step.ts';

export type RefundTo = 'original' | 'store_credit';

export interface RefundOptions {
  /** Whether the units go back on the shelf (default true). */
  restock?: boolean;
  /** Where the money goes (default: the original tender). */
  refundTo?: RefundTo;
  /** Store credit: the voucher's number (default: a new one). */
  voucher?: string;
}

/** A new store-credit voucher number ("AV-" + the tail of a fresh ULID: unique per register, offline). */
function newVoucher(): string {
  const ulid = registerDocId('av', 'v').split(':')[2] ?? '';
  return `AV-${ulid.slice(-10)}`;
}

function refundOf(amount: number, options: RefundOptions, surcharge?: { amount: number; reason?: string }): Pick<OrderStep, 'refund'> {
  if (amount <= 0 && (surcharge === undefined || surcharge.amount <= 0)) return {};
  const to = options.refundTo ?? 'original';
  return {
    refund: {
      to,
      amount: money(Math.max(0, amount)),
      ...(surcharge !== undefined && surcharge.amount > 0 ? { surcharge: money(surcharge.amount) } : {}),
      ...(surcharge?.reason !== undefined && surcharge.reason.trim() !== '' ? { surchargeReason: surcharge.reason.trim() } : {}),
      ...(to === 'store_credit' ? { voucher: options.voucher ?? newVoucher() } : {}),
    },
  };
}

/** Before shipping: remove units of a SKU and/or add a line (a swap is both); the difference is refunded, or left to pay. */
export function changeOrder(orderId: string, change: NonNullable<WebOrderEventDoc['change']>, options: RefundOptions = {}, deps?: Partial<OrderStepDeps>): Promise<StepResult> {
  return writeStep(
    orderId,
    (state: OrderState) => {
      const base: OrderStep = { kind: 'changed', change, restock: options.restock ?? true };
      const after = transition(state, base);
      if (!after.ok) return err(after.error);
      // Paid more than the order now costs: the difference goes back. Costs more: the balance is taken at the counter.
      return ok({ ...base, ...refundOf(state.paidAmount - after.value.total, options) });
    },
    deps,
  );
}

/** Cancels the whole order (before it left): what was paid goes back, less an optional surcharge. */
export function cancelOrder(
  orderId: string,
  options: RefundOptions & { reason: string; surcharge?: number; surchargeReason?: string },
  deps?: Partial<OrderStepDeps>,
): Promise<StepResult> {
  return writeStep(
    orderId,
    (state: OrderState) => {
      const surcharge = Math.min(options.surcharge ?? 0, state.paidAmount);
      const reason = options.reason.trim();
      return ok({
        kind: 'cancelled',
        ...(reason !== '' ? { reason } : {}),
        restock: options.restock ?? true,
        ...refundOf(state.paidAmount - surcharge, options, { amount: surcharge, ...(options.surchargeReason !== undefined ? { reason: options.surchargeReason } : {}) }),
      });
    },
    deps,
  );
}

/** After shipping: units that came back; their price is refunded (never more than was paid), less an optional surcharge. */
export function returnWebOrderItems(
  orderId: string,
  lines: Array<{ sku: string; quantity: number }>,
  options: RefundOptions & { refundTo: RefundTo; surcharge?: number; surchargeReason?: string },
  deps?: Partial<OrderStepDeps>,
): Promise<StepResult> {
  return writeStep(
    orderId,
    (state: OrderState) => {
      const base: OrderStep = { kind: 'returned', lines: lines.filter((l) => l.quantity !== 0), restock: options.restock ?? true };
      const after = transition(state, base);
      if (!after.ok) return err(after.error);
      const value = state.total - after.value.total;
      const surcharge = Math.max(0, Math.min(options.surcharge ?? 0, value));
      const amount = Math.min(state.paidAmount, value - surcharge);
      const r = refundOf(amount, options, { amount: surcharge, ...(options.surchargeReason !== undefined ? { reason: options.surchargeReason } : {}) });
      return ok({ ...base, refund: r.refund ?? { to: options.refundTo, amount: money(0) } });
    },
    deps,
  );
}
