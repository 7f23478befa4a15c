/**
 * The fulfilment of a web order at the counter (issue 6) as data: a state, the steps that move it
 * (`transition`), and the order's current state as a pure fold over its base document and its
 * immutable event documents (woevent:<registerId>:<ulid>). Events are applied in a deterministic
 * order (at, then _id), so two registers' events merge to the same state on every device; an event
 * the state machine refuses at its place in that order (e.g. the same last unit picked on two
 * registers at once) changes nothing and is kept in the history, marked refused.
 */
import type { WebOrderDoc, WebOrderEventDoc, WebOrderEventKind } from './documents.ts';
import { err, ok, type Result } from './result.ts';

export type FulfilmentStatus = 'new' | 'picking' | 'picked' | 'packed' | 'ready_for_pickup' | 'shipped' | 'picked_up' | 'cancelled';

export interface OrderLineState {
  sku: string;
  name: string;
  ordered: number;
  picked: number;
  shipped: number;
}

/** A step as the state machine sees it (the fields of an event document that matter). */
export interface OrderStep {
  kind: WebOrderEventKind;
  sku?: string;
  quantity?: number;
  all?: true;
  text?: string;
  override?: boolean;
}

export type OrderRefusal =
  /** The order is cancelled, handed over or shipped: nothing more can be done to it. */
  | { kind: 'closed'; status: FulfilmentStatus }
  /** A pick after the order was packed (or later). */
  | { kind: 'not_picking'; status: FulfilmentStatus }
  | { kind: 'not_on_order'; sku: string }
  | { kind: 'over_pick'; sku: string; ordered: number; picked: number }
  | { kind: 'bad_quantity' }
  /** Packing before every stock line is picked, without override. */
  | { kind: 'not_picked' }
  /** Shipping, or making ready / handing over, before packing, without override. */
  | { kind: 'not_packed' }
  /** Shipping or handing over an order that is not paid. */
  | { kind: 'unpaid' }
  | { kind: 'wrong_delivery'; delivery: WebOrderDoc['delivery'] }
  | { kind: 'empty_note' };

export interface HistoryEntry {
  eventId: string;
  kind: WebOrderEventKind;
  at: string;
  by: string;
  sku?: string;
  quantity?: number;
  all?: true;
  text?: string;
  override?: boolean;
  /** Set when the step was refused at its place in the merged order (it changed nothing). */
  refused?: OrderRefusal;
}

export interface FulfilmentState {
  status: FulfilmentStatus;
  delivery: WebOrderDoc['delivery'];
  paid: boolean;
  /** Stock lines only (lines without a catalogue SKU — shipping, fees — are not picked). */
  lines: OrderLineState[];
  notes: string[];
}

export interface OrderState extends FulfilmentState {
  orderId: string;
  history: HistoryEntry[];
}

const CLOSED: readonly FulfilmentStatus[] = ['shipped', 'picked_up', 'cancelled'];
const PICKING: readonly FulfilmentStatus[] = ['new', 'picking', 'picked'];
const PACKED_OR_LATER: readonly FulfilmentStatus[] = ['packed', 'ready_for_pickup'];

export function allPicked(lines: readonly OrderLineState[]): boolean {
  return lines.every((l) => l.picked >= l.ordered);
}

export function pickProgress(state: Pick<FulfilmentState, 'lines'>): { picked: number; ordered: number } {
  return state.lines.reduce((acc, l) => ({ picked: acc.picked + l.picked, ordered: acc.ordered + l.ordered }), { picked: 0, ordered: 0 });
}

function pickStatus(lines: readonly OrderLineState[]): FulfilmentStatus {
  if (allPicked(lines)) return 'picked';
  return lines.some((l) => l.picked > 0) ? 'picking' : 'new';
}

/** The state of an order before any register event: from its document (the platform's view). */
export function initialState(order: WebOrderDoc): FulfilmentState {
  const bySku = new Map<string, OrderLineState>();
  for (const line of order.lines) {
    if (line.sku === null || line.quantity <= 0) continue;
    const existing = bySku.get(line.sku);
    if (existing) existing.ordered += line.quantity;
    else bySku.set(line.sku, { sku: line.sku, name: line.name, ordered: line.quantity, picked: 0, shipped: 0 });
  }
  const done = order.status !== 'new' && order.status !== 'cancelled';
  const sent = order.status === 'shipped' || order.status === 'picked_up';
  const lines = [...bySku.values()].map((l) => ({ ...l, picked: done ? l.ordered : 0, shipped: sent ? l.ordered : 0 }));
  return { status: order.status, delivery: order.delivery, paid: order.payment.state === 'paid', lines, notes: [] };
}

/** One step: the next state, or why it is refused (the state given is never changed). */
export function transition(state: FulfilmentState, step: OrderStep): Result<FulfilmentState, OrderRefusal> {
  if (step.kind === 'note') {
    const text = (step.text ?? '').trim();
    if (text === '') return err({ kind: 'empty_note' });
    return ok({ ...state, notes: [...state.notes, text] });
  }
  if (CLOSED.includes(state.status)) return err({ kind: 'closed', status: state.status });
  switch (step.kind) {
    case 'picked': {
      if (!PICKING.includes(state.status)) return err({ kind: 'not_picking', status: state.status });
      if (step.all === true) {
        const lines = state.lines.map((l) => ({ ...l, picked: l.ordered }));
        return ok({ ...state, lines, status: pickStatus(lines) });
      }
      const sku = step.sku ?? '';
      const quantity = step.quantity ?? 1;
      if (!Number.isSafeInteger(quantity) || quantity < 1) return err({ kind: 'bad_quantity' });
      const line = state.lines.find((l) => l.sku === sku);
      if (line === undefined) return err({ kind: 'not_on_order', sku });
      if (line.picked + quantity > line.ordered) return err({ kind: 'over_pick', sku, ordered: line.ordered, picked: line.picked });
      const lines = state.lines.map((l) => (l.sku === sku ? { ...l, picked: l.picked + quantity } : l));
      return ok({ ...state, lines, status: pickStatus(lines) });
    }
    case 'packed':
      if (PACKED_OR_LATER.includes(state.status)) return err({ kind: 'not_picking', status: state.status });
      if (!allPicked(state.lines) && step.override !== true) return err({ kind: 'not_picked' });
      return ok({ ...state, status: 'packed' });
    case 'ready_for_pickup':
      if (state.delivery !== 'pickup') return err({ kind: 'wrong_delivery', delivery: state.delivery });
      if (state.status === 'ready_for_pickup') return err({ kind: 'not_picking', status: state.status });
      if (state.status !== 'packed' && step.override !== true) return err({ kind: 'not_packed' });
      return ok({ ...state, status: 'ready_for_pickup' });
    case 'picked_up':
      if (state.delivery !== 'pickup') return err({ kind: 'wrong_delivery', delivery: state.delivery });
      if (!state.paid) return err({ kind: 'unpaid' });
      if (!PACKED_OR_LATER.includes(state.status) && step.override !== true) return err({ kind: 'not_packed' });
      return ok({ ...state, status: 'picked_up', lines: state.lines.map((l) => ({ ...l, shipped: l.ordered })) });
    case 'shipped':
      if (state.delivery !== 'shipping') return err({ kind: 'wrong_delivery', delivery: state.delivery });
      if (!state.paid) return err({ kind: 'unpaid' });
      if (state.status !== 'packed' && step.override !== true) return err({ kind: 'not_packed' });
      return ok({ ...state, status: 'shipped', lines: state.lines.map((l) => ({ ...l, shipped: l.ordered })) });
    case 'cancelled':
      return ok({ ...state, status: 'cancelled' });
  }
}

/** Deterministic order of events: time, then id (ids are unique), whatever order they arrived in. */
export function compareEvents(a: Pick<WebOrderEventDoc, 'at' | '_id'>, b: Pick<WebOrderEventDoc, 'at' | '_id'>): number {
  const ta = Date.parse(a.at) || 0;
  const tb = Date.parse(b.at) || 0;
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a._id < b._id ? -1 : a._id > b._id ? 1 : 0;
}

function stepOf(ev: WebOrderEventDoc): OrderStep {
  const step: OrderStep = { kind: ev.kind };
  if (ev.sku !== undefined) step.sku = ev.sku;
  if (ev.quantity !== undefined) step.quantity = ev.quantity;
  if (ev.all === true) step.all = true;
  if (ev.text !== undefined) step.text = ev.text;
  if (ev.override !== undefined) step.override = ev.override;
  return step;
}

/** The order's state: its document, then every event of this order in (at, _id) order; duplicates by id count once. */
export function orderState(order: WebOrderDoc, events: readonly WebOrderEventDoc[]): OrderState {
  const unique = new Map<string, WebOrderEventDoc>();
  for (const ev of events) if (ev.orderId === order._id && !unique.has(ev._id)) unique.set(ev._id, ev);
  const sorted = [...unique.values()].sort(compareEvents);
  let state = initialState(order);
  const history: HistoryEntry[] = [];
  for (const ev of sorted) {
    const step = stepOf(ev);
    const next = transition(state, step);
    const entry: HistoryEntry = { eventId: ev._id, at: ev.at, by: ev.by, ...step };
    if (next.ok) state = next.value;
    else entry.refused = next.error;
    history.push(entry);
  }
  return { orderId: order._id, ...state, history };
}
