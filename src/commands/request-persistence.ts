/**
 * Until navigator.storage.persist() is granted, Chrome may evict the whole origin (replica included)
 * under disk pressure. The answer is asked for, saved and shown, with the storage estimate.
 */
import type { PersistenceAnswer } from '../store/schema.ts';
import { savePersistence } from '../store/sync-client.ts';

async function answer(storage: StorageManager | undefined, ask: boolean): Promise<PersistenceAnswer> {
  const at = new Date().toISOString();
  if (storage === undefined) return { persisted: false, at, usage: null, quota: null };
  let persisted = (await storage.persisted?.()) ?? false;
  if (!persisted && ask) persisted = (await storage.persist?.()) ?? false;
  const estimate = await storage.estimate?.().catch(() => undefined);
  return { persisted, at, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}

/** Asks for persistent storage (Chrome decides without a prompt), saves and returns the answer. */
export async function requestPersistence(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<PersistenceAnswer> {
  const result = await answer(storage, true);
  await savePersistence(result);
  return result;
}

/** Re-reads the answer and the estimate without asking again (e.g. on the sync screen). */
export async function refreshStorageEstimate(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<PersistenceAnswer> {
  const result = await answer(storage, false);
  await savePersistence(result);
  return result;
}
