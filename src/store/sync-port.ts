/**
 * The seam between the main thread and the sync worker (which alone owns the PouchDB replica).
 * The worker implements it behind Comlink; tests can implement it in memory. Everything crossing it
 * must be structured-cloneable.
 */
import type { SaleDoc, StoreDoc } from '../domain/documents.ts';
import type { ZReportDoc } from '../domain/register-documents.ts';

/** What pairing returned; kept in the device-local settings table. */
export interface Pairing {
  serverUrl: string; // e.g. "http://localhost:8080" (no trailing slash)
  storeId: string;
  registerId: string;
  registerName: string;
  token: string; // per-register bearer credential issued by the server
  dbName: string; // e.g. "store-demo"; the replica replicates with `${serverUrl}/db/${dbName}`
}

export type ConnectionState =
  | 'unpaired'
  | 'offline' // no network, or server unreachable / unhealthy
  | 'connecting'
  | 'syncing' // documents moving
  | 'online' // replication live and idle
  | 'error'; // e.g. credentials refused (401/403): needs a person

export interface SyncStatus {
  state: ConnectionState;
  /** Documents written on this device that the server has not acknowledged yet. */
  pending: number;
  lastSyncedAt: string | null;
  message: string | null;
}

export interface CommitResult {
  id: string;
  rev: string;
}

export interface SyncPort {
  /** Opens the replica for this pairing and starts live two-way replication with retry and backoff. */
  start(pairing: Pairing): Promise<void>;
  stop(): Promise<void>;
  /**
   * Writes one document to the replica atomically (durable in IndexedDB when the promise resolves)
   * and records it in the outbox. Rejects with a ConflictError-named error when the id already exists.
   */
  commit(doc: StoreDoc): Promise<CommitResult>;
  /**
   * Deletes a document (a tombstone that replicates): used for parked sales, which any register of
   * the store removes on resume. Rejects with a ConflictError-named error when the document is
   * already gone or `rev` is given and is no longer its current revision (someone resumed it first).
   */
  remove(id: string, rev?: string): Promise<CommitResult>;
  /** Highest receipt number this register has used (0 when none), read from the replica. */
  lastReceiptNumber(registerId: string): Promise<number>;
  /** Highest Z number this register has used (0 when none), read from the replica (ids z:<registerId>:<6 digits>). */
  lastZNumber(registerId: string): Promise<number>;
  /**
   * The last entry of this register's journal (the sale, refund or Z report with the highest
   * journal.seq), read from the replica; null when nothing carries a journal link yet.
   */
  lastJournalEntry(registerId: string): Promise<SaleDoc | ZReportDoc | null>;
  /**
   * Resolves once every document committed before the call is projected into the read model (a Z
   * report must include the sale rung up a moment before the close, and the screens must see it).
   */
  readModelCaughtUp(): Promise<void>;
  status(): Promise<SyncStatus>;
  /**
   * The page's view of the network (window online/offline events). Workers do not reliably receive
   * these events themselves, so the page forwards them: offline stops replication at once, online
   * reconnects without waiting for the next backoff step.
   */
  networkChanged(online: boolean): Promise<void>;
  /** Drops every read-model table and projects the whole replica again. */
  rebuildReadModel(): Promise<{ documents: number }>;
}
