/**
 * The orders screen was looked at: the new web orders it showed stop counting in the header's
 * badge on this register. Device-local (never replicated): each register announces an order until
 * someone at that register has seen it.
 */
import { saveOrdersSeen } from '../store/orders-queries.ts';

/** `ids`: the new web orders on screen now; any earlier set is replaced (so it never grows). */
export async function markOrdersSeen(ids: readonly string[], now: () => Date = () => new Date()): Promise<void> {
  await saveOrdersSeen(ids, now().toISOString());
}
