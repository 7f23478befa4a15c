/**
 * The UI language: French or English. Default from navigator.language (fr for fr-*, English
 * otherwise), and the cashier's choice is remembered on this device (localStorage: a UI preference,
 * not shop data). Money is formatted in the locale of the UI language and the shop's currency.
 */
import { createMemo, createRoot, createSignal } from 'solid-js';
import { formatMoney, parseMoney } from '../../domain/money-format.ts';
import type { MoneyLocale, MoneyParseError } from '../../domain/money-format.ts';
import type { CurrencyCode, Money } from '../../domain/money.ts';
import type { Result } from '../../domain/result.ts';
import { fr } from './fr.ts';
import type { Messages } from './fr.ts';
import { en } from './en.ts';

export type Lang = 'fr' | 'en';
export type { Messages };

const STORAGE_KEY = 'comptoir.lang';
const CATALOGUES: Record<Lang, Messages> = { fr, en };

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'fr' || saved === 'en') return saved;
  } catch {
    // storage unavailable (private mode): fall through to the browser's language
  }
  const nav = typeof navigator !== 'undefined' ? navigator.language : 'fr';
  return /^fr\b/i.test(nav) ? 'fr' : 'en';
}

const state = createRoot(() => {
  const [lang, setLangSignal] = createSignal<Lang>(initialLang());
  const [currency, setCurrency] = createSignal<CurrencyCode>('EUR');
  const t = createMemo(() => CATALOGUES[lang()]);
  return { lang, setLangSignal, t, currency, setCurrency };
});

export const lang = state.lang;
/** The current catalogue: `t().sell.payCash`. Reactive. */
export const t = state.t;
/** The shop's currency (from store settings once replicated; EUR until then). */
export const currency = state.currency;
export const setCurrency = state.setCurrency;

export function setLang(next: Lang): void {
  state.setLangSignal(next);
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // not persisted; the choice still holds for this session
  }
  document.documentElement.lang = next;
}

export function moneyLocale(): MoneyLocale {
  return lang() === 'fr' ? 'fr-FR' : 'en';
}

/** BCP 47 tag for dates and numbers. */
export function intlLocale(): string {
  return lang() === 'fr' ? 'fr-FR' : 'en-GB';
}

export function fmtMoney(amount: Money, cur: CurrencyCode = currency()): string {
  return formatMoney(amount, { locale: moneyLocale(), currency: cur });
}

export function readMoney(text: string, cur: CurrencyCode = currency()): Result<Money, MoneyParseError> {
  return parseMoney(text, { locale: moneyLocale(), currency: cur });
}

/** A money amount as it would be typed in the current locale (no symbol): 12,50 / 12.50. */
export function moneyInputText(amount: Money, cur: CurrencyCode = currency()): string {
  const formatted = formatMoney(amount, { locale: moneyLocale(), currency: cur });
  return formatted.replace(/[^\d.,\s\u00a0\u202f-]/g, '').trim();
}

/** VAT rate in basis points as a percentage: 2000 → "20 %", 550 → "5,5 %". */
export function fmtRate(bp: number): string {
  return new Intl.NumberFormat(intlLocale(), { style: 'percent', maximumFractionDigits: 2 }).format(bp / 10_000);
}

export function fmtTime(iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(), { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

export function fmtDate(iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(), { day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(iso));
}

export function fmtDateTime(iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}

if (typeof document !== 'undefined') document.documentElement.lang = state.lang();
