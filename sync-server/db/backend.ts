/**
 * The seam between the sync server and the database engine that holds the stores' documents.
 * Today: the embedded engine (express-pouchdb over LevelDB, db/embedded.ts). Later: an Apache
 * CouchDB cluster selected by COUCHDB_URL, implementing the same interface. Nothing outside db/ knows
 * which one is in use.
 */
import type { Handler } from 'express';

/** Store ids: lowercase letter first, then lowercase letters, digits and dashes; 2 to 31 chars. */
export const STORE_ID_RE = /^[a-z][a-z0-9-]{1,30}$/;

export function isValidStoreId(id: unknown): id is string {
  return typeof id === 'string' && STORE_ID_RE.test(id);
}

/** The database that holds one store's documents. */
export function storeDbName(storeId: string): string {
  return `store-${storeId}`;
}

/** The store id of a database name, or null when the name is not a store database. */
export function storeIdOfDbName(dbName: string): string | null {
  if (!dbName.startsWith('store-')) return null;
  const id = dbName.slice('store-'.length);
  return isValidStoreId(id) ? id : null;
}

/** A PouchDB-compatible handle (a local PouchDB, or PouchDB's http adapter for CouchDB). */
export type StoreDb = PouchDB.Database<object>;

export interface BackendHealth {
  ok: boolean;
  reason?: string;
}

export interface StoreBackend {
  /** Short name reported by /healthz ("embedded", later "couchdb"). */
  readonly kind: string;
  /** Creates the store's database when missing; idempotent. */
  ensureStoreDb(storeId: string): Promise<void>;
  /** Server-side handle on the store's database (reads and writes bypass HTTP auth). */
  db(storeId: string): StoreDb;
  /**
   * Serves the CouchDB API for database paths, mounted at /db by the app *behind* our own
   * authentication and authorisation (auth/db-guard.ts). It must never create or delete databases.
   */
  readonly couchRouter: Handler;
  /** Cheap probe used by /healthz. */
  health(): Promise<BackendHealth>;
  close(): Promise<void>;
}
