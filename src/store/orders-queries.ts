/**
 * The orders screen's read side ("recall orders"): every order of the store the counter may have to
 * finish — web orders, folded with every register's events (web-order-queries.ts), and parked sales —
 * as one kind of row; and the "new web order" announcement: which new orders this register has not
 * yet seen. Layaways and quotes do not exist in this product yet, so there is nothing of them to list.
 */
import { liveQuery, type Observable } from 'dexie';
import type { Platform, WebOrderEventDoc } from '../domain/documents.ts';
import type { CurrencyCode, Money } from '../domain/money.ts';
import type { ParkedSaleDoc } from '../domain/register-documents.ts';
import { orderState } from '../domain/web-order-state.ts';
import type { FulfilmentStatus, OrderState } from '../domain/web-order-types.ts';
import { customerNames } from './customer-queries.ts';
import { readModelDb, type SettingRow, type WebOrderRow } from './schema.ts';
import { getDefaultLocation, listOrderStates } from './web-order-queries.ts';

export type OrderChannel = 'web' | 'parked';

/** One line of the orders list, whatever the order's channel. */
export interface OpenOrder {
  id: string;
  channel: OrderChannel;
  /** The web order number as the customer knows it ("#1042"), or the parked sale's label. */
  number: string;
  platform: Platform | null;
  /** When the order was placed (web) or parked. */
  createdAt: string;
  status: FulfilmentStatus | 'parked';
  delivery: 'shipping' | 'pickup' | null;
  customer: { name: string; email?: string };
  /** Location ids with lines to prepare (several when the order is split). */
  locations: string[];
  total: Money;
  /** Absent for parked sales: they are in the shop's currency. */
  currency?: CurrencyCode;
  paid: boolean;
  /** What is still to be paid (0 when paid). */
  balance: Money;
  /** The processor or method the customer chose online (web orders). */
  paymentMethod: string | null;
  /** A payment check failed: the order must not be handed over without a manager. */
  flagged: boolean;
  /** Every SKU of the order, for the search. */
  skus: string[];
  /** Parked sales: who parked it, on which register. */
  parkedBy?: string;
  registerId?: string;
}

/** A web order and its folded state as a row. */
export function webOrderRow(order: WebOrderRow, state: OrderState): OpenOrder {
  const locations = [...new Set(state.parts.map((p) => p.location))];
  const skus = new Set<string>(state.lines.map((l) => l.sku));
  for (const line of order.lines) {
    if (line.sku !== null) skus.add(line.sku);
    else if (line.platformSku !== undefined) skus.add(line.platformSku);
  }
  return {
    id: order._id,
    channel: 'web',
    number: order.orderNumber,
    platform: order.platform,
    createdAt: order.createdAt,
    status: state.status,
    delivery: state.delivery,
    customer: { name: state.customer.name, ...(state.customer.email !== undefined ? { email: state.customer.email } : {}) },
    locations,
    total: state.total,
    currency: order.currency,
    paid: state.paid,
    balance: state.balance,
    paymentMethod: state.paymentMethod ?? order.payment.processor ?? order.paymentProcessor ?? null,
    flagged: state.flagged,
    skus: [...skus],
  };
}

/** The SKUs of a parked cart, read defensively: the cart is stored as an opaque value. */
function parkedSkus(cart: unknown): string[] {
  const items = (cart as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) return [];
  const out = new Set<string>();
  for (const item of items) {
    const sku = (item as { product?: { sku?: unknown } } | null)?.product?.sku;
    if (typeof sku === 'string') out.add(sku);
  }
  return [...out];
}

/** A parked sale as a row: unpaid, no platform, delivery or location; the customer's name when known. */
export function parkedOrderRow(parked: ParkedSaleDoc, customerName?: string): OpenOrder {
  return {
    id: parked._id,
    channel: 'parked',
    number: parked.label,
    platform: null,
    createdAt: parked.parkedAt,
    status: 'parked',
    delivery: null,
    customer: { name: customerName ?? parked.label },
    locations: [],
    total: parked.total,
    paid: false,
    balance: parked.total,
    paymentMethod: null,
    flagged: false,
    skus: parkedSkus(parked.cart),
    parkedBy: parked.parkedBy,
    registerId: parked.registerId,
  };
}

async function parkedSales(): Promise<ParkedSaleDoc[]> {
  const rows = await readModelDb().registerDocs.where('type').equals('parked_sale').toArray();
  return rows as ParkedSaleDoc[];
}

/** Every web order (open or not: the status filter decides) and every parked sale, newest first. */
export async function listOpenOrders(): Promise<OpenOrder[]> {
  const [web, parked] = await Promise.all([listOrderStates(), parkedSales()]);
  const ids = parked.map((p) => p.customerId).filter((id): id is string => id !== undefined);
  const names = await customerNames(ids);
  const rows = [
    ...web.map(({ order, state }) => webOrderRow(order, state)),
    ...parked.map((p) => parkedOrderRow(p, p.customerId !== undefined ? names[p.customerId] : undefined)),
  ];
  return rows.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
}

export function watchOpenOrders(): Observable<OpenOrder[]> {
  return liveQuery(listOpenOrders);
}

// ---- "New web order" announcement --------------------------------------------------------------

/**
 * Device-local: the ids of the new web orders this register showed on its orders screen last time.
 * A set of ids rather than a time, so an order imported late (placed before the last visit) still
 * counts as unseen, and a register's clock never hides one. It only ever holds orders that were new
 * when it was written, so it stays as small as the to-do list.
 */
const SEEN_KEY = 'orders-seen';
interface OrdersSeenRow {
  key: typeof SEEN_KEY;
  value: { at: string; ids: string[] };
}

async function readSeen(): Promise<OrdersSeenRow['value'] | null> {
  // The settings table is typed for the keys the sync layer knows; this row is the orders screen's own.
  const row = (await readModelDb().settings.get(SEEN_KEY)) as unknown as OrdersSeenRow | undefined;
  return row?.value ?? null;
}

export async function saveOrdersSeen(ids: readonly string[], at: string): Promise<void> {
  const row: OrdersSeenRow = { key: SEEN_KEY, value: { at, ids: [...new Set(ids)].sort() } };
  await readModelDb().settings.put(row as unknown as SettingRow);
}

export interface NewOrder {
  id: string;
  /** When it was placed on the web store. */
  createdAt: string;
}

export interface NewOrdersNotice {
  /** Web orders whose fulfilment has not started (status new), oldest first. */
  newOrders: NewOrder[];
  /** Those not yet shown on this register's orders screen. */
  unseenIds: string[];
}

export function newOrdersNotice(newOrders: readonly NewOrder[], seen: readonly string[] | null): NewOrdersNotice {
  const seenSet = new Set(seen ?? []);
  return { newOrders: [...newOrders], unseenIds: newOrders.map((o) => o.id).filter((id) => !seenSet.has(id)) };
}

/**
 * The web orders whose fulfilment has not started. Only documents still 'new' on the platform's side
 * can be (a packed, shipped or cancelled one never folds back to new), so only those are folded:
 * the header asks this on every change, and the shop's order history only grows.
 */
async function newWebOrders(): Promise<WebOrderRow[]> {
  const db = readModelDb();
  const [orders, events, location] = await Promise.all([
    db.webOrders.where('status').equals('new').toArray(),
    db.registerDocs.where('type').equals('web_order_event').toArray() as Promise<WebOrderEventDoc[]>,
    getDefaultLocation(),
  ]);
  const ids = new Set(orders.map((o) => o._id));
  const byOrder = new Map<string, WebOrderEventDoc[]>();
  for (const e of events) if (ids.has(e.orderId)) byOrder.set(e.orderId, [...(byOrder.get(e.orderId) ?? []), e]);
  return orders.filter((order) => orderState(order, byOrder.get(order._id) ?? [], location).status === 'new');
}

export async function getNewOrdersNotice(): Promise<NewOrdersNotice> {
  const [orders, seen] = await Promise.all([newWebOrders(), readSeen()]);
  const fresh = orders
    .map((order) => ({ id: order._id, createdAt: order.createdAt }))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return newOrdersNotice(fresh, seen?.ids ?? null);
}

export function watchNewOrdersNotice(): Observable<NewOrdersNotice> {
  return liveQuery(getNewOrdersNotice);
}

/** Clocks of the web store and the register may differ by this much. */
export const ARRIVAL_CLOCK_MARGIN_MS = 15 * 60_000;

/**
 * The new orders that arrived since the previous notice, to chime for. None on the page's first
 * notice (what was there when the register opened is no arrival); and only orders placed since the
 * page opened: the first replication of a freshly paired register, the catch-up after a night
 * closed, or an import of past orders bring orders in without anything having just happened.
 */
export function arrivals(previous: ReadonlySet<string> | null, next: readonly NewOrder[], openedAt: string): string[] {
  if (previous === null) return [];
  const since = new Date(Date.parse(openedAt) - ARRIVAL_CLOCK_MARGIN_MS).toISOString();
  return next.filter((o) => !previous.has(o.id) && o.createdAt >= since).map((o) => o.id);
}
