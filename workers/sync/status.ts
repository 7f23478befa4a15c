/**
 * The sync worker's view of its connection, written to the syncState table so that every screen (in
 * any tab) sees it through liveQuery without calling into the worker.
 */
import type { ReadModelDb, SyncStateRow } from '../../src/store/schema.ts';
import type { ConnectionState, SyncStatus } from '../../src/store/sync-port.ts';

export async function countPending(db: ReadModelDb): Promise<number> {
  return db.outbox.where('state').anyOf('pending', 'sending').count();
}

export class StatusWriter {
  private current: Omit<SyncStatus, 'pending'> = { state: 'unpaired', lastSyncedAt: null, message: null };
  // Writes are chained so that a slow write can never land after a newer one.
  private last: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: ReadModelDb) {}

  get state(): ConnectionState {
    return this.current.state;
  }

  /** Changes the state; the message is cleared unless given (a stale error must not linger). */
  set(state: ConnectionState, message: string | null = null): Promise<SyncStatus> {
    this.current = { ...this.current, state, message };
    return this.write();
  }

  /** Documents moved: remembered as the last time the register was in step with the server. */
  synced(at: Date = new Date()): Promise<SyncStatus> {
    this.current = { ...this.current, lastSyncedAt: at.toISOString() };
    return this.write();
  }

  /** Rewrites the row (e.g. after the outbox changed) without changing the state. */
  refresh(): Promise<SyncStatus> {
    return this.write();
  }

  async read(): Promise<SyncStatus> {
    return { ...this.current, pending: await countPending(this.db) };
  }

  private write(): Promise<SyncStatus> {
    const snapshot = this.current;
    const next = this.last.then(async () => {
      const status: SyncStatus = { ...snapshot, pending: await countPending(this.db) };
      await this.db.syncState.put({ key: 'status', ...status } satisfies SyncStateRow);
      return status;
    });
    this.last = next.catch(() => undefined);
    return next;
  }
}
