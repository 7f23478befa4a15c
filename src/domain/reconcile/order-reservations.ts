/**
 * What an open web order still holds, per SKU and location, as reservations for the stock fold. The
 * order's state is the issue 6 fold (web-order-state.ts replay: events in order, platform status as a
 * floor), and what it holds is web-order-stock.ts's rule (reservedByOrder: ordered − shipped, nothing
 * once cancelled or sent), applied per location so that an order allocated to the warehouse holds
 * the warehouse's units. Summed over locations it is exactly orderStockEffect(...).reserved.
 *
 * Units the order already shipped are not reservations: they are movements (derived from its events
 * by the projection, derivedFrom = the order id) and reach the fold with the other movements.
 */
import type { WebOrderDoc, WebOrderEventDoc } from '../documents.ts';
import { RELEASED_STATUSES } from '../reservations.ts';
import { reservedByOrder } from '../web-order-stock.ts';
import { FALLBACK_LOCATION, replay, type OrderLineState } from '../web-order-state.ts';
import type { Reservation } from './types.ts';

/**
 * Whether an order can hold anything at all. The platform's status is a floor on the fold: shipped,
 * picked up or cancelled there, the order is closed whatever its events — so the reconciliation
 * reads only the others (through the status index) instead of every order ever imported.
 */
export function mayReserve(order: Pick<WebOrderDoc, 'status'>): boolean {
  return !RELEASED_STATUSES.has(order.status);
}

/** The platform statuses after which an order holds nothing (RELEASED_STATUSES), for the status index. */
export function closedStatuses(): Array<WebOrderDoc['status']> {
  return [...RELEASED_STATUSES];
}

export function orderReservations(order: WebOrderDoc, events: readonly WebOrderEventDoc[], defaultLocation: string = FALLBACK_LOCATION): Reservation[] {
  const { final } = replay(order, events, defaultLocation);
  const byLocation = new Map<string, OrderLineState[]>();
  for (const line of final.lines) {
    const lines = byLocation.get(line.location);
    if (lines) lines.push(line);
    else byLocation.set(line.location, [line]);
  }
  const out: Reservation[] = [];
  for (const [location, lines] of byLocation) {
    for (const [sku, quantity] of reservedByOrder({ status: final.status, lines })) {
      out.push({ orderId: order._id, orderNumber: order.orderNumber, sku, location, quantity, at: order.createdAt });
    }
  }
  return out;
}
