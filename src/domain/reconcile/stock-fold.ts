/**
 * Stock reconciliation as a fold you can feed in chunks (issue 7): movements and reservations go in
 * as the worker reads them, in any order and any chunking; finishStockFold sorts each SKU/location's
 * facts once (compareMovements order: instant, then id) and walks them once, giving on hand (the
 * latest count as baseline, exactly as stockOnHand), reserved, available, and the oversell episodes.
 *
 * Cost: every fact is appended once to its pair's list (Maps, no lookups by scan), then each list is
 * sorted once and walked once; looking back for the claims that took the last units never crosses
 * the previous episode, so the whole walk is linear. The fold state is mutable by design (a million
 * movements must not be copied per chunk); nothing outside it is ever mutated.
 */
import { isoToEpochMs } from '../iso-date.ts';
import { COUNT, DELTA, RESERVE, walkPair, type Entry, type PairLog } from './episodes.ts';
import { platformDifferences } from './platform.ts';
import type { OversellTask, PlatformLevel, ReconcileMovement, Reservation, StockFigure, StockReconciliation } from './types.ts';

export interface StockFold {
  /** sku → location → that pair's facts (unsorted until finish). */
  pairs: Map<string, Map<string, PairLog>>;
  /** orderId → order number, to name web orders in tasks. */
  orderNumbers: Map<string, string>;
  /** Movements folded, and movements skipped as malformed (no delta, unreadable date). */
  movements: number;
  skipped: number;
  reservations: number;
}

export function startStockFold(): StockFold {
  return { pairs: new Map(), orderNumbers: new Map(), movements: 0, skipped: 0, reservations: 0 };
}

function pairLog(fold: StockFold, sku: string, location: string): PairLog {
  let bySku = fold.pairs.get(sku);
  if (bySku === undefined) {
    bySku = new Map();
    fold.pairs.set(sku, bySku);
  }
  let log = bySku.get(location);
  if (log === undefined) {
    log = { sku, location, entries: [] };
    bySku.set(location, log);
  }
  return log;
}

/** Adds movements (any order, any chunk). Malformed ones are skipped, as stockOnHand skips them. */
export function foldMovements(fold: StockFold, movements: Iterable<ReconcileMovement>): void {
  for (const m of movements) {
    const t = isoToEpochMs(m.at);
    const count = m.reason === 'count';
    const q = count ? m.quantity : m.delta;
    if (Number.isNaN(t) || !Number.isSafeInteger(q) || typeof m.sku !== 'string' || typeof m.location !== 'string') {
      fold.skipped += 1;
      continue;
    }
    const entry: Entry = {
      t,
      id: m._id,
      k: count ? COUNT : DELTA,
      q: q as number,
      // Only outflows can take part in an oversell: only they keep what names them.
      ref: !count && (q as number) < 0 ? (m.derivedFrom ?? m.ref) : undefined,
      why: !count && (q as number) < 0 ? m.reason : undefined,
    };
    pairLog(fold, m.sku, m.location).entries.push(entry);
    fold.movements += 1;
  }
}

/**
 * Adds reservations of open web orders (orderReservations in order-reservations.ts). A reservation
 * holds from the order's creation; one with an unreadable date holds from the beginning.
 */
export function foldReservations(fold: StockFold, reservations: Iterable<Reservation>): void {
  for (const r of reservations) {
    if (!Number.isSafeInteger(r.quantity) || r.quantity <= 0) continue;
    const t = isoToEpochMs(r.at);
    pairLog(fold, r.sku, r.location).entries.push({
      t: Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t,
      id: r.orderId,
      k: RESERVE,
      q: r.quantity,
      ref: r.orderId,
      why: undefined,
    });
    if (r.orderNumber !== undefined) fold.orderNumbers.set(r.orderId, r.orderNumber);
    fold.reservations += 1;
  }
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Sorts and walks every pair once. Calling it again (even after feeding more) gives the answer for
 * everything fed so far.
 */
export function finishStockFold(fold: StockFold, platformLevels: readonly PlatformLevel[] = []): StockReconciliation {
  const figures: StockFigure[] = [];
  const oversells: OversellTask[] = [];
  const skus = [...fold.pairs.keys()].sort(byText);
  for (const sku of skus) {
    const bySku = fold.pairs.get(sku) as Map<string, PairLog>;
    for (const location of [...bySku.keys()].sort(byText)) {
      const { figure, tasks } = walkPair(bySku.get(location) as PairLog, fold.orderNumbers);
      figures.push(figure);
      for (const task of tasks) oversells.push(task);
    }
  }
  return { figures, differences: platformDifferences(figures, platformLevels), oversells };
}

/** The one-shot form: the same fold over everything at once. */
export function reconcileStock(input: {
  movements: Iterable<ReconcileMovement>;
  reservations?: Iterable<Reservation>;
  platformLevels?: readonly PlatformLevel[];
}): StockReconciliation {
  const fold = startStockFold();
  foldMovements(fold, input.movements);
  foldReservations(fold, input.reservations ?? []);
  return finishStockFold(fold, input.platformLevels);
}

/** Names claims with what people read: receipt labels of sales, numbers of web orders (id → label). */
export function labelClaims(tasks: readonly OversellTask[], labels: ReadonlyMap<string, string>): OversellTask[] {
  return tasks.map((task) => ({
    ...task,
    claims: task.claims.map((c) => {
      const label = c.label ?? (c.kind === 'movement' ? undefined : labels.get(c.id));
      return label === undefined ? c : { ...c, label };
    }),
  }));
}
