/** Platform money (decimal strings or numbers) → integer minor units, exactly (no float rounding). */
import { minorDigits } from '../../src/domain/money.ts';

export function toMinorUnits(value: unknown, currency: string): number {
  if (value === null || value === undefined || value === '') return 0;
  const text = typeof value === 'number' ? value.toFixed(minorDigits(currency) + 2) : String(value).trim();
  const m = /^(-)?(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m) throw new Error(`"${text}" is not an amount`);
  const digits = minorDigits(currency);
  const frac = (m[3] ?? '').padEnd(digits + 1, '0');
  let units = Number(m[2] || '0') * 10 ** digits + Number(frac.slice(0, digits) || '0');
  // Half away from zero on the first dropped digit (BigCommerce prints four decimals).
  if (Number(frac.charAt(digits)) >= 5) units += 1;
  return m[1] ? -units : units;
}

/** A time the platform printed, as ISO 8601 UTC; WooCommerce's *_gmt values carry no offset. */
export function isoFromPlatform(value: unknown, assumeUtc = false): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const s = value.trim();
  const ms = Date.parse(assumeUtc && !/(Z|[+-]\d{2}:?\d{2})$/.test(s) ? `${s}Z` : s);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
