/**
 * The reconciliation harness page (issue 7), built with Vite (bench/reconcile-build.ts) so that the
 * real command starts the real worker exactly as the app does (`new Worker(new URL(...))`). Shared
 * by the Playwright long-task test and the benchmark; it is not part of the app's bundle.
 *
 *   seed(spec)      – fills the read model with the data set (bench/reconcile-data.ts); not measured
 *   watchLongTasks  – PerformanceObserver('longtask') on this page's main thread
 *   reconcile()     – the command (src/commands/reconcile.ts) → the worker; the run row watched
 *                     through its named query, as a stock screen would
 *   inPageFold()    – the baseline: the same fold over the same data in memory, no worker, no IndexedDB
 */
import { reconcileStock, type ReconcileProgress } from '../src/commands/reconcile.ts';
import { orderReservations } from '../src/domain/reconcile/order-reservations.ts';
import { finishStockFold, foldMovements, foldReservations, startStockFold } from '../src/domain/reconcile/stock-fold.ts';
import type { PlatformLevel } from '../src/domain/reconcile/types.ts';
import type { WebOrderDoc, WebOrderEventDoc } from '../src/domain/documents.ts';
import { getStockFigure, watchOversellTasksOf, watchReconcileRun, watchStockDifferences } from '../src/store/reconcile-queries.ts';
import { readModelDb, type MovementRow, type ReconcileRunRow } from '../src/store/schema.ts';
import * as Comlink from 'comlink';
import { generateReconcileData, type ReconcileDataSpec } from './reconcile-data.ts';
import type { Seeder } from './reconcile-seed.worker.ts';

type Pair = [string, string];

let longTasks: number[] = [];
/** Start times of the long tasks and of each progress message (ms since the page's time origin). */
let longTaskStarts: number[] = [];
let timeline: Array<[number, string]> = [];
let observer: PerformanceObserver | null = null;
let frameObserver: PerformanceObserver | null = null;

interface FrameSummary {
  start: number;
  duration: number;
  blocking: number;
  scripts: Array<{ invoker: string; source: string; duration: number }>;
}
let frames: FrameSummary[] = [];

interface LoafEntry extends PerformanceEntry {
  blockingDuration?: number;
  scripts?: Array<{ invoker: string; sourceURL: string; sourceFunctionName: string; duration: number }>;
}

function describeFrame(entry: PerformanceEntry): FrameSummary {
  const e = entry as LoafEntry;
  return {
    start: Math.round(e.startTime),
    duration: Math.round(e.duration),
    blocking: Math.round(e.blockingDuration ?? 0),
    scripts: (e.scripts ?? []).map((s) => ({ invoker: s.invoker, source: `${s.sourceURL.split('/').pop() ?? ''} ${s.sourceFunctionName}`, duration: Math.round(s.duration) })),
  };
}
let inMemory: { movements: MovementRow[][]; orders: WebOrderDoc[]; events: WebOrderEventDoc[] } | null = null;

function first<T>(observable: { subscribe(o: { next(v: T): void; error(e: unknown): void }): { unsubscribe(): void } }): Promise<T> {
  return new Promise((resolve, reject) => {
    const sub = observable.subscribe({
      next: (v) => {
        resolve(v);
        queueMicrotask(() => sub.unsubscribe());
      },
      error: reject,
    });
  });
}

const harness = {
  /**
   * Empties the read model's tables the reconciliation reads, then writes the data set (in a worker).
   * The generator's figures for every pair go back to the caller: the page keeps nothing of them, so
   * its heap (and its collections) during a run are the size a stock screen's would be.
   */
  async seed(spec: ReconcileDataSpec): Promise<{ ms: number; counts: unknown; expected: Record<string, { onHand: number; reserved: number }>; levels: PlatformLevel[] }> {
    const worker = new Worker(new URL('./reconcile-seed.worker.ts', import.meta.url), { type: 'module' });
    try {
      return await Comlink.wrap<Seeder>(worker).seed(spec);
    } finally {
      worker.terminate();
    }
  },

  /**
   * Long tasks on this page's main thread; long animation frames too, whose script attribution tells
   * a task of ours from time the thread simply did not get (a loaded machine) or spent elsewhere.
   */
  watchLongTasks(): void {
    longTasks = [];
    longTaskStarts = [];
    frames = [];
    observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        longTasks.push(entry.duration);
        longTaskStarts.push(Math.round(entry.startTime));
      }
    });
    observer.observe({ type: 'longtask', buffered: false });
    frameObserver = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) frames.push(describeFrame(entry));
    });
    try {
      frameObserver.observe({ type: 'long-animation-frame', buffered: false });
    } catch {
      frameObserver = null; // not in this browser
    }
  },

  stopLongTasks(): number[] {
    // Entries still queued in the observer are delivered by takeRecords().
    for (const entry of observer?.takeRecords() ?? []) {
      longTasks.push(entry.duration);
      longTaskStarts.push(Math.round(entry.startTime));
    }
    for (const entry of frameObserver?.takeRecords() ?? []) frames.push(describeFrame(entry));
    observer?.disconnect();
    frameObserver?.disconnect();
    observer = null;
    frameObserver = null;
    return longTasks;
  },

  /** The long animation frames seen by the last watch, with their scripts. */
  longFrames(): FrameSummary[] {
    return frames;
  },

  /** When the long tasks started, beside when each progress message arrived (phase and rows done). */
  timeline(): { longTasks: number[]; progress: Array<[number, string]> } {
    return { longTasks: longTaskStarts, progress: timeline };
  },

  /** Rows in the tables the data set fills (to check a reused profile still holds it). */
  async seededCounts(): Promise<{ movements: number; webOrders: number }> {
    const db = readModelDb();
    return { movements: await db.movements.count(), webOrders: await db.webOrders.count() };
  },

  /** Empties the result tables, so that what the next run is checked on is its own. */
  async resetResults(): Promise<void> {
    const db = readModelDb();
    await db.transaction('rw', [db.stockFigures, db.stockDifferences, db.oversellTasks, db.reconcileRuns], () =>
      Promise.all([db.stockFigures.clear(), db.stockDifferences.clear(), db.oversellTasks.clear(), db.reconcileRuns.clear()]),
    );
  },

  /** Runs the command; the progress row is watched through its named query meanwhile. */
  async reconcile(platformLevels: PlatformLevel[], chunks: { readChunk?: number; writeChunk?: number } = {}): Promise<{ wallMs: number; workerMs: number; progressCalls: number; last: ReconcileProgress | null; rowPhases: string[]; summary: unknown }> {
    const rows: ReconcileRunRow[] = [];
    const sub = watchReconcileRun().subscribe({
      next: (row: ReconcileRunRow | undefined) => {
        if (row !== undefined) rows.push(row);
      },
      error: () => undefined,
    });
    let progressCalls = 0;
    timeline = [];
    let last: ReconcileProgress | null = null;
    const t0 = performance.now();
    const summary = await reconcileStock({
      platformLevels,
      ...chunks,
      onProgress: (p) => {
        progressCalls += 1;
        last = p;
        timeline.push([Math.round(performance.now()), `${p.phase} ${p.done}/${p.total}`]);
      },
    });
    const wallMs = performance.now() - t0;
    // Let the last row write reach the query.
    await new Promise((r) => setTimeout(r, 300));
    sub.unsubscribe();
    const phases: string[] = [];
    for (const row of rows) if (row.runId === summary.runId && phases.at(-1) !== row.phase) phases.push(row.phase);
    return { wallMs, workerMs: summary.ms, progressCalls, last, rowPhases: phases, summary };
  },

  async results(pairs: Pair[]): Promise<unknown> {
    const figures = await Promise.all(pairs.map(([sku, location]) => getStockFigure(sku, location)));
    const tasks = await Promise.all(pairs.map(([sku, location]) => first(watchOversellTasksOf(sku, location))));
    const db = readModelDb();
    return {
      figures,
      tasks,
      differences: await first(watchStockDifferences()),
      run: await first(watchReconcileRun()),
      totals: { figures: await db.stockFigures.count(), oversells: await db.oversellTasks.count(), differences: await db.stockDifferences.count() },
      allTaskSkus: (await db.oversellTasks.toArray()).map((t) => `${t.sku}@${t.location}`).sort(),
    };
  },

  /** Every figure the run wrote, as [sku, location, onHand, reserved] (checked against the oracle in Node). */
  async allFigures(): Promise<Array<[string, string, number, number]>> {
    const rows = await readModelDb().stockFigures.toArray();
    return rows.map((f) => [f.sku, f.location, f.onHand, f.reserved]);
  },

  /** The baseline's data: the same data set, generated into this page's memory (not timed). */
  async prepareInPage(spec: ReconcileDataSpec): Promise<number> {
    const movements: MovementRow[][] = [];
    const orders: WebOrderDoc[] = [];
    const events: WebOrderEventDoc[] = [];
    await generateReconcileData(spec, (b) => {
      movements.push(b.movements);
      for (const o of b.orders) orders.push(o);
      for (const e of b.events) events.push(e);
    });
    inMemory = { movements, orders, events };
    return movements.reduce((n, c) => n + c.length, 0);
  },

  /**
   * The baseline: one pass over the data in memory on this page — reservations of every order, every
   * movement, the finish — without worker, IndexedDB reads or result writes. Returns the time (ms).
   */
  inPageFold(platformLevels: PlatformLevel[]): number {
    if (inMemory === null) throw new Error('prepareInPage first');
    const { movements, orders, events } = inMemory;
    const t0 = performance.now();
    const byOrder = new Map<string, WebOrderEventDoc[]>();
    for (const e of events) {
      const list = byOrder.get(e.orderId);
      if (list) list.push(e);
      else byOrder.set(e.orderId, [e]);
    }
    const fold = startStockFold();
    for (const o of orders) foldReservations(fold, orderReservations(o, byOrder.get(o._id) ?? [], 'shop'));
    for (const chunk of movements) foldMovements(fold, chunk);
    finishStockFold(fold, platformLevels);
    return performance.now() - t0;
  },
};

export type ReconcileHarness = typeof harness;

declare global {
  interface Window {
    comptoirReconcile: ReconcileHarness;
  }
}

window.comptoirReconcile = harness;
