/**
 * VAT arithmetic on integer minor units. The rounding policy is ADR 0002: VAT is rounded half away
 * from zero, once per rate on the rate's total, and the gross of a tax-inclusive price is never touched
 * (net = gross − vat), because the gross is what the customer saw on the shelf and pays.
 */
import { money } from './money.ts';
import type { Money } from './money.ts';
import type { VatBreakdownRow, VatRateBp } from './documents.ts';

export type { VatRateBp } from './documents.ts';

/** One basis point is 1/10 000; rates are integers so that equal rates compare equal. */
export const BP_PER_UNIT = 10_000;

/** The French rates in force: standard, intermediate, reduced, super-reduced. */
export const FRENCH_VAT_RATES = {
  standard: 2000,
  intermediate: 1000,
  reduced: 550,
  superReduced: 210,
} as const satisfies Record<string, VatRateBp>;

export function isValidVatRate(rate: unknown): rate is VatRateBp {
  return typeof rate === 'number' && Number.isInteger(rate) && rate >= 0 && rate <= BP_PER_UNIT;
}

function assertRate(rate: VatRateBp): void {
  if (!isValidVatRate(rate)) throw new RangeError(`A VAT rate is an integer of basis points in 0..10000, got ${rate}`);
}

/**
 * numerator / denominator rounded half away from zero. BigInt because gross × rate overflows 2^53
 * for large (but still safe) amounts, and an off-by-one there would be silent.
 */
export function divideRoundHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const q = (2n * abs + denominator) / (2n * denominator);
  return negative ? -q : q;
}

/** Splits a tax-inclusive amount: the VAT it contains, and the net left when that VAT is removed. */
export function vatOfInclusive(gross: Money, rate: VatRateBp): { net: Money; vat: Money } {
  assertRate(rate);
  const vat = money(Number(divideRoundHalfAwayFromZero(BigInt(gross) * BigInt(rate), BigInt(BP_PER_UNIT + rate))));
  return { net: money(gross - vat), vat };
}

/** Adds VAT to a tax-exclusive amount. */
export function vatOfExclusive(net: Money, rate: VatRateBp): { vat: Money; gross: Money } {
  assertRate(rate);
  const vat = money(Number(divideRoundHalfAwayFromZero(BigInt(net) * BigInt(rate), BigInt(BP_PER_UNIT))));
  return { vat, gross: money(net + vat) };
}

export interface VatLine {
  /** Tax-inclusive amount of the line. */
  gross: Money;
  vatRate: VatRateBp;
}

/**
 * Groups lines by rate and computes VAT on each rate's total rather than per line: per-line rounding
 * drifts by up to half a cent per line, which shows on long receipts and in the Z report.
 * Rows come out in descending rate order, the order French receipts print them in.
 */
export function vatBreakdown(lines: readonly VatLine[]): VatBreakdownRow[] {
  const grossByRate = new Map<VatRateBp, number>();
  for (const line of lines) {
    assertRate(line.vatRate);
    grossByRate.set(line.vatRate, money((grossByRate.get(line.vatRate) ?? 0) + line.gross));
  }
  return [...grossByRate.entries()]
    .sort(([a], [b]) => b - a)
    .map(([rate, total]) => {
      const gross = money(total);
      const { net, vat } = vatOfInclusive(gross, rate);
      return { rate, net, vat, gross };
    });
}

/** Totals of a breakdown; gross equals the sum of the lines' gross by construction. */
export function breakdownTotals(rows: readonly VatBreakdownRow[]): { net: Money; vat: Money; gross: Money } {
  let net = 0;
  let vat = 0;
  let gross = 0;
  for (const r of rows) {
    net += r.net;
    vat += r.vat;
    gross += r.gross;
  }
  return { net: money(net), vat: money(vat), gross: money(gross) };
}
