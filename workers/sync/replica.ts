/**
 * The register's PouchDB replica (IndexedDB adapter): the system of record for everything that
 * replicates. Only the sync worker opens it.
 */
import PouchDB from 'pouchdb-browser';
import type { StoreDoc } from '../../src/domain/documents.ts';
import type { Pairing } from '../../src/store/sync-port.ts';
import type { Replica } from './replica-ops.ts';

/** PouchDB adds its "_pouch_" prefix in IndexedDB; the read model's Dexie name cannot collide with it. */
export function replicaName(pairing: Pick<Pairing, 'storeId' | 'registerId'>): string {
  return `comptoir-${pairing.storeId}-${pairing.registerId}`;
}

export function openReplica(pairing: Pick<Pairing, 'storeId' | 'registerId'>): Replica {
  return new PouchDB<StoreDoc>(replicaName(pairing), { auto_compaction: true });
}
