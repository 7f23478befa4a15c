/**
 * Every document written on this device is tracked until the server acknowledges it, so nothing
 * waits silently (guarantee 3). The replica write comes first: the outbox row is bookkeeping about a
 * document that is already durable, never a condition of it.
 */
import type { StoreDoc } from '../../src/domain/documents.ts';
import type { OutboxRow, ReadModelDb } from '../../src/store/schema.ts';
import type { CommitResult } from '../../src/store/sync-port.ts';
import { putDoc, removeDoc, type Replica } from './replica-ops.ts';
import type { Refusal } from './replication.ts';

const now = (): string => new Date().toISOString();

/** Writes the document to the replica (durable when this resolves), then records it as pending. */
export async function commitDoc(replica: Replica, db: ReadModelDb, doc: StoreDoc): Promise<CommitResult> {
  const result = await putDoc(replica, doc);
  try {
    await db.outbox.put({ id: result.id, rev: result.rev, docType: doc.type, state: 'pending', at: now() });
  } catch (error) {
    // The sale is safe in the replica; only its outbox line is missing, and replication still pushes it.
    console.error('[sync] outbox row not written for', result.id, error);
  }
  return result;
}

/** Deletes the document in the replica (a tombstone, durable when this resolves), then records it as pending. */
export async function removeAndRecord(replica: Replica, db: ReadModelDb, id: string, rev?: string): Promise<CommitResult> {
  const result = await removeDoc(replica, id, rev);
  try {
    await db.outbox.put({ id: result.id, rev: result.rev, docType: 'deleted', state: 'pending', at: now() });
  } catch (error) {
    console.error('[sync] outbox row not written for the deletion of', result.id, error);
  }
  return result;
}

/** Push replication delivered these revisions: their outbox rows are done. */
export async function markAcknowledged(db: ReadModelDb, docs: readonly { id: string; rev: string }[]): Promise<number> {
  if (docs.length === 0) return 0;
  return db.transaction('rw', db.outbox, async () => {
    const rows = await db.outbox.bulkGet(docs.map((d) => d.id));
    const at = now();
    const updated = rows
      .filter((r): r is OutboxRow => r !== undefined && r.state !== 'acknowledged')
      .map((r) => ({ ...r, state: 'acknowledged' as const, at, reason: undefined }));
    await db.outbox.bulkPut(updated);
    return updated.length;
  });
}

/** The server refused these documents (e.g. forbidden by its validation): shown with the reason. */
export async function markRejected(db: ReadModelDb, refusals: readonly Refusal[]): Promise<number> {
  if (refusals.length === 0) return 0;
  return db.transaction('rw', db.outbox, async () => {
    const rows = await db.outbox.bulkGet(refusals.map((r) => r.id));
    const at = now();
    const updated: OutboxRow[] = [];
    rows.forEach((row, i) => {
      const refusal = refusals[i];
      if (row !== undefined && refusal !== undefined) updated.push({ ...row, state: 'rejected', at, reason: refusal.reason });
    });
    await db.outbox.bulkPut(updated);
    return updated.length;
  });
}

/** CouchDB's _revs_diff: for each id, the revisions the server does not have. */
export type RevsDiff = (diff: Record<string, string[]>) => Promise<Record<string, { missing?: string[] }>>;

const CHECK_BATCH = 200;

/**
 * Pending rows are checked against the server on start and after every reconnect: a document pushed
 * just before a reload (acknowledged by the server, but the page died before the 'change' event)
 * would otherwise stay pending forever. Returns how many rows turned out to be acknowledged.
 */
export async function reconcilePending(db: ReadModelDb, revsDiff: RevsDiff): Promise<number> {
  const pending = await db.outbox.where('state').anyOf('pending', 'sending').toArray();
  let acknowledged = 0;
  for (let i = 0; i < pending.length; i += CHECK_BATCH) {
    const batch = pending.slice(i, i + CHECK_BATCH);
    const missing = await revsDiff(Object.fromEntries(batch.map((r) => [r.id, [r.rev]])));
    const onServer = batch.filter((r) => !(missing[r.id]?.missing ?? []).includes(r.rev));
    acknowledged += await markAcknowledged(db, onServer.map((r) => ({ id: r.id, rev: r.rev })));
  }
  return acknowledged;
}

/**
 * Whether one of a product's leaf revisions is this register's write still on its way to the server
 * (its outbox row pending or sending). The server accepts an unsigned product merge only when it
 * holds every leaf merged (sync-server/db/product-merge.ts): such a merge waits for the acknowledgement.
 */
export async function leafAwaitsServer(db: ReadModelDb, id: string, leafRevs: readonly string[]): Promise<boolean> {
  if (!id.startsWith('product:')) return false;
  const row = await db.outbox.get(id);
  return row !== undefined && (row.state === 'pending' || row.state === 'sending') && leafRevs.includes(row.rev);
}
