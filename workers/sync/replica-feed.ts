/**
 * Keeps the read model in step with the replica: reads the replica's changes feed since the stored
 * checkpoint in batches and hands them to projection.ts. A live changes listener only wakes the pump;
 * the pump always reads from the checkpoint, so a burst of writes becomes a few large batches and a
 * crash mid-way resumes from the last committed batch.
 */
import type { ReadModelDb, SkippedDoc } from '../../src/store/schema.ts';
import { clearReadModel, projectChanges, readCheckpoint, type ReplicaChange } from './projection.ts';
import { CoalescedPasses } from './coalesced-passes.ts';
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
  private listener: PouchDB.Core.Changes<object> | null = null;
  private readonly passes: CoalescedPasses<number>;

  constructor(
    private readonly db: ReadModelDb,
    private readonly replica: Replica,
    private readonly replicaId: string,
    private readonly onSkipped: (docs: readonly SkippedDoc[]) => void,
  ) {
    this.passes = new CoalescedPasses(() => this.pass(), (a, b) => a + b);
  }

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
    return this.passes.run();
  }

  /** Empties the read model, then projects the whole replica; queued behind any pass in progress. */
  rebuild(): Promise<number> {
    return this.passes.runAfter(() => clearReadModel(this.db));
  }

  /** One pass: everything after the stored checkpoint. */
  private async pass(): Promise<number> {
    const { seq } = await readCheckpoint(this.db);
    const report = await projectChanges(this.db, replicaChanges(this.replica, seq), this.replicaId, this.onSkipped);
    return report.applied;
  }

  /** Waits for any pass in progress (a rebuild must not race one). */
  idle(): Promise<void> {
    return this.passes.idle();
  }
}
