import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { formatMoney, parseMoney } from '../../../src/domain/money-format.ts';
import type { MoneyLocale } from '../../../src/domain/money-format.ts';
import { money } from '../../../src/domain/money.ts';

const fr = { locale: 'fr-FR', currency: 'EUR' } as const;
const en = { locale: 'en', currency: 'EUR' } as const;

function parsed(text: string, opts: { locale: MoneyLocale; currency: string }): number {
  const r = parseMoney(text, opts);
  if (!r.ok) throw new Error(`expected "${text}" to parse, got ${r.error.message}`);
  return r.value;
}

function refusal(text: string, opts: { locale: MoneyLocale; currency: string }) {
  const r = parseMoney(text, opts);
  if (r.ok) throw new Error(`expected "${text}" to be refused, got ${r.value}`);
  return r.error;
}

describe('parseMoney', () => {
  it('reads French amounts with a comma, any space as thousands separator and the euro sign', () => {
    expect(parsed('12,50', fr)).toBe(1250);
    expect(parsed('12,5', fr)).toBe(1250);
    expect(parsed('12', fr)).toBe(1200);
    expect(parsed('12,50 €', fr)).toBe(1250);
    expect(parsed('12,50€', fr)).toBe(1250);
    expect(parsed('1 234,56', fr)).toBe(123456);
    expect(parsed('1\u00a0234,56', fr)).toBe(123456);
    expect(parsed('1\u202f234,56\u00a0€', fr)).toBe(123456);
    expect(parsed('  0,07 ', fr)).toBe(7);
    expect(parsed('EUR 3,00', fr)).toBe(300);
  });

  it('reads a lone dot as decimal separator in French (numeric keypads type one)', () => {
    expect(parsed('12.50', fr)).toBe(1250);
  });

  it('reads English amounts with a dot, commas between thousands and a leading symbol', () => {
    expect(parsed('12.50', en)).toBe(1250);
    expect(parsed('€12.50', en)).toBe(1250);
    expect(parsed('1,234.56', en)).toBe(123456);
    expect(parsed('.5', en)).toBe(50);
    expect(parsed('$1,000', { locale: 'en', currency: 'USD' })).toBe(100000);
  });

  it('reads negative amounts with a hyphen or a minus sign, before or after the symbol', () => {
    expect(parsed('-12,50', fr)).toBe(-1250);
    expect(parsed('-12,50 €', fr)).toBe(-1250);
    expect(parsed('\u221212,50 €', fr)).toBe(-1250);
    expect(parsed('-€12.50', en)).toBe(-1250);
    expect(parsed('€-12.50', en)).toBe(-1250);
    expect(Object.is(parsed('-0,00', fr), 0)).toBe(true);
  });

  it('refuses more decimals than the currency has instead of rounding', () => {
    const e = refusal('12,345', fr);
    expect(e.code).toBe('too_many_decimals');
    expect(e.message).toContain('EUR allows at most 2 decimals');
    expect(refusal('1.234', fr).code).toBe('too_many_decimals');
    expect(refusal('12.5', { locale: 'en', currency: 'JPY' }).message).toContain('JPY has no decimals');
    expect(parsed('12,345', { locale: 'fr-FR', currency: 'BHD' })).toBe(12345);
  });

  it('refuses a comma used as decimal separator in English, with a hint', () => {
    const e = refusal('12,50', en);
    expect(e.code).toBe('bad_grouping');
    expect(e.message).toContain('use "."');
  });

  it('refuses empty, foreign symbols, letters, double separators and misplaced groups', () => {
    expect(refusal('   ', fr).code).toBe('empty');
    expect(refusal('$12.50', en).code).toBe('not_a_number');
    expect(refusal('12a', fr).code).toBe('not_a_number');
    expect(refusal('1,2,3', fr).code).toBe('not_a_number');
    expect(refusal('12 34,00', fr).code).toBe('bad_grouping');
    expect(refusal('12,', fr).code).toBe('not_a_number');
    expect(refusal('--12', fr).code).toBe('not_a_number');
    expect(refusal('99999999999999999999', fr).code).toBe('out_of_range');
  });
});

describe('formatMoney', () => {
  it('formats with Intl in each locale', () => {
    expect(formatMoney(money(123456), fr)).toBe('1\u202f234,56\u00a0€');
    expect(formatMoney(money(-1250), en)).toBe('-€12.50');
    expect(formatMoney(money(1234), { locale: 'en', currency: 'JPY' })).toBe('¥1,234');
    expect(formatMoney(money(5), fr)).toBe('0,05\u00a0€');
  });

  it('is exact for the largest safe amounts (no float division)', () => {
    expect(formatMoney(money(Number.MAX_SAFE_INTEGER), en)).toBe('€90,071,992,547,409.91');
  });
});

describe('parse ∘ format', () => {
  it('round-trips every amount in both locales for EUR, JPY and USD', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom<MoneyLocale>('fr-FR', 'en'),
        fc.constantFrom('EUR', 'JPY', 'USD'),
        (n, locale, currency) => {
          const opts = { locale, currency };
          const r = parseMoney(formatMoney(money(n), opts), opts);
          expect(r).toEqual({ ok: true, value: n });
        },
      ),
      { numRuns: 500 },
    );
  });
});
