/**
 * Keeps a replica free of conflicting revisions of mutable documents while sync runs: a full sweep
 * when started (conflicts may have arrived while the register was closed), then, woken by the
 * replica's changes, the documents changed since the last pass. Calls during a pass coalesce into
 * one more pass, as the projection pump's do. Its writes replicate like any other document.
 */
import type PouchDB from 'pouchdb-browser';
import { resolveChangesSince, sweepConflicts, type ConflictReplica, type MergeReport, type Seq } from './conflict-merge.ts';

/** Starts watching the replica's changes; returns how to stop. */
export type Watch = (wake: () => void) => () => void;

export class ConflictMerger {
  /** Where the next pass reads the changes feed from; null until the start sweep has succeeded. */
  private seq: Seq | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private unwatch: (() => void) | null = null;

  constructor(
    private readonly replica: ConflictReplica,
    private readonly watch: Watch,
    private readonly onReport: (report: MergeReport) => void = () => {},
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
    if (this.running !== null) {
      this.again = true;
      return this.running;
    }
    const idle = (): void => {
      if (this.running === job) this.running = null;
    };
    // Started a tick later, so that `job` is assigned before the passes can compare against it.
    const job: Promise<void> = Promise.resolve().then(() => this.passes(idle));
    this.running = job;
    return job;
  }

  async idle(): Promise<void> {
    while (this.running !== null) await this.running;
  }

  /**
   * Passes until one ends with no wake during it. Idle is marked in the same tick as that last check
   * (`finally` runs as the function returns): a wake a microtask later starts a new run instead of
   * joining one that has already finished (the projection pump had that bug).
   */
  private async passes(idle: () => void): Promise<void> {
    try {
      for (;;) {
        this.again = false;
        try {
          await this.pass();
        } catch (e) {
          console.error('[sync] conflict merge failed', e);
          return;
        }
        if (!this.again || this.stopped) return;
      }
    } finally {
      idle();
    }
  }

  private async pass(): Promise<void> {
    const stopped = (): boolean => this.stopped;
    if (this.seq === null) {
      // Changes made during the sweep are read again by the next step: nothing slips between the two.
      const { update_seq } = await this.replica.info();
      const swept = await sweepConflicts(this.replica, { stopped });
      this.report(swept);
      if (stopped()) return;
      this.seq = update_seq;
    }
    const { lastSeq, report } = await resolveChangesSince(this.replica, this.seq, { stopped });
    this.seq = lastSeq;
    this.report(report);
  }

  private report(report: MergeReport): void {
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
