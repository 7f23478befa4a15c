/**
 * Reads a Dexie table (or a primary-key range of it) in chunks by primary key: each chunk is one
 * short read-only transaction (getAll with a count), so the worker never holds a transaction open
 * while it folds, and the next chunk is already being read while the current one is folded.
 */
import type { Table } from 'dexie';

export interface KeyRange {
  lower: string;
  upper: string;
}

export async function readChunks<T extends { _id: string }>(
  table: Table<T, string>,
  size: number,
  onChunk: (rows: T[]) => void | Promise<void>,
  range?: KeyRange,
): Promise<number> {
  const read = (after: string | undefined): Promise<T[]> => {
    const where = table.where(':id');
    const collection =
      after === undefined
        ? range === undefined
          ? table.toCollection()
          : where.between(range.lower, range.upper, true, true)
        : range === undefined
          ? where.above(after)
          : where.between(after, range.upper, false, true);
    return collection.limit(size).toArray();
  };
  let total = 0;
  let next = read(undefined);
  for (;;) {
    const rows = await next;
    if (rows.length === 0) return total;
    // Read ahead: IndexedDB fetches the next chunk while this one is folded.
    next = rows.length < size ? Promise.resolve([]) : read((rows[rows.length - 1] as T)._id);
    total += rows.length;
    await onChunk(rows);
  }
}

/** Rows of `table` in `range` (a count on the primary key: no rows are read). */
export function countRange<T>(table: Table<T, string>, range?: KeyRange): Promise<number> {
  return range === undefined ? table.count() : table.where(':id').between(range.lower, range.upper, true, true).count();
}
