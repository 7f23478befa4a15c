/**
 * Stock reserved by web orders. A web order reserves its lines' stock by its mere existence, from the
 * moment the server writes it until it is shipped, picked up or cancelled; the stock fold subtracts
 * this from on hand to show what is still available to sell at the counter. Lines whose SKU is
 * unknown to the catalogue (sku null) reserve nothing: they are listed as import problems instead.
 */
import type { WebOrderDoc } from './documents.ts';

export type ReservingOrder = Pick<WebOrderDoc, 'status' | 'lines'>;

/** Statuses after which an order no longer holds stock (it left the shop, or never will). */
export const RELEASED_STATUSES: ReadonlySet<WebOrderDoc['status']> = new Set(['shipped', 'picked_up', 'cancelled']);

export function isReserving(order: ReservingOrder): boolean {
  return !RELEASED_STATUSES.has(order.status);
}

/** Quantity reserved per SKU by the open web orders among `webOrders`. SKUs with nothing reserved are absent. */
export function reservedBySku(webOrders: Iterable<ReservingOrder>): Map<string, number> {
  const reserved = new Map<string, number>();
  for (const order of webOrders) {
    if (!isReserving(order)) continue;
    for (const line of order.lines) {
      if (line.sku === null || !Number.isSafeInteger(line.quantity) || line.quantity <= 0) continue;
      reserved.set(line.sku, (reserved.get(line.sku) ?? 0) + line.quantity);
    }
  }
  return reserved;
}

/**
 * Issue 6: what each order still holds follows from its events (web-order-stock.ts reservedByOrder:
 * ordered − shipped after changes, nothing once cancelled or sent). Sums those per-order figures.
 */
export function sumReserved(perOrder: Iterable<ReadonlyMap<string, number>>): Map<string, number> {
  const reserved = new Map<string, number>();
  for (const order of perOrder) {
    for (const [sku, n] of order) if (n > 0) reserved.set(sku, (reserved.get(sku) ?? 0) + n);
  }
  return reserved;
}
