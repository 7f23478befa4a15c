/**
 * The fulfilment state machine of a web order (issue 6): one step → the next state, or why it is
 * refused. Pure data, no I/O; the state given is never changed. Preparing the order (pick, pack,
 * ship, hand over) is here; money, changes, returns and allocation are in web-order-changes.ts.
 *
 * Parts: lines are prepared by a location (the store's default until an 'allocated' step moves
 * units); a step with `location` acts on that location's lines only. Shipping and handing over need
 * the order paid (balance 0), packed (or an override) and, when a payment check failed, an override.
 */
import type { WebOrderEventDoc } from './documents.ts';
import { err, ok, type Result } from './result.ts';
import { allocate, cancel, change, markPaid, returnUnits } from './web-order-changes.ts';
import { allPacked, isWholeCount, linesOf, settle, spread, unitsBySku, unshipped } from './web-order-lines.ts';
import type { FulfilmentState, FulfilmentStatus, OrderLineState, OrderRefusal, OrderStep, Parcel } from './web-order-types.ts';

const CLOSED: readonly FulfilmentStatus[] = ['shipped', 'picked_up', 'cancelled'];

type Step = Result<FulfilmentState, OrderRefusal>;

/** The lines a step is about: those of `location`, or all; refused when the location has none. */
function scope(state: FulfilmentState, location: string | undefined): Result<number[], OrderRefusal> {
  const idx: number[] = [];
  state.lines.forEach((l, i) => {
    if (location === undefined || l.location === location) idx.push(i);
  });
  if (location !== undefined && idx.length === 0) return err({ kind: 'no_lines_at', location });
  return ok(idx);
}

function withLines(state: FulfilmentState, changes: Map<number, (l: OrderLineState) => OrderLineState>): OrderLineState[] {
  return state.lines.map((l, i) => changes.get(i)?.(l) ?? l);
}

function pick(state: FulfilmentState, step: OrderStep): Step {
  const sc = scope(state, step.location);
  if (!sc.ok) return sc;
  // A line whose part is packed is done: picking it again is a mistake, not a merge.
  const open = sc.value.filter((i) => {
    const l = state.lines[i] as OrderLineState;
    return l.packed < l.ordered;
  });
  if (step.all === true) {
    if (state.lines.length === 0) {
      if (!['new', 'picking', 'picked'].includes(state.status)) return err({ kind: 'not_picking', status: state.status });
      return ok(settle(state, 'picked'));
    }
    if (open.length === 0) return err({ kind: 'not_picking', status: state.status });
    return ok(settle({ ...state, lines: withLines(state, new Map(open.map((i) => [i, (l) => ({ ...l, picked: l.ordered })]))) }));
  }
  const sku = step.sku ?? '';
  const quantity = step.quantity ?? 1;
  if (!isWholeCount(quantity)) return err({ kind: 'bad_quantity' });
  const ofSku = linesOf(state.lines, sku, step.location);
  if (ofSku.length === 0) return err({ kind: 'not_on_order', sku });
  const openOfSku = ofSku.filter((i) => open.includes(i));
  if (openOfSku.length === 0) return err({ kind: 'not_picking', status: state.status });
  const taken = spread(state.lines, openOfSku, quantity, (l) => l.ordered - l.picked);
  if (taken === null) {
    const lines = ofSku.map((i) => state.lines[i] as OrderLineState);
    return err({ kind: 'over_pick', sku, ordered: lines.reduce((s, l) => s + l.ordered, 0), picked: lines.reduce((s, l) => s + l.picked, 0) });
  }
  return ok(settle({ ...state, lines: withLines(state, new Map([...taken].map(([i, n]) => [i, (l) => ({ ...l, picked: l.picked + n })]))) }));
}

function pack(state: FulfilmentState, step: OrderStep): Step {
  if (state.status === 'ready_for_pickup') return err({ kind: 'not_picking', status: state.status });
  const sc = scope(state, step.location);
  if (!sc.ok) return sc;
  if (state.lines.length === 0) {
    if (!['new', 'picking', 'picked'].includes(state.status)) return err({ kind: 'not_picking', status: state.status });
    return ok(settle(state, 'packed'));
  }
  const open = sc.value.filter((i) => {
    const l = state.lines[i] as OrderLineState;
    return l.packed < l.ordered && l.shipped < l.ordered;
  });
  if (open.length === 0) return err({ kind: 'not_picking', status: state.status });
  if (step.override !== true && open.some((i) => (state.lines[i] as OrderLineState).picked < (state.lines[i] as OrderLineState).ordered)) {
    return err({ kind: 'not_picked' });
  }
  return ok(settle({ ...state, lines: withLines(state, new Map(open.map((i) => [i, (l) => ({ ...l, packed: l.ordered })]))) }));
}

/** Paid and not flagged: what shipping and handing over both need. */
function handOverCheck(state: FulfilmentState, step: OrderStep): OrderRefusal | null {
  if (!state.paid) return { kind: 'unpaid', balance: state.balance };
  if (state.flagged && step.override !== true) return { kind: 'flagged' };
  return null;
}

/** The units a shipped step sends: its `lines`, or everything not yet shipped (of its location). */
function unitsToShip(state: FulfilmentState, step: OrderStep, inScope: number[]): Result<Map<number, number>, OrderRefusal> {
  if (step.lines === undefined) {
    return ok(new Map(inScope.map((i) => [i, unshipped(state.lines[i] as OrderLineState)] as [number, number]).filter(([, n]) => n > 0)));
  }
  if (step.lines.some((l) => !isWholeCount(l.quantity))) return err({ kind: 'bad_quantity' });
  const sending = new Map<number, number>();
  for (const { sku, quantity } of unitsBySku(step.lines)) {
    const candidates = inScope.filter((i) => state.lines[i]?.sku === sku);
    if (candidates.length === 0) return err({ kind: 'not_on_order', sku });
    const taken = spread(state.lines, candidates, quantity, unshipped);
    if (taken === null) return err({ kind: 'over_ship', sku, left: candidates.reduce((s, i) => s + unshipped(state.lines[i] as OrderLineState), 0) });
    for (const [i, n] of taken) sending.set(i, n);
  }
  return ok(sending);
}

function ship(state: FulfilmentState, step: OrderStep): Step {
  if (state.delivery !== 'shipping') return err({ kind: 'wrong_delivery', delivery: state.delivery });
  const refused = handOverCheck(state, step);
  if (refused) return err(refused);
  const sc = scope(state, step.location);
  if (!sc.ok) return sc;
  const parcel = (lines: Parcel['lines']): Parcel => ({
    eventId: step.eventId ?? '',
    at: step.at ?? '',
    by: step.by ?? '',
    lines,
    ...(step.location !== undefined ? { location: step.location } : {}),
    ...(step.tracking !== undefined ? { tracking: step.tracking } : {}),
    ...(step.parcel !== undefined ? { parcel: step.parcel } : {}),
  });
  if (state.lines.length === 0) {
    if (state.status !== 'packed' && step.override !== true) return err({ kind: 'not_packed' });
    return ok(settle({ ...state, parcels: [...state.parcels, parcel([])] }, 'shipped'));
  }
  const units = unitsToShip(state, step, sc.value);
  if (!units.ok) return units;
  if (units.value.size === 0) return err({ kind: 'nothing_to_ship' });
  if (step.override !== true) {
    const locations = new Set([...units.value.keys()].map((i) => (state.lines[i] as OrderLineState).location));
    const unpacked = state.lines.some((l) => locations.has(l.location) && l.shipped < l.ordered && l.packed < l.ordered);
    if (unpacked) return err({ kind: 'not_packed' });
  }
  const lines = withLines(state, new Map([...units.value].map(([i, n]) => [i, (l) => ({ ...l, shipped: l.shipped + n })])));
  const sent = unitsBySku([...units.value].map(([i, n]) => ({ sku: (state.lines[i] as OrderLineState).sku, quantity: n })));
  return ok(settle({ ...state, lines, parcels: [...state.parcels, parcel(sent)] }));
}

function readyForPickup(state: FulfilmentState, step: OrderStep): Step {
  if (state.delivery !== 'pickup') return err({ kind: 'wrong_delivery', delivery: state.delivery });
  if (state.status === 'ready_for_pickup') return err({ kind: 'not_picking', status: state.status });
  const packed = state.lines.length === 0 ? state.status === 'packed' : allPacked(state.lines);
  if (!packed && step.override !== true) return err({ kind: 'not_packed' });
  // Made ready by override: the whole order counts as packed from now on.
  return ok(settle({ ...state, lines: state.lines.map((l) => ({ ...l, packed: Math.max(l.packed, l.ordered) })) }, 'ready_for_pickup'));
}

function pickedUp(state: FulfilmentState, step: OrderStep): Step {
  if (state.delivery !== 'pickup') return err({ kind: 'wrong_delivery', delivery: state.delivery });
  const refused = handOverCheck(state, step);
  if (refused) return err(refused);
  const packed = state.status === 'ready_for_pickup' || state.status === 'packed';
  if (!packed && step.override !== true) return err({ kind: 'not_packed' });
  return ok(settle({ ...state, lines: state.lines.map((l) => ({ ...l, shipped: l.ordered })) }, 'picked_up'));
}

/** Steps that only record something: allowed whatever the status (a note or a reprint after shipping). */
function record(state: FulfilmentState, step: OrderStep): Step | null {
  switch (step.kind) {
    case 'note': {
      const text = (step.text ?? '').trim();
      if (text === '') return err({ kind: 'empty_note' });
      return ok({ ...state, notes: [...state.notes, text] });
    }
    case 'assigned':
      return ok({ ...state, assignee: step.assignee ?? null });
    case 'printed':
      return ok(state);
    case 'returned':
      return returnUnits(state, step);
    default:
      return null;
  }
}

/** One step: the next state, or why it is refused (the state given is never changed). */
export function transition(state: FulfilmentState, step: OrderStep): Result<FulfilmentState, OrderRefusal> {
  const recorded = record(state, step);
  if (recorded !== null) return recorded;
  if (step.kind === 'paid') return markPaid(state, step);
  if (CLOSED.includes(state.status)) return err({ kind: 'closed', status: state.status });
  switch (step.kind) {
    case 'picked':
      return pick(state, step);
    case 'packed':
      return pack(state, step);
    case 'ready_for_pickup':
      return readyForPickup(state, step);
    case 'picked_up':
      return pickedUp(state, step);
    case 'shipped':
      return ship(state, step);
    case 'cancelled':
      return cancel(state, step);
    case 'changed':
      return change(state, step);
    case 'allocated':
      return allocate(state, step);
    case 'address_corrected': {
      if (step.address === undefined && step.customer === undefined) return err({ kind: 'empty_change' });
      return ok({
        ...state,
        ...(step.address !== undefined ? { shippingAddress: step.address } : {}),
        ...(step.customer !== undefined ? { customer: step.customer } : {}),
      });
    }
    default:
      return err({ kind: 'closed', status: state.status });
  }
}

/** The fields of an event that make its step (plus who and when). */
export function stepOf(ev: WebOrderEventDoc): OrderStep {
  const { _id, _rev: _r, type: _t, orderId: _o, ...fields } = ev;
  return { ...fields, eventId: _id };
}
