/**
 * Counting the drawer at the close of a shift: notes and coins by denomination, in minor units, so
 * that "2 × 50 €, 7 × 2 €" is stored as { "5000": 2, "200": 7 } and adds up without floats.
 */
import { money } from './money.ts';
import type { Money } from './money.ts';
import type { StoreSettingsDoc } from './documents.ts';

/** The euro notes and coins, largest first: 500 € … 1 cent (the 200 € and 500 € notes are rare but legal). */
export const EURO_DENOMINATIONS: readonly number[] = [
  50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1,
];

/** Counts per denomination (minor units as keys, as the Z report stores them). */
export type CashCounts = Record<string, number>;

export function isValidDenomination(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

/**
 * The shop's denominations (StoreSettingsDoc.denominations), largest first and without duplicates,
 * or the euro set when the shop configured none (or only nonsense).
 */
export function denominationsOf(settings?: Pick<StoreSettingsDoc, 'denominations'> | null): number[] {
  const configured = (settings?.denominations ?? []).filter(isValidDenomination);
  const list = configured.length > 0 ? configured : EURO_DENOMINATIONS;
  return [...new Set(list)].sort((a, b) => b - a);
}

export function isValidCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * Total of a count. Keys must be denominations and counts whole, non-negative numbers: a half coin
 * or a negative count is a typing error the screen must catch, so it throws rather than guesses.
 */
export function countedCash(counts: Readonly<CashCounts>): Money {
  let total = 0;
  for (const [key, count] of Object.entries(counts)) {
    const denomination = Number(key);
    if (!isValidDenomination(denomination) || String(denomination) !== key) {
      throw new RangeError(`A denomination is a positive whole number of minor units, got "${key}"`);
    }
    if (!isValidCount(count)) throw new RangeError(`The count of ${key} must be a whole number ≥ 0, got ${count}`);
    total += denomination * count;
  }
  return money(total);
}

/** The count as stored: only denominations actually counted (no zeros), keys in minor units. */
export function normaliseCounts(counts: Readonly<CashCounts>): CashCounts {
  const out: CashCounts = {};
  const keys = Object.keys(counts).sort((a, b) => Number(b) - Number(a));
  for (const key of keys) {
    const count = counts[key];
    if (count !== undefined && count > 0) out[key] = count;
  }
  return out;
}
