/**
 * An in-memory replica with revision trees, as far as the conflict resolver uses one
 * (workers/sync/conflict-merge.ts ConflictReplica): leaves, CouchDB's winner, `_conflicts`, a changes
 * feed, and new_edits=false writes that attach a revision under its parent. It passes the same
 * contract suite as a real PouchDB (tests/support/conflict-merge-contract.ts).
 */
import type { ConflictReplica, Seq } from '../../workers/sync/conflict-merge.ts';

interface RevNode {
  rev: string;
  parent: string | null;
  body: Record<string, unknown>;
  deleted: boolean;
}

const gen = (rev: string): number => Number(rev.slice(0, rev.indexOf('-')));
const hash = (rev: string): string => rev.slice(rev.indexOf('-') + 1);
const notFound = (): Error => Object.assign(new Error('missing'), { status: 404, name: 'not_found' });

export class FakeConflictReplica implements ConflictReplica {
  private readonly trees = new Map<string, Map<string, RevNode>>();
  private readonly lastChange = new Map<string, number>();
  private seq = 0;
  /** bulkDocs calls, to check that a second resolution writes nothing. */
  bulkCalls = 0;

  private leaves(id: string): RevNode[] {
    const tree = this.trees.get(id);
    if (tree === undefined) return [];
    const parents = new Set([...tree.values()].map((n) => n.parent));
    return [...tree.values()].filter((n) => !parents.has(n.rev));
  }

  /** Live leaves, CouchDB's winner first (longest history, then highest id). */
  private liveLeaves(id: string): RevNode[] {
    return this.leaves(id)
      .filter((n) => !n.deleted)
      .sort((a, b) => gen(b.rev) - gen(a.rev) || (hash(b.rev) > hash(a.rev) ? 1 : hash(b.rev) < hash(a.rev) ? -1 : 0));
  }

  private docOf(id: string, node: RevNode): Record<string, unknown> {
    return node.deleted ? { _id: id, _rev: node.rev, _deleted: true } : { ...structuredClone(node.body), _id: id, _rev: node.rev };
  }

  private withConflicts(id: string): Record<string, unknown> | null {
    const [winner, ...losers] = this.liveLeaves(id);
    if (winner === undefined) return null;
    const doc = this.docOf(id, winner);
    if (losers.length > 0) doc['_conflicts'] = losers.map((l) => l.rev);
    return doc;
  }

  async info(): Promise<{ update_seq: Seq }> {
    return { update_seq: this.seq };
  }

  async changes(options: { since: Seq; limit: number }): Promise<{ results: Array<{ id: string; seq: Seq }>; last_seq: Seq }> {
    const since = Number(options.since);
    const results = [...this.lastChange.entries()]
      .filter(([, s]) => s > since)
      .sort((a, b) => a[1] - b[1])
      .slice(0, options.limit)
      .map(([id, seq]) => ({ id, seq }));
    return { results, last_seq: results.at(-1)?.seq ?? since };
  }

  async allDocs(options: { startkey: string; endkey: string; limit: number }): Promise<{ rows: Array<{ id: string; doc?: unknown }> }> {
    const rows = [...this.trees.keys()]
      .filter((id) => id >= options.startkey && id <= options.endkey)
      .sort()
      .flatMap((id) => {
        const doc = this.withConflicts(id);
        return doc === null ? [] : [{ id, doc }];
      })
      .slice(0, options.limit);
    return { rows };
  }

  async get(id: string, options: { conflicts: true } | { rev: string }): Promise<unknown> {
    if ('rev' in options) {
      const node = this.trees.get(id)?.get(options.rev);
      if (node === undefined) throw notFound();
      return this.docOf(id, node);
    }
    const doc = this.withConflicts(id);
    if (doc === null) throw notFound();
    return doc;
  }

  async bulkDocs(docs: object[], options: { new_edits: false }): Promise<unknown[]> {
    if (options.new_edits !== false) throw new Error('the fake only takes replicated revisions');
    this.bulkCalls++;
    for (const raw of docs) {
      const { _id, _rev, _revisions, _deleted, ...body } = raw as Record<string, unknown> & {
        _id: string; _rev: string; _revisions?: { start: number; ids: string[] }; _deleted?: boolean;
      };
      const tree = this.trees.get(_id) ?? new Map<string, RevNode>();
      this.trees.set(_id, tree);
      if (tree.has(_rev)) continue;
      const parentHash = _revisions?.ids[1];
      const parent = parentHash === undefined ? null : `${gen(_rev) - 1}-${parentHash}`;
      tree.set(_rev, { rev: _rev, parent, body, deleted: _deleted === true });
      this.lastChange.set(_id, ++this.seq);
    }
    return [];
  }
}
