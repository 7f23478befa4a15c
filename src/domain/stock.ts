/**
 * Stock on hand is a fold over immutable movements, never a counter that is updated: two registers
 * selling the same item offline each write their own movement (or sale), and the fold over the union
 * is the same whatever order replication delivers them in.
 */
import type { SaleDoc, StockMovementDoc } from './documents.ts';
import { isoToEpochMs } from './iso-date.ts';

export type StockMovement = Pick<StockMovementDoc, '_id' | 'sku' | 'location' | 'reason' | 'delta' | 'quantity' | 'at' | 'ref'>;

export function stockKey(sku: string, location: string): string {
  return `${sku}@${location}`;
}

/**
 * Total order of movements: by instant, then by _id. Instants, not strings, because "10:00+02:00"
 * and "08:00Z" are the same moment; _id because two devices can write in the same millisecond.
 */
export function compareMovements(a: Pick<StockMovement, 'at' | '_id'>, b: Pick<StockMovement, 'at' | '_id'>): number {
  const dt = isoToEpochMs(a.at) - isoToEpochMs(b.at);
  if (dt !== 0) return dt;
  return a._id < b._id ? -1 : a._id > b._id ? 1 : 0;
}

function isUsable(m: StockMovement): boolean {
  if (Number.isNaN(isoToEpochMs(m.at))) return false;
  return m.reason === 'count' ? Number.isSafeInteger(m.quantity) : Number.isSafeInteger(m.delta);
}

/**
 * On hand per `${sku}@${location}`. The latest count of a key is its baseline; only movements after it
 * (in compareMovements order) apply on top, earlier ones are already inside the counted figure.
 * Malformed movements (no delta, unreadable date) are skipped rather than thrown on: this runs over
 * replicated data in a worker, and validate.ts is where they are refused on the way in.
 */
export function stockOnHand(movements: Iterable<StockMovement>): Map<string, number> {
  const byKey = new Map<string, StockMovement[]>();
  for (const m of movements) {
    if (!isUsable(m)) continue;
    const key = stockKey(m.sku, m.location);
    const list = byKey.get(key);
    if (list) list.push(m);
    else byKey.set(key, [m]);
  }
  const onHand = new Map<string, number>();
  for (const [key, list] of byKey) {
    let baseline: StockMovement | undefined;
    for (const m of list) {
      if (m.reason === 'count' && (baseline === undefined || compareMovements(m, baseline) > 0)) baseline = m;
    }
    let quantity = baseline?.quantity ?? 0;
    for (const m of list) {
      if (m.reason === 'count') continue;
      if (baseline === undefined || compareMovements(m, baseline) > 0) quantity += m.delta ?? 0;
    }
    onHand.set(key, quantity);
  }
  return onHand;
}

/**
 * The movements a sale implies, one per line. They are derived, never stored: the sale document is
 * the source, so a replicated sale cannot arrive without its stock effect or the other way round.
 * A returned line (negative quantity) puts its units back on the shelf (reason 'refund') unless it
 * says restock: false (damaged, opened): then it moves nothing. Ids keep the line's index.
 * A sale taking a web order's balance (webOrderId) moves nothing: its lines are the order's, and
 * the order's shipped / picked-up events take them off the shelf (web-order-stock.ts).
 */
export function movementsOfSale(sale: Pick<SaleDoc, '_id' | 'lines' | 'location' | 'createdAt' | 'webOrderId'>): StockMovement[] {
  const out: StockMovement[] = [];
  if (sale.webOrderId !== undefined) return out;
  sale.lines.forEach((line, i) => {
    const returned = line.quantity < 0;
    if (returned && line.restock === false) return;
    out.push({
      _id: `${sale._id}:line:${i}`,
      sku: line.sku,
      location: sale.location,
      reason: returned ? 'refund' : 'sale',
      delta: -line.quantity,
      at: sale.createdAt,
      ref: sale._id,
    });
  });
  return out;
}
