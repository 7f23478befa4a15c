/**
 * Keeps the read model in step with the replica: reads the replica's changes feed since the stored
 * checkpoint in batches and hands them to projection.ts. A live changes listener only wakes the pump;
 * the pump always reads from the checkpoint, so a burst of writes becomes a few large batches and a
 * crash mid-way resumes from the last committed batch.
 */
import type { ReadModelDb, SkippedDoc } from '../../src/store/schema.ts';
import { clearReadModel, projectChanges, readCheckpoint, type ReplicaChange } from './projection.ts';
import type { Replica } from './replica-ops.ts';

const BATCH_SIZE = 500;

export async function* replicaChanges(replica: Replica, since: number | string): AsyncGenerator<ReplicaChange[]> {
  let seq = since;
  for (;;) {
    const res = await replica.changes({ since: seq, limit: BATCH_SIZE, include_docs: true });
    if (res.results.length === 0) return;
    yield res.results.map((r) => ({ id: r.id, seq: r.seq, deleted: r.deleted === true, doc: r.doc }));
    seq = res.last_seq;
  }
}

export class ProjectionPump {
  private running: Promise<number> | null = null;
  private again = false;
  private listener: PouchDB.Core.Changes<object> | null = null;

  constructor(
    private readonly db: ReadModelDb,
    private readonly replica: Replica,
    private readonly replicaId: string,
    private readonly onSkipped: (docs: readonly SkippedDoc[]) => void,
  ) {}

  start(): void {
    this.listener = this.replica.changes({ since: 'now', live: true });
    this.listener.on('change', () => void this.run().catch((e: unknown) => console.error('[sync] projection failed', e)));
  }

  stop(): void {
    this.listener?.cancel();
    this.listener = null;
  }

  /** Projects everything after the checkpoint; calls during a pass coalesce into one extra pass. */
  run(): Promise<number> {
    return this.enqueue(false);
  }

  /** Empties the read model, then projects the whole replica; queued behind any pass in progress. */
  rebuild(): Promise<number> {
    return this.enqueue(true);
  }

  private enqueue(clearFirst: boolean): Promise<number> {
    if (this.running && !clearFirst) {
      this.again = true;
      return this.running;
    }
    const previous = this.running;
    const idle = (): void => {
      if (this.running === job) this.running = null;
    };
    // Started a tick later, so that `job` is assigned before the pass can compare against it.
    const job: Promise<number> = Promise.resolve().then(async () => {
      try {
        if (previous) await previous.catch(() => 0);
        if (clearFirst) await clearReadModel(this.db);
        return await this.passes(idle);
      } catch (e) {
        idle();
        throw e;
      }
    });
    this.running = job;
    return job;
  }

  /**
   * Passes until one ends with no request made during it. The pump is marked idle in the same tick
   * as that last check: a request arriving a microtask later (PouchDB announces writes from a
   * promise chain) starts a new pass instead of joining one that has already finished.
   */
  private async passes(idle: () => void): Promise<number> {
    let applied = 0;
    for (;;) {
      this.again = false;
      const { seq } = await readCheckpoint(this.db);
      const report = await projectChanges(this.db, replicaChanges(this.replica, seq), this.replicaId, this.onSkipped);
      applied += report.applied;
      if (!this.again) break;
    }
    idle();
    return applied;
  }

  /** Waits for any pass in progress (a rebuild must not race one). */
  async idle(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
  }
}
