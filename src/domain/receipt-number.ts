/**
 * Per-register gapless receipt numbers. The number is part of the sale's id, so two sales that claim
 * the same number collide as a CouchDB conflict instead of silently coexisting, and a missing number
 * is visible to the journal as a gap.
 */

/** Eight digits in the id keep ids sorting in receipt order; beyond that the register must roll over. */
export const MAX_RECEIPT_NUMBER = 99_999_999;

function assertReceiptNumber(n: number): void {
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_RECEIPT_NUMBER) {
    throw new RangeError(`A receipt number is an integer in 1..${MAX_RECEIPT_NUMBER}, got ${n}`);
  }
}

/** Register ids are id segments: no ":" (the separator), nothing empty. */
export function isValidRegisterId(registerId: string): boolean {
  return /^[^:\s]+$/.test(registerId);
}

function assertRegisterId(registerId: string): void {
  if (!isValidRegisterId(registerId)) throw new RangeError(`A register id is non-empty without ":" or spaces, got "${registerId}"`);
}

/** The number after the last one used; 0 means none used yet. */
export function nextReceiptNumber(last: number): number {
  if (!Number.isSafeInteger(last) || last < 0 || last >= MAX_RECEIPT_NUMBER) {
    throw new RangeError(`No receipt number follows ${last}`);
  }
  return last + 1;
}

export function saleId(registerId: string, n: number): string {
  assertRegisterId(registerId);
  assertReceiptNumber(n);
  return `sale:${registerId}:${String(n).padStart(8, '0')}`;
}

export function parseSaleId(id: string): { registerId: string; n: number } | null {
  const m = /^sale:([^:\s]+):(\d{8})$/.exec(id);
  if (!m) return null;
  const n = Number(m[2]);
  if (n < 1) return null;
  return { registerId: m[1] as string, n };
}

/** What is printed on the receipt: "R1-000042". */
export function receiptLabel(registerId: string, n: number): string {
  assertRegisterId(registerId);
  assertReceiptNumber(n);
  return `${registerId.toUpperCase()}-${String(n).padStart(6, '0')}`;
}

export interface GapRange {
  from: number;
  to: number;
}

/**
 * Missing numbers between 1 and the highest seen, as ranges: a register restored from an old backup
 * can leave a gap of millions, which must be reported, not expanded into memory.
 */
export function findGapRanges(numbers: Iterable<number>): GapRange[] {
  const sorted = [...new Set(numbers)].filter((n) => Number.isSafeInteger(n) && n >= 1).sort((a, b) => a - b);
  const gaps: GapRange[] = [];
  let expected = 1;
  for (const n of sorted) {
    if (n > expected) gaps.push({ from: expected, to: n - 1 });
    expected = n + 1;
  }
  return gaps;
}

/** Missing numbers between 1 and the highest seen, one by one (for small gaps; see findGapRanges). */
export function findGaps(numbers: Iterable<number>): number[] {
  const missing: number[] = [];
  for (const { from, to } of findGapRanges(numbers)) for (let n = from; n <= to; n++) missing.push(n);
  return missing;
}

/** Numbers used more than once, ascending: each one is two sales claiming the same receipt. */
export function findDuplicates(numbers: Iterable<number>): number[] {
  const seen = new Set<number>();
  const dup = new Set<number>();
  for (const n of numbers) (seen.has(n) ? dup : seen).add(n);
  return [...dup].sort((a, b) => a - b);
}
