/**
 * A combined pick list for several web orders: what to take from the shelves, grouped by location
 * (in the shop's order of locations) then SKU, with the total to pick and which orders need how
 * many — so one walk through the stock serves every selected order. Pure: no DOM, no I/O.
 */
import type { DocumentLang, DocumentLineState, SlipSettings } from './packing-slip-data.ts';
import { locationName } from './packing-slip-data.ts';

/** One order as the pick list reads it (its number, and its state's lines). */
export interface PickListOrder {
  orderId: string;
  orderNumber: string;
  lines: readonly DocumentLineState[];
}

export interface PickListRow {
  sku: string;
  name: string;
  total: number;
  /** In the order the orders were given. */
  orders: Array<{ orderId: string; orderNumber: string; quantity: number }>;
}

export interface PickListGroup {
  location: string;
  locationName: string;
  rows: PickListRow[];
}

export interface PickList {
  lang: DocumentLang;
  shopName: string;
  createdAt: string;
  /** Every order on the list (with something left to pick or not), in the order given. */
  orders: Array<{ orderId: string; orderNumber: string }>;
  groups: PickListGroup[];
  totalUnits: number;
}

/** Units of a line still to take from the shelf: ordered, less what is already picked or gone. */
export function leftToPick(line: DocumentLineState): number {
  return Math.max(0, line.ordered - Math.max(line.picked, line.shipped));
}

/**
 * Groups the orders' remaining units by location then SKU. Locations come in the shop's order
 * (default location first when it is not listed), unknown ones after, alphabetically; SKUs sort
 * alphabetically within a location. `onlyLocation` keeps one location (a warehouse prints its own).
 */
export function buildPickList(orders: readonly PickListOrder[], settings: SlipSettings, options: { lang: DocumentLang; now: string; onlyLocation?: string }): PickList {
  const fallback = settings.defaultLocation ?? '';
  const byLocation = new Map<string, Map<string, PickListRow>>();
  for (const order of orders) {
    for (const line of order.lines) {
      const quantity = leftToPick(line);
      const location = line.location ?? fallback;
      if (quantity === 0 || (options.onlyLocation !== undefined && location !== options.onlyLocation)) continue;
      let rows = byLocation.get(location);
      if (!rows) byLocation.set(location, (rows = new Map()));
      let row = rows.get(line.sku);
      if (!row) rows.set(line.sku, (row = { sku: line.sku, name: line.name, total: 0, orders: [] }));
      row.total += quantity;
      const same = row.orders.find((o) => o.orderId === order.orderId);
      if (same) same.quantity += quantity;
      else row.orders.push({ orderId: order.orderId, orderNumber: order.orderNumber, quantity });
    }
  }
  const known = [...(settings.locations ?? []).map((l) => l.id)];
  if (fallback !== '' && !known.includes(fallback)) known.unshift(fallback);
  const rank = (id: string): number => (known.includes(id) ? known.indexOf(id) : known.length);
  const groups = [...byLocation.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([location, rows]) => ({ location, locationName: locationName(location, settings), rows: [...rows.values()].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0)) }));
  return {
    lang: options.lang,
    shopName: settings.name,
    createdAt: options.now,
    orders: orders.map((o) => ({ orderId: o.orderId, orderNumber: o.orderNumber })),
    groups,
    totalUnits: groups.reduce((n, g) => n + g.rows.reduce((m, r) => m + r.total, 0), 0),
  };
}

export const PICK_WORDS = {
  fr: { title: 'LISTE DE PRÉLÈVEMENT', orders: 'Commandes', units: 'Articles', location: 'Emplacement', sku: 'Réf.', item: 'Article', quantity: 'Qté', forOrders: 'Pour', nothing: 'Rien à prélever.', date: 'Date', done: 'Fait' },
  en: { title: 'PICK LIST', orders: 'Orders', units: 'Items', location: 'Location', sku: 'SKU', item: 'Item', quantity: 'Qty', forOrders: 'For', nothing: 'Nothing to pick.', date: 'Date', done: 'Done' },
} as const;

/** "#1042 ×2, #1043" — an order needing one unit is just its number. */
export function ordersText(row: Pick<PickListRow, 'orders'>, times = '×'): string {
  return row.orders.map((o) => (o.quantity === 1 ? o.orderNumber : `${o.orderNumber} ${times}${o.quantity}`)).join(', ');
}
