declare module 'express-pouchdb' {
  import type { Express } from 'express';

  interface ExpressPouchDBOptions {
    mode?: 'fullCouchDB' | 'minimumForPouchDB' | 'custom';
    overrideMode?: { include?: string[]; exclude?: string[] };
    configPath?: string;
    logPath?: string;
    inMemoryConfig?: boolean;
  }

  interface ExpressPouchDBApp extends Express {
    setPouchDB(pouchDB: PouchDB.Static): Promise<void>;
  }

  function expressPouchDB(options?: ExpressPouchDBOptions): ExpressPouchDBApp;
  function expressPouchDB(pouchDB: PouchDB.Static, options?: ExpressPouchDBOptions): ExpressPouchDBApp;
  export = expressPouchDB;
}
