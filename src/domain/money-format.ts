/**
 * Text ⇄ Money for the two locales the register speaks. Parsing is deliberately strict: a cashier
 * typing "12,345" meant something, and silently rounding it to 12,35 € would charge the wrong amount,
 * so anything ambiguous is refused with a message the UI can show as is.
 */
import { minorDigits, money } from './money.ts';
import type { CurrencyCode, Money } from './money.ts';
import { err, ok } from './result.ts';
import type { Result } from './result.ts';

export type MoneyLocale = 'fr-FR' | 'en';

export interface MoneyFormatOptions {
  locale: MoneyLocale;
  currency: CurrencyCode;
}

export type MoneyParseErrorCode =
  | 'empty'
  | 'not_a_number'
  | 'bad_grouping'
  | 'too_many_decimals'
  | 'out_of_range';

export interface MoneyParseError {
  code: MoneyParseErrorCode;
  message: string;
}

// Intl puts U+202F (narrow no-break space) between thousands in fr-FR and U+00A0 before "€";
// people type plain spaces. All of them are the same separator to us.
const SPACES = /[\s\u00a0\u202f\u2007\u2009]/g;
const MINUS = /^[-\u2212]/;

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: MoneyLocale, currency: CurrencyCode): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let f = formatters.get(key);
  if (!f) {
    // Our minor digits, not Intl's: Money is counted in our units, and the two tables differ (ISK, CLP…).
    const digits = minorDigits(currency);
    f = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, f);
  }
  return f;
}

/** Exact decimal string of a minor-unit amount; Intl formats it without going through a float. */
function toDecimalString(amount: Money, digits: number): `${number}` {
  const negative = amount < 0;
  const abs = String(Math.abs(amount)).padStart(digits + 1, '0');
  const int = abs.slice(0, abs.length - digits);
  const frac = abs.slice(abs.length - digits);
  return `${negative ? '-' : ''}${int}${digits > 0 ? `.${frac}` : ''}` as `${number}`;
}

export function formatMoney(amount: Money, options: MoneyFormatOptions): string {
  return formatter(options.locale, options.currency).format(toDecimalString(amount, minorDigits(options.currency)));
}

/** Every way the currency may be written next to the amount, longest first so "$US" wins over "$". */
function currencyMarks(currency: CurrencyCode): string[] {
  const marks = new Set<string>([currency.toUpperCase()]);
  for (const locale of ['fr-FR', 'en']) {
    for (const currencyDisplay of ['symbol', 'narrowSymbol'] as const) {
      const parts = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay }).formatToParts(1);
      for (const p of parts) if (p.type === 'currency') marks.add(p.value);
    }
  }
  return [...marks].sort((a, b) => b.length - a.length);
}

function fail(code: MoneyParseErrorCode, message: string): Result<Money, MoneyParseError> {
  return err({ code, message });
}

function stripMark(s: string, marks: readonly string[], where: 'start' | 'end'): string {
  for (const mark of marks) {
    if (where === 'start' && s.startsWith(mark)) return s.slice(mark.length).trim();
    if (where === 'end' && s.endsWith(mark)) return s.slice(0, s.length - mark.length).trim();
  }
  return s;
}

/**
 * Parses what a cashier typed or what formatMoney printed. Accepted: "12,50", "12,50 €", "1 234,56"
 * (any kind of space), "-12,50" in fr-FR; "12.50", "€12.50", "-€1,234.56" in en. In fr-FR a lone "."
 * is read as the decimal separator too, because numeric keypads type one.
 */
export function parseMoney(text: string, options: MoneyFormatOptions): Result<Money, MoneyParseError> {
  const { locale, currency } = options;
  const digits = minorDigits(currency);
  let s = text.trim();
  if (s === '') return fail('empty', 'Enter an amount.');

  const marks = currencyMarks(currency);
  let negative = false;
  const takeSign = (): void => {
    if (!negative && MINUS.test(s)) {
      negative = true;
      s = s.slice(1).trim();
    }
  };
  takeSign();
  s = stripMark(s, marks, 'start');
  takeSign();
  s = stripMark(s, marks, 'end');
  s = s.replace(SPACES, ' ');

  let decimal: string;
  let groups: RegExp;
  if (locale === 'fr-FR') {
    decimal = !s.includes(',') && s.split('.').length === 2 ? '.' : ',';
    groups = / /;
  } else {
    decimal = '.';
    groups = /[ ,]/;
  }

  if (!/^[0-9 .,]+$/.test(s) || !/[0-9]/.test(s)) {
    return fail('not_a_number', `"${text.trim()}" is not an amount in ${currency}.`);
  }
  const pieces = s.split(decimal);
  if (pieces.length > 2) {
    return fail('not_a_number', `"${text.trim()}" has more than one decimal separator "${decimal}".`);
  }
  const intPart = pieces[0] ?? '';
  const fracPart = pieces[1];

  if (groups.test(intPart)) {
    // Thousands separators are only trusted when they really separate thousands: "12,50" in English is
    // a decimal typed with the wrong key, not twelve hundred and fifty.
    if (!/^[0-9]{1,3}([ ,][0-9]{3})*$/.test(intPart) || (locale === 'fr-FR' && intPart.includes(','))) {
      const hint = locale === 'en' && intPart.includes(',') ? ' In English, use "." for decimals.' : '';
      return fail('bad_grouping', `"${text.trim()}": thousands separators must separate groups of three digits.${hint}`);
    }
  } else if (!/^[0-9]*$/.test(intPart)) {
    return fail('not_a_number', `"${text.trim()}" is not an amount in ${currency}.`);
  }
  if (fracPart !== undefined && !/^[0-9]+$/.test(fracPart)) {
    return fail('not_a_number', `"${text.trim()}" must have digits after the decimal separator.`);
  }
  const frac = fracPart ?? '';
  if (frac.length > digits) {
    const allowed = digits === 0 ? `${currency} has no decimals` : `${currency} allows at most ${digits} decimal${digits > 1 ? 's' : ''}`;
    return fail('too_many_decimals', `"${text.trim()}" has ${frac.length} decimals but ${allowed}; nothing was rounded.`);
  }

  const minorText = (intPart.replace(/[ ,]/g, '') + frac.padEnd(digits, '0')).replace(/^0+(?=\d)/, '');
  const minor = Number(minorText);
  if (!Number.isSafeInteger(minor)) {
    return fail('out_of_range', `"${text.trim()}" is too large an amount.`);
  }
  // No negative zero: "-0,00" is zero, and Object.is(-0, 0) is false.
  return ok(money(negative && minor !== 0 ? -minor : minor));
}
