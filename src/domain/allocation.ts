/**
 * Which location should prepare which units of a web order (issue 6), from the stock on hand:
 * one location when one can serve everything (the default location first, so an order is split
 * only when it has to be), otherwise per line the location holding its stock, a line split over
 * several locations only when none holds it all. Whatever stock cannot cover stays with the default
 * location. A suggestion: staff confirm it, and it becomes an 'allocated' event.
 */
import { stockKey } from './stock.ts';

export interface Allocation {
  sku: string;
  location: string;
  quantity: number;
}

/**
 * `lines`: the units to place (several lines of one SKU are merged); `onHand`: stock per
 * stockKey(sku, location); `locations`: the store's location ids, the default one first.
 */
export function suggestAllocation(
  lines: ReadonlyArray<{ sku: string; quantity: number }>,
  onHand: ReadonlyMap<string, number>,
  locations: readonly string[],
): Allocation[] {
  const wanted = new Map<string, number>();
  for (const l of lines) if (l.quantity > 0) wanted.set(l.sku, (wanted.get(l.sku) ?? 0) + l.quantity);
  const places = [...new Set(locations)];
  const fallback = places[0];
  if (wanted.size === 0 || fallback === undefined) return [];
  const held = (sku: string, location: string): number => Math.max(0, onHand.get(stockKey(sku, location)) ?? 0);

  const whole = places.find((loc) => [...wanted].every(([sku, q]) => held(sku, loc) >= q));
  if (whole !== undefined) return [...wanted].map(([sku, quantity]) => ({ sku, location: whole, quantity }));

  const out: Allocation[] = [];
  for (const [sku, quantity] of wanted) {
    const one = places.find((loc) => held(sku, loc) >= quantity);
    if (one !== undefined) {
      out.push({ sku, location: one, quantity });
      continue;
    }
    let left = quantity;
    const parts = new Map<string, number>();
    for (const loc of places) {
      const n = Math.min(left, held(sku, loc));
      if (n > 0) parts.set(loc, n);
      left -= n;
    }
    if (left > 0) parts.set(fallback, (parts.get(fallback) ?? 0) + left);
    for (const [location, q] of parts) out.push({ sku, location, quantity: q });
  }
  return out;
}
