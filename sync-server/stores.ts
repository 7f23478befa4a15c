/** Creating a store: its database, its settings document, then its record (so a retry completes). */
import type { StoreSettingsDoc } from '../src/domain/documents.ts';
import { parseStoreDoc } from '../src/domain/validate.ts';
import type { StoreBackend } from './db/backend.ts';
import type { Registry } from './registry.ts';
import type { StoreRecord } from './system/system-store.ts';

export interface NewStore {
  id: string;
  name: string;
  address?: string[];
  currency?: string;
  locale?: 'fr-FR' | 'en';
}

export async function createStore(backend: StoreBackend, registry: Registry, input: NewStore): Promise<StoreRecord> {
  await backend.ensureStoreDb(input.id);
  const settings: StoreSettingsDoc = {
    _id: 'store:settings',
    type: 'store_settings',
    storeId: input.id,
    name: input.name,
    address: input.address ?? [],
    currency: input.currency ?? 'EUR',
    locale: input.locale ?? 'fr-FR',
    defaultLocation: 'shop',
  };
  const parsed = parseStoreDoc(settings);
  if (!parsed.ok) throw new Error(`invalid store settings: ${parsed.error}`);
  const db = backend.db(input.id);
  try {
    await db.put(settings);
  } catch (err) {
    if ((err as { status?: number }).status !== 409) throw err;
  }
  return registry.addStore(input.id, input.name);
}
