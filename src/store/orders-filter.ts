/**
 * The orders screen's filters and search as a pure function over the rows of orders-queries.ts, so
 * the list narrows as one types without another database round trip (a shop has tens to a few
 * hundred open orders, all already in memory), and the rules are tested without a browser.
 */
import type { Platform } from '../domain/documents.ts';
import type { FulfilmentStatus } from '../domain/web-order-types.ts';
import type { OpenOrder } from './orders-queries.ts';

export type ChannelFilter = 'all' | 'web' | 'parked';

export interface OrdersFilter {
  channel?: ChannelFilter;
  platform?: Platform;
  /** 'open' (the default): every status but the closed ones; 'any': closed ones too. */
  status?: 'open' | 'any' | FulfilmentStatus | 'parked';
  delivery?: 'shipping' | 'pickup';
  payment?: 'paid' | 'to_pay';
  /** A location id: orders with at least one line to prepare there. */
  location?: string;
  /** ISO instants: from inclusive, until exclusive. */
  from?: string;
  until?: string;
  /** Web order number, customer name or e-mail, SKU. */
  text?: string;
}

/** Handed over, shipped or cancelled: nothing left to do at the counter. */
export const CLOSED_STATUSES: readonly string[] = ['shipped', 'picked_up', 'cancelled'];

export function isOpen(row: Pick<OpenOrder, 'status'>): boolean {
  return !CLOSED_STATUSES.includes(row.status);
}

/** Lower case, without accents or a leading "#": "Lefèvre" is found by "lefevre", "#1042" by "1042". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}

function matchesText(row: OpenOrder, query: string): boolean {
  const q = fold(query).replace(/^#/, '');
  if (q === '') return true;
  if (fold(row.number).replace(/^#/, '').includes(q)) return true;
  if (fold(row.customer.name).includes(q)) return true;
  if (row.customer.email !== undefined && fold(row.customer.email).includes(q)) return true;
  // SKUs are codes: a prefix is what people type ("EPI-00" finds every EPI-00xx line).
  return row.skus.some((sku) => fold(sku).startsWith(q));
}

/**
 * Whether a row passes every filter. Parked sales have no platform, delivery or location: any of
 * those filters leaves them out. They are unpaid by nature, so "to pay" keeps them.
 */
export function matchesFilter(row: OpenOrder, f: OrdersFilter): boolean {
  const channel = f.channel ?? 'all';
  if (channel !== 'all' && row.channel !== channel) return false;
  if (f.platform !== undefined && row.platform !== f.platform) return false;
  const status = f.status ?? 'open';
  if (status === 'open' && !isOpen(row)) return false;
  if (status !== 'open' && status !== 'any' && row.status !== status) return false;
  if (f.delivery !== undefined && row.delivery !== f.delivery) return false;
  if (f.payment !== undefined && row.paid !== (f.payment === 'paid')) return false;
  if (f.location !== undefined && !row.locations.includes(f.location)) return false;
  if (f.from !== undefined && row.createdAt < f.from) return false;
  if (f.until !== undefined && row.createdAt >= f.until) return false;
  if (f.text !== undefined && !matchesText(row, f.text)) return false;
  return true;
}

/** Local calendar day "2026-03-01" → the ISO instant of its midnight on this device. */
function dayStart(day: string, plusDays = 0): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + plusDays).toISOString();
}

/** A date range as typed (local days, either may be '') → instants; the "to" day is included whole. */
export function dayBounds(fromDay: string, toDay: string): Pick<OrdersFilter, 'from' | 'until'> {
  const from = dayStart(fromDay);
  const until = dayStart(toDay, 1);
  return { ...(from !== undefined ? { from } : {}), ...(until !== undefined ? { until } : {}) };
}

export function filterOrders(rows: readonly OpenOrder[], f: OrdersFilter): OpenOrder[] {
  return rows.filter((row) => matchesFilter(row, f));
}

/** The platforms and locations present in the rows, for the filters' choices (sorted, no duplicate). */
export function filterChoices(rows: readonly OpenOrder[]): { platforms: Platform[]; locations: string[] } {
  const platforms = new Set<Platform>();
  const locations = new Set<string>();
  for (const row of rows) {
    if (row.platform !== null) platforms.add(row.platform);
    for (const l of row.locations) locations.add(l);
  }
  return { platforms: [...platforms].sort(), locations: [...locations].sort() };
}
