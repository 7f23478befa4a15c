/**
 * Keeps a replica free of conflicting revisions of mutable documents while sync runs: a full sweep
 * when started (conflicts may have arrived while the register was closed), then, woken by the
 * replica's changes, the documents changed since the last pass. Calls during a pass coalesce into
 * one more pass, as the projection pump's do (coalesced-passes.ts). Its writes replicate like any other document.
 *
 * A document `hold` keeps back (a leaf of this register's not yet on the server) is tried again on
 * every later pass; whoever learns that the server acknowledged a write calls retryHeld().
 */
import type PouchDB from 'pouchdb-browser';
import { CoalescedPasses } from './coalesced-passes.ts';
import { resolveChangesSince, resolveIds, sweepConflicts, type ConflictReplica, type Hold, type MergeReport, type Seq } from './conflict-merge.ts';

/** Starts watching the replica's changes; returns how to stop. */
export type Watch = (wake: () => void) => () => void;

export class ConflictMerger {
  /** Where the next pass reads the changes feed from; null until the start sweep has succeeded. */
  private seq: Seq | null = null;
  private stopped = false;
  private unwatch: (() => void) | null = null;
  /** Conflicted documents held back by `hold`, tried again on every pass. */
  private held = new Set<string>();
  private readonly passes = new CoalescedPasses<void>(() => this.safePass(), () => undefined, () => !this.stopped);

  constructor(
    private readonly replica: ConflictReplica,
    private readonly watch: Watch,
    private readonly onReport: (report: MergeReport) => void = () => {},
    private readonly hold?: Hold,
  ) {}

  start(): void {
    this.stopped = false;
    this.unwatch = this.watch(() => void this.run());
    void this.run();
  }

  stop(): void {
    this.stopped = true;
    this.unwatch?.();
    this.unwatch = null;
  }

  /** One pass (or joins the one in progress and asks for another); failures are logged, the next wake retries. */
  run(): Promise<void> {
    return this.passes.run();
  }

  /** An acknowledgement came in: a pass, only if documents are held back waiting for one. */
  retryHeld(): void {
    if (this.held.size > 0) void this.run();
  }

  idle(): Promise<void> {
    return this.passes.idle();
  }

  private async safePass(): Promise<void> {
    try {
      await this.pass();
    } catch (e) {
      console.error('[sync] conflict merge failed', e);
    }
  }

  private async pass(): Promise<void> {
    const stopped = (): boolean => this.stopped;
    const options = { stopped, ...(this.hold === undefined ? {} : { hold: this.hold }) };
    if (this.seq === null) {
      // Changes made during the sweep are read again by the next step: nothing slips between the two.
      const { update_seq } = await this.replica.info();
      const swept = await sweepConflicts(this.replica, options);
      this.report(swept);
      if (stopped()) return;
      this.seq = update_seq;
    }
    const retry = [...this.held];
    const { lastSeq, report } = await resolveChangesSince(this.replica, this.seq, options);
    this.seq = lastSeq;
    this.report(report);
    // Held documents the changes did not touch: asked again (their leaves may be on the server now).
    // They stay held until that answer is in, so a failed or stopped pass forgets none of them.
    const untouched = retry.filter((id) => !report.merged.includes(id) && !report.held.includes(id));
    if (untouched.length === 0 || stopped()) return;
    const again = await resolveIds(this.replica, untouched, options);
    for (const id of untouched) this.held.delete(id);
    this.report(again);
  }

  private report(report: MergeReport): void {
    for (const id of report.merged) this.held.delete(id);
    for (const id of report.held) this.held.add(id);
    if (report.merged.length > 0 || report.skipped.length > 0) this.onReport(report);
  }
}

/** The resolver's view of a PouchDB replica. */
export function conflictReplicaOf(db: PouchDB.Database<object>): ConflictReplica {
  return {
    info: () => db.info(),
    changes: (o) => db.changes({ since: o.since, limit: o.limit }) as Promise<{ results: Array<{ id: string; seq: Seq }>; last_seq: Seq }>,
    allDocs: (o) => db.allDocs(o),
    get: (id, o) => db.get(id, o),
    bulkDocs: (docs, o) => db.bulkDocs(docs as Array<PouchDB.Core.PutDocument<object>>, o),
  };
}

/** Wakes on every change written to (or replicated into) the replica. */
export function watchReplica(db: PouchDB.Database<object>): Watch {
  return (wake) => {
    const listener = db.changes({ since: 'now', live: true });
    listener.on('change', wake);
    return () => listener.cancel();
  };
}
