/// <reference lib="webworker" />
/**
 * Seeds the read model with the reconciliation data set off the page's main thread (harness only):
 * the page that then runs the reconciliation keeps a small heap, so no collection of the seeding's
 * garbage can land in the measured run.
 */
import * as Comlink from 'comlink';
import { readModelDb } from '../src/store/schema.ts';
import { generateReconcileData, platformLevelsFor, type ReconcileDataSpec } from './reconcile-data.ts';

type Expected = Record<string, { onHand: number; reserved: number }>;

const seeder = {
  async seed(spec: ReconcileDataSpec): Promise<{ ms: number; counts: unknown; expected: Expected; levels: ReturnType<typeof platformLevelsFor> }> {
    const db = readModelDb();
    const t0 = performance.now();
    await db.transaction('rw', [db.movements, db.webOrders, db.registerDocs, db.sales, db.stockFigures, db.stockDifferences, db.oversellTasks, db.reconcileRuns], () =>
      Promise.all([db.movements.clear(), db.webOrders.clear(), db.registerDocs.clear(), db.sales.clear(), db.stockFigures.clear(), db.stockDifferences.clear(), db.oversellTasks.clear(), db.reconcileRuns.clear()]),
    );
    // Two transactions in flight: the next batch is generated while IndexedDB commits the last one.
    const inFlight = new Set<Promise<unknown>>();
    const generated = await generateReconcileData(
      spec,
      async (b) => {
        const write = db.transaction('rw', [db.movements, db.webOrders, db.registerDocs, db.sales], async () => {
          await db.movements.bulkAdd(b.movements);
          if (b.orders.length > 0) await db.webOrders.bulkAdd(b.orders);
          if (b.events.length > 0) await db.registerDocs.bulkAdd(b.events);
          if (b.sales.length > 0) await db.sales.bulkAdd(b.sales);
        });
        inFlight.add(write);
        write.finally(() => inFlight.delete(write)).catch(() => undefined);
        if (inFlight.size >= 2) await Promise.race(inFlight);
      },
      20_000,
    );
    await Promise.all(inFlight);
    // Every pair's expected figures (the generator's running totals, not the fold's).
    const expected: Expected = {};
    for (const [key, value] of generated.expected) expected[key] = value;
    return { ms: performance.now() - t0, counts: generated.counts, expected, levels: platformLevelsFor(generated.expected) };
  },
};

export type Seeder = typeof seeder;
Comlink.expose(seeder);
