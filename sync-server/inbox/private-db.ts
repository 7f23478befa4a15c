/**
 * Private per-store databases of the sync server: `inbox-<storeId>` holds webhook deliveries, import
 * jobs and poll checkpoints. They live under DATA_DIR/private/ with their own PouchDB constructor, are
 * never registered with the CouchDB API (db-guard only routes `store-<id>` anyway), and so never
 * replicate to registers.
 */
import fs from 'node:fs';
import path from 'node:path';
import PouchDB from 'pouchdb';

export type PrivateDb = PouchDB.Database<Record<string, unknown>>;

export class PrivateDbs {
  private readonly Pouch: new (name: string) => PrivateDb;
  private readonly open = new Map<string, PrivateDb>();

  constructor(dataDir: string, adapter: string) {
    const dir = path.join(dataDir, 'private');
    fs.mkdirSync(dir, { recursive: true });
    this.Pouch = PouchDB.defaults({ prefix: `${dir}${path.sep}`, adapter } as PouchDB.Configuration.DatabaseConfiguration) as unknown as new (name: string) => PrivateDb;
  }

  inbox(storeId: string): PrivateDb {
    const name = `inbox-${storeId}`;
    let db = this.open.get(name);
    if (!db) {
      db = new this.Pouch(name);
      this.open.set(name, db);
    }
    return db;
  }

  async close(): Promise<void> {
    const dbs = [...this.open.values()];
    this.open.clear();
    await Promise.allSettled(dbs.map((db) => db.close()));
  }
}

/** Reads a document or null when missing. */
export async function getOrNull<T>(db: PouchDB.Database<object> | PrivateDb, id: string): Promise<(T & { _id: string; _rev: string }) | null> {
  try {
    return (await (db as PouchDB.Database<object>).get(id)) as unknown as T & { _id: string; _rev: string };
  } catch (err) {
    if ((err as { status?: number }).status === 404) return null;
    throw err;
  }
}
