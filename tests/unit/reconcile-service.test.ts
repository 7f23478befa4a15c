// Issue 7: the reconciliation worker's service over a real Dexie (fake-indexeddb): chunked reads,
// results written and replaced, progress, labels; and the command's hand-off to the worker port.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { SaleDoc, WebOrderDoc, WebOrderEventDoc } from '../../src/domain/documents.ts';
import { money } from '../../src/domain/money.ts';
import { movementsOfSale } from '../../src/domain/stock.ts';
import { orderReservations } from '../../src/domain/reconcile/order-reservations.ts';
import { reconcileStock as reconcileOneShot } from '../../src/domain/reconcile/stock-fold.ts';
import { reconcileStock } from '../../src/commands/reconcile.ts';
import type { ReconcilePort, ReconcileProgress } from '../../src/store/reconcile-port.ts';
import { ReadModelDb, type MovementRow } from '../../src/store/schema.ts';
import { createReconcileService } from '../../workers/reconcile/reconcile-service.ts';
import { firstValueFrom } from './store/observable.ts';
import { watchOversellTasks, watchReconcileRun, watchStockFiguresOf } from '../../src/store/reconcile-queries.ts';

const T = (minute: number): string => new Date(Date.UTC(2026, 10, 28, 9, 0) + minute * 60_000).toISOString();
let n = 0;
const freshDb = (): ReadModelDb => new ReadModelDb(`reconcile-test-${++n}-${Math.random().toString(36).slice(2)}`);

function sale(registerId: string, receipt: number, minute: number, lines: Array<[string, number]>): SaleDoc {
  const id = `sale:${registerId}:${String(receipt).padStart(8, '0')}`;
  return {
    _id: id, type: 'sale', storeId: 'demo', registerId, receiptNumber: receipt, receiptLabel: `R-${registerId}-${String(receipt).padStart(6, '0')}`,
    createdAt: T(minute), cashier: 'Camille', currency: 'EUR', location: 'shop', tenders: [], vatBreakdown: [],
    totals: { net: money(0), vat: money(0), gross: money(0), tendered: money(0), change: money(0) },
    lines: lines.map(([sku, quantity]) => ({ sku, name: sku, quantity, unitPrice: money(100), vatRate: 2000, total: money(100 * quantity) })),
  };
}

function order(num: number, minute: number, lines: Array<[string, number]>, status: WebOrderDoc['status'] = 'new'): WebOrderDoc {
  return {
    _id: `weborder:shopify:demo:${num}`, type: 'web_order', platform: 'shopify', shop: 'demo', platformOrderId: String(num), orderNumber: `#${num}`,
    createdAt: T(minute), updatedAt: T(minute), status, delivery: 'shipping', customer: { name: 'Client' }, currency: 'EUR', pricesIncludeTax: true,
    lines: lines.map(([sku, quantity]) => ({ sku, name: sku, quantity, unitPrice: money(100) })), total: money(100), payment: { state: 'paid' },
  };
}

async function seed(db: ReadModelDb): Promise<{ movements: MovementRow[]; orders: WebOrderDoc[]; events: WebOrderEventDoc[] }> {
  const sales = [sale('R1', 1, 10, [['LAST', 1], ['A', 2]]), sale('R2', 1, 12, [['LAST', 1]]), sale('R1', 2, 20, [['A', 1]])];
  const movements: MovementRow[] = [
    { _id: 'stock:r1:01', type: 'stock_movement', sku: 'LAST', location: 'shop', reason: 'count', quantity: 1, at: T(0) },
    { _id: 'stock:r1:02', type: 'stock_movement', sku: 'A', location: 'shop', reason: 'count', quantity: 10, at: T(0) },
    { _id: 'stock:r1:03', type: 'stock_movement', sku: 'A', location: 'depot', reason: 'receipt', delta: 4, at: T(1) },
    { _id: 'stock:r1:04', type: 'stock_movement', sku: 'B', location: 'shop', reason: 'receipt', delta: 2, at: T(1) },
    ...sales.flatMap((s) => movementsOfSale(s).map((m) => ({ ...m, type: 'stock_movement' as const, derivedFrom: s._id }))),
  ];
  const orders = [order(1042, 15, [['LAST', 1]]), order(1043, 5, [['A', 3], ['B', 1]]), order(1044, 6, [['B', 5]], 'shipped'), order(1045, 7, [['B', 2]])];
  // #1045 is cancelled at the counter: it holds nothing.
  const events: WebOrderEventDoc[] = [{ _id: 'woevent:r1:0001', type: 'web_order_event', orderId: 'weborder:shopify:demo:1045', kind: 'cancelled', reason: 'x', at: T(8), by: 'Camille' }];
  await db.movements.bulkPut(movements);
  await db.sales.bulkPut(sales);
  await db.webOrders.bulkPut(orders);
  await db.registerDocs.bulkPut([...events, { _id: 'staff:camille', type: 'staff' } as never]);
  await db.syncState.put({ key: 'status', state: 'offline', pending: 0, lastSyncedAt: T(30), message: null });
  return { movements, orders, events };
}

describe('reconciliation service', () => {
  it('reads in chunks, folds, and writes what the one-shot fold gives, with labels and asOf', async () => {
    const db = freshDb();
    const { movements, orders, events } = await seed(db);
    const progress: ReconcileProgress[] = [];
    const service = createReconcileService(db, { now: () => new Date(T(60)), runId: () => 'run-1' });
    const summary = await service.reconcileStock(
      { readChunk: 2, writeChunk: 2, platformLevels: [{ source: 'shopify:demo', sku: 'A', quantity: 11 }] },
      (p) => progress.push(p),
    );
    await new Promise((r) => setTimeout(r, 0)); // progress callbacks are never awaited by the worker

    const expected = reconcileOneShot({
      movements,
      reservations: orders.flatMap((o) => orderReservations(o, events, 'shop')),
      platformLevels: [{ source: 'shopify:demo', sku: 'A', quantity: 11 }],
    });
    const stamp = { runId: 'run-1', asOf: T(60) };
    expect(await db.stockFigures.toArray()).toEqual(expected.figures.map((f) => ({ ...f, ...stamp })));
    expect(await db.stockDifferences.toArray()).toEqual(expected.differences.map((d) => ({ ...d, ...stamp })));
    expect(await db.stockFigures.get(['A', 'shop'])).toMatchObject({ onHand: 7, reserved: 3, available: 4 });
    expect(await db.stockFigures.get(['B', 'shop'])).toMatchObject({ onHand: 2, reserved: 1, available: 1 });
    // A: 4 (shop) + 4 (depot) available, the platform shows 11.
    expect(expected.differences).toEqual([expect.objectContaining({ sku: 'A', platform: 11, expected: 8, difference: 3 })]);

    const tasks = await db.oversellTasks.toArray();
    expect(tasks).toHaveLength(1);
    expect(tasks[0]?.claims.map((c) => [c.kind, c.label])).toEqual([
      ['sale', 'R-R1-000001'],
      ['sale', 'R-R2-000001'],
      ['web_order', '#1042'],
    ]);
    expect(tasks[0]).toMatchObject({ sku: 'LAST', short: 2, state: 'open', runId: 'run-1', asOf: T(60) });

    expect(summary).toMatchObject({ runId: 'run-1', asOf: T(60), counts: { movements: movements.length, skipped: 0, webOrders: 4, events: 1, oversells: 1, differences: 1 } });
    const row = await db.reconcileRuns.get('stock');
    expect(row).toMatchObject({ phase: 'done', runId: 'run-1', asOf: T(60), sync: { state: 'offline', lastSyncedAt: T(30) } });
    expect(row?.done).toBe(row?.total);

    // Reading progress grows to the number of rows to read, then writing to the rows written.
    const reading = progress.filter((p) => p.phase.startsWith('reading_'));
    expect(reading.map((p) => p.done)).toEqual([...reading.map((p) => p.done)].sort((a, b) => a - b));
    // #1044 is shipped on the platform: never read.
    expect(reading.at(-1)?.done).toBe(1 + (orders.length - 1) + movements.length);
    expect(summary.counts).toMatchObject({ webOrders: 4, openOrders: 3 });
    expect(progress.at(-1)).toEqual({ runId: 'run-1', phase: 'done', done: summary.counts.figures + 1 + 1, total: summary.counts.figures + 1 + 1 });
  });

  it('a second run replaces the rows: what no longer holds is gone', async () => {
    const db = freshDb();
    await seed(db);
    const service = createReconcileService(db, { now: () => new Date(T(60)), runId: () => 'run-1' });
    await service.reconcileStock({ platformLevels: [{ source: 'shopify:demo', sku: 'A', quantity: 11 }] });
    expect(await db.oversellTasks.count()).toBe(1);
    // A receipt for LAST and the B movements removed: the task, the B figure and the difference go.
    await db.movements.bulkPut([{ _id: 'stock:r1:09', type: 'stock_movement', sku: 'LAST', location: 'shop', reason: 'receipt', delta: 5, at: T(40) }]);
    await db.movements.delete('stock:r1:04');
    await db.webOrders.bulkDelete(['weborder:shopify:demo:1043']);
    const again = createReconcileService(db, { now: () => new Date(T(90)), runId: () => 'run-2' });
    await again.reconcileStock();
    const tasks = await db.oversellTasks.toArray();
    // The collision happened: the task stays, recovered, rewritten by run 2.
    expect(tasks.map((t) => [t.state, t.runId, t.shortNow])).toEqual([['recovered', 'run-2', 0]]);
    expect(await db.stockFigures.get(['B', 'shop'])).toBeUndefined();
    expect(await db.stockDifferences.count()).toBe(0);
    expect(new Set((await db.stockFigures.toArray()).map((f) => f.runId))).toEqual(new Set(['run-2']));
  });

  it('a call while a run is going joins it', async () => {
    const db = freshDb();
    await seed(db);
    let runs = 0;
    const service = createReconcileService(db, { runId: () => `run-${++runs}` });
    const [a, b] = await Promise.all([service.reconcileStock(), service.reconcileStock()]);
    expect(a.runId).toBe(b.runId);
    expect((await service.reconcileStock()).runId).toBe('run-2');
  });

  it('a failed run says so in its row', async () => {
    const db = freshDb();
    await seed(db);
    // Middleware applies to a connection opened after it is added: a second connection to the same database.
    const failing = new ReadModelDb(db.name);
    failing.use({
      stack: 'dbcore',
      name: 'fail-movements',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return name !== 'movements' ? table : { ...table, query: () => Promise.reject(new Error('disk full')) };
        },
      }),
    });
    const service = createReconcileService(failing, { runId: () => 'run-x' });
    await expect(service.reconcileStock()).rejects.toThrow('disk full');
    expect(await failing.reconcileRuns.get('stock')).toMatchObject({ phase: 'failed', error: 'disk full', runId: 'run-x' });
  });
});

describe('reconcile command', () => {
  it('hands the options and the progress callback to the worker port', async () => {
    const calls: unknown[] = [];
    const port: ReconcilePort = {
      async reconcileStock(options, onProgress) {
        calls.push(options);
        onProgress?.({ runId: 'r', phase: 'done', done: 1, total: 1 });
        return { runId: 'r', startedAt: T(0), asOf: T(0), finishedAt: T(1), ms: 1, phaseMs: {}, counts: { movements: 0, skipped: 0, webOrders: 0, openOrders: 0, events: 0, reservations: 0, figures: 0, differences: 0, oversells: 0 } };
      },
    };
    const seen: ReconcileProgress[] = [];
    const summary = await reconcileStock({ platformLevels: [{ source: 's', sku: 'A', quantity: 1 }], onProgress: (p) => seen.push(p) }, { port: () => port });
    expect(summary.runId).toBe('r');
    expect(calls).toEqual([{ platformLevels: [{ source: 's', sku: 'A', quantity: 1 }] }]);
    expect(seen).toHaveLength(1);
  });

  it('the named queries read the results', async () => {
    // The queries use the app's database (readModelDb()): run the service on it.
    const { readModelDb } = await import('../../src/store/schema.ts');
    const db = readModelDb();
    await seed(db);
    await createReconcileService(db, { now: () => new Date(T(60)), runId: () => 'run-q' }).reconcileStock();
    expect((await firstValueFrom(watchStockFiguresOf('A'))).map((f) => [f.location, f.available])).toEqual([['depot', 4], ['shop', 4]]);
    expect((await firstValueFrom(watchOversellTasks())).map((t) => t.sku)).toEqual(['LAST']);
    expect(await firstValueFrom(watchReconcileRun())).toMatchObject({ phase: 'done', runId: 'run-q' });

    // A live query over the results sees the next run.
    const seen: number[] = [];
    const sub = watchStockFiguresOf('A').subscribe({ next: (rows) => seen.push(rows.find((f) => f.location === 'shop')?.available ?? NaN) });
    await new Promise((r) => setTimeout(r, 50));
    await db.movements.put({ _id: 'stock:r1:99', type: 'stock_movement', sku: 'A', location: 'shop', reason: 'receipt', delta: 10, at: T(50) });
    await createReconcileService(db, { now: () => new Date(T(70)), runId: () => 'run-q2' }).reconcileStock();
    await new Promise((r) => setTimeout(r, 100));
    sub.unsubscribe();
    expect(seen[0]).toBe(4);
    expect(seen.at(-1)).toBe(14);
  });
});
