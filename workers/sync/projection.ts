/**
 * Projects replica changes into the Dexie read model. Free of PouchDB on purpose: it takes batches of
 * changes (an array or an async iterable), so unit tests and the bench feed it plain arrays.
 *
 * Each batch is one Dexie transaction holding the rows AND the new checkpoint: after a reload the
 * projection resumes exactly where the last committed batch ended, never re-applying or skipping.
 * Rows are upserted by key and stock levels follow the domain fold (see stock-levels.ts), so
 * replaying a batch (or the whole feed) yields the same tables: idempotent.
 */
import { isQueueJobId, parseQueueJobDoc } from '../../src/domain/outbound-documents.ts';
import { STOCK_DIFFERENCES_PREFIX } from '../../src/domain/stock-differences.ts';
import { parseStockDifferencesDoc, parseStoreDoc } from '../../src/domain/validate.ts';
import type { Result } from '../../src/domain/result.ts';
import type { MovementRow, ProjectionRow, ReadModelDb, SkippedDoc } from '../../src/store/schema.ts';
import { projectWebOrderStock, rowsOfBatch, type BatchRows, type DeletedIds, type ProjectedDoc } from './projection-rows.ts';
import { pairKey, updateStockLevels } from './stock-levels.ts';

/** The part of a PouchDB changes-feed result the projection needs (include_docs: true). */
export interface ReplicaChange {
  id: string;
  seq: number | string;
  deleted?: boolean;
  doc?: unknown;
}

export interface ProjectionReport {
  /** Documents written or removed. */
  applied: number;
  skipped: SkippedDoc[];
  lastSeq: number | string | null;
}

/** Most recent skipped documents kept for the sync screen; older ones are in the worker's log. */
const SKIPPED_KEPT = 100;

export async function readCheckpoint(db: ReadModelDb): Promise<{ seq: number | string; replica: string | null }> {
  const row = await db.projection.get('checkpoint');
  return row?.key === 'checkpoint' ? { seq: row.seq, replica: row.replica } : { seq: 0, replica: null };
}

/**
 * Local PouchDB (IndexedDB) seqs are integers: anything at or below the checkpoint was projected.
 * Opaque string seqs cannot be compared, so they are applied again (harmless: writes are idempotent).
 */
function alreadyProjected(seq: number | string, checkpoint: number | string): boolean {
  return typeof seq === 'number' && typeof checkpoint === 'number' && seq <= checkpoint;
}

/** Design and local documents replicate but are not data: ignored, not reported. */
function isDataId(id: string): boolean {
  return !id.startsWith('_design/') && !id.startsWith('_local/');
}

/**
 * Applies one batch. `replica` names the replica the checkpoint belongs to, so that a device paired to
 * another store notices its read model is someone else's.
 */
export async function projectBatch(
  db: ReadModelDb,
  changes: readonly ReplicaChange[],
  replica: string | null = null,
): Promise<ProjectionReport> {
  const last = changes.at(-1);
  if (last === undefined) return { applied: 0, skipped: [], lastSeq: null };

  // Validation is pure CPU work: done before the transaction, which must not wait on anything but IndexedDB.
  const upserts: { doc: ProjectedDoc; seq: number | string }[] = [];
  const deletions: ReplicaChange[] = [];
  const skipped: SkippedDoc[] = [];
  const seen = new Set<string>();
  // A feed can list the same id twice in a batch: the later change wins, so walk backwards.
  for (let i = changes.length - 1; i >= 0; i--) {
    const change = changes[i] as ReplicaChange;
    if (seen.has(change.id) || !isDataId(change.id)) continue;
    seen.add(change.id);
    if (change.deleted) {
      deletions.push(change);
      continue;
    }
    const parsed = parseProjectedDoc(change.id, change.doc);
    if (parsed.ok) upserts.push({ doc: parsed.value, seq: change.seq });
    else skipped.push({ id: change.id, seq: change.seq, reason: parsed.error });
  }

  return db.transaction('rw', [...projectedTables(db), db.projection], async () => {
    const checkpoint = (await readCheckpoint(db)).seq;
    if (alreadyProjected(last.seq, checkpoint)) return { applied: 0, skipped: [], lastSeq: checkpoint };
    const fresh = (c: { seq: number | string }): boolean => !alreadyProjected(c.seq, checkpoint);
    const docs = upserts.filter(fresh).map((u) => u.doc);
    const gone = deletions.filter(fresh);
    const rows = rowsOfBatch(docs, gone.map((c) => c.id));
    const refold = new Set<string>();
    await removeDeleted(db, rows.deleted, refold);
    const added = await writeRows(db, rows, refold);
    added.push(...(await projectWebOrderStock(db, rows, refold)));
    await updateStockLevels(db, { added, refold });
    await db.projection.put({ key: 'checkpoint', seq: last.seq, replica });
    if (skipped.length > 0) await recordSkipped(db, skipped);
    return { applied: docs.length + gone.length, skipped, lastSeq: last.seq };
  });
}

/**
 * Server-written queue jobs (outbound:…, mail:…) and stock comparisons (reconcile:stock:…) have their
 * own validators; everything else is a store document. Only a document that fails its validator is
 * reported as skipped.
 */
function parseProjectedDoc(id: string, doc: unknown): Result<ProjectedDoc, string> {
  const type = typeof doc === 'object' && doc !== null ? (doc as { type?: unknown }).type : undefined;
  if (id.startsWith(STOCK_DIFFERENCES_PREFIX) || type === 'stock_differences') return parseStockDifferencesDoc(doc);
  return isQueueJobId(id) || type === 'outbound_job' ? parseQueueJobDoc(doc) : parseStoreDoc(doc);
}

function projectedTables(db: ReadModelDb) {
  return [db.products, db.movements, db.stockLevels, db.sales, db.webOrders, db.customers, db.storeSettings, db.registerDocs];
}

async function removeDeleted(db: ReadModelDb, deleted: DeletedIds, refold: Set<string>): Promise<void> {
  // Movements (replicated or derived from a deleted sale) are read first: their pairs need refolding.
  const movementIds = [...deleted.movements];
  const derived = await db.movements.where('derivedFrom').anyOf(deleted.sales).toArray();
  const own = (await db.movements.bulkGet(movementIds)).filter((m): m is MovementRow => m !== undefined);
  for (const m of [...derived, ...own]) refold.add(pairKey(m.sku, m.location));
  await db.movements.bulkDelete([...movementIds, ...derived.map((m) => m._id)]);
  await db.products.bulkDelete(deleted.products);
  await db.sales.bulkDelete(deleted.sales);
  await db.webOrders.bulkDelete(deleted.webOrders);
  await db.customers.bulkDelete(deleted.customers);
  await db.storeSettings.bulkDelete(deleted.storeSettings);
  await db.registerDocs.bulkDelete(deleted.registerDocs);
}

/** Writes the batch's rows; returns which movements are new and which pairs need a full refold. */
async function writeRows(db: ReadModelDb, rows: BatchRows, refold: Set<string>): Promise<MovementRow[]> {
  // A movement already in the table (a replay, an edited document) is already inside its level.
  const before = await db.movements.bulkGet(rows.movements.map((m) => m._id));
  const added: MovementRow[] = [];
  rows.movements.forEach((m, i) => {
    if (before[i] === undefined) added.push(m);
    else refold.add(pairKey(m.sku, m.location));
  });
  // A sale's derived movements are replaced as a whole, should a sale ever come back with other lines.
  const saleIds = rows.sales.map((s) => s._id);
  const fresh = new Set(rows.movements.map((m) => m._id));
  const stale = saleIds.length > 0 ? (await db.movements.where('derivedFrom').anyOf(saleIds).toArray()).filter((m) => !fresh.has(m._id)) : [];
  for (const m of stale) refold.add(pairKey(m.sku, m.location));
  await db.movements.bulkDelete(stale.map((m) => m._id));
  await db.products.bulkPut(rows.products);
  await db.movements.bulkPut(rows.movements);
  await db.sales.bulkPut(rows.sales);
  await db.webOrders.bulkPut(rows.webOrders);
  await db.customers.bulkPut(rows.customers);
  await db.storeSettings.bulkPut(rows.storeSettings);
  await db.registerDocs.bulkPut(rows.registerDocs);
  return added;
}

async function recordSkipped(db: ReadModelDb, skipped: readonly SkippedDoc[]): Promise<void> {
  const row = await db.projection.get('skipped');
  const previous = row?.key === 'skipped' ? row.docs : [];
  const docs = [...previous, ...skipped].slice(-SKIPPED_KEPT);
  await db.projection.put({ key: 'skipped', docs } satisfies ProjectionRow);
}

/** Projects every batch of a feed in order; stops at the first failing batch (its checkpoint is not written). */
export async function projectChanges(
  db: ReadModelDb,
  batches: Iterable<readonly ReplicaChange[]> | AsyncIterable<readonly ReplicaChange[]>,
  replica: string | null = null,
  onSkipped: (docs: readonly SkippedDoc[]) => void = () => {},
): Promise<ProjectionReport> {
  const total: ProjectionReport = { applied: 0, skipped: [], lastSeq: null };
  for await (const batch of batches) {
    const report = await projectBatch(db, batch, replica);
    total.applied += report.applied;
    total.skipped.push(...report.skipped);
    if (report.lastSeq !== null) total.lastSeq = report.lastSeq;
    if (report.skipped.length > 0) onSkipped(report.skipped);
  }
  return total;
}

/** Empties the read model and its checkpoint (device-local tables are kept) so the next projection starts at seq 0. */
export async function clearReadModel(db: ReadModelDb): Promise<void> {
  // Reconciliation results are facts about the data being cleared: they go with it.
  const results = [db.stockFigures, db.stockDifferences, db.oversellTasks, db.reconcileRuns];
  await db.transaction('rw', [...projectedTables(db), ...results, db.projection], async () => {
    await Promise.all([...projectedTables(db).map((t) => t.clear()), ...results.map((t) => t.clear()), db.projection.clear()]);
  });
}
