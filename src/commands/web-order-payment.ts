/**
 * Money on a web order at the counter (issue 6). takeOrderBalance: the customer pays what is left
 * in the shop — a real sale (completeSale: receipt printed, drawer kicked once for cash, journal,
 * Z report) whose lines are the order's and which carries webOrderId (so it moves no stock), then
 * the 'paid' event naming that sale. markOrdersPaid: bank transfers and cheques reconciled by hand,
 * one 'paid' event per order. The server marks the order paid on the web store.
 */
import type { SaleDoc, Tender, WebOrderEventDoc } from '../domain/documents.ts';
import { err, ok, type Result } from '../domain/result.ts';
import { balanceCartLines } from '../domain/web-order-balance.ts';
import { getStoreSettings } from '../store/queries.ts';
import { getVatRates } from '../store/web-order-queries.ts';
import { completeSale, type CompleteSaleRefusal, type SaleDeps } from './complete-sale.ts';
import { currentOrder, messageOf, onOrderQueue, perOrder, writeStep, writeStepNow, type OrderStepDeps, type OrderStepRefusal, type StepResult } from './web-order-step.ts';

export type TakeBalanceRefusal =
  | OrderStepRefusal
  | CompleteSaleRefusal
  /** The sale is saved (its receipt printed) but the 'paid' event could not be written: record it again with recordBalanceSale. */
  | { kind: 'paid_not_recorded'; sale: SaleDoc; message: string };

/** How the balance was paid, as the event says it: the tenders' kinds (an "other" tender by its label). */
function methodOf(tenders: readonly Tender[]): string {
  const names = tenders.map((t) => (t.kind === 'other' ? (t.label ?? 'other') : t.kind));
  return [...new Set(names)].join(' + ') || 'cash';
}

/** The 'paid' event for a sale that took the order's balance (also the retry after paid_not_recorded). */
export function recordBalanceSale(orderId: string, sale: SaleDoc, deps?: Partial<OrderStepDeps>): Promise<StepResult> {
  return writeStep(orderId, { kind: 'paid', payment: { amount: sale.totals.gross, method: methodOf(sale.tenders), saleId: sale._id } }, deps);
}

/** The balance paid at the counter: refused when nothing is due or the order is cancelled; nothing saved then. */
export function takeOrderBalance(
  orderId: string,
  tenders: Tender[],
  deps?: Partial<OrderStepDeps & SaleDeps>,
): Promise<Result<{ sale: SaleDoc; event: WebOrderEventDoc }, TakeBalanceRefusal>> {
  return onOrderQueue(orderId, async (): Promise<Result<{ sale: SaleDoc; event: WebOrderEventDoc }, TakeBalanceRefusal>> => {
    const current = await currentOrder(orderId);
    if (current === undefined) return err({ kind: 'order_not_found' });
    const { order, state } = current;
    if (state.status === 'cancelled') return err({ kind: 'closed', status: state.status });
    if (state.balance <= 0) return err({ kind: 'nothing_due' });
    const [settings, rates] = await Promise.all([getStoreSettings(), getVatRates(state.lines.map((l) => l.sku))]);
    const label = settings?.locale === 'en' ? `Balance of order ${order.orderNumber}` : `Solde commande ${order.orderNumber}`;
    const lines = balanceCartLines(order, state, (sku) => rates.get(sku), label);
    const cart = {
      items: lines.map((l, i) => ({ key: i + 1, product: { ...l.product, currency: order.currency }, quantity: l.quantity })),
      nextKey: lines.length + 1,
      ...(order.customerId !== undefined ? { customerId: order.customerId } : {}),
    };
    const sale = await completeSale({ cart, tenders, webOrderId: orderId }, deps);
    if (!sale.ok) return sale;
    const paid = await writeStepNow(orderId, { kind: 'paid', payment: { amount: sale.value.totals.gross, method: methodOf(tenders), saleId: sale.value._id } }, deps);
    if (!paid.ok) {
      const message = paid.error.kind === 'not_saved' ? paid.error.message : paid.error.kind;
      return err({ kind: 'paid_not_recorded', sale: sale.value, message });
    }
    return ok({ sale: sale.value, event: paid.value.event });
  }).catch((e: unknown) => err({ kind: 'not_saved', message: messageOf(e) }));
}

/** Bank transfers and cheques reconciled: each order's balance marked paid (one result per order). */
export function markOrdersPaid(
  orderIds: readonly string[],
  options: { method: string; reference?: string },
  deps?: Partial<OrderStepDeps>,
): Promise<Array<{ orderId: string; result: StepResult }>> {
  const method = options.method.trim() || 'other';
  const reference = options.reference?.trim();
  return perOrder(orderIds, (orderId) =>
    writeStep(
      orderId,
      (state) => {
        if (state.status === 'cancelled') return err({ kind: 'closed', status: state.status });
        if (state.balance <= 0) return err({ kind: 'nothing_due' });
        return ok({ kind: 'paid', payment: { amount: state.balance, method, ...(reference ? { reference } : {}) } });
      },
      deps,
    ),
  );
}
