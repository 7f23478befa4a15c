/**
 * Plain-text pieces of a paper receipt: the wording (FR/EN), characters a thermal printer can print,
 * and fixed-width columns. Pure: no DOM, no printer bytes.
 */
import type { CurrencyCode, Money } from '../domain/money.ts';
import { formatMoney } from '../domain/money-format.ts';

export type ReceiptLang = 'fr' | 'en';

export const RECEIPT_WORDS = {
  fr: {
    receipt: 'Ticket', refund: 'REMBOURSEMENT', date: 'Date', register: 'Caisse', cashier: 'Caissier',
    total: 'TOTAL', vatRate: 'TVA', net: 'HT', vat: 'TVA', gross: 'TTC', change: 'Rendu',
    discount: 'Remise', duplicate: 'DUPLICATA', thanks: 'Merci de votre visite !',
    tender: { cash: 'Espèces', card: 'Carte', voucher: 'Avoir', other: 'Autre' },
    testTitle: 'Page de test', testAccents: 'Accents', testColumns: 'Colonnes', testCodePage: 'Page de code',
  },
  en: {
    receipt: 'Receipt', refund: 'REFUND', date: 'Date', register: 'Register', cashier: 'Cashier',
    total: 'TOTAL', vatRate: 'VAT', net: 'Net', vat: 'VAT', gross: 'Gross', change: 'Change',
    discount: 'Discount', duplicate: 'DUPLICATE', thanks: 'Thank you for your visit!',
    tender: { cash: 'Cash', card: 'Card', voucher: 'Voucher', other: 'Other' },
    testTitle: 'Test page', testAccents: 'Accents', testColumns: 'Columns', testCodePage: 'Code page',
  },
} as const;

/** Every French accented letter, lower then upper case, and the euro sign: what a test page prints. */
export const FRENCH_TEST_LOWER = 'àâäçéèêëîïôöùûüÿœæ';
export const FRENCH_TEST_UPPER = 'ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ';

/**
 * Intl writes "12,50 €" with a no-break space and "1 234" with a narrow no-break space; neither is
 * in the printer code pages, and the encoder would print "?" for them. Typographic quotes and dashes
 * likewise. Accents are composed (NFC) so "é" typed as e + ◌́ still maps to one byte.
 */
export function printable(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u00a0\u202f\u2007\u2009]/g, ' ')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\u2026/g, '...');
}

export function money(amount: Money, currency: CurrencyCode, lang: ReceiptLang): string {
  return printable(formatMoney(amount, { locale: lang === 'fr' ? 'fr-FR' : 'en', currency }));
}

export function rate(bp: number, lang: ReceiptLang): string {
  return printable(new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en', { style: 'percent', maximumFractionDigits: 2 }).format(bp / 10_000));
}

export function dateTime(iso: string, lang: ReceiptLang): string {
  return printable(new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso)));
}

/** Splits text into lines of at most `width` characters, at spaces where possible. */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let rest = text.trim();
  while (rest.length > width) {
    let cut = rest.lastIndexOf(' ', width);
    if (cut <= 0) cut = width;
    out.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  out.push(rest);
  return out;
}

/** `left` and `right` on one line of `width` characters; the left part is cut when both do not fit. */
export function pair(left: string, right: string, width: number): string {
  const room = Math.max(0, width - right.length - 1);
  const l = left.length > room ? left.slice(0, room) : left;
  return l + ' '.repeat(Math.max(1, width - l.length - right.length)) + right;
}

/** Fixed-width columns, right-aligned except the first. */
export function columns(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((cell, k) => {
      const w = widths[k] ?? cell.length;
      const c = cell.length > w ? cell.slice(0, w) : cell;
      return k === 0 ? c.padEnd(w) : c.padStart(w);
    })
    .join('');
}
