/**
 * Shift and payment reconciliation (issue 7), pure: what the registers' Z reports said against what
 * the documents say now, and where money is still expected.
 *
 * - Each shift's figures are recomputed with the Z's own fold (shiftTotals) over every sale, refund,
 *   void and cash event that carries its shiftId — including sales that reached the read model after
 *   the Z was printed (ADR 0009: the Z is never rewritten). The difference against the Z document is
 *   shown per tender, with the late sales that make it and the sales the Z counted that are not here.
 * - Cash: the Z's expected and counted cash, and the count against the recomputed expectation (a late
 *   cash sale was in the drawer when it was counted: it explains the Z's surplus).
 * - Journal: the register's hash chain numbers every sale and Z; the entries between the previous Z
 *   and this one that are not here are missing (not synced yet, or lost), and the grand totals give
 *   the takings the chain itself records.
 * - Card tenders per register (each register's terminal) per local day, to tick off against the
 *   acquirer's statement; a card tender without approval code cannot be matched.
 * - Web orders: paid online, paid at the counter, paid otherwise (transfer, cheque), refunded, still
 *   to pay — from each order's state, a fold over its document and its events (web-order-state.ts).
 * Every gap is listed as a discrepancy a person can act on.
 */
import type { SaleDoc, StoreDoc, TenderKind, WebOrderDoc, WebOrderEventDoc } from './documents.ts';
import { money, type CurrencyCode, type Money } from './money.ts';
import type { ShiftDoc, ShiftTotals, TenderTotal, ZReportDoc } from './register-documents.ts';
import { localClock, type LocalClock } from './reports/local-time.ts';
import type { CountAmount, ReportRange } from './reports/sales-report.ts';
import { isRefund, shiftTotals } from './shift.ts';
import { FALLBACK_LOCATION, orderState, type FulfilmentStatus } from './web-order-state.ts';

// ---------------------------------------------------------------------------------------------
// Shifts

export interface TenderDifference {
  key: string;
  kind: TenderKind;
  label: string;
  atZ: Money;
  recomputed: Money;
  difference: Money;
}

export interface LateSaleRow {
  saleId: string;
  receiptLabel: string;
  createdAt: string;
  gross: Money;
  /** Cash it left in the drawer (cash tenders − change). */
  cash: Money;
  /** The later Z that listed it as a late sale, if one did. */
  listedInZ: number | null;
}

export interface ShiftReconciliation {
  shiftId: string;
  registerId: string;
  openedAt: string;
  closedAt: string | null;
  zNumber: number | null;
  zId: string | null;
  float: Money;
  /** The Z's fold over the documents here now. */
  recomputed: ShiftTotals;
  /** What the Z document says (null while the shift is open). */
  atZ: ShiftTotals | null;
  /** Takings (sales − refunds) recomputed − at the Z; null while open. */
  takingsDifference: Money | null;
  /** Per tender, the Z's amount against the recomputed one (only with a Z). */
  tenders: TenderDifference[];
  lateSales: LateSaleRow[];
  /** Sales the Z counted that the read model does not hold. */
  missingSales: string[];
  cash: {
    expected: Money;
    expectedAtZ: Money | null;
    counted: Money | null;
    /** counted − expected at the Z (what the Z printed). */
    differenceAtZ: Money | null;
    /** counted − recomputed expected. */
    difference: Money | null;
  };
  journal: {
    /** Journal entries between the previous Z and this one, by their sequence numbers (null: unknown). */
    expected: number | null;
    found: number;
    missing: number;
    /** Takings the chain's grand totals record for the shift (null: previous Z unknown). */
    takings: Money | null;
  };
  /** Still open, but a later shift of the register was opened: it was never closed. */
  superseded: boolean;
}

export interface ShiftsInput {
  /** The shifts to reconcile. */
  shifts: readonly ShiftDoc[];
  /** Every shift known (to tell a shift left open from the current one); default: `shifts`. */
  allShifts?: readonly ShiftDoc[];
  /** Every Z known for the registers concerned (the shift's own, the previous one, later ones). */
  zReports: readonly ZReportDoc[];
  /** Sales, refunds, voids and cash events carrying those shifts' ids (others are ignored). */
  docs: Iterable<StoreDoc>;
}

const tenderKeyOf = (t: Pick<TenderTotal, 'kind' | 'label'>): string => (t.kind === 'other' ? `other:${t.label}` : t.kind);
const KIND_ORDER: Record<TenderKind, number> = { cash: 0, card: 1, voucher: 2, other: 3 };
const takings = (t: Pick<ShiftTotals, 'grossSales' | 'refunds'>): number => t.grossSales - t.refunds;

function cashOf(sale: SaleDoc): number {
  let cash = 0;
  for (const t of sale.tenders) if (t.kind === 'cash') cash += t.amount;
  return cash - sale.totals.change;
}

function tenderDifferences(atZ: readonly TenderTotal[], recomputed: readonly TenderTotal[]): TenderDifference[] {
  const rows = new Map<string, { kind: TenderKind; label: string; atZ: number; recomputed: number }>();
  const row = (t: TenderTotal) => {
    const key = tenderKeyOf(t);
    let r = rows.get(key);
    if (r === undefined) {
      r = { kind: t.kind, label: t.label, atZ: 0, recomputed: 0 };
      rows.set(key, r);
    }
    return r;
  };
  for (const t of atZ) row(t).atZ += t.amount;
  for (const t of recomputed) row(t).recomputed += t.amount;
  return [...rows]
    .map(([key, r]) => ({ key, kind: r.kind, label: r.label, atZ: money(r.atZ), recomputed: money(r.recomputed), difference: money(r.recomputed - r.atZ) }))
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.label.localeCompare(b.label));
}

export function reconcileShifts(input: ShiftsInput): ShiftReconciliation[] {
  const wanted = new Map(input.shifts.map((s) => [s._id, s]));
  const docsByShift = new Map<string, StoreDoc[]>();
  for (const doc of input.docs) {
    const shiftId = (doc as { shiftId?: string | null }).shiftId;
    if (typeof shiftId !== 'string' || !wanted.has(shiftId) || doc.type === 'shift' || doc.type === 'z_report') continue;
    const list = docsByShift.get(shiftId);
    if (list) list.push(doc);
    else docsByShift.set(shiftId, [doc]);
  }
  const zByShift = new Map<string, ZReportDoc>();
  const zByNumber = new Map<string, ZReportDoc>();
  const listedLate = new Map<string, number>();
  for (const z of input.zReports) {
    zByShift.set(z.shiftId, z);
    zByNumber.set(`${z.registerId}\u0000${z.zNumber}`, z);
    for (const late of z.lateSales ?? []) if (!listedLate.has(late.saleId)) listedLate.set(late.saleId, z.zNumber);
  }
  const latestShift = new Map<string, string>();
  for (const s of input.allShifts ?? input.shifts) {
    const current = latestShift.get(s.registerId);
    if (current === undefined || s._id > current) latestShift.set(s.registerId, s._id);
  }

  const out: ShiftReconciliation[] = [];
  for (const shift of wanted.values()) {
    const docs = docsByShift.get(shift._id) ?? [];
    const sales = new Map<string, SaleDoc>();
    for (const d of docs) if (d.type === 'sale') sales.set(d._id, d as SaleDoc);
    const recomputed = shiftTotals([shift, ...docs], { float: shift.float });
    const z = zByShift.get(shift._id) ?? null;
    const base = {
      shiftId: shift._id,
      registerId: shift.registerId,
      openedAt: shift.openedAt,
      float: shift.float,
      recomputed,
      superseded: false,
    };
    if (z === null) {
      out.push({
        ...base,
        closedAt: null,
        zNumber: null,
        zId: null,
        atZ: null,
        takingsDifference: null,
        tenders: [],
        lateSales: [],
        missingSales: [],
        cash: { expected: recomputed.expectedCash, expectedAtZ: null, counted: null, differenceAtZ: null, difference: null },
        journal: { expected: null, found: 0, missing: 0, takings: null },
        superseded: latestShift.get(shift.registerId) !== shift._id,
      });
      continue;
    }

    const inZ = new Set(z.saleIds);
    const lateSales: LateSaleRow[] = [...sales.values()]
      .filter((s) => !inZ.has(s._id))
      .map((s) => ({ saleId: s._id, receiptLabel: s.receiptLabel, createdAt: s.createdAt, gross: s.totals.gross, cash: money(cashOf(s)), listedInZ: listedLate.get(s._id) ?? null }))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.saleId.localeCompare(b.saleId));
    const missingSales = z.saleIds.filter((id) => !sales.has(id)).sort();

    const previous = z.zNumber === 1 ? null : (zByNumber.get(`${z.registerId}\u0000${z.zNumber - 1}`) ?? undefined);
    const prevSeq = previous === null ? 0 : previous?.journal.seq;
    const prevGrand = previous === null ? 0 : previous?.journal.grandTotal;
    const seqs = new Set<number>();
    if (prevSeq !== undefined) {
      for (const s of sales.values()) {
        const seq = s.journal?.seq;
        if (seq !== undefined && seq > prevSeq && seq < z.journal.seq) seqs.add(seq);
      }
    }
    // Documents written before the journal existed carry no link: the chain cannot be checked then.
    const unlinked = [...sales.values()].some((s) => s.journal === undefined);
    const expected = prevSeq === undefined || z.journal.seq === 0 || unlinked ? null : Math.max(0, z.journal.seq - prevSeq - 1);

    out.push({
      ...base,
      closedAt: z.closedAt,
      zNumber: z.zNumber,
      zId: z._id,
      atZ: z.totals,
      takingsDifference: money(takings(recomputed) - takings(z.totals)),
      tenders: tenderDifferences(z.totals.tenders, recomputed.tenders),
      lateSales,
      missingSales,
      cash: {
        expected: recomputed.expectedCash,
        expectedAtZ: z.totals.expectedCash,
        counted: z.countedCash,
        differenceAtZ: z.difference,
        difference: money(z.countedCash - recomputed.expectedCash),
      },
      journal: {
        expected,
        found: seqs.size,
        missing: expected === null ? 0 : Math.max(0, expected - seqs.size),
        takings: prevGrand === undefined || z.journal.seq === 0 ? null : money(z.journal.grandTotal - prevGrand),
      },
    });
  }
  return out.sort((a, b) => a.registerId.localeCompare(b.registerId) || a.openedAt.localeCompare(b.openedAt) || a.shiftId.localeCompare(b.shiftId));
}

// ---------------------------------------------------------------------------------------------
// Sales of the range: card totals per register and day, balances taken at the counter

export interface CardItem {
  saleId: string;
  receiptLabel: string;
  at: string;
  amount: Money;
  approvalCode?: string;
  last4?: string;
}

export interface CardDayRow {
  registerId: string;
  /** Local day, YYYY-MM-DD. */
  day: string;
  /** Card payments (count, amount) and card refunds (count, amount ≤ 0); net = amount + refunds. */
  payments: CountAmount;
  refunds: CountAmount;
  net: Money;
  /** Card tenders without an approval code (cannot be matched on the statement). */
  withoutApproval: number;
  /** The card tenders, by time (at most ITEMS_PER_DAY; `truncated` says there were more). */
  items: CardItem[];
  truncated: boolean;
}

export interface BalanceSale {
  saleId: string;
  receiptLabel: string;
  orderId: string;
  gross: Money;
}

const ITEMS_PER_DAY = 300;

export interface RangeSalesAcc {
  fromMs: number;
  untilMs: number;
  clock: LocalClock;
  seen: Set<string>;
  cards: Map<string, { registerId: string; day: string; pc: number; pa: number; rc: number; ra: number; without: number; items: CardItem[]; truncated: boolean }>;
  balanceSales: BalanceSale[];
  withoutApproval: Array<{ registerId: string; saleId: string; receiptLabel: string; amount: Money }>;
}

export function startRangeSales(range: ReportRange): RangeSalesAcc {
  return {
    fromMs: Date.parse(range.from),
    untilMs: Date.parse(range.until),
    clock: localClock(range.timeZone),
    seen: new Set(),
    cards: new Map(),
    balanceSales: [],
    withoutApproval: [],
  };
}

export function addRangeSales(acc: RangeSalesAcc, sales: Iterable<SaleDoc>): void {
  for (const sale of sales) {
    if (acc.seen.has(sale._id)) continue;
    const ms = Date.parse(sale.createdAt);
    if (Number.isNaN(ms) || ms < acc.fromMs || ms >= acc.untilMs) continue;
    acc.seen.add(sale._id);
    if (sale.webOrderId !== undefined) acc.balanceSales.push({ saleId: sale._id, receiptLabel: sale.receiptLabel, orderId: sale.webOrderId, gross: sale.totals.gross });
    for (const t of sale.tenders) {
      if (t.kind !== 'card') continue;
      const day = acc.clock(ms).day;
      const key = `${sale.registerId}\u0000${day}`;
      let row = acc.cards.get(key);
      if (row === undefined) {
        row = { registerId: sale.registerId, day, pc: 0, pa: 0, rc: 0, ra: 0, without: 0, items: [], truncated: false };
        acc.cards.set(key, row);
      }
      if (t.amount < 0 || isRefund(sale)) {
        row.rc += 1;
        row.ra += t.amount;
      } else {
        row.pc += 1;
        row.pa += t.amount;
      }
      const approval = t.card?.approvalCode?.trim() ?? '';
      if (approval === '') {
        row.without += 1;
        acc.withoutApproval.push({ registerId: sale.registerId, saleId: sale._id, receiptLabel: sale.receiptLabel, amount: t.amount });
      }
      if (row.items.length < ITEMS_PER_DAY) {
        const item: CardItem = { saleId: sale._id, receiptLabel: sale.receiptLabel, at: sale.createdAt, amount: t.amount };
        if (approval !== '') item.approvalCode = approval;
        if (t.card?.last4 !== undefined) item.last4 = t.card.last4;
        row.items.push(item);
      } else row.truncated = true;
    }
  }
}

export function cardTotals(acc: RangeSalesAcc): CardDayRow[] {
  return [...acc.cards.values()]
    .map((r) => ({
      registerId: r.registerId,
      day: r.day,
      payments: { count: r.pc, amount: money(r.pa) },
      refunds: { count: r.rc, amount: money(r.ra) },
      net: money(r.pa + r.ra),
      withoutApproval: r.without,
      items: [...r.items].sort((a, b) => a.at.localeCompare(b.at) || a.saleId.localeCompare(b.saleId)),
      truncated: r.truncated,
    }))
    .sort((a, b) => a.day.localeCompare(b.day) || a.registerId.localeCompare(b.registerId));
}

// ---------------------------------------------------------------------------------------------
// Web orders

export interface UnpaidOrder {
  orderId: string;
  orderNumber: string;
  createdAt: string;
  status: FulfilmentStatus;
  total: Money;
  paid: Money;
  balance: Money;
  paymentMethod?: string;
}

export interface WebPayments {
  /** Orders placed in the range, cancelled ones aside. */
  orders: number;
  cancelled: number;
  /** Σ of their totals (after changes). */
  total: Money;
  /** Orders the platform reported paid, and their totals. */
  paidOnline: CountAmount;
  /** Balances taken at a register ('paid' events naming a sale). */
  paidAtCounter: CountAmount;
  /** Balances reconciled by hand (transfer, cheque: 'paid' events without a sale). */
  paidOtherwise: CountAmount;
  /** Money given back (cancellations, changes, returns). */
  refunded: CountAmount;
  /** Orders with a balance left, and the Σ of those balances. */
  toPay: CountAmount;
  /** Those orders, oldest first (at most UNPAID_LISTED). */
  unpaid: UnpaidOrder[];
  unpaidTruncated: boolean;
}

const UNPAID_LISTED = 500;
const HANDED_OVER: readonly FulfilmentStatus[] = ['shipped', 'picked_up', 'partially_shipped'];

export interface WebPaymentsResult {
  web: WebPayments;
  discrepancies: Discrepancy[];
  /** Sale ids that 'paid' events of these orders name. */
  paidSaleIds: Set<string>;
}

/**
 * `eventsByOrder`: each order's events; `saleGross`: the gross of the sales that 'paid' events name,
 * for those the read model holds (a named sale missing from it is a discrepancy).
 */
export function webPayments(
  range: Pick<ReportRange, 'from' | 'until'>,
  orders: Iterable<WebOrderDoc>,
  eventsByOrder: ReadonlyMap<string, readonly WebOrderEventDoc[]>,
  saleGross: ReadonlyMap<string, Money>,
  defaultLocation: string = FALLBACK_LOCATION,
): WebPaymentsResult {
  const fromMs = Date.parse(range.from);
  const untilMs = Date.parse(range.until);
  const seen = new Set<string>();
  const w = { orders: 0, cancelled: 0, total: 0 };
  const paidOnline = { count: 0, amount: 0 };
  const paidAtCounter = { count: 0, amount: 0 };
  const paidOtherwise = { count: 0, amount: 0 };
  const refunded = { count: 0, amount: 0 };
  const toPay = { count: 0, amount: 0 };
  const unpaid: UnpaidOrder[] = [];
  const discrepancies: Discrepancy[] = [];
  const paidSaleIds = new Set<string>();
  const none: readonly WebOrderEventDoc[] = [];

  for (const order of orders) {
    if (seen.has(order._id)) continue;
    const ms = Date.parse(order.createdAt);
    if (Number.isNaN(ms) || ms < fromMs || ms >= untilMs) continue;
    seen.add(order._id);
    const state = orderState(order, eventsByOrder.get(order._id) ?? none, defaultLocation);
    for (const step of state.history) {
      if (step.kind !== 'paid' || step.refused !== undefined || step.payment === undefined) continue;
      const saleId = step.payment.saleId;
      if (saleId === undefined) {
        paidOtherwise.count += 1;
        paidOtherwise.amount += step.payment.amount;
        continue;
      }
      paidSaleIds.add(saleId);
      paidAtCounter.count += 1;
      paidAtCounter.amount += step.payment.amount;
      const gross = saleGross.get(saleId);
      if (gross === undefined) discrepancies.push({ kind: 'payment_sale_missing', orderId: order._id, orderNumber: order.orderNumber, saleId, amount: step.payment.amount });
      else if (gross !== step.payment.amount) {
        discrepancies.push({ kind: 'payment_amount_mismatch', orderId: order._id, orderNumber: order.orderNumber, saleId, paid: step.payment.amount, sale: gross });
      }
    }
    for (const r of state.refunds) {
      refunded.count += 1;
      refunded.amount += r.amount;
    }
    if (state.status === 'cancelled') {
      w.cancelled += 1;
      continue;
    }
    w.orders += 1;
    w.total += state.total;
    if (order.payment.state === 'paid') {
      paidOnline.count += 1;
      paidOnline.amount += order.total;
    }
    if (state.balance > 0) {
      toPay.count += 1;
      toPay.amount += state.balance;
      const row: UnpaidOrder = {
        orderId: order._id, orderNumber: order.orderNumber, createdAt: order.createdAt, status: state.status,
        total: state.total, paid: state.paidAmount, balance: state.balance,
      };
      if (state.paymentMethod !== undefined) row.paymentMethod = state.paymentMethod;
      unpaid.push(row);
      if (HANDED_OVER.includes(state.status)) {
        discrepancies.push({ kind: 'delivered_unpaid', orderId: order._id, orderNumber: order.orderNumber, status: state.status, balance: state.balance });
      }
    }
  }
  unpaid.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.orderId.localeCompare(b.orderId));
  const ca = (x: { count: number; amount: number }): CountAmount => ({ count: x.count, amount: money(x.amount) });
  return {
    web: {
      orders: w.orders,
      cancelled: w.cancelled,
      total: money(w.total),
      paidOnline: ca(paidOnline),
      paidAtCounter: ca(paidAtCounter),
      paidOtherwise: ca(paidOtherwise),
      refunded: ca(refunded),
      toPay: ca(toPay),
      unpaid: unpaid.slice(0, UNPAID_LISTED),
      unpaidTruncated: unpaid.length > UNPAID_LISTED,
    },
    discrepancies,
    paidSaleIds,
  };
}

/** Balance sales (sales carrying webOrderId) that no 'paid' event names: the order still shows the balance due. */
export function balancesWithoutEvent(balanceSales: readonly BalanceSale[], paidSaleIds: ReadonlySet<string>): Discrepancy[] {
  return balanceSales
    .filter((s) => s.gross > 0 && !paidSaleIds.has(s.saleId))
    .map((s) => ({ kind: 'balance_without_event', saleId: s.saleId, receiptLabel: s.receiptLabel, orderId: s.orderId, amount: s.gross }));
}

// ---------------------------------------------------------------------------------------------
// Discrepancies and the whole

export type Discrepancy =
  | { kind: 'z_difference'; registerId: string; shiftId: string; zNumber: number; amount: Money; lateSales: number; missingSales: number }
  | { kind: 'cash_difference'; registerId: string; shiftId: string; zNumber: number; expected: Money; counted: Money; amount: Money }
  | { kind: 'journal_gap'; registerId: string; shiftId: string; zNumber: number; missing: number }
  | { kind: 'unclosed_shift'; registerId: string; shiftId: string; openedAt: string }
  | { kind: 'card_without_approval'; registerId: string; saleId: string; receiptLabel: string; amount: Money }
  | { kind: 'balance_without_event'; saleId: string; receiptLabel: string; orderId: string; amount: Money }
  | { kind: 'payment_sale_missing'; orderId: string; orderNumber: string; saleId: string; amount: Money }
  | { kind: 'payment_amount_mismatch'; orderId: string; orderNumber: string; saleId: string; paid: Money; sale: Money }
  | { kind: 'delivered_unpaid'; orderId: string; orderNumber: string; status: FulfilmentStatus; balance: Money };

export type DiscrepancyKind = Discrepancy['kind'];

const DISCREPANCY_ORDER: Record<DiscrepancyKind, number> = {
  z_difference: 0,
  cash_difference: 1,
  journal_gap: 2,
  unclosed_shift: 3,
  card_without_approval: 4,
  balance_without_event: 5,
  payment_sale_missing: 6,
  payment_amount_mismatch: 7,
  delivered_unpaid: 8,
};

/** What the shifts' reconciliation shows that someone must look at. */
export function shiftDiscrepancies(shifts: readonly ShiftReconciliation[]): Discrepancy[] {
  const out: Discrepancy[] = [];
  for (const s of shifts) {
    if (s.zNumber === null) {
      if (s.superseded) out.push({ kind: 'unclosed_shift', registerId: s.registerId, shiftId: s.shiftId, openedAt: s.openedAt });
      continue;
    }
    const tendersDiffer = s.tenders.some((t) => t.difference !== 0);
    if ((s.takingsDifference ?? 0) !== 0 || tendersDiffer || s.missingSales.length > 0 || s.lateSales.length > 0) {
      out.push({
        kind: 'z_difference', registerId: s.registerId, shiftId: s.shiftId, zNumber: s.zNumber,
        amount: s.takingsDifference ?? money(0), lateSales: s.lateSales.length, missingSales: s.missingSales.length,
      });
    }
    if (s.cash.difference !== null && s.cash.counted !== null && s.cash.difference !== 0) {
      out.push({ kind: 'cash_difference', registerId: s.registerId, shiftId: s.shiftId, zNumber: s.zNumber, expected: s.cash.expected, counted: s.cash.counted, amount: s.cash.difference });
    }
    if (s.journal.missing > 0) out.push({ kind: 'journal_gap', registerId: s.registerId, shiftId: s.shiftId, zNumber: s.zNumber, missing: s.journal.missing });
  }
  return out;
}

const discrepancyKey = (d: Discrepancy): string =>
  'shiftId' in d ? `${d.registerId}\u0000${d.shiftId}` : 'saleId' in d ? d.saleId : d.orderId;

export function sortDiscrepancies(list: readonly Discrepancy[]): Discrepancy[] {
  return [...list].sort((a, b) => DISCREPANCY_ORDER[a.kind] - DISCREPANCY_ORDER[b.kind] || discrepancyKey(a).localeCompare(discrepancyKey(b)));
}

export interface PaymentsReconciliation {
  range: ReportRange;
  currency: CurrencyCode;
  shifts: ShiftReconciliation[];
  cards: CardDayRow[];
  web: WebPayments;
  discrepancies: Discrepancy[];
  asOf: string;
}

export function assemblePayments(parts: {
  range: ReportRange;
  currency: CurrencyCode;
  shifts: ShiftReconciliation[];
  rangeSales: RangeSalesAcc;
  web: WebPaymentsResult;
  /**
   * Sale ids named by every 'paid' event known, whatever order it is about (a balance taken in the
   * range may be for an order placed before it); default: those of the range's orders.
   */
  paidSaleIds?: ReadonlySet<string>;
  asOf: string;
}): PaymentsReconciliation {
  const { rangeSales, web } = parts;
  const discrepancies = [
    ...shiftDiscrepancies(parts.shifts),
    ...rangeSales.withoutApproval.map((c): Discrepancy => ({ kind: 'card_without_approval', ...c })),
    ...balancesWithoutEvent(rangeSales.balanceSales, parts.paidSaleIds ?? web.paidSaleIds),
    ...web.discrepancies,
  ];
  return {
    range: parts.range,
    currency: parts.currency,
    shifts: parts.shifts,
    cards: cardTotals(rangeSales),
    web: web.web,
    discrepancies: sortDiscrepancies(discrepancies),
    asOf: parts.asOf,
  };
}
