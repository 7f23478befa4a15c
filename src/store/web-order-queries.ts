/**
 * Web orders at the counter (issue 6): an order's document, every register's events on it, and its
 * fulfilment state folded from both (src/domain/web-order-state.ts) inside the query, so the UI
 * sees the merged state of all registers' steps as they replicate. The store's default location
 * is passed into the fold: lines are prepared there until an allocation moves them.
 */
import { liveQuery, type Observable } from 'dexie';
import { suggestAllocation, type Allocation } from '../domain/allocation.ts';
import type { WebOrderEventDoc } from '../domain/documents.ts';
import { stockKey } from '../domain/stock.ts';
import { compareEvents, FALLBACK_LOCATION, orderState, type OrderState } from '../domain/web-order-state.ts';
import { readModelDb, type StoreSettingsRow, type WebOrderRow } from './schema.ts';

export async function getWebOrder(id: string): Promise<WebOrderRow | undefined> {
  return readModelDb().webOrders.get(id);
}

async function allWebOrderEvents(): Promise<WebOrderEventDoc[]> {
  return (await readModelDb().registerDocs.where('type').equals('web_order_event').toArray()) as WebOrderEventDoc[];
}

/** The events of one order, in the fold's order (time, then id). */
export async function getWebOrderEvents(orderId: string): Promise<WebOrderEventDoc[]> {
  return (await allWebOrderEvents()).filter((e) => e.orderId === orderId).sort(compareEvents);
}

async function settings(): Promise<StoreSettingsRow | undefined> {
  return readModelDb().storeSettings.get('store:settings');
}

/** Where the store prepares orders by default (before any allocation). */
export async function getDefaultLocation(): Promise<string> {
  return (await settings())?.defaultLocation ?? FALLBACK_LOCATION;
}

/** The store's location ids, the default one first. */
export async function getLocations(): Promise<string[]> {
  const s = await settings();
  const first = s?.defaultLocation ?? FALLBACK_LOCATION;
  return [first, ...(s?.locations ?? []).map((l) => l.id).filter((id) => id !== first)];
}

/** The order's state now, or undefined when the order is not on this register. */
export async function getOrderState(id: string): Promise<OrderState | undefined> {
  const order = await getWebOrder(id);
  if (order === undefined) return undefined;
  return orderState(order, await getWebOrderEvents(id), await getDefaultLocation());
}

/** Every web order with its state (the orders list): events are read once and grouped by order. */
export async function listOrderStates(): Promise<Array<{ order: WebOrderRow; state: OrderState }>> {
  const [orders, events, location] = await Promise.all([readModelDb().webOrders.toArray(), allWebOrderEvents(), getDefaultLocation()]);
  const byOrder = new Map<string, WebOrderEventDoc[]>();
  for (const e of events) {
    const list = byOrder.get(e.orderId);
    if (list) list.push(e);
    else byOrder.set(e.orderId, [e]);
  }
  return orders.map((order) => ({ order, state: orderState(order, byOrder.get(order._id) ?? [], location) }));
}

/**
 * Which location should prepare which units, from the stock on hand (domain allocation.ts). Units
 * already shipped stay where they left from, so the suggestion is a valid 'allocated' step as is.
 * Undefined when the order is unknown; empty when nothing is left to place.
 */
export async function getAllocationSuggestion(id: string): Promise<Allocation[] | undefined> {
  const state = await getOrderState(id);
  if (state === undefined) return undefined;
  const remaining = state.lines.map((l) => ({ sku: l.sku, quantity: Math.max(0, l.ordered - l.shipped) }));
  if (remaining.every((l) => l.quantity === 0)) return [];
  const skus = [...new Set(state.lines.map((l) => l.sku))];
  const levels = await readModelDb().stockLevels.where('sku').anyOf(skus).toArray();
  const onHand = new Map(levels.map((r) => [stockKey(r.sku, r.location), r.onHand]));
  const suggested = suggestAllocation(remaining, onHand, await getLocations());
  const shipped = state.lines.filter((l) => l.shipped > 0);
  for (const l of shipped) {
    const same = suggested.find((a) => a.sku === l.sku && a.location === l.location);
    if (same) same.quantity += l.shipped;
    else suggested.push({ sku: l.sku, location: l.location, quantity: l.shipped });
  }
  return suggested;
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

export function watchOrderStates(): Observable<Array<{ order: WebOrderRow; state: OrderState }>> {
  return liveQuery(() => listOrderStates());
}

export function watchAllocationSuggestion(id: string): Observable<Allocation[] | undefined> {
  return liveQuery(() => getAllocationSuggestion(id));
}

/** The catalogue's VAT rate of each SKU found (the sale taking an order's balance prices VAT with it). */
export async function getVatRates(skus: readonly string[]): Promise<Map<string, number>> {
  const rows = await readModelDb().products.bulkGet([...new Set(skus)]);
  return new Map(rows.filter((r) => r !== undefined).map((r) => [r.sku, r.vatRate]));
}
