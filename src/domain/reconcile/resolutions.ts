/**
 * Resolving oversell tasks (issue 7), the pure part: what a task's status is once staff recorded
 * resolutions (resolution-doc.ts), which other locations can cover a shortfall, and how many units
 * of a SKU can be taken off a web order at the task's location.
 *
 * Status. The stock fold says whether a task is still short (`open`) or stock came back
 * (`recovered`); resolutions say what staff decided. A backorder changes no stock: its units count
 * as handled for as long as the episode lasts. A transfer or a cancelled line does change stock, and
 * the reconciliation that ran after it already shows that: only those recorded after the run that
 * computed the task (its asOf) are counted, as "handled, to be confirmed by the next run" — every
 * register sees it as soon as the document replicates, without running anything. A task still short
 * of more units than were handled (a new claim while short, a partial move) is to resolve again.
 * When stock comes back later and goes short once more, that is a new episode: a new task id
 * (episodes.ts), with no resolution yet.
 */
import { isoToEpochMs } from '../iso-date.ts';
import type { OrderState } from '../web-order-types.ts';
import { transition } from '../web-order-transition.ts';
import type { OversellResolutionDoc } from './resolution-doc.ts';
import type { OversellTask, StockFigure } from './types.ts';

/** open: to resolve · backordered / resolved: handled, stock still short · recovered: stock came back. */
export type TaskStatus = 'open' | 'backordered' | 'resolved' | 'recovered';

export interface TaskStatusFacts {
  state: OversellTask['state'];
  shortNow: number;
  /** Units handled by backorders, and by moves / cancelled lines not yet in the figures. */
  backordered: number;
  pending: number;
}

/** The status rules, first match wins. */
export const TASK_STATUS_RULES: ReadonlyArray<{ status: TaskStatus; when: (f: TaskStatusFacts) => boolean }> = [
  { status: 'recovered', when: (f) => f.state === 'recovered' },
  { status: 'backordered', when: (f) => f.backordered > 0 && f.backordered + f.pending >= f.shortNow },
  { status: 'resolved', when: (f) => f.pending > 0 && f.pending >= f.shortNow },
  { status: 'open', when: () => true },
];

export interface TaskResolutionView {
  status: TaskStatus;
  /** Units still short that no resolution handles (0 once handled or recovered). */
  toHandle: number;
  /** This task's resolutions, oldest first. */
  resolutions: OversellResolutionDoc[];
}

const byTime = (a: OversellResolutionDoc, b: OversellResolutionDoc): number => (a.at < b.at ? -1 : a.at > b.at ? 1 : a._id < b._id ? -1 : a._id > b._id ? 1 : 0);

/** A task's status given every resolution recorded (any task's: only its own are used). */
export function taskResolution(
  task: Pick<OversellTask, 'id' | 'state' | 'shortNow'> & { asOf?: string },
  all: readonly OversellResolutionDoc[],
): TaskResolutionView {
  const resolutions = all.filter((r) => r.taskId === task.id).sort(byTime);
  const asOf = task.asOf === undefined ? Number.NEGATIVE_INFINITY : isoToEpochMs(task.asOf);
  let backordered = 0;
  let pending = 0;
  for (const r of resolutions) {
    if (r.action === 'backorder') backordered += r.quantity;
    else if (!(isoToEpochMs(r.at) <= asOf)) pending += r.quantity;
  }
  const facts: TaskStatusFacts = { state: task.state, shortNow: task.shortNow, backordered, pending };
  const status = (TASK_STATUS_RULES.find((rule) => rule.when(facts)) as (typeof TASK_STATUS_RULES)[number]).status;
  const toHandle = task.state === 'recovered' ? 0 : Math.max(0, task.shortNow - backordered - pending);
  return { status, toHandle, resolutions };
}

/** Groups resolutions by task id (the read model holds them all in one table). */
export function resolutionsByTask(all: readonly OversellResolutionDoc[]): Map<string, OversellResolutionDoc[]> {
  const out = new Map<string, OversellResolutionDoc[]>();
  for (const r of all) {
    const list = out.get(r.taskId);
    if (list) list.push(r);
    else out.set(r.taskId, [r]);
  }
  for (const list of out.values()) list.sort(byTime);
  return out;
}

/** The order web orders' units were backordered in this task (the button shows it as done). */
export function backorderedOrders(resolutions: readonly OversellResolutionDoc[]): Set<string> {
  return new Set(resolutions.filter((r) => r.action === 'backorder' && r.orderId !== undefined).map((r) => r.orderId as string));
}

export interface TransferSource {
  location: string;
  name: string;
  /** Available there (on hand − reserved), as of the reconciliation. */
  available: number;
  /** What to move by default: the shortfall, never more than the source has. */
  quantity: number;
}

/**
 * The store's other locations that have units of the SKU available, most first (then by name), each
 * with the quantity to prefill. Only locations the store lists: a transfer to or from an unknown one
 * is refused by the stock commands anyway.
 */
export function transferSources(
  figures: ReadonlyArray<Pick<StockFigure, 'location' | 'available'>>,
  locations: ReadonlyArray<{ id: string; name: string }>,
  target: string,
  shortfall: number,
): TransferSource[] {
  const available = new Map(figures.map((f) => [f.location, f.available]));
  const need = Math.max(1, shortfall);
  return locations
    .filter((l) => l.id !== target && (available.get(l.id) ?? 0) > 0)
    .map((l) => {
      const units = available.get(l.id) as number;
      return { location: l.id, name: l.name, available: units, quantity: Math.min(need, units) };
    })
    .sort((a, b) => b.available - a.available || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export type CancelLineBlock =
  /** The order is not on this register (not replicated yet). */
  | { kind: 'unknown_order' }
  /** Shipped, handed over or cancelled: its lines can no longer change. */
  | { kind: 'closed'; status: OrderState['status'] }
  /** The SKU is not (or no longer) on the order at this location, or every unit of it left already. */
  | { kind: 'nothing_at_location' }
  /** The order prepares this SKU at several locations and a change would take units elsewhere first. */
  | { kind: 'elsewhere_first' };

export type CancelLineOption = { ok: true; units: number; unitPrice: number } | { ok: false; block: CancelLineBlock };

const CLOSED: ReadonlySet<string> = new Set(['shipped', 'picked_up', 'cancelled']);

const orderedAt = (state: Pick<OrderState, 'lines'>, sku: string, location: string): number =>
  state.lines.filter((l) => l.sku === sku && l.location === location).reduce((s, l) => s + l.ordered, 0);

/** Whether removing `units` of `sku` (the 'changed' step the order screen writes) takes them all at `location`. */
export function removalLandsAt(state: OrderState, sku: string, location: string, units: number): boolean {
  const after = transition(state, { kind: 'changed', change: { sku, remove: units } });
  return after.ok && orderedAt(state, sku, location) - orderedAt(after.value, sku, location) === units;
}

/**
 * How many units of `sku` can be taken off the order at `location` before they ship: the units not
 * yet shipped there, as long as a change takes them there (a change takes units from the later
 * locations first, so an order split over several locations may take them elsewhere).
 */
export function cancelLineOption(state: OrderState, sku: string, location: string): CancelLineOption {
  if (CLOSED.has(state.status)) return { ok: false, block: { kind: 'closed', status: state.status } };
  const here = state.lines.filter((l) => l.sku === sku && l.location === location);
  const units = here.reduce((s, l) => s + Math.max(0, l.ordered - l.shipped), 0);
  if (units <= 0) return { ok: false, block: { kind: 'nothing_at_location' } };
  for (let n = units; n >= 1; n--) {
    if (removalLandsAt(state, sku, location, n)) return { ok: true, units: n, unitPrice: (here[0] as (typeof here)[number]).unitPrice };
  }
  return { ok: false, block: { kind: 'elsewhere_first' } };
}

/** What removing `units` of `sku` gives back: the paid amount above the order's new total (as the change command refunds). */
export function cancelLineRefund(state: OrderState, sku: string, units: number): number {
  const after = transition(state, { kind: 'changed', change: { sku, remove: units } });
  return after.ok ? Math.max(0, state.paidAmount - after.value.total) : 0;
}
