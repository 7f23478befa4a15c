/**
 * Line arithmetic shared by the cart (cart.ts), the sale builder (sale.ts) and the validator: how a
 * line's total follows from its quantity, unit price, tax rule and discount. One rule everywhere:
 *
 *   base  = quantity × unitPrice                              (tax-inclusive price)
 *         = vatOfExclusive(quantity × unitPrice).gross        (unitPriceExcludesTax: VAT on the line net)
 *   total = base − sign(quantity) × discount.amount
 *
 * Discounts are tax-inclusive amounts taken off the line's gross (a sale line: total ≥ 0; a returned
 * line has a negative quantity, so its total is negative and the discount gives back less).
 */
import { money } from './money.ts';
import type { Money } from './money.ts';
import type { SaleLine } from './documents.ts';
import { divideRoundHalfAwayFromZero, vatOfExclusive, BP_PER_UNIT } from './vat.ts';

/** Gross of a line before its discount (negative for a returned line). */
export function lineBase(quantity: number, unitPrice: Money, excludesTax: boolean, vatRate: number): Money {
  const extended = money(unitPrice * quantity);
  return excludesTax ? vatOfExclusive(extended, vatRate).gross : extended;
}

/** What a saved sale line's total must be, from its own fields. */
export function expectedLineTotal(line: Pick<SaleLine, 'quantity' | 'unitPrice' | 'vatRate' | 'unitPriceExcludesTax' | 'discount'>): Money {
  const base = lineBase(line.quantity, line.unitPrice, line.unitPriceExcludesTax === true, line.vatRate);
  const off = line.discount?.amount ?? 0;
  return money(base - Math.sign(line.quantity) * off);
}

/** bp of an amount, rounded half away from zero (10 % of 12,35 € = 1,24 €). */
export function percentOf(amount: Money, bp: number): Money {
  return money(Number(divideRoundHalfAwayFromZero(BigInt(amount) * BigInt(bp), BigInt(BP_PER_UNIT))));
}

/**
 * Splits `amount` over `weights` proportionally (largest remainder): the shares add up to `amount`
 * exactly, each share ≤ its weight when amount ≤ Σ weights, and the leftover cents go to the largest
 * fractional parts, ties to the earliest line. Deterministic: same input, same split.
 */
export function spreadProportionally(amount: number, weights: readonly number[]): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  if (amount === 0 || total <= 0) return weights.map(() => 0);
  const big = BigInt(amount);
  const bigTotal = BigInt(total);
  const shares = weights.map((w) => (big * BigInt(w)) / bigTotal);
  const remainders = weights.map((w, i) => ({ i, r: (big * BigInt(w)) % bigTotal }));
  let left = amount - shares.reduce((s, x) => s + Number(x), 0);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  const out = shares.map(Number);
  for (const { i } of remainders) {
    if (left <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
    left--;
  }
  return out;
}
