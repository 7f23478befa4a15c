/**
 * The SyncPort the worker exposes over Comlink: owns the replica, the projection pump and the
 * connection of the current pairing. Methods are safe to call in any order (start twice, stop when
 * stopped); the ones that need a replica wait for a start in progress, and say so plainly when sync
 * has not been started.
 */
import type { StoreDoc } from '../../src/domain/documents.ts';
import { readModelDb, type ReadModelDb } from '../../src/store/schema.ts';
import type { CommitResult, Pairing, SyncPort, SyncStatus } from '../../src/store/sync-port.ts';
import { ConflictMerger, conflictReplicaOf, watchReplica } from './conflict-merge-runner.ts';
import { Connection } from './connection.ts';
import { commitDoc, leafAwaitsServer, removeAndRecord } from './outbox.ts';
import { clearReadModel, readCheckpoint } from './projection.ts';
import { lastJournalEntryIn, lastReceiptNumberIn, lastZNumberIn, type Replica } from './replica-ops.ts';
import { openReplica, replicaName } from './replica.ts';
import { ProjectionPump } from './replica-feed.ts';
import { StatusWriter } from './status.ts';

interface Session {
  key: string;
  replica: Replica;
  pump: ProjectionPump;
  merger: ConflictMerger;
  connection: Connection;
}

/** How long a call needing the replica waits for the page to start sync before saying it is not started. */
const START_GRACE_MS = 10_000;

/** Same replica, same server, same token: starting again is a no-op rather than a reconnect storm. */
function sessionKey(p: Pairing): string {
  return JSON.stringify([replicaName(p), p.serverUrl, p.dbName, p.token]);
}

export function createSyncService(db: ReadModelDb = readModelDb()): SyncPort {
  const status = new StatusWriter(db);
  let session: Session | null = null;
  /** Calls waiting for a session to exist (see requireSession). */
  const waiting: Array<() => void> = [];
  // start/stop are serialised: a stop racing a start must not leave a half-open replica behind.
  let lifecycle: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = lifecycle.then(task);
    lifecycle = next.catch(() => undefined);
    return next;
  };

  /**
   * The session, once any start or stop in progress has finished: a sale rung up or an order scanned
   * the moment the page has (re)loaded waits for the replica to open instead of being refused.
   */
  async function requireSession(): Promise<Session> {
    await lifecycle;
    // Just after a reload the page may not have asked for the start yet (it first takes the register's lock).
    if (session === null) await new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(done, START_GRACE_MS);
      waiting.push(done);
    });
    await lifecycle;
    if (session === null) throw new Error('Sync is not started: pair the register first.');
    return session;
  }

  async function stopSession(): Promise<void> {
    if (session === null) return;
    const { connection, pump, merger, replica } = session;
    session = null;
    connection.stop();
    pump.stop();
    merger.stop();
    await Promise.all([pump.idle(), merger.idle()]);
    await replica.close();
  }

  const service: SyncPort = {
    start: (pairing) =>
      serial(async () => {
        if (session?.key === sessionKey(pairing)) return;
        await stopSession();
        await status.set('connecting');
        const name = replicaName(pairing);
        // A read model projected from another store's replica is not this register's: start afresh.
        const checkpoint = await readCheckpoint(db);
        if (checkpoint.replica !== null && checkpoint.replica !== name) await clearReadModel(db);
        const replica = openReplica(pairing);
        const pump = new ProjectionPump(db, replica, name, (docs) =>
          console.warn(`[sync] ${docs.length} replicated document(s) skipped by the projection`, docs),
        );
        await pump.run();
        pump.start();
        // Conflicting revisions of customers and products are merged in the background (ADR 0015).
        // A product merge waits until this register's own leaf is on the server, which checks it against the leaves it holds.
        const merger = new ConflictMerger(
          conflictReplicaOf(replica),
          watchReplica(replica),
          (r) => console.info(`[sync] merged ${r.merged.length} conflicted document(s), ${r.skipped.length} left for a person`, r),
          (id, revs) => leafAwaitsServer(db, id, revs),
        );
        merger.start();
        const connection = new Connection(pairing, replica, db, status, () => merger.retryHeld());
        session = { key: sessionKey(pairing), replica, pump, merger, connection };
        for (const wake of waiting.splice(0)) wake();
        // Connecting can take seconds (or never happen offline): start() must not wait for it.
        void connection.connect();
      }),

    stop: () => serial(stopSession),

    async commit(doc: StoreDoc): Promise<CommitResult> {
      const result = await commitDoc((await requireSession()).replica, db, doc);
      void status.refresh();
      return result;
    },

    async remove(id: string, rev?: string): Promise<CommitResult> {
      const result = await removeAndRecord((await requireSession()).replica, db, id, rev);
      void status.refresh();
      return result;
    },

    lastReceiptNumber: async (registerId) => lastReceiptNumberIn((await requireSession()).replica, registerId),

    lastZNumber: async (registerId) => lastZNumberIn((await requireSession()).replica, registerId),

    lastJournalEntry: async (registerId) => lastJournalEntryIn((await requireSession()).replica, registerId),

    async readModelCaughtUp() {
      await (await requireSession()).pump.run();
    },

    status: (): Promise<SyncStatus> => status.read(),

    async networkChanged(online: boolean) {
      session?.connection.networkChanged(online);
    },

    async rebuildReadModel() {
      const documents = await (await requireSession()).pump.rebuild();
      return { documents };
    },
  };
  return service;
}
