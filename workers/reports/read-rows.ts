/**
 * How the reports worker reads the read model: the primary keys of an index range first (keys only:
 * cheap, and the count drives the progress bar), then the rows by key in chunks, each chunk one short
 * read transaction, the next one already requested while the current one is folded.
 */
import type { Table } from 'dexie';

/** ISO instants with different offsets do not sort as strings do: ranges are widened by this, then filtered exactly. */
const OFFSET_MARGIN_MS = 15 * 60 * 60 * 1000;

/** The string range of createdAt-like keys that holds every instant of [from, until), whatever its offset. */
export function widenedRange(from: string, until: string): { lower: string; upper: string } {
  const f = Date.parse(from);
  const u = Date.parse(until);
  return {
    lower: Number.isNaN(f) ? '' : new Date(f - OFFSET_MARGIN_MS).toISOString().slice(0, 10),
    upper: Number.isNaN(u) ? '\uffff' : new Date(u + OFFSET_MARGIN_MS).toISOString().slice(0, 10) + '\uffff',
  };
}

/** Rows of `keys`, `size` at a time, in key order; missing rows are skipped. */
export async function readByKeys<T>(table: Table<T, string>, keys: readonly string[], size: number, onChunk: (rows: T[]) => void | Promise<void>): Promise<void> {
  const step = Math.max(1, size);
  let next: Promise<(T | undefined)[]> | null = keys.length > 0 ? table.bulkGet(keys.slice(0, step)) : null;
  for (let at = 0; next !== null; at += step) {
    const rows = await next;
    next = at + step < keys.length ? table.bulkGet(keys.slice(at + step, at + 2 * step)) : null;
    await onChunk(rows.filter((r): r is T => r !== undefined));
  }
}

/** Rows whose primary key is in [lower, upper], `size` at a time (pages by the last key read). */
export async function readKeyRange<T>(
  table: Table<T, string>,
  lower: string,
  upper: string,
  size: number,
  keyOf: (row: T) => string,
  onChunk: (rows: T[]) => void | Promise<void>,
): Promise<number> {
  const read = (after: string | null): Promise<T[]> =>
    (after === null ? table.where(':id').between(lower, upper, true, true) : table.where(':id').between(after, upper, false, true)).limit(size).toArray();
  let total = 0;
  let next: Promise<T[]> | null = read(null);
  while (next !== null) {
    const rows: T[] = await next;
    if (rows.length === 0) break;
    next = rows.length < size ? null : read(keyOf(rows[rows.length - 1] as T));
    total += rows.length;
    await onChunk(rows);
  }
  return total;
}
