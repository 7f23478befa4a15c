/**
 * Line arithmetic of a web order's fulfilment: parts per location, statuses derived from the units
 * picked / packed / shipped, spreading a quantity over the lines of a SKU, and `settle`, which
 * recomputes every derived field after a step so that a state is never half up to date.
 */
import { money } from './money.ts';
import type { FulfilmentState, FulfilmentStatus, LocationPart, OrderLineState, PartStatus } from './web-order-types.ts';

export function allPicked(lines: readonly OrderLineState[]): boolean {
  return lines.every((l) => l.picked >= l.ordered);
}

export function allPacked(lines: readonly OrderLineState[]): boolean {
  return lines.every((l) => l.packed >= l.ordered);
}

export function pickProgress(state: Pick<FulfilmentState, 'lines'>): { picked: number; ordered: number } {
  return state.lines.reduce((acc, l) => ({ picked: acc.picked + Math.min(l.picked, l.ordered), ordered: acc.ordered + l.ordered }), { picked: 0, ordered: 0 });
}

/** Units still to leave the shop, per line. */
export const unshipped = (l: OrderLineState): number => Math.max(0, l.ordered - l.shipped);

export function partStatus(lines: readonly OrderLineState[]): PartStatus {
  const anyShipped = lines.some((l) => l.shipped > 0);
  if (anyShipped) return lines.every((l) => l.shipped >= l.ordered) ? 'shipped' : 'partially_shipped';
  if (allPacked(lines)) return 'packed';
  if (allPicked(lines)) return 'picked';
  return lines.some((l) => l.picked > 0 || l.packed > 0) ? 'picking' : 'new';
}

/** One part per location with lines: the default location first, then in the order lines name them. */
export function partsOf(lines: readonly OrderLineState[], defaultLocation: string): LocationPart[] {
  const byLocation = new Map<string, OrderLineState[]>();
  const sorted = [...lines.filter((l) => l.location === defaultLocation), ...lines.filter((l) => l.location !== defaultLocation)];
  for (const line of sorted) {
    const list = byLocation.get(line.location);
    if (list) list.push(line);
    else byLocation.set(line.location, [line]);
  }
  return [...byLocation].map(([location, ls]) => ({ location, status: partStatus(ls), lines: ls }));
}

/**
 * The order's status from its lines. `previous` decides what lines cannot say: a closed order stays
 * closed, "ready for pickup" stays while everything is still packed, and an order without stock
 * lines (only shipping or fees) keeps the status its last step gave it.
 */
export function derivedStatus(lines: readonly OrderLineState[], previous: FulfilmentStatus): FulfilmentStatus {
  if (previous === 'cancelled' || previous === 'picked_up') return previous;
  if (lines.length === 0) return previous;
  if (lines.some((l) => l.shipped > 0)) return lines.every((l) => l.shipped >= l.ordered) ? 'shipped' : 'partially_shipped';
  if (allPacked(lines)) return previous === 'ready_for_pickup' ? 'ready_for_pickup' : 'packed';
  if (allPicked(lines)) return 'picked';
  return lines.some((l) => l.picked > 0 || l.packed > 0) ? 'picking' : 'new';
}

/**
 * Recomputes the derived fields (parts, balance, paid, status) and drops lines left with no units.
 * `status` overrides the derived status (cancelled, picked up, or an order without stock lines).
 */
export function settle(state: FulfilmentState, status?: FulfilmentStatus): FulfilmentState {
  const lines = state.lines.filter((l) => l.ordered > 0 || l.shipped > 0 || l.returned > 0);
  const next = status ?? derivedStatus(lines, state.status);
  const due = state.total - state.paidAmount;
  return {
    ...state,
    lines,
    status: next,
    parts: partsOf(lines, state.defaultLocation),
    balance: money(next === 'cancelled' ? 0 : Math.max(0, due)),
    paid: due <= 0,
  };
}

/**
 * Takes `quantity` units over `candidates` (indexes into `lines`), each giving at most `room(line)`,
 * in order. Returns the units taken per index, or null when they do not hold that many.
 */
export function spread(lines: readonly OrderLineState[], candidates: readonly number[], quantity: number, room: (l: OrderLineState) => number): Map<number, number> | null {
  const taken = new Map<number, number>();
  let left = quantity;
  for (const i of candidates) {
    if (left <= 0) break;
    const line = lines[i];
    if (line === undefined) continue;
    const n = Math.min(left, Math.max(0, room(line)));
    if (n > 0) taken.set(i, n);
    left -= n;
  }
  return left > 0 ? null : taken;
}

/** Indexes of the lines of `sku` (at `location`, when given). */
export function linesOf(lines: readonly OrderLineState[], sku: string, location?: string): number[] {
  const out: number[] = [];
  lines.forEach((l, i) => {
    if (l.sku === sku && (location === undefined || l.location === location)) out.push(i);
  });
  return out;
}

/** Units per SKU, in first-seen order (what a parcel or a return lists). */
export function unitsBySku(entries: Iterable<{ sku: string; quantity: number }>): Array<{ sku: string; quantity: number }> {
  const bySku = new Map<string, number>();
  for (const e of entries) bySku.set(e.sku, (bySku.get(e.sku) ?? 0) + e.quantity);
  return [...bySku].filter(([, q]) => q > 0).map(([sku, quantity]) => ({ sku, quantity }));
}

export const isWholeCount = (n: unknown, min = 1): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= min;
export const isAmount = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
