/**
 * Parked sales of the whole store (every register's), oldest first: any register may resume one.
 * They are register documents in the registerDocs table; a resumed one is deleted and disappears.
 */
import { liveQuery, type Observable } from 'dexie';
import type { ParkedSaleDoc } from '../domain/register-documents.ts';
import { readModelDb } from './schema.ts';

export function watchParkedSales(): Observable<ParkedSaleDoc[]> {
  return liveQuery(async () => {
    const rows = await readModelDb().registerDocs.where('type').equals('parked_sale').toArray();
    return (rows as ParkedSaleDoc[]).sort((a, b) => a.parkedAt.localeCompare(b.parkedAt) || a._id.localeCompare(b._id));
  });
}

export async function getParkedSale(id: string): Promise<ParkedSaleDoc | undefined> {
  const row = await readModelDb().registerDocs.get(id);
  return row?.type === 'parked_sale' ? row : undefined;
}
