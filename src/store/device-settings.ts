/**
 * Device-local settings written from the main thread (pairing, persistence answer). They live in the
 * same Dexie database as the read model but are never replicated and survive a rebuild.
 */
import { readModelDb, type PersistenceAnswer } from './schema.ts';
import type { Pairing } from './sync-port.ts';

export async function savePairing(pairing: Pairing): Promise<void> {
  await readModelDb().settings.put({ key: 'pairing', value: pairing });
}

/** Forgets the pairing and the sync status of the old one; the replica itself is left on disk. */
export async function clearPairing(): Promise<void> {
  const db = readModelDb();
  await db.transaction('rw', db.settings, db.syncState, async () => {
    await db.settings.delete('pairing');
    await db.syncState.delete('status');
  });
}

export async function savePersistence(answer: PersistenceAnswer): Promise<void> {
  await readModelDb().settings.put({ key: 'persistence', value: answer });
}
