/**
 * Named queries over the reconciliation's results (issue 7), for the stock screens. Each watch*
 * returns a Dexie Observable that re-emits when the reconciliation worker writes what it reads; every
 * row carries the asOf of the run that wrote it. Bounded reads only: a shop has tens of thousands of
 * SKU/location figures, and a screen shows a page of them.
 */
import { liveQuery, type Observable } from 'dexie';
import { readModelDb, type OversellTaskRow, type ReconcileRunRow, type StockDifferenceRow, type StockFigureRow } from './schema.ts';

/** The stock run's progress while it runs, its summary once done; undefined before the first run. */
export function watchReconcileRun(): Observable<ReconcileRunRow | undefined> {
  return liveQuery(() => readModelDb().reconcileRuns.get('stock'));
}

/** A SKU's figures at every location, by location. */
export function watchStockFiguresOf(sku: string): Observable<StockFigureRow[]> {
  return liveQuery(() => readModelDb().stockFigures.where('sku').equals(sku).toArray());
}

export function getStockFigure(sku: string, location: string): Promise<StockFigureRow | undefined> {
  return readModelDb().stockFigures.get([sku, location]);
}

/** Figures by SKU then location, a page at a time (`after`: the last [sku, location] of the previous page). */
export function watchStockFigures(limit = 100, after?: [string, string]): Observable<StockFigureRow[]> {
  return liveQuery(() => {
    const table = readModelDb().stockFigures;
    const from = after === undefined ? table.toCollection() : table.where(':id').above(after);
    return from.limit(limit).toArray();
  });
}

/** Pairs with nothing left to sell (available ≤ 0), most oversold first. */
export function watchShortFigures(limit = 100): Observable<StockFigureRow[]> {
  return liveQuery(() => readModelDb().stockFigures.where('available').belowOrEqual(0).limit(limit).toArray());
}

/** Oversell tasks, still-short ones first, then newest first. */
export function watchOversellTasks(limit = 200): Observable<OversellTaskRow[]> {
  return liveQuery(async () => {
    const byNewest = () => readModelDb().oversellTasks.orderBy('startedAt').reverse();
    const open = await byNewest().filter((t) => t.state === 'open').limit(limit).toArray();
    if (open.length >= limit) return open;
    const recovered = await byNewest().filter((t) => t.state === 'recovered').limit(limit - open.length).toArray();
    return [...open, ...recovered];
  });
}

export function watchOversellTasksOf(sku: string, location: string): Observable<OversellTaskRow[]> {
  return liveQuery(() => readModelDb().oversellTasks.where('[sku+location]').equals([sku, location]).sortBy('startedAt'));
}

/** Differences with the web stores, by SKU. */
export function watchStockDifferences(limit = 500): Observable<StockDifferenceRow[]> {
  return liveQuery(() => readModelDb().stockDifferences.orderBy('sku').limit(limit).toArray());
}
