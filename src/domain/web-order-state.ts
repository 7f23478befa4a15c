/**
 * The fulfilment of a web order at the counter (issue 6) as data: the order's current state is a
 * pure fold over its base document and its immutable event documents (woevent:<registerId>:<ulid>,
 * woevent:server:<ulid>), stepped through the state machine (web-order-transition.ts). Events are
 * applied in a deterministic order (at, then _id) and counted once per id, so two registers' events
 * merge to the same state on every device; an event the state machine refuses at its place in that
 * order (e.g. the same last unit picked on two registers at once) changes nothing and is kept in
 * the history, marked refused.
 *
 * The platform's own status (the order fulfilled or cancelled in the web store's admin) is applied
 * last, as a floor: it closes what the register did not, but never undoes the register's steps —
 * our own pushes come back as that status, and must not turn accepted steps into refused ones.
 */
import type { WebOrderDoc, WebOrderEventDoc } from './documents.ts';
import { money } from './money.ts';
import { settle } from './web-order-lines.ts';
import { stepOf, transition } from './web-order-transition.ts';
import type { FulfilmentState, HistoryEntry, OrderLineState, OrderRefusal, OrderState, OrderStep } from './web-order-types.ts';

export type {
  FulfilmentState,
  FulfilmentStatus,
  HistoryEntry,
  LocationPart,
  OrderLineState,
  OrderRefund,
  OrderRefusal,
  OrderState,
  OrderStep,
  Parcel,
  PartStatus,
} from './web-order-types.ts';
export { allPacked, allPicked, pickProgress, partsOf } from './web-order-lines.ts';
export { stepOf, transition } from './web-order-transition.ts';

/** Where lines are prepared when the store names no default location. */
export const FALLBACK_LOCATION = 'shop';

/** The state before any event, ignoring the platform's status (see platformFloor). */
function startState(order: WebOrderDoc, defaultLocation: string): FulfilmentState {
  const bySku = new Map<string, OrderLineState>();
  for (const line of order.lines) {
    if (line.sku === null || !Number.isSafeInteger(line.quantity) || line.quantity <= 0) continue;
    const existing = bySku.get(line.sku);
    if (existing) existing.ordered += line.quantity;
    else {
      bySku.set(line.sku, {
        sku: line.sku, name: line.name, location: defaultLocation, unitPrice: line.unitPrice,
        ordered: line.quantity, picked: 0, packed: 0, shipped: 0, returned: 0,
      });
    }
  }
  const paymentMethod = order.paymentProcessor ?? order.payment.processor;
  return settle({
    status: 'new',
    delivery: order.delivery,
    lines: [...bySku.values()],
    parts: [],
    parcels: [],
    total: order.total,
    paidAmount: order.payment.state === 'paid' ? order.total : money(0),
    balance: money(0),
    paid: false,
    ...(paymentMethod !== undefined ? { paymentMethod } : {}),
    flagged: (order.paymentChecks ?? []).some((c) => c.result === 'fail'),
    assignee: null,
    ...(order.shippingAddress !== undefined ? { shippingAddress: order.shippingAddress } : {}),
    customer: order.customer,
    notes: [],
    refunds: [],
    defaultLocation,
  });
}

/**
 * The platform's status as a floor on the folded state: cancelled or fulfilled there, the order is
 * so here too (the units it fulfilled there move no stock: no register step shipped them).
 */
function platformFloor(state: FulfilmentState, order: WebOrderDoc): FulfilmentState {
  const status = state.status;
  if (status === 'cancelled' || status === 'picked_up') return state;
  switch (order.status) {
    case 'cancelled':
      return settle(state, 'cancelled');
    case 'shipped':
    case 'picked_up': {
      if (status === 'shipped' && order.status === 'shipped') return state;
      const lines = state.lines.map((l) => ({ ...l, picked: l.ordered, packed: l.ordered, shipped: l.ordered }));
      return settle({ ...state, lines }, order.status);
    }
    case 'packed': {
      if (!['new', 'picking', 'picked'].includes(status)) return state;
      const lines = state.lines.map((l) => ({ ...l, picked: Math.max(l.picked, l.ordered), packed: Math.max(l.packed, l.ordered) }));
      return settle({ ...state, lines }, 'packed');
    }
    default:
      return state;
  }
}

/** The state of an order before any register event: from its document (the platform's view). */
export function initialState(order: WebOrderDoc, defaultLocation: string = FALLBACK_LOCATION): FulfilmentState {
  return platformFloor(startState(order, defaultLocation), order);
}

/** Deterministic order of events: time, then id (ids are unique), whatever order they arrived in. */
export function compareEvents(a: Pick<WebOrderEventDoc, 'at' | '_id'>, b: Pick<WebOrderEventDoc, 'at' | '_id'>): number {
  const ta = Date.parse(a.at) || 0;
  const tb = Date.parse(b.at) || 0;
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a._id < b._id ? -1 : a._id > b._id ? 1 : 0;
}

/** The events of this order, each id once, in fold order. */
export function orderedEvents(order: Pick<WebOrderDoc, '_id'>, events: readonly WebOrderEventDoc[]): WebOrderEventDoc[] {
  const unique = new Map<string, WebOrderEventDoc>();
  for (const ev of events) if (ev.orderId === order._id && !unique.has(ev._id)) unique.set(ev._id, ev);
  return [...unique.values()].sort(compareEvents);
}

/** One event as the fold applied it: the state before and after (the same when refused). */
export interface FoldedStep {
  event: WebOrderEventDoc;
  step: OrderStep;
  before: FulfilmentState;
  after: FulfilmentState;
  refused?: OrderRefusal;
}

/** Every event of the order applied in turn (the stock effect reads what each one changed). */
export function replay(order: WebOrderDoc, events: readonly WebOrderEventDoc[], defaultLocation: string = FALLBACK_LOCATION): { steps: FoldedStep[]; final: FulfilmentState } {
  let state = startState(order, defaultLocation);
  const steps: FoldedStep[] = [];
  for (const event of orderedEvents(order, events)) {
    const step = stepOf(event);
    const next = transition(state, step);
    if (next.ok) {
      steps.push({ event, step, before: state, after: next.value });
      state = next.value;
    } else {
      steps.push({ event, step, before: state, after: state, refused: next.error });
    }
  }
  return { steps, final: platformFloor(state, order) };
}

/** The order's state: its document, then every event of this order in (at, _id) order; duplicates by id count once. */
export function orderState(order: WebOrderDoc, events: readonly WebOrderEventDoc[], defaultLocation: string = FALLBACK_LOCATION): OrderState {
  const { steps, final } = replay(order, events, defaultLocation);
  const history: HistoryEntry[] = steps.map(({ event, step, refused }) => ({
    ...step,
    eventId: event._id,
    at: event.at,
    by: event.by,
    ...(refused !== undefined ? { refused } : {}),
  }));
  return { orderId: order._id, ...final, history };
}
