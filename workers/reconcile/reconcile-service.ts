/**
 * The stock reconciliation (issue 7) as the worker runs it: reads the read model in chunks (web-order
 * events, then web orders → reservations, then every movement, sales' and orders' derived ones
 * included), folds them with the pure fold (src/domain/reconcile), and writes figures, differences
 * and oversell tasks in one transaction per chunk of rows. Nothing here runs on the main thread.
 *
 * Chunks are separate transactions: a sync landing mid-run is seen by the chunks read after it. The
 * result is stamped with the moment the run started reading (asOf); the next run picks up the rest.
 */
import type { WebOrderEventDoc } from '../../src/domain/documents.ts';
import { closedStatuses, orderReservations } from '../../src/domain/reconcile/order-reservations.ts';
import { finishStockFold, foldMovements, foldReservations, labelClaims, startStockFold } from '../../src/domain/reconcile/stock-fold.ts';
import type { OversellTask } from '../../src/domain/reconcile/types.ts';
import { FALLBACK_LOCATION } from '../../src/domain/web-order-state.ts';
import type { ReconcileOptions, ReconcilePort, ReconcileProgress, ReconcileSummary } from '../../src/store/reconcile-port.ts';
import { readModelDb, type ReadModelDb, type ReconcilePhase, type ReconcileRunRow } from '../../src/store/schema.ts';
import { countRange, readChunks, type KeyRange } from './read-chunks.ts';
import { writeResults } from './write-results.ts';

const EVENTS: KeyRange = { lower: 'woevent:', upper: 'woevent:\uffff' };
const DEFAULT_READ_CHUNK = 10_000;
const DEFAULT_WRITE_CHUNK = 5_000;
/** The progress row is rewritten at most this often (the callback gets every chunk). */
const ROW_EVERY_MS = 500;
/** The progress callback is called at most this often (phase changes and the end always). */
const CALLBACK_EVERY_MS = 100;

export interface ReconcileServiceDeps {
  now: () => Date;
  /** Run ids: unique per run (tests pass a fixed one). */
  runId: () => string;
}

const defaults: ReconcileServiceDeps = {
  now: () => new Date(),
  runId: () => `recon:${Date.now().toString(36)}:${Math.random().toString(36).slice(2, 8)}`,
};

export function createReconcileService(db: ReadModelDb = readModelDb(), deps: Partial<ReconcileServiceDeps> = {}): ReconcilePort {
  const { now, runId } = { ...defaults, ...deps };
  let running: Promise<ReconcileSummary> | null = null;
  return {
    reconcileStock(options = {}, onProgress) {
      running ??= runStock(db, options, onProgress, now, runId()).finally(() => {
        running = null;
      });
      return running;
    },
  };
}

class Progress {
  private lastRowAt = 0;
  private lastCallAt = 0;
  row: ReconcileRunRow;

  constructor(
    private readonly db: ReadModelDb,
    private readonly onProgress: ((p: ReconcileProgress) => void) | undefined,
    row: ReconcileRunRow,
  ) {
    this.row = row;
  }

  /**
   * Reports; the row is written on a phase change, at the end of a phase, and otherwise at most every
   * ROW_EVERY_MS; the callback likewise at most every CALLBACK_EVERY_MS: few wake-ups on the main thread.
   */
  async report(phase: ReconcilePhase, done: number, total: number, extra: Partial<ReconcileRunRow> = {}): Promise<void> {
    const phaseChanged = phase !== this.row.phase;
    this.row = { ...this.row, ...extra, phase, done, total };
    const t = Date.now();
    // Never awaited: the worker does not wait for the main thread.
    if (this.onProgress !== undefined && (phaseChanged || done === total || t - this.lastCallAt >= CALLBACK_EVERY_MS)) {
      this.lastCallAt = t;
      const p = { runId: this.row.runId, phase, done, total };
      Promise.resolve()
        .then(() => this.onProgress?.(p))
        .catch(() => undefined);
    }
    if (phaseChanged || done === total || t - this.lastRowAt >= ROW_EVERY_MS) {
      this.lastRowAt = t;
      await this.db.reconcileRuns.put(this.row);
    }
  }
}

async function runStock(
  db: ReadModelDb,
  options: ReconcileOptions,
  onProgress: ((p: ReconcileProgress) => void) | undefined,
  now: () => Date,
  runId: string,
): Promise<ReconcileSummary> {
  const started = performance.now();
  const asOf = now().toISOString();
  const readChunk = options.readChunk ?? DEFAULT_READ_CHUNK;
  const writeChunk = options.writeChunk ?? DEFAULT_WRITE_CHUNK;
  // Orders the platform closed hold nothing whatever their events (mayReserve): only open ones are read.
  const [status, settings, nEvents, nOrders, openOrderIds, nMovements] = await Promise.all([
    db.syncState.get('status'),
    db.storeSettings.get('store:settings'),
    countRange(db.registerDocs, EVENTS),
    db.webOrders.count(),
    db.webOrders.where('status').noneOf(closedStatuses()).primaryKeys(),
    db.movements.count(),
  ]);
  const progress = new Progress(db, onProgress, {
    kind: 'stock',
    runId,
    phase: 'reading_events',
    done: 0,
    total: nEvents + openOrderIds.length + nMovements,
    startedAt: asOf,
    asOf,
    finishedAt: null,
    sync: status === undefined ? null : { state: status.state, lastSyncedAt: status.lastSyncedAt },
  });
  const total = progress.row.total;
  await db.reconcileRuns.put(progress.row);
  try {
    const location = settings?.defaultLocation ?? FALLBACK_LOCATION;
    const fold = startStockFold();
    let done = 0;
    const phaseMs: Record<string, number> = {};
    let mark = performance.now();
    const lap = (name: string): void => {
      const t = performance.now();
      phaseMs[name] = Math.round(t - mark);
      mark = t;
    };

    // 1. Web-order events, grouped by order (only while the orders are read).
    let eventsByOrder: Map<string, WebOrderEventDoc[]> | null = new Map();
    const events = await readChunks(db.registerDocs, readChunk, async (rows) => {
      for (const row of rows) {
        if (row.type !== 'web_order_event') continue;
        const ev = row as WebOrderEventDoc;
        const list = eventsByOrder?.get(ev.orderId);
        if (list) list.push(ev);
        else eventsByOrder?.set(ev.orderId, [ev]);
      }
      done += rows.length;
      await progress.report('reading_events', done, total);
    }, EVENTS);
    lap('events');

    // 2. Open web orders (by key, in chunks): what each one still holds, per SKU and location.
    const none: WebOrderEventDoc[] = [];
    openOrderIds.sort();
    for (let i = 0; i < openOrderIds.length; i += readChunk) {
      const orders = await db.webOrders.bulkGet(openOrderIds.slice(i, i + readChunk));
      for (const order of orders) {
        if (order !== undefined) foldReservations(fold, orderReservations(order, eventsByOrder?.get(order._id) ?? none, location));
      }
      done += orders.length;
      await progress.report('reading_orders', done, total);
    }
    eventsByOrder = null;
    lap('orders');

    // 3. Every movement: replicated ones, and those the projection derived from sales and web orders.
    await readChunks(db.movements, readChunk, async (rows) => {
      foldMovements(fold, rows);
      done += rows.length;
      await progress.report('reading_movements', done, total);
    });
    lap('movements');

    await progress.report('folding', done, total);
    const result = finishStockFold(fold, options.platformLevels ?? []);
    const oversells = labelClaims(result.oversells, await claimLabels(db, result.oversells));
    lap('fold');
    const counts = {
      movements: fold.movements,
      skipped: fold.skipped,
      webOrders: nOrders,
      openOrders: openOrderIds.length,
      events,
      reservations: fold.reservations,
      figures: result.figures.length,
      differences: result.differences.length,
      oversells: oversells.length,
    };

    // 4. Results, one transaction per chunk of rows; rows of earlier runs that no longer hold are removed.
    const stamp = { runId, asOf };
    const rowsToWrite = result.figures.length + result.differences.length + oversells.length;
    let written = 0;
    const wrote = (n: number): Promise<void> => progress.report('writing', (written += n), rowsToWrite, { counts });
    await progress.report('writing', 0, rowsToWrite, { counts });
    await writeResults(db.stockFigures, result.figures.map((f) => ({ ...f, ...stamp })), (r): [string, string] => [r.sku, r.location], writeChunk, wrote);
    await writeResults(db.stockDifferences, result.differences.map((d) => ({ ...d, ...stamp })), (r) => r.id, writeChunk, wrote);
    await writeResults(db.oversellTasks, oversells.map((t) => ({ ...t, ...stamp })), (r) => r.id, writeChunk, wrote);

    lap('write');
    const finishedAt = now().toISOString();
    await progress.report('done', rowsToWrite, rowsToWrite, { finishedAt, counts });
    return { runId, startedAt: asOf, asOf, finishedAt, counts, ms: performance.now() - started, phaseMs };
  } catch (error) {
    await db.reconcileRuns.put({ ...progress.row, phase: 'failed', finishedAt: now().toISOString(), error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}

/** Receipt labels of the sales and numbers of the web orders named in tasks (only those are read). */
async function claimLabels(db: ReadModelDb, tasks: readonly OversellTask[]): Promise<Map<string, string>> {
  const sales = new Set<string>();
  const orders = new Set<string>();
  for (const task of tasks) {
    for (const c of task.claims) {
      if (c.kind === 'sale') sales.add(c.id);
      else if (c.kind === 'web_order' && c.label === undefined) orders.add(c.id);
    }
  }
  const labels = new Map<string, string>();
  for (const sale of await db.sales.bulkGet([...sales])) if (sale !== undefined) labels.set(sale._id, sale.receiptLabel);
  for (const order of await db.webOrders.bulkGet([...orders])) if (order !== undefined) labels.set(order._id, order.orderNumber);
  return labels;
}
