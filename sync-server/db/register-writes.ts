/**
 * Writes by registers, done by the server itself (not handed to the engine's HTTP API) so that every
 * document is checked first: ownership and shape (validate/store-doc.ts), and immutability of sales
 * and stock movements (a new revision of one that exists is refused; re-sending a revision the
 * server already has is a no-op, which is what a replication retried after a crash does).
 * Check-then-write runs under a per-store lock, so two requests cannot race past the check.
 */
import { checkRegisterWrite, isImmutableId, type WriterContext } from '../validate/store-doc.ts';
import type { StoreBackend } from './backend.ts';
import { checkProductCreate, isProductId } from '../validate/product-create.ts';
import { checkRegisterProductWrite } from '../../src/domain/product-edit.ts';
import { checkProductTombstones, isBranchTombstone } from './product-conflict-close.ts';
import { isFirstRevision, isResolutionOfLeaves } from './product-merge.ts';
import type { ProductDoc } from '../../src/domain/documents.ts';
import { isParkedId } from '../validate/register-docs.ts';

/** A per-document result in CouchDB's _bulk_docs format. */
export type BulkResult = { ok: true; id: string; rev: string } | { id: string; error: string; reason: string; rev?: string };

interface PouchBulkItem {
  ok?: boolean;
  id?: string;
  rev?: string;
  error?: boolean | string;
  name?: string;
  message?: string;
  reason?: string;
  status?: number;
}

type Doc = Record<string, unknown> & { _id?: unknown; _rev?: unknown };

export class RegisterWrites {
  private locks = new Map<string, Promise<unknown>>();

  constructor(private readonly backend: StoreBackend) {}

  private withLock<T>(storeId: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.locks.get(storeId) ?? Promise.resolve();
    const next = prev.then(fn, fn);
    const tail = next.catch(() => undefined);
    this.locks.set(storeId, tail);
    void tail.then(() => {
      if (this.locks.get(storeId) === tail) this.locks.delete(storeId);
    });
    return next;
  }

  /**
   * Validates and writes `docs` to the register's store. Returns the CouchDB-style results: for
   * new_edits=true one entry per document in order; for new_edits=false only the failures (as
   * CouchDB does).
   */
  write(ctx: WriterContext, docs: unknown[], newEdits: boolean): Promise<BulkResult[]> {
    return this.withLock(ctx.storeId, () => this.writeLocked(ctx, docs, newEdits));
  }

  private async writeLocked(ctx: WriterContext, docs: unknown[], newEdits: boolean): Promise<BulkResult[]> {
    const db = this.backend.db(ctx.storeId);
    const outcome: Array<BulkResult | 'write' | 'noop'> = [];
    const idOf = (d: unknown): string => (typeof (d as Doc)?._id === 'string' ? ((d as Doc)._id as string) : '');

    for (const doc of docs) {
      // Products: registers create them, and a manager changes them (checked below against the stored revision).
      // A tombstone closing a product's conflicting branch is decided below (product-conflict-close.ts).
      const check = isProductId(idOf(doc)) ? (isBranchTombstone(doc, newEdits) ? { ok: true as const } : checkProductCreate(doc)) : checkRegisterWrite(doc, ctx);
      if (!check.ok) outcome.push({ id: idOf(doc), error: 'forbidden', reason: check.reason });
      else if (!newEdits && typeof (doc as Doc)._rev !== 'string') outcome.push({ id: idOf(doc), error: 'bad_request', reason: 'new_edits=false needs a _rev' });
      else outcome.push('write');
    }
    await checkProductWrites(db, docs, outcome, idOf, newEdits);
    await checkProductTombstones(db, docs, outcome, idOf, isProductId);

    // Immutability: look at what the server already holds for immutable ids in this batch.
    // A parked sale is created once and then only deleted (resumed): a non-deleting new revision is refused.
    const createOnly = (d: unknown): boolean => isImmutableId(idOf(d)) || (isParkedId(idOf(d)) && (d as Doc)._deleted !== true);
    const immutableIdx = outcome.flatMap((o, i) => (o === 'write' && createOnly(docs[i]) ? [i] : []));
    if (immutableIdx.length > 0) {
      const ids = [...new Set(immutableIdx.map((i) => idOf(docs[i])))];
      const existing = await db.allDocs({ keys: ids });
      const exists = new Set<string>();
      for (const row of existing.rows) if (!('error' in row)) exists.add(row.key);
      let present = new Set<string>();
      if (!newEdits) {
        const asked: Record<string, string[]> = {};
        for (const i of immutableIdx) {
          const id = idOf(docs[i]);
          if (exists.has(id)) (asked[id] ??= []).push((docs[i] as Doc)._rev as string);
        }
        if (Object.keys(asked).length > 0) {
          const diff = (await db.revsDiff(asked)) as Record<string, { missing?: string[] }>;
          present = new Set(
            Object.entries(asked).flatMap(([id, revs]) => revs.filter((r) => !(diff[id]?.missing ?? []).includes(r)).map((r) => `${id}@${r}`)),
          );
        }
      }
      const seenInBatch = new Set<string>();
      for (const i of immutableIdx) {
        const id = idOf(docs[i]);
        const kind = id.startsWith('sale:') ? 'sale'
          : id.startsWith('stock:') ? 'stock movement' : `${id.split(':')[0]}: document`;
        if (seenInBatch.has(id)) {
          outcome[i] = { id, error: 'forbidden', reason: `${id} appears twice in one request; a ${kind} is written once` };
          continue;
        }
        seenInBatch.add(id);
        if (!exists.has(id)) continue;
        if (!newEdits) {
          const rev = (docs[i] as Doc)._rev as string;
          if (present.has(`${id}@${rev}`)) {
            outcome[i] = 'noop';
            continue;
          }
        }
        outcome[i] = { id, error: 'forbidden', reason: `${id} already exists: a ${kind} is immutable and can never be changed` };
      }
    }

    const toWrite = docs.filter((_, i) => outcome[i] === 'write') as Array<PouchDB.Core.PutDocument<object>>;
    let written: PouchBulkItem[] = [];
    if (toWrite.length > 0) {
      written = (await db.bulkDocs(toWrite, { new_edits: newEdits })) as unknown as PouchBulkItem[];
    }
    const toCouch = (item: PouchBulkItem, id: string): BulkResult => {
      if (item.error) {
        return { id: item.id ?? id, error: item.name ?? String(item.error), reason: item.message ?? item.reason ?? 'write failed' };
      }
      return { ok: true, id: item.id ?? id, rev: item.rev ?? '' };
    };

    if (!newEdits) {
      const failures: BulkResult[] = written.filter((w) => w.error).map((w) => toCouch(w, w.id ?? ''));
      for (const o of outcome) if (typeof o === 'object') failures.push(o);
      return failures;
    }
    const results: BulkResult[] = [];
    let k = 0;
    outcome.forEach((o, i) => {
      if (o === 'write') results.push(toCouch(written[k++] ?? { error: 'unknown_error' }, idOf(docs[i])));
      else if (o !== 'noop') results.push(o);
    });
    return results;
  }
}

/**
 * Issue 7: a register's product write, checked against what the server holds (domain/product-edit.ts
 * checkRegisterProductWrite): a creation as before; a new revision only signed by an active manager of
 * the store (updatedBy = their staff id), with the same SKU and currency; never a deletion (but see
 * product-conflict-close.ts). A revision the server already holds (a replication retried) passes as
 * it is; a concurrent creation and the exact merge of the leaves held pass too (product-merge.ts).
 */
async function checkProductWrites(db: ReturnType<StoreBackend['db']>, docs: unknown[], outcome: Array<BulkResult | 'write' | 'noop'>, idOf: (d: unknown) => string, newEdits: boolean): Promise<void> {
  const idx = outcome.flatMap((o, i) => (o === 'write' && isProductId(idOf(docs[i])) && (docs[i] as Doc)._deleted !== true ? [i] : []));
  if (idx.length === 0) return;
  const previous = new Map<string, ProductDoc>();
  const stored = await db.allDocs({ keys: [...new Set(idx.map((i) => idOf(docs[i])))], include_docs: true });
  for (const row of stored.rows) {
    const doc = 'doc' in row ? (row.doc as unknown as ProductDoc | null | undefined) : undefined;
    if (doc) previous.set(row.key, doc);
  }
  const staffIds = [...new Set(idx.map((i) => (docs[i] as Doc)['updatedBy']).filter((s): s is string => typeof s === 'string' && s.startsWith('staff:')))];
  const managers = new Set<string>();
  if (staffIds.length > 0) {
    const staff = await db.allDocs({ keys: staffIds, include_docs: true });
    for (const row of staff.rows) {
      const d = 'doc' in row ? (row.doc as Record<string, unknown> | null | undefined) : undefined;
      if (d && d['type'] === 'staff' && d['role'] === 'manager' && d['active'] === true) managers.add(row.key);
    }
  }
  for (const i of idx) {
    const id = idOf(docs[i]);
    const before = previous.get(id) ?? null;
    if (!newEdits && before !== null && before._rev === (docs[i] as Doc)._rev) continue;
    // A second first revision: another register created the same product offline (product-merge.ts).
    const concurrentCreation = before !== null && isFirstRevision(docs[i], newEdits);
    const r = checkRegisterProductWrite(docs[i], concurrentCreation ? null : before, (s) => managers.has(s));
    if (r.ok && concurrentCreation && before !== null && r.value.currency !== before.currency) {
      outcome[i] = { id, error: 'forbidden', reason: `currency: must be "${before.currency}", as the product created first` };
    } else if (!r.ok && !(before !== null && !newEdits && (await isResolutionOfLeaves(db, docs[i])))) {
      outcome[i] = { id, error: 'forbidden', reason: r.error };
    }
  }
}
