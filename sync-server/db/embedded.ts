/**
 * The embedded engine: express-pouchdb 4.2 in `minimumForPouchDB` mode over PouchDB 9 with LevelDB
 * files under DATA_DIR. See /work/shared/reference/sync.md for the faults it has; the ones that are
 * engine-specific are guarded here (long polls), the rest in auth/db-guard.ts.
 */
import fs from 'node:fs';
import express from 'express';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb';
import { storeDbName, storeIdOfDbName, type BackendHealth, type StoreBackend, type StoreDb } from './backend.ts';
import { longpollGuard } from './longpoll.ts';

export interface EmbeddedBackendOptions {
  dataDir: string;
  adapter: string;
  longpollMaxMs: number;
}

type CachedPouch = PouchDB.Static & { __dbCacheMap?: Map<string, StoreDb>; allDbs(): Promise<string[]> };

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

export async function createEmbeddedBackend(opts: EmbeddedBackendOptions): Promise<StoreBackend> {
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const prefix = opts.dataDir.endsWith('/') ? opts.dataDir : `${opts.dataDir}/`;
  const Pouch = PouchDB.defaults({ prefix, adapter: opts.adapter } as PouchDB.Configuration.DatabaseConfiguration) as CachedPouch;
  if (!(opts.adapter in (PouchDB as unknown as { adapters: Record<string, unknown> }).adapters)) {
    throw new Error(`PouchDB adapter "${opts.adapter}" is not available (POUCHDB_ADAPTER)`);
  }
  // express-pouchdb caches one PouchDB instance per database in this map; sharing it means the
  // server-side handles and the HTTP API use the very same instance (same change events).
  const cache = new Map<string, StoreDb>();
  Pouch.__dbCacheMap = cache;

  const couch = expressPouchDB({ mode: 'minimumForPouchDB' });
  // Installs PouchDB.allDbs() etc. before any database is opened, so that every database we create
  // is registered (express-pouchdb answers 404 for databases allDbs() does not list).
  await couch.setPouchDB(Pouch);

  let closed = false;
  const instance = (name: string): StoreDb => {
    let db = cache.get(name);
    if (!db) {
      db = new Pouch(name) as StoreDb;
      cache.set(name, db);
    }
    return db;
  };
  const knownDb = (dbName: string): StoreDb | null => (storeIdOfDbName(dbName) ? cache.get(dbName) ?? null : null);

  const router = express.Router({ caseSensitive: true });
  const guard = longpollGuard({ maxMs: opts.longpollMaxMs, dbFor: knownDb });
  router.get('/:db/_changes', guard);
  router.post('/:db/_changes', guard);
  router.use(couch);

  return {
    kind: 'embedded',
    async ensureStoreDb(storeId: string): Promise<void> {
      const name = storeDbName(storeId);
      const db = instance(name);
      await db.info();
      const all = await Pouch.allDbs();
      if (!all.includes(name)) throw new Error(`database ${name} was created but is not registered`);
    },
    db(storeId: string): StoreDb {
      return instance(storeDbName(storeId));
    },
    couchRouter: router,
    async health(): Promise<BackendHealth> {
      if (closed) return { ok: false, reason: 'backend closed' };
      try {
        await withTimeout(Pouch.allDbs(), 3000, 'LevelDB');
        return { ok: true };
      } catch (err) {
        return { ok: false, reason: err instanceof Error ? err.message : String(err) };
      }
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      const dbs = [...cache.values()];
      cache.clear();
      await Promise.allSettled(dbs.map((db) => db.close()));
    },
  };
}
