/**
 * Replaces a result table's rows with a run's rows, one read-write transaction per chunk (a screen
 * reading meanwhile sees each row either as it was or as it is now, never a half-written row), then
 * deletes the rows the run no longer produces.
 *
 * Dexie tells every window of the origin which keys a write touched; for a write of 50 rows or more it
 * sends whole-table ranges instead of keys, so a chunk of 5,000 rows costs the main thread one small
 * message and one re-run of the live queries over that table.
 */
import type { IndexableType, Table } from 'dexie';

export async function writeResults<R, K extends IndexableType>(
  table: Table<R, K>,
  rows: readonly R[],
  keyOf: (row: R) => K,
  chunk: number,
  wrote: (n: number) => Promise<void>,
): Promise<void> {
  const before = await table.toCollection().primaryKeys();
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    await table.db.transaction('rw', table, () => table.bulkPut(part));
    await wrote(part.length);
  }
  // Compound keys ([sku, location]) compare by value: index them as JSON.
  const fresh = new Set(rows.map((r) => JSON.stringify(keyOf(r))));
  const stale = before.filter((k) => !fresh.has(JSON.stringify(k)));
  for (let i = 0; i < stale.length; i += chunk) {
    const part = stale.slice(i, i + chunk);
    await table.db.transaction('rw', table, () => table.bulkDelete(part));
  }
}
