/**
 * The steps of the state machine that move money or units around rather than prepare the order:
 * a balance paid, a change before shipping (remove units, add a line: a swap is both), a
 * cancellation, a return after shipping (refund to the original tender or store credit, a surcharge
 * kept back) and an allocation of units to locations. Called by web-order-transition.ts only.
 */
import { money, type Money } from './money.ts';
import { err, ok, type Result } from './result.ts';
import { isAmount, isWholeCount, linesOf, settle, spread, unitsBySku, unshipped } from './web-order-lines.ts';
import type { FulfilmentState, OrderLineState, OrderRefusal, OrderStep } from './web-order-types.ts';

type Step = Result<FulfilmentState, OrderRefusal>;

const nonNegative = (n: number): Money => money(Math.max(0, n));

/**
 * A balance taken at the counter or reconciled by hand. Never more than the total counts: the
 * platform marking the order paid after the push (its "paid" coming back) or two registers taking
 * the same balance offline must not make the order look paid twice.
 */
export function markPaid(state: FulfilmentState, step: OrderStep): Step {
  if (state.status === 'cancelled') return err({ kind: 'closed', status: state.status });
  const amount = step.payment?.amount;
  if (!isWholeCount(amount)) return err({ kind: 'bad_amount' });
  const paidAmount = money(Math.max(state.paidAmount, Math.min(state.total, state.paidAmount + amount)));
  return ok(settle({ ...state, paidAmount }));
}

/** The refund a step carries: money given back (paid amount down), and the surcharge kept (total up). */
function withRefund(state: FulfilmentState, step: OrderStep, surchargeAddsToTotal: boolean): Step {
  const refund = step.refund;
  if (refund === undefined) return ok(state);
  if (!isAmount(refund.amount) || (refund.surcharge !== undefined && !isAmount(refund.surcharge))) return err({ kind: 'bad_amount' });
  const surcharge = surchargeAddsToTotal ? (refund.surcharge ?? 0) : 0;
  return ok({
    ...state,
    total: money(state.total + surcharge),
    paidAmount: money(state.paidAmount - refund.amount),
    refunds: [
      ...state.refunds,
      { eventId: step.eventId ?? '', to: refund.to, amount: refund.amount, ...(refund.voucher !== undefined ? { voucher: refund.voucher } : {}) },
    ],
  });
}

export function cancel(state: FulfilmentState, step: OrderStep): Step {
  const refunded = withRefund(state, step, false);
  if (!refunded.ok) return refunded;
  return ok(settle(refunded.value, 'cancelled'));
}

function removeUnits(state: FulfilmentState, sku: string | undefined, remove: number): Step {
  if (sku === undefined) return err({ kind: 'empty_change' });
  if (!isWholeCount(remove)) return err({ kind: 'bad_quantity' });
  const idx = linesOf(state.lines, sku);
  if (idx.length === 0) return err({ kind: 'not_on_order', sku });
  // Units not picked yet go first: later locations first, so the default location keeps what it holds.
  const taken = spread(state.lines, [...idx].reverse(), remove, unshipped);
  if (taken === null) return err({ kind: 'over_remove', sku, left: idx.reduce((s, i) => s + unshipped(state.lines[i] as OrderLineState), 0) });
  let total: number = state.total;
  const lines = state.lines.map((l, i) => {
    const n = taken.get(i) ?? 0;
    if (n === 0) return l;
    total -= n * l.unitPrice;
    const ordered = l.ordered - n;
    return { ...l, ordered, picked: Math.min(l.picked, ordered), packed: Math.min(l.packed, ordered) };
  });
  return ok({ ...state, lines, total: nonNegative(total) });
}

function addLine(state: FulfilmentState, add: { sku: string; name: string; quantity: number; unitPrice: Money }): Step {
  if (typeof add.sku !== 'string' || add.sku === '' || !isWholeCount(add.quantity)) return err({ kind: 'bad_quantity' });
  if (!isAmount(add.unitPrice)) return err({ kind: 'bad_amount' });
  const total = nonNegative(state.total + add.quantity * add.unitPrice);
  const existing = linesOf(state.lines, add.sku);
  const at = existing.find((i) => state.lines[i]?.location === state.defaultLocation) ?? existing[0];
  if (at !== undefined) {
    return ok({ ...state, total, lines: state.lines.map((l, i) => (i === at ? { ...l, ordered: l.ordered + add.quantity } : l)) });
  }
  const line: OrderLineState = {
    sku: add.sku, name: add.name, location: state.defaultLocation, unitPrice: add.unitPrice,
    ordered: add.quantity, picked: 0, packed: 0, shipped: 0, returned: 0,
  };
  return ok({ ...state, total, lines: [...state.lines, line] });
}

/** Before shipping: units removed (to 0 = the line removed) and/or a line added; the total follows the line prices. */
export function change(state: FulfilmentState, step: OrderStep): Step {
  const c = step.change;
  if (c === undefined || (c.remove === undefined && c.add === undefined)) return err({ kind: 'empty_change' });
  let next = state;
  if (c.remove !== undefined) {
    const r = removeUnits(next, c.sku, c.remove);
    if (!r.ok) return r;
    next = r.value;
  }
  if (c.add !== undefined) {
    const r = addLine(next, c.add);
    if (!r.ok) return r;
    next = r.value;
  }
  const refunded = withRefund(next, step, true);
  if (!refunded.ok) return refunded;
  return ok(settle(refunded.value));
}

/** After shipping: units that came back; the refund goes out, a surcharge is kept back. */
export function returnUnits(state: FulfilmentState, step: OrderStep): Step {
  const entries = step.lines ?? [];
  if (entries.length === 0 || entries.some((e) => !isWholeCount(e.quantity))) return err({ kind: 'bad_quantity' });
  const back = new Map<number, number>();
  for (const { sku, quantity } of unitsBySku(entries)) {
    const idx = linesOf(state.lines, sku);
    if (idx.length === 0) return err({ kind: 'not_on_order', sku });
    const room = (l: OrderLineState): number => l.shipped - l.returned;
    const taken = spread(state.lines, idx, quantity, room);
    if (taken === null) return err({ kind: 'over_return', sku, left: idx.reduce((s, i) => s + room(state.lines[i] as OrderLineState), 0) });
    for (const [i, n] of taken) back.set(i, n);
  }
  let total: number = state.total;
  const lines = state.lines.map((l, i) => {
    const n = back.get(i) ?? 0;
    total -= n * l.unitPrice;
    return n === 0 ? l : { ...l, returned: l.returned + n };
  });
  const refunded = withRefund({ ...state, lines, total: nonNegative(total) }, step, true);
  if (!refunded.ok) return refunded;
  return ok(settle(refunded.value));
}

/**
 * Which location prepares which units of the SKUs it names, replacing their earlier allocation:
 * every unit of such a SKU must be placed, and a location keeps at least the units it already shipped.
 */
export function allocate(state: FulfilmentState, step: OrderStep): Step {
  const allocation = step.allocation ?? [];
  if (allocation.length === 0) return err({ kind: 'empty_change' });
  const bySku = new Map<string, Map<string, number>>();
  for (const a of allocation) {
    if (!isWholeCount(a.quantity, 0) || typeof a.location !== 'string' || a.location === '') return err({ kind: 'bad_quantity' });
    const perLocation = bySku.get(a.sku) ?? new Map<string, number>();
    perLocation.set(a.location, (perLocation.get(a.location) ?? 0) + a.quantity);
    bySku.set(a.sku, perLocation);
  }
  let lines = state.lines;
  for (const [sku, perLocation] of bySku) {
    const idx = linesOf(lines, sku);
    if (idx.length === 0) return err({ kind: 'not_on_order', sku });
    const old = idx.map((i) => lines[i] as OrderLineState);
    const ordered = old.reduce((s, l) => s + l.ordered, 0);
    const allocated = [...perLocation.values()].reduce((s, q) => s + q, 0);
    const keepsShipped = old.every((l) => (perLocation.get(l.location) ?? 0) >= l.shipped);
    if (allocated !== ordered || !keepsShipped) return err({ kind: 'bad_allocation', sku, ordered, allocated });
    const template = old[0] as OrderLineState;
    const fresh = [...perLocation]
      .filter(([, q]) => q > 0)
      .map(([location, q]): OrderLineState => {
        const was = old.find((l) => l.location === location);
        return {
          ...template, location, ordered: q,
          picked: Math.min(was?.picked ?? 0, q), packed: Math.min(was?.packed ?? 0, q), shipped: was?.shipped ?? 0, returned: was?.returned ?? 0,
        };
      });
    const first = idx[0] as number;
    lines = lines.flatMap((l, i) => (i === first ? fresh : l.sku === sku ? [] : [l]));
  }
  return ok(settle({ ...state, lines }));
}
