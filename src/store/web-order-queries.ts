/**
 * One web order at the counter (issue 6): its document, every register's events on it, and its
 * fulfilment state folded from both (src/domain/web-order-state.ts) inside the query, so the UI
 * sees the merged state of all registers' picks as they replicate.
 */
import { liveQuery, type Observable } from 'dexie';
import type { WebOrderEventDoc } from '../domain/documents.ts';
import { compareEvents, orderState, type OrderState } from '../domain/web-order-state.ts';
import { readModelDb, type WebOrderRow } from './schema.ts';

export async function getWebOrder(id: string): Promise<WebOrderRow | undefined> {
  return readModelDb().webOrders.get(id);
}

/** The events of one order, in the fold's order (time, then id). */
export async function getWebOrderEvents(orderId: string): Promise<WebOrderEventDoc[]> {
  const rows = await readModelDb().registerDocs.where('type').equals('web_order_event').toArray();
  return (rows as WebOrderEventDoc[]).filter((e) => e.orderId === orderId).sort(compareEvents);
}

/** The order's state now, or undefined when the order is not on this register. */
export async function getOrderState(id: string): Promise<OrderState | undefined> {
  const order = await getWebOrder(id);
  if (order === undefined) return undefined;
  return orderState(order, await getWebOrderEvents(id));
}

export function watchWebOrder(id: string): Observable<WebOrderRow | undefined> {
  return liveQuery(() => getWebOrder(id));
}

export function watchWebOrderEvents(orderId: string): Observable<WebOrderEventDoc[]> {
  return liveQuery(() => getWebOrderEvents(orderId));
}

export function watchOrderState(id: string): Observable<OrderState | undefined> {
  return liveQuery(() => getOrderState(id));
}
