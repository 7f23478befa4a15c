/**
 * Keeps stockLevels equal to the domain fold (stockOnHand) of each sku@location's movements, without
 * re-reading a pair's whole history on every batch: a busy SKU has thousands of movements, and
 * re-folding them per batch made first syncs quadratic. The shortcut is taken only where it is
 * provably the fold's answer (new deltas on top of a known baseline); anything else (a new count, a
 * deletion, a movement seen before) falls back to the full fold.
 */
import { compareMovements, stockKey, stockOnHand } from '../../src/domain/stock.ts';
import type { MovementRow, ReadModelDb, StockLevelRow } from '../../src/store/schema.ts';

export const pairKey = (sku: string, location: string): string => JSON.stringify([sku, location]);
const pairOf = (key: string): [string, string] => JSON.parse(key) as [string, string];

export interface StockChanges {
  /** Movement rows written by this batch that were not in the table before it. */
  added: MovementRow[];
  /** Pairs whose history changed otherwise (deletions, replaced or re-applied rows): folded in full. */
  refold: Set<string>;
}

function latestCount(movements: readonly MovementRow[]): MovementRow | undefined {
  let baseline: MovementRow | undefined;
  for (const m of movements) {
    if (m.reason === 'count' && (baseline === undefined || compareMovements(m, baseline) > 0)) baseline = m;
  }
  return baseline;
}

/** Must run inside the projection's transaction, after the batch's movement rows were written. */
export async function updateStockLevels(db: ReadModelDb, changes: StockChanges): Promise<void> {
  const refold = new Set(changes.refold);
  const addedByPair = new Map<string, MovementRow[]>();
  for (const m of changes.added) {
    const key = pairKey(m.sku, m.location);
    // A new count may move the baseline past deltas already summed: only the full fold knows.
    if (m.reason === 'count') refold.add(key);
    const list = addedByPair.get(key);
    if (list) list.push(m);
    else addedByPair.set(key, [m]);
  }
  const incremental = [...addedByPair.keys()].filter((k) => !refold.has(k));
  const current = await db.stockLevels.bulkGet(incremental.map(pairOf));
  const levels: StockLevelRow[] = [];
  incremental.forEach((key, i) => {
    const [sku, location] = pairOf(key);
    const level = current[i] ?? { sku, location, onHand: 0, baseline: null };
    let onHand = level.onHand;
    for (const m of addedByPair.get(key) ?? []) {
      if (level.baseline === null || compareMovements(m, level.baseline) > 0) onHand += m.delta ?? 0;
    }
    levels.push({ ...level, onHand });
  });
  await db.stockLevels.bulkPut(levels);
  await refoldPairs(db, [...refold].map(pairOf));
}

async function refoldPairs(db: ReadModelDb, pairs: [string, string][]): Promise<void> {
  if (pairs.length === 0) return;
  const movements = await db.movements.where('[sku+location]').anyOf(pairs).toArray();
  const onHand = stockOnHand(movements);
  const byPair = new Map<string, MovementRow[]>();
  for (const m of movements) {
    const key = pairKey(m.sku, m.location);
    const list = byPair.get(key);
    if (list) list.push(m);
    else byPair.set(key, [m]);
  }
  const levels: StockLevelRow[] = [];
  const empty: [string, string][] = [];
  for (const [sku, location] of pairs) {
    const list = byPair.get(pairKey(sku, location));
    // A pair whose last movement was deleted has no level at all (not a counted 0).
    if (list === undefined) {
      empty.push([sku, location]);
      continue;
    }
    const count = latestCount(list);
    levels.push({
      sku,
      location,
      onHand: onHand.get(stockKey(sku, location)) ?? 0,
      baseline: count === undefined ? null : { at: count.at, _id: count._id },
    });
  }
  await db.stockLevels.bulkPut(levels);
  await db.stockLevels.bulkDelete(empty);
}
