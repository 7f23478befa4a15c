/**
 * Registers never delete a product, with one exception: closing a losing branch of a product that
 * has conflicting revisions, which is how the field-wise merge (ADR 0015) ends a conflict — a
 * tombstone child of every non-winning leaf, replicated with new_edits=false. Refusing those left
 * the conflict on the server for ever (and the register's outbox row marked rejected).
 *
 * A product tombstone is accepted when it cannot take the product away: after the request the
 * product still has a live revision — its parent is not the server's current winning revision, or
 * the same request carries a live revision of that product that was accepted.
 */
import type { BulkResult } from './register-writes.ts';

type Doc = Record<string, unknown>;
type Outcome = BulkResult | 'write' | 'noop';

interface Leaves {
  get(id: string): Promise<{ _rev?: string; _deleted?: boolean }>;
}

/** The revision a new_edits=false tombstone is written under, or null when it names none. */
export function tombstoneParent(doc: unknown): string | null {
  const d = doc as Doc;
  const revisions = d['_revisions'] as { start?: unknown; ids?: unknown } | undefined;
  if (typeof revisions !== 'object' || revisions === null) return null;
  const { start, ids } = revisions;
  if (typeof start !== 'number' || !Number.isSafeInteger(start) || start < 2) return null;
  if (!Array.isArray(ids) || ids.length < 2 || typeof ids[1] !== 'string') return null;
  return `${start - 1}-${ids[1]}`;
}

/** A deletion sent by replication (new_edits=false) with its history: maybe a conflict being closed. */
export function isBranchTombstone(doc: unknown, newEdits: boolean): boolean {
  return !newEdits && typeof doc === 'object' && doc !== null && (doc as Doc)['_deleted'] === true && tombstoneParent(doc) !== null;
}

/**
 * Decides the product tombstones of a request (outcome 'write' so far). Runs after every other product
 * check, so a live revision counted as "carried by the request" is one that will be written.
 */
export async function checkProductTombstones(db: Leaves, docs: unknown[], outcome: Outcome[], idOf: (d: unknown) => string, isProduct: (id: string) => boolean): Promise<void> {
  const live = new Set(docs.flatMap((d, i) => (outcome[i] === 'write' && isProduct(idOf(d)) && (d as Doc)['_deleted'] !== true ? [idOf(d)] : [])));
  for (const [i, doc] of docs.entries()) {
    const id = idOf(doc);
    if (outcome[i] !== 'write' || !isProduct(id) || (doc as Doc)['_deleted'] !== true) continue;
    const refuse = (reason: string): void => void (outcome[i] = { id, error: 'forbidden', reason });
    if (live.has(id)) continue;
    let winner: string | undefined;
    try {
      const current = await db.get(id);
      winner = current._deleted === true ? undefined : current._rev;
    } catch {
      winner = undefined;
    }
    if (winner === undefined) refuse('registers may create and edit products but never delete one');
    else if (tombstoneParent(doc) === winner) refuse(`registers may close a conflicting revision of a product, never its current revision ${winner}`);
  }
}
