/**
 * Money is an integer count of minor units (cents for EUR) in one currency.
 * The brand stops a raw number (a quantity, a float price) from being used as money by accident.
 * Parsing and formatting live in money-format.ts; arithmetic here never produces fractions.
 */
declare const moneyBrand: unique symbol;
export type Money = number & { readonly [moneyBrand]: true };

/** ISO 4217 code, e.g. "EUR". */
export type CurrencyCode = string;

export const DEFAULT_CURRENCY: CurrencyCode = 'EUR';

const MINOR_DIGITS: Readonly<Record<string, number>> = { JPY: 0, KRW: 0, BHD: 3, KWD: 3, TND: 3 };

/** Number of minor-unit digits of a currency (2 unless ISO 4217 says otherwise). */
export function minorDigits(currency: CurrencyCode): number {
  return MINOR_DIGITS[currency.toUpperCase()] ?? 2;
}

/** Brands an integer count of minor units; refuses anything that is not a safe integer. */
export function money(minorUnits: number): Money {
  if (!Number.isSafeInteger(minorUnits)) {
    throw new RangeError(`Money must be a whole number of minor units, got ${minorUnits}`);
  }
  return minorUnits as Money;
}

export const ZERO: Money = money(0);

export function add(a: Money, b: Money): Money {
  return money(a + b);
}

export function subtract(a: Money, b: Money): Money {
  return money(a - b);
}

export function sum(amounts: readonly Money[]): Money {
  let total = 0;
  for (const a of amounts) total += a;
  return money(total);
}

/** Multiplies by an integer quantity (a line of n units). */
export function times(a: Money, quantity: number): Money {
  if (!Number.isSafeInteger(quantity)) throw new RangeError(`Quantity must be an integer, got ${quantity}`);
  return money(a * quantity);
}

export function negate(a: Money): Money {
  return money(-a);
}

export function isNegative(a: Money): boolean {
  return a < 0;
}
