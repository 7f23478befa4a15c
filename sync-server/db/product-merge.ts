/**
 * Two registers that create the same product offline — a quick product for the same unknown barcode
 * — each send a first revision of one document. The one that arrives second is a concurrent creation:
 * it is checked as a creation and kept as a conflicting leaf, as CouchDB keeps any concurrent edit.
 *
 * A register that sees the conflict merges it field-wise (ADR 0015). The merged revision names no
 * manager when neither creation did, so the manager rule would refuse it and the conflict would stay
 * on the server for ever. It is accepted when it is exactly the resolution every replica computes
 * from the live leaves the server holds (planResolution: same content, same revision id): it carries
 * nothing that was not already accepted. Registers therefore merge a product only once their own
 * leaf is on the server (workers/sync/outbox.ts leafAwaitsServer).
 */
import type { MutableDoc } from '../../src/domain/field-clock.ts';
import { canonicalJson } from '../../src/domain/journal.ts';
import { contentOf, planResolution, type Leaf } from '../../src/domain/merge-resolution.ts';

type Doc = Record<string, unknown>;

/** The server's view of a document's leaves (PouchDB's get with open_revs). */
export interface LeafReader {
  get(id: string, options: { open_revs: 'all' }): Promise<unknown>;
}

/** A revision sent by replication (new_edits=false) that starts a history: a creation. */
export function isFirstRevision(doc: unknown, newEdits: boolean): boolean {
  if (newEdits || typeof doc !== 'object' || doc === null) return false;
  const revisions = (doc as Doc)['_revisions'] as { start?: unknown } | undefined;
  if (typeof revisions === 'object' && revisions !== null && typeof revisions.start === 'number') return revisions.start === 1;
  const rev = (doc as Doc)['_rev'];
  return typeof rev === 'string' && rev.startsWith('1-');
}

/** Whether `doc` is the merged revision that resolving the server's live leaves of it writes. */
export async function isResolutionOfLeaves(db: LeafReader, doc: unknown): Promise<boolean> {
  const d = doc as Doc;
  const id = d['_id'];
  const rev = d['_rev'];
  if (typeof id !== 'string' || typeof rev !== 'string' || d['_deleted'] === true) return false;
  let rows: unknown;
  try {
    rows = await db.get(id, { open_revs: 'all' });
  } catch {
    return false;
  }
  if (!Array.isArray(rows)) return false;
  const leaves = rows.flatMap((r: { ok?: Doc }) => (r.ok !== undefined && r.ok['_deleted'] !== true && typeof r.ok['_rev'] === 'string' ? [r.ok] : []));
  if (leaves.length < 2) return false;
  try {
    const plan = await planResolution(leaves as unknown as Array<Leaf<MutableDoc>>);
    const merged = plan.writes.find((w) => w._deleted !== true);
    return merged !== undefined && merged._rev === rev && canonicalJson(contentOf(merged)) === canonicalJson(contentOf(d));
  } catch {
    return false; // leaves the merge cannot read (another type, no revision id): not a resolution
  }
}
