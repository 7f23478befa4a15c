/**
 * Runs in Chromium (real IndexedDB): times the real projection (projection.ts into the real schema)
 * against a raw Dexie bulkPut of the very rows it writes, same batches, same run. bench/run.ts drives it.
 */
import { Dexie } from 'dexie';
import { ReadModelDb } from '../src/store/schema.ts';
import { projectBatch, type ReplicaChange } from '../workers/sync/projection.ts';
import { rowsOfBatch } from '../workers/sync/projection-rows.ts';
import { generateDocs } from './generate-docs.ts';

const BATCH = 500; // what the worker's feed reads per batch

export interface BenchResult {
  documents: number;
  projectionMs: number[];
  rawBulkPutMs: number[];
}

function batches<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

async function timed(name: string, work: (db: ReadModelDb) => Promise<void>): Promise<number> {
  const db = new ReadModelDb(name);
  await db.open();
  const start = performance.now();
  await work(db);
  const ms = performance.now() - start;
  db.close();
  await Dexie.delete(name);
  return ms;
}

async function run(count: number, rounds: number): Promise<BenchResult> {
  const docs = generateDocs(count);
  const changes: ReplicaChange[][] = batches(docs.map((doc, i) => ({ id: doc._id, seq: i + 1, doc })));
  // The baseline writes exactly the rows the projection derives (incl. sale movements), precomputed.
  const rowBatches = batches(docs).map((b) => rowsOfBatch(b, []));
  const result: BenchResult = { documents: docs.length, projectionMs: [], rawBulkPutMs: [] };
  const projection = (db: ReadModelDb) => changes.reduce((p, batch) => p.then(() => projectBatch(db, batch)).then(() => undefined), Promise.resolve());
  const raw = async (db: ReadModelDb): Promise<void> => {
    for (const rows of rowBatches) {
      await db.transaction('rw', [db.products, db.movements, db.sales], async () => {
        await db.products.bulkPut(rows.products);
        await db.movements.bulkPut(rows.movements);
        await db.sales.bulkPut(rows.sales);
      });
    }
  };
  // One warm-up of each (JIT, IndexedDB backing store), then alternate the order to cancel drift.
  await timed('bench-warm-p', projection);
  await timed('bench-warm-r', raw);
  for (let r = 0; r < rounds; r++) {
    if (r % 2 === 0) {
      result.projectionMs.push(await timed(`bench-p-${r}`, projection));
      result.rawBulkPutMs.push(await timed(`bench-r-${r}`, raw));
    } else {
      result.rawBulkPutMs.push(await timed(`bench-r-${r}`, raw));
      result.projectionMs.push(await timed(`bench-p-${r}`, projection));
    }
  }
  return result;
}

declare global {
  interface Window {
    comptoirBench: { run: typeof run };
  }
}

window.comptoirBench = { run };
