/**
 * Reads and writes on the replica that need care: named errors for a taken id and a full disk, and
 * the receipt-number lookup. No PouchDB import at runtime (types only), so node tests can use a fake.
 */
import type PouchDB from 'pouchdb-browser';
import type { SaleDoc, StoreDoc } from '../../src/domain/documents.ts';
import type { ZReportDoc } from '../../src/domain/register-documents.ts';

export type Replica = PouchDB.Database<StoreDoc>;

/** Raised instead of PouchDB's error when the disk is full, so the UI can say so plainly. */
export class StorageFullError extends Error {
  override name = 'QuotaExceededError';
  constructor(cause: unknown) {
    super('The device storage is full: this register cannot save anything until space is freed.', { cause });
  }
}

/** Id already taken in the replica (SyncPort.commit's contract names it ConflictError). */
export class ConflictError extends Error {
  override name = 'ConflictError';
  constructor(readonly docId: string) {
    super(`A document with id ${docId} already exists`);
  }
}

/**
 * PouchDB has historically swallowed or rewrapped QuotaExceededError (sometimes as a generic 500 with
 * the DOMException in `reason`/`message`), so every field is inspected.
 */
export function isQuotaError(error: unknown): boolean {
  const seen = new Set<unknown>();
  let e: unknown = error;
  while (e !== null && typeof e === 'object' && !seen.has(e)) {
    seen.add(e);
    const r = e as { name?: unknown; message?: unknown; reason?: unknown; code?: unknown; cause?: unknown };
    const text = `${String(r.name ?? '')} ${String(r.message ?? '')} ${String(r.reason ?? '')}`;
    if (/quota/i.test(text) || r.code === 22) return true;
    e = r.cause ?? (typeof r.reason === 'object' ? r.reason : undefined);
  }
  return false;
}

function isConflict(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { status?: unknown }).status === 409;
}

/** put() with the two failures a cashier must hear about turned into named errors. */
export async function putDoc(replica: Replica, doc: StoreDoc): Promise<{ id: string; rev: string }> {
  try {
    const res = await replica.put(doc);
    return { id: res.id, rev: res.rev };
  } catch (error) {
    if (isConflict(error)) throw new ConflictError(doc._id);
    if (isQuotaError(error)) throw new StorageFullError(error);
    throw error;
  }
}

/** Deletes a document; a missing, already deleted or changed document is a ConflictError. */
export async function removeDoc(replica: Replica, id: string, rev?: string): Promise<{ id: string; rev: string }> {
  let current: { _id: string; _rev: string };
  try {
    current = (await replica.get(id)) as { _id: string; _rev: string };
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) throw new ConflictError(id);
    throw error;
  }
  if (rev !== undefined && current._rev !== rev) throw new ConflictError(id);
  try {
    const res = await replica.remove(current._id, current._rev);
    return { id: res.id, rev: res.rev };
  } catch (error) {
    if (isConflict(error)) throw new ConflictError(id);
    if (isQuotaError(error)) throw new StorageFullError(error);
    throw error;
  }
}

/** Highest Z number of a register in the replica (z:<registerId>:<6 digits>); 0 when none. */
export async function lastZNumberIn(replica: Replica, registerId: string): Promise<number> {
  const prefix = `z:${registerId}:`;
  const res = await replica.allDocs({ startkey: `${prefix}\ufff0`, endkey: prefix, descending: true, limit: 1 });
  const id = res.rows[0]?.id;
  if (id === undefined) return 0;
  const n = Number(id.slice(prefix.length));
  return Number.isSafeInteger(n) ? n : 0;
}

/** Highest receipt number of a register in the replica: ids sort by number, so one key read suffices. */
export async function lastReceiptNumberIn(replica: Replica, registerId: string): Promise<number> {
  const prefix = `sale:${registerId}:`;
  const res = await replica.allDocs({ startkey: `${prefix}\ufff0`, endkey: prefix, descending: true, limit: 1 });
  const id = res.rows[0]?.id;
  if (id === undefined) return 0;
  const n = Number(id.slice(prefix.length));
  return Number.isSafeInteger(n) ? n : 0;
}

async function lastDocIn(replica: Replica, prefix: string): Promise<StoreDoc | null> {
  const res = await replica.allDocs({ startkey: `${prefix}\ufff0`, endkey: prefix, descending: true, limit: 1, include_docs: true });
  return res.rows[0]?.doc ?? null;
}

/**
 * The register's last journal entry: the newest sale and the newest Z report are the only candidates
 * (both numbered in journal order), so two key reads suffice; the one with the higher seq wins.
 */
export async function lastJournalEntryIn(replica: Replica, registerId: string): Promise<SaleDoc | ZReportDoc | null> {
  const [sale, z] = await Promise.all([lastDocIn(replica, `sale:${registerId}:`), lastDocIn(replica, `z:${registerId}:`)]);
  const linked = [sale, z].filter((d): d is SaleDoc | ZReportDoc => (d?.type === 'sale' || d?.type === 'z_report') && d.journal !== undefined);
  linked.sort((a, b) => (b.journal?.seq ?? 0) - (a.journal?.seq ?? 0));
  return linked[0] ?? null;
}
