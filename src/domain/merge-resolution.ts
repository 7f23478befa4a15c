/**
 * What resolving a conflicted mutable document writes, decided from its live leaf revisions alone:
 * the merged document (mutable-merge.ts) as a child of the winning leaf, and a deletion as a child
 * of every other leaf — written with new_edits=false under revision ids computed from their content
 * and parent. Two replicas (two registers, a register and the server) that resolve the same
 * conflict each write the very same revisions, so replicating them creates nothing new: no second
 * conflict, no ping-pong.
 */
import { canonicalJson, sha256Hex } from './journal.ts';
import type { MutableDoc } from './field-clock.ts';
import { mergeRevisions } from './mutable-merge.ts';

/** A leaf revision as read from a replica: it has its revision id. */
export type Leaf<T extends MutableDoc = MutableDoc> = T & { _rev: string };

/** A revision to write with new_edits=false: `_revisions` ties it to its parent leaf. */
export type ResolutionWrite = Record<string, unknown> & {
  _id: string;
  _rev: string;
  _revisions: { start: number; ids: [string, string] };
  _deleted?: true;
};

export interface ResolutionPlan<T extends MutableDoc = MutableDoc> {
  /** The leaf CouchDB and PouchDB pick as winner (longest history, then highest revision id). */
  winner: string;
  /** The document every replica converges on. */
  merged: T;
  /** Empty when there is no conflict (fewer than two leaves). */
  writes: ResolutionWrite[];
}

function parseRev(rev: string): { gen: number; hash: string } {
  const dash = rev.indexOf('-');
  const gen = Number(rev.slice(0, dash));
  if (dash <= 0 || !Number.isSafeInteger(gen) || gen < 1 || dash === rev.length - 1) throw new Error(`not a revision id: ${JSON.stringify(rev)}`);
  return { gen, hash: rev.slice(dash + 1) };
}

/** CouchDB's rule among live leaves: the longest revision history wins, then the highest id. */
export function winningRev(revs: readonly string[]): string {
  let best: { rev: string; gen: number; hash: string } | null = null;
  for (const rev of revs) {
    const p = parseRev(rev);
    if (best === null || p.gen > best.gen || (p.gen === best.gen && p.hash > best.hash)) best = { rev, ...p };
  }
  if (best === null) throw new Error('winningRev: no revisions');
  return best.rev;
}

/** The document's own content: what a revision id is computed from (no _rev, _conflicts…). */
export function contentOf(doc: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) if (k === '_id' || k === '_deleted' || !k.startsWith('_')) out[k] = v;
  return out;
}

/** A revision id as long as CouchDB's own (32 hex digits), from the content and the parent's id. */
async function childRev(parent: string, content: Record<string, unknown>): Promise<{ rev: string; revisions: ResolutionWrite['_revisions'] }> {
  const { gen, hash: parentHash } = parseRev(parent);
  const hash = (await sha256Hex(`${canonicalJson(content)}\n${parent}`)).slice(0, 32);
  return { rev: `${gen + 1}-${hash}`, revisions: { start: gen + 1, ids: [hash, parentHash] } };
}

/**
 * Plans the resolution of a document's live leaves. When the winning leaf already holds the merged
 * content, only the other leaves are closed; otherwise the merged document becomes its child.
 */
export async function planResolution<T extends MutableDoc>(leaves: readonly Leaf<T>[]): Promise<ResolutionPlan<T>> {
  const revs = [...new Set(leaves.map((l) => l._rev))];
  const winner = winningRev(revs);
  const merged = mergeRevisions(leaves);
  if (revs.length < 2) return { winner, merged, writes: [] };
  const id = merged._id;
  const writes: ResolutionWrite[] = [];
  const winnerDoc = leaves.find((l) => l._rev === winner) as Leaf<T>;
  const content = contentOf(merged);
  if (canonicalJson(content) !== canonicalJson(contentOf(winnerDoc))) {
    const { rev, revisions } = await childRev(winner, content);
    writes.push({ ...content, _id: id, _rev: rev, _revisions: revisions });
  }
  for (const loser of revs.filter((r) => r !== winner).sort()) {
    const tombstone = { _id: id, _deleted: true as const };
    const { rev, revisions } = await childRev(loser, tombstone);
    writes.push({ ...tombstone, _rev: rev, _revisions: revisions });
  }
  return { winner, merged, writes };
}
