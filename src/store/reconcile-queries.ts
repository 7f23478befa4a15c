/**
 * Named queries over the reconciliation's results (issue 7), for the stock screens. Each watch*
 * returns a Dexie Observable that re-emits when the reconciliation worker writes what it reads; every
 * row carries the asOf of the run that wrote it. Bounded reads only: a shop has tens of thousands of
 * SKU/location figures, and a screen shows a page of them.
 */
import { liveQuery, type Observable } from 'dexie';
import type { OversellResolutionDoc } from '../domain/reconcile/resolution-doc.ts';
import {
  cancelLineOption, resolutionsByTask, taskResolution, transferSources, type CancelLineOption, type TaskStatus, type TransferSource,
} from '../domain/reconcile/resolutions.ts';
import type { OrderState } from '../domain/web-order-types.ts';
import { readModelDb, type OversellTaskRow, type ReconcileRunRow, type StockDifferenceRow, type StockFigureRow } from './schema.ts';
import { getStockLocations } from './stock-queries.ts';
import { getOrderState, getWebOrder } from './web-order-queries.ts';

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

async function listOversellTasks(limit: number): Promise<OversellTaskRow[]> {
  const byNewest = () => readModelDb().oversellTasks.orderBy('startedAt').reverse();
  const open = await byNewest().filter((t) => t.state === 'open').limit(limit).toArray();
  if (open.length >= limit) return open;
  const recovered = await byNewest().filter((t) => t.state === 'recovered').limit(limit - open.length).toArray();
  return [...open, ...recovered];
}

/** Oversell tasks, still-short ones first, then newest first. */
export function watchOversellTasks(limit = 200): Observable<OversellTaskRow[]> {
  return liveQuery(() => listOversellTasks(limit));
}

/** Every resolution recorded by any register (a few per oversell: they are read whole). */
export async function listOversellResolutions(): Promise<OversellResolutionDoc[]> {
  return (await readModelDb().registerDocs.where('type').equals('oversell_resolution').toArray()) as OversellResolutionDoc[];
}

export interface OversellTaskView {
  id: string;
  sku: string;
  location: string;
  /**
   * The task as the latest reconciliation computed it; null when it no longer finds that episode
   * because a resolution changed the facts it was made of (a cancelled web line holds nothing, so
   * the collision it took part in is gone): kept on screen from its resolutions, as resolved.
   */
  task: OversellTaskRow | null;
  status: TaskStatus;
  /** Units still short that no resolution handles. */
  toHandle: number;
  /** Oldest first. */
  resolutions: OversellResolutionDoc[];
}

/** Tasks whose episode is gone are listed this many at most, latest resolution first. */
const GONE_LIMIT = 20;
const RANK: Readonly<Record<TaskStatus, number>> = { open: 0, backordered: 1, resolved: 1, recovered: 2 };

const latest = (v: OversellTaskView): string => v.resolutions[v.resolutions.length - 1]?.at ?? '';

/**
 * Oversell tasks with what staff decided about them, live on every register: a resolution written
 * anywhere changes the status here as soon as it replicates. To resolve first, then handled
 * (backordered, resolved), then recovered — newest first within each — then the tasks whose
 * episode a resolution made disappear.
 */
export function watchOversellTaskViews(limit = 200): Observable<OversellTaskView[]> {
  return liveQuery(async () => {
    const [tasks, resolutions, run] = await Promise.all([listOversellTasks(limit), listOversellResolutions(), readModelDb().reconcileRuns.get('stock')]);
    const byTask = resolutionsByTask(resolutions);
    const views: OversellTaskView[] = tasks.map((task) => ({ id: task.id, sku: task.sku, location: task.location, task, ...taskResolution(task, byTask.get(task.id) ?? []) }));
    views.sort((a, b) => RANK[a.status] - RANK[b.status] || ((b.task?.startedAt ?? '') < (a.task?.startedAt ?? '') ? -1 : (b.task?.startedAt ?? '') > (a.task?.startedAt ?? '') ? 1 : 0));
    const shown = new Set(tasks.map((t) => t.id));
    const others = [...byTask.keys()].filter((id) => !shown.has(id));
    // Beyond the page, a task still exists. Without a row, it is gone only if a run made after its
    // resolutions did not find it: before that, this register has simply not computed it yet.
    const rows = await readModelDb().oversellTasks.bulkGet(others);
    const ranAfter = (id: string): boolean => run?.phase === 'done' && (byTask.get(id) as OversellResolutionDoc[]).every((r) => r.at < run.asOf);
    const gone: OversellTaskView[] = others
      .filter((id, i) => rows[i] === undefined && ranAfter(id))
      .map((id) => {
        const list = byTask.get(id) as OversellResolutionDoc[];
        const first = list[0] as OversellResolutionDoc;
        return { id, sku: first.sku, location: first.location, task: null, status: 'resolved' as const, toHandle: 0, resolutions: list };
      })
      .sort((a, b) => (latest(b) < latest(a) ? -1 : latest(b) > latest(a) ? 1 : 0))
      .slice(0, GONE_LIMIT);
    return [...views, ...gone];
  });
}

/** The store's other locations that can send units of `sku` to `location`, with the quantity to prefill. */
export function watchTransferSources(sku: string, location: string, shortfall: number): Observable<TransferSource[]> {
  return liveQuery(async () => {
    const [figures, locations] = await Promise.all([readModelDb().stockFigures.where('sku').equals(sku).toArray(), getStockLocations()]);
    return transferSources(figures, locations, location, shortfall);
  });
}

export interface CancelLineView {
  option: CancelLineOption;
  /** The order as this register knows it (undefined when it has not replicated here). */
  state?: OrderState;
  orderNumber?: string;
  currency?: string;
}

/** What cancelling the colliding units of `sku` on a web order would take off (at the task's location). */
export function watchCancelLine(orderId: string, sku: string, location: string): Observable<CancelLineView> {
  return liveQuery(async (): Promise<CancelLineView> => {
    const [order, state] = await Promise.all([getWebOrder(orderId), getOrderState(orderId)]);
    if (order === undefined || state === undefined) return { option: { ok: false, block: { kind: 'unknown_order' } } };
    return { option: cancelLineOption(state, sku, location), state, orderNumber: order.orderNumber, currency: order.currency };
  });
}

export function watchOversellTasksOf(sku: string, location: string): Observable<OversellTaskRow[]> {
  return liveQuery(() => readModelDb().oversellTasks.where('[sku+location]').equals([sku, location]).sortBy('startedAt'));
}

/** Differences with the web stores, by SKU. */
export function watchStockDifferences(limit = 500): Observable<StockDifferenceRow[]> {
  return liveQuery(() => readModelDb().stockDifferences.orderBy('sku').limit(limit).toArray());
}

/**
 * Resolves true once the read model holds every one of these documents (stock movements, register
 * documents such as web-order events and resolutions), false after `timeoutMs`. Narrower than the
 * sync port's readModelCaughtUp, which also waits for whatever else keeps replicating meanwhile
 * (the server's queue reporting on the pushes these very documents caused).
 */
export function whenInReadModel(ids: { movements?: readonly string[]; registerDocs?: readonly string[] }, timeoutMs: number): Promise<boolean> {
  const movements = [...(ids.movements ?? [])];
  const registerDocs = [...(ids.registerDocs ?? [])];
  const present = liveQuery(async () => {
    const db = readModelDb();
    const [m, r] = await Promise.all([db.movements.bulkGet(movements), db.registerDocs.bulkGet(registerDocs)]);
    return m.every((x) => x !== undefined) && r.every((x) => x !== undefined);
  });
  return new Promise((resolve) => {
    let settled = false;
    const settle = (value: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      queueMicrotask(() => sub.unsubscribe());
      resolve(value);
    };
    const timer = setTimeout(() => settle(false), timeoutMs);
    const sub = present.subscribe({ next: (all) => { if (all) settle(true); }, error: () => settle(false) });
  });
}
