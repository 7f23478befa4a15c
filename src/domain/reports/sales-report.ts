/**
 * Sales reports (issue 7) as a pure, incremental fold: start with a date range, add sales and web
 * orders chunk by chunk (the reports worker reads them from the read model), finish into plain data.
 * Money stays in integer minor units; formatting happens at display.
 *
 * What the figures mean, and the identities the property tests hold them to:
 * - A sale's amount is its totals.gross: positive for a sale, negative for a refund, the difference
 *   for an exchange. The report's total is Σ amounts over the sales created in [from, until).
 * - by day and by hour (local time in the range's zone): Σ amounts = total, Σ counts = documents.
 * - by tender: each tender's amount, change taken back out of cash (as the Z does), refunds negative:
 *   Σ = total, because a sale's tenders − its change = its gross.
 * - by category (the product's catalogue category; a SKU the catalogue does not know is uncategorised):
 *   Σ line totals = total, because a sale's gross is the sum of its line totals.
 * - channels: in-store sales + balances of web orders taken at the counter (sales with webOrderId)
 *   = total. Web orders themselves (placed online in the range) are reported beside, not added: their
 *   counter balance is already a sale.
 * A document handed over twice counts once; sales outside the range are ignored (the worker reads
 * index ranges with a margin, because createdAt strings with different offsets do not sort as instants).
 */
import type { SaleDoc, TenderKind, WebOrderDoc } from '../documents.ts';
import { money, type CurrencyCode, type Money } from '../money.ts';
import { isRefund } from '../shift.ts';
import { daysBetween, localClock, type LocalClock } from './local-time.ts';

export interface ReportRange {
  /** ISO instant, inclusive. */
  from: string;
  /** ISO instant, exclusive. */
  until: string;
  /** IANA time zone the days and hours are counted in. */
  timeZone: string;
}

export interface CountAmount {
  count: number;
  amount: Money;
}

export interface DayRow extends CountAmount {
  day: string; // YYYY-MM-DD, local
}

export interface HourRow extends CountAmount {
  hour: number; // 0..23, local
}

export interface TenderRow extends CountAmount {
  /** cash, card, voucher, or other:<tenderId or label>. */
  key: string;
  kind: TenderKind;
  /** A store-configured tender's own label (built-in kinds are labelled by the UI). */
  label?: string;
}

export interface CategoryRow {
  /** The catalogue category; '' when the SKU is not in the catalogue (shipping, fees, deleted products). */
  category: string;
  /** Units: sold minus returned. */
  quantity: number;
  amount: Money;
}

export interface ReportTotal {
  /** Sale documents (sales, exchanges, refunds). */
  documents: number;
  sales: number;
  refunds: number;
  /** Σ gross: what the shop took, refunds deducted. */
  amount: Money;
  net: Money;
  vat: Money;
  /** Σ of sold lines, and Σ |returned lines| (amount = sold − returned). */
  sold: Money;
  returned: Money;
  discounts: Money;
  /** Units sold (returned units not deducted). */
  items: number;
}

export interface ChannelReport {
  /** Sales rung up in the shop. */
  store: CountAmount;
  /** Balances of web orders taken at the counter (sales carrying webOrderId). */
  webCounter: CountAmount;
  /** Web orders placed in the range (cancelled ones aside), their totals and what was paid online. */
  webOrders: { count: number; total: Money; paidOnline: Money; cancelled: number };
}

export interface SalesReport {
  range: ReportRange;
  currency: CurrencyCode;
  total: ReportTotal;
  /** Every day of the range, empty days included. */
  byDay: DayRow[];
  /** Hours 0..23. */
  byHour: HourRow[];
  byTender: TenderRow[];
  /** Largest amount first. */
  byCategory: CategoryRow[];
  channels: ChannelReport;
  /** Sales with a createdAt that is not an instant (not counted anywhere). */
  skipped: number;
  asOf: string;
}

const KIND_ORDER: Record<TenderKind, number> = { cash: 0, card: 1, voucher: 2, other: 3 };

export function tenderKey(t: { kind: TenderKind; tenderId?: string; label?: string }): string {
  return t.kind === 'other' ? `other:${t.tenderId ?? t.label ?? ''}` : t.kind;
}

/** The fold's running state (mutable; only the functions below touch it). */
export interface SalesReportAcc {
  range: ReportRange;
  fromMs: number;
  untilMs: number;
  clock: LocalClock;
  categoryOf: (sku: string) => string | undefined;
  seen: Set<string>;
  seenOrders: Set<string>;
  currencies: Map<string, number>;
  total: { documents: number; sales: number; refunds: number; amount: number; net: number; vat: number; sold: number; returned: number; discounts: number; items: number };
  days: Map<string, { count: number; amount: number }>;
  hours: Array<{ count: number; amount: number }>;
  tenders: Map<string, { kind: TenderKind; label?: string; count: number; amount: number }>;
  categories: Map<string, { quantity: number; amount: number }>;
  store: { count: number; amount: number };
  webCounter: { count: number; amount: number };
  webOrders: { count: number; total: number; paidOnline: number; cancelled: number };
  skipped: number;
}

export function startSalesReport(range: ReportRange, categoryOf: (sku: string) => string | undefined = () => undefined): SalesReportAcc {
  return {
    range,
    fromMs: Date.parse(range.from),
    untilMs: Date.parse(range.until),
    clock: localClock(range.timeZone),
    categoryOf,
    seen: new Set(),
    seenOrders: new Set(),
    currencies: new Map(),
    total: { documents: 0, sales: 0, refunds: 0, amount: 0, net: 0, vat: 0, sold: 0, returned: 0, discounts: 0, items: 0 },
    days: new Map(),
    hours: Array.from({ length: 24 }, () => ({ count: 0, amount: 0 })),
    tenders: new Map(),
    categories: new Map(),
    store: { count: 0, amount: 0 },
    webCounter: { count: 0, amount: 0 },
    webOrders: { count: 0, total: 0, paidOnline: 0, cancelled: 0 },
    skipped: 0,
  };
}

/** Whether an ISO instant is in the range; NaN (not an instant) is not. */
export function inRange(acc: Pick<SalesReportAcc, 'fromMs' | 'untilMs'>, iso: string): boolean | null {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  return ms >= acc.fromMs && ms < acc.untilMs;
}

export function addSales(acc: SalesReportAcc, sales: Iterable<SaleDoc>): void {
  for (const sale of sales) {
    if (acc.seen.has(sale._id)) continue;
    const ms = Date.parse(sale.createdAt);
    if (Number.isNaN(ms)) {
      acc.seen.add(sale._id);
      acc.skipped += 1;
      continue;
    }
    if (ms < acc.fromMs || ms >= acc.untilMs) continue;
    acc.seen.add(sale._id);
    acc.currencies.set(sale.currency, (acc.currencies.get(sale.currency) ?? 0) + 1);

    const gross = sale.totals.gross;
    const t = acc.total;
    t.documents += 1;
    if (isRefund(sale)) t.refunds += 1;
    else t.sales += 1;
    t.amount += gross;
    t.net += sale.totals.net;
    t.vat += sale.totals.vat;

    const slot = acc.clock(ms);
    const day = acc.days.get(slot.day);
    if (day) {
      day.count += 1;
      day.amount += gross;
    } else acc.days.set(slot.day, { count: 1, amount: gross });
    const hour = acc.hours[slot.hour] as { count: number; amount: number };
    hour.count += 1;
    hour.amount += gross;

    for (const tender of sale.tenders) {
      const key = tenderKey(tender);
      let row = acc.tenders.get(key);
      if (row === undefined) {
        row = { kind: tender.kind, count: 0, amount: 0 };
        if (tender.kind === 'other') row.label = tender.label ?? tender.tenderId ?? '';
        acc.tenders.set(key, row);
      }
      row.count += 1;
      row.amount += tender.amount;
    }
    // Change goes back out of the drawer, whatever the customer paid with.
    if (sale.totals.change !== 0) {
      let cash = acc.tenders.get('cash');
      if (cash === undefined) {
        cash = { kind: 'cash', count: 0, amount: 0 };
        acc.tenders.set('cash', cash);
      }
      cash.amount -= sale.totals.change;
    }

    for (const line of sale.lines) {
      if (line.total >= 0) t.sold += line.total;
      else t.returned -= line.total;
      if (line.quantity > 0) {
        t.items += line.quantity;
        t.discounts += line.discount?.amount ?? 0;
      }
      const category = acc.categoryOf(line.sku) ?? '';
      const row = acc.categories.get(category);
      if (row) {
        row.quantity += line.quantity;
        row.amount += line.total;
      } else acc.categories.set(category, { quantity: line.quantity, amount: line.total });
    }

    const channel = sale.webOrderId !== undefined ? acc.webCounter : acc.store;
    channel.count += 1;
    channel.amount += gross;
  }
}

export function addWebOrders(acc: SalesReportAcc, orders: Iterable<WebOrderDoc>): void {
  for (const order of orders) {
    if (acc.seenOrders.has(order._id) || inRange(acc, order.createdAt) !== true) continue;
    acc.seenOrders.add(order._id);
    const w = acc.webOrders;
    if (order.status === 'cancelled') {
      w.cancelled += 1;
      continue;
    }
    w.count += 1;
    w.total += order.total;
    if (order.payment.state === 'paid') w.paidOnline += order.total;
  }
}

const ca = (x: { count: number; amount: number }): CountAmount => ({ count: x.count, amount: money(x.amount) });

export function finishSalesReport(acc: SalesReportAcc, asOf: string, fallbackCurrency: CurrencyCode = 'EUR'): SalesReport {
  const t = acc.total;
  const firstDay = Number.isNaN(acc.fromMs) ? undefined : acc.clock(acc.fromMs).day;
  const lastDay = Number.isNaN(acc.untilMs) || acc.untilMs <= acc.fromMs ? undefined : acc.clock(acc.untilMs - 1).day;
  const days = firstDay !== undefined && lastDay !== undefined ? daysBetween(firstDay, lastDay) : [];
  // A day outside the computed list (a very long range) still shows: nothing is dropped.
  const listed = new Set(days);
  for (const day of acc.days.keys()) if (!listed.has(day)) days.push(day);
  days.sort();
  const currency = [...acc.currencies].sort((a, b) => b[1] - a[1])[0]?.[0] ?? fallbackCurrency;
  return {
    range: acc.range,
    currency,
    total: {
      documents: t.documents,
      sales: t.sales,
      refunds: t.refunds,
      amount: money(t.amount),
      net: money(t.net),
      vat: money(t.vat),
      sold: money(t.sold),
      returned: money(t.returned),
      discounts: money(t.discounts),
      items: t.items,
    },
    byDay: days.map((day) => ({ day, ...ca(acc.days.get(day) ?? { count: 0, amount: 0 }) })),
    byHour: acc.hours.map((h, hour) => ({ hour, ...ca(h) })),
    byTender: [...acc.tenders]
      .map(([key, r]): TenderRow => ({ key, kind: r.kind, ...(r.label !== undefined ? { label: r.label } : {}), count: r.count, amount: money(r.amount) }))
      .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.key.localeCompare(b.key)),
    byCategory: [...acc.categories]
      .map(([category, r]) => ({ category, quantity: r.quantity, amount: money(r.amount) }))
      .sort((a, b) => b.amount - a.amount || a.category.localeCompare(b.category)),
    channels: {
      store: ca(acc.store),
      webCounter: ca(acc.webCounter),
      webOrders: { count: acc.webOrders.count, total: money(acc.webOrders.total), paidOnline: money(acc.webOrders.paidOnline), cancelled: acc.webOrders.cancelled },
    },
    skipped: acc.skipped,
    asOf,
  };
}

/** The whole fold in one call (tests, small data). */
export function salesReport(
  range: ReportRange,
  input: { sales: Iterable<SaleDoc>; webOrders?: Iterable<WebOrderDoc>; categoryOf?: (sku: string) => string | undefined; currency?: CurrencyCode },
  asOf: string,
): SalesReport {
  const acc = startSalesReport(range, input.categoryOf);
  addSales(acc, input.sales);
  if (input.webOrders !== undefined) addWebOrders(acc, input.webOrders);
  return finishSalesReport(acc, asOf, input.currency);
}
