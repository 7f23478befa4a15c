/**
 * Several web orders at once (issue 6): packed together, or shipped together with one carrier and
 * each order's own tracking number. Each order is its own step (and its own refusal): one result
 * per order, in the order given, so the screen can say which ones did not go.
 */
import { markPacked, markShipped } from './web-order-events.ts';
import { perOrder, type OrderStepDeps, type StepResult } from './web-order-step.ts';

export type BulkResults = Array<{ orderId: string; result: StepResult }>;

export function bulkMarkPacked(orderIds: readonly string[], deps?: Partial<OrderStepDeps>): Promise<BulkResults> {
  return perOrder(orderIds, (orderId) => markPacked(orderId, {}, deps));
}

/** Every order shipped in full with `carrier`; its tracking number from `trackingById` when there is one. */
export function bulkMarkShipped(
  orderIds: readonly string[],
  options: { carrier: string; trackingById?: Readonly<Record<string, string>> },
  deps?: Partial<OrderStepDeps>,
): Promise<BulkResults> {
  return perOrder(orderIds, (orderId) => {
    const number = options.trackingById?.[orderId]?.trim() ?? '';
    return markShipped(orderId, number !== '' ? { tracking: { carrier: options.carrier, number } } : {}, deps);
  });
}
