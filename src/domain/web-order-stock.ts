/**
 * What a web order does to stock (issue 6), derived from its events like a sale's movements are
 * derived from the sale (stock.ts): never stored, so an event cannot replicate without its effect.
 *
 * - Units leave the shelf when a register ships them or hands them over: one movement per SKU and
 *   location per event (reason 'sale', ref = the order id), id `${eventId}:line:${i}`.
 * - Returned units come back ('refund') unless the return says restock: false.
 * - An open order reserves what it still has to send (ordered − shipped, after changes); a
 *   cancelled, shipped or picked-up order reserves nothing.
 * - Units the platform says it fulfilled without a register step move nothing here.
 * - A sale taking an order's balance moves nothing either (stock.ts movementsOfSale).
 *
 * Used by the register's projection and by the server's stock ledger.
 */
import type { WebOrderDoc, WebOrderEventDoc } from './documents.ts';
import type { StockMovement } from './stock.ts';
import { FALLBACK_LOCATION, replay } from './web-order-state.ts';
import type { FulfilmentState } from './web-order-types.ts';

export interface OrderStockEffect {
  movements: StockMovement[];
  /** sku → units reserved by this order (absent when none). */
  reserved: Map<string, number>;
}

/** Per (sku, location): how much `field` grew from `before` to `after`. */
function grown(before: FulfilmentState, after: FulfilmentState, field: 'shipped' | 'returned'): Array<{ sku: string; location: string; quantity: number }> {
  const key = (sku: string, location: string): string => JSON.stringify([sku, location]);
  const was = new Map<string, number>();
  for (const l of before.lines) was.set(key(l.sku, l.location), (was.get(key(l.sku, l.location)) ?? 0) + l[field]);
  const out: Array<{ sku: string; location: string; quantity: number }> = [];
  const seen = new Map<string, { sku: string; location: string; quantity: number }>();
  for (const l of after.lines) {
    const k = key(l.sku, l.location);
    const entry = seen.get(k);
    if (entry) entry.quantity += l[field];
    else {
      const fresh = { sku: l.sku, location: l.location, quantity: l[field] };
      seen.set(k, fresh);
      out.push(fresh);
    }
  }
  return out.map((e) => ({ ...e, quantity: e.quantity - (was.get(key(e.sku, e.location)) ?? 0) })).filter((e) => e.quantity > 0);
}

function movementsOf(ev: WebOrderEventDoc, before: FulfilmentState, after: FulfilmentState): StockMovement[] {
  const base = { at: ev.at, ref: ev.orderId };
  if (ev.kind === 'shipped' || ev.kind === 'picked_up') {
    return grown(before, after, 'shipped').map((u, i) => ({ ...base, _id: `${ev._id}:line:${i}`, sku: u.sku, location: u.location, reason: 'sale' as const, delta: -u.quantity }));
  }
  if (ev.kind === 'returned' && ev.restock !== false) {
    return grown(before, after, 'returned').map((u, i) => ({ ...base, _id: `${ev._id}:line:${i}`, sku: u.sku, location: u.location, reason: 'refund' as const, delta: u.quantity }));
  }
  return [];
}

/** Units still held for this order, per SKU (the final state: after changes, the platform's status). */
export function reservedByOrder(state: Pick<FulfilmentState, 'status' | 'lines'>): Map<string, number> {
  const reserved = new Map<string, number>();
  if (state.status === 'cancelled' || state.status === 'shipped' || state.status === 'picked_up') return reserved;
  for (const l of state.lines) {
    const left = Math.max(0, l.ordered - l.shipped);
    if (left > 0) reserved.set(l.sku, (reserved.get(l.sku) ?? 0) + left);
  }
  return reserved;
}

export function orderStockEffect(order: WebOrderDoc, events: readonly WebOrderEventDoc[], defaultLocation: string = FALLBACK_LOCATION): OrderStockEffect {
  const { steps, final } = replay(order, events, defaultLocation);
  const movements: StockMovement[] = [];
  for (const s of steps) if (s.refused === undefined) movements.push(...movementsOf(s.event, s.before, s.after));
  return { movements, reserved: reservedByOrder(final) };
}
