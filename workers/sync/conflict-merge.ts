/**
 * Resolves conflicting revisions of the mutable documents (customer:, product:) in a replica: reads
 * every live leaf, merges them (src/domain/mutable-merge.ts) and writes, in one new_edits=false
 * bulkDocs, the merged document under the winning leaf and a deletion under every other leaf, with
 * revision ids computed from the content (src/domain/merge-resolution.ts). Any replica resolving the
 * same conflict writes the same revisions, so resolutions replicate without creating new conflicts;
 * a document without conflicts is left alone, so running it again writes nothing.
 *
 * It needs only the few replica operations in ConflictReplica: PouchDB through conflictReplicaOf(),
 * or the in-memory fake of the tests (one shared test suite runs against both).
 */
import type { CustomerDoc, ProductDoc } from '../../src/domain/documents.ts';
import { planResolution, type Leaf } from '../../src/domain/merge-resolution.ts';
import { parseStoreDoc } from '../../src/domain/validate.ts';

export type Seq = number | string;

/** The replica operations the resolver uses (the PouchDB API, as far as it needs it). */
export interface ConflictReplica {
  info(): Promise<{ update_seq: Seq }>;
  changes(options: { since: Seq; limit: number }): Promise<{ results: Array<{ id: string; seq: Seq }>; last_seq: Seq }>;
  /** The winning revision of each live document in the key range, with `_conflicts` when it has any. */
  allDocs(options: { startkey: string; endkey: string; limit: number; include_docs: true; conflicts: true }): Promise<{ rows: Array<{ id: string; doc?: unknown }> }>;
  /** The winner with `_conflicts` (the live losing leaves), or one revision; rejects with status 404 when missing. */
  get(id: string, options: { conflicts: true } | { rev: string }): Promise<unknown>;
  bulkDocs(docs: object[], options: { new_edits: false }): Promise<unknown[]>;
}

/** The documents that are edited in place, and therefore merged (ARCHITECTURE "Data model"). */
export const MUTABLE_PREFIXES = ['customer:', 'product:'] as const;
const TYPE_OF_PREFIX: Readonly<Record<(typeof MUTABLE_PREFIXES)[number], 'customer' | 'product'>> = { 'customer:': 'customer', 'product:': 'product' };

export function isMutableId(id: string): boolean {
  return MUTABLE_PREFIXES.some((p) => id.startsWith(p));
}

export interface MergeReport {
  /** Documents whose conflict was resolved here. */
  merged: string[];
  /** Documents left conflicted: a leaf or the merge does not validate (a person has to look). */
  skipped: Array<{ id: string; reason: string }>;
  /** Documents left for later: `hold` said one of their leaves is not on the server yet. */
  held: string[];
}

/**
 * Whether to leave a conflicted document for now, given its live leaf revisions. The server accepts
 * an unsigned product merge only when it holds every leaf merged (sync-server/db/product-merge.ts),
 * so a register waits until its own leaf has been acknowledged.
 */
export type Hold = (id: string, leafRevs: readonly string[]) => Promise<boolean>;

export interface ResolveOptions {
  stopped?: () => boolean;
  hold?: Hold;
}

const emptyReport = (): MergeReport => ({ merged: [], skipped: [], held: [] });

function addReport(into: MergeReport, from: MergeReport): void {
  into.merged.push(...from.merged);
  into.skipped.push(...from.skipped);
  into.held.push(...from.held);
}

const isMissing = (e: unknown): boolean => typeof e === 'object' && e !== null && (e as { status?: unknown }).status === 404;

function conflictsOf(doc: unknown): string[] {
  const c = typeof doc === 'object' && doc !== null ? (doc as { _conflicts?: unknown })._conflicts : undefined;
  return Array.isArray(c) ? c.filter((r): r is string => typeof r === 'string') : [];
}

type MutableLeaf = Leaf<CustomerDoc> | Leaf<ProductDoc>;

/** A leaf as the merge may trust it: valid, of the type its id says, with a revision id. */
function checkLeaf(id: string, raw: unknown): MutableLeaf | string {
  const parsed = parseStoreDoc(raw);
  if (!parsed.ok) return `${(raw as { _rev?: unknown })?._rev ?? '?'}: ${parsed.error}`;
  const prefix = MUTABLE_PREFIXES.find((p) => id.startsWith(p));
  const doc = parsed.value;
  if (prefix === undefined || doc.type !== TYPE_OF_PREFIX[prefix] || doc._id !== id) return `${doc._rev ?? '?'}: not a ${prefix ?? 'mutable'} document`;
  if (typeof doc._rev !== 'string') return 'a leaf without a revision id';
  return doc as MutableLeaf;
}

/**
 * Resolves one document if it has conflicts. `winner` is the winning revision read with
 * conflicts: true when the caller already has it (a sweep), saving one read.
 */
export async function resolveDocument(replica: ConflictReplica, id: string, winner?: unknown, hold?: Hold): Promise<MergeReport> {
  const report = emptyReport();
  if (!isMutableId(id)) return report;
  let head = winner;
  if (head === undefined) {
    try {
      head = await replica.get(id, { conflicts: true });
    } catch (e) {
      if (isMissing(e)) return report;
      throw e;
    }
  }
  const losers = conflictsOf(head);
  if (losers.length === 0) return report;
  const headRev = (head as { _rev?: unknown })._rev;
  if (hold !== undefined && (await hold(id, [...(typeof headRev === 'string' ? [headRev] : []), ...losers]))) {
    report.held.push(id);
    return report;
  }
  const raw = [head, ...(await Promise.all(losers.map((rev) => replica.get(id, { rev }))))];
  const leaves: MutableLeaf[] = [];
  for (const r of raw) {
    const leaf = checkLeaf(id, r);
    if (typeof leaf === 'string') {
      report.skipped.push({ id, reason: leaf });
      return report;
    }
    leaves.push(leaf);
  }
  const plan = await planResolution<CustomerDoc | ProductDoc>(leaves);
  const valid = parseStoreDoc(plan.merged);
  if (!valid.ok) {
    report.skipped.push({ id, reason: `the merged document: ${valid.error}` });
    return report;
  }
  const results = await replica.bulkDocs(plan.writes, { new_edits: false });
  const failed = results.find((r) => typeof r === 'object' && r !== null && 'error' in r && (r as { error?: unknown }).error);
  if (failed !== undefined) throw new Error(`resolving ${id} failed: ${JSON.stringify(failed)}`);
  report.merged.push(id);
  return report;
}

/** Resolves the listed documents (ids other than customer:/product: are ignored). */
export async function resolveIds(replica: ConflictReplica, ids: Iterable<string>, options: ResolveOptions = {}): Promise<MergeReport> {
  const stopped = options.stopped ?? (() => false);
  const report = emptyReport();
  for (const id of new Set(ids)) {
    if (stopped()) break;
    if (isMutableId(id)) addReport(report, await resolveDocument(replica, id, undefined, options.hold));
  }
  return report;
}

/** Every conflicted mutable document of the replica, a page of winners at a time. */
export async function sweepConflicts(replica: ConflictReplica, options: ResolveOptions & { pageSize?: number } = {}): Promise<MergeReport> {
  const pageSize = options.pageSize ?? 200;
  const stopped = options.stopped ?? (() => false);
  const report = emptyReport();
  for (const prefix of MUTABLE_PREFIXES) {
    let startkey: string = prefix;
    for (;;) {
      if (stopped()) return report;
      const page = await replica.allDocs({ startkey, endkey: `${prefix}\ufff0`, limit: pageSize, include_docs: true, conflicts: true });
      for (const row of page.rows) {
        if (conflictsOf(row.doc).length > 0) addReport(report, await resolveDocument(replica, row.id, row.doc, options.hold));
      }
      const last = page.rows.at(-1);
      if (last === undefined || page.rows.length < pageSize) break;
      startkey = `${last.id}\u0000`;
    }
  }
  return report;
}

/** Resolves the mutable documents changed after `since`; returns where the changes feed ended. */
export async function resolveChangesSince(
  replica: ConflictReplica,
  since: Seq,
  options: ResolveOptions & { batchSize?: number } = {},
): Promise<{ lastSeq: Seq; report: MergeReport }> {
  const batchSize = options.batchSize ?? 500;
  const stopped = options.stopped ?? (() => false);
  const report = emptyReport();
  let seq = since;
  while (!stopped()) {
    const res = await replica.changes({ since: seq, limit: batchSize });
    if (res.results.length === 0) break;
    addReport(report, await resolveIds(replica, res.results.map((r) => r.id), options));
    if (stopped()) break;
    seq = res.last_seq;
  }
  return { lastSeq: seq, report };
}
