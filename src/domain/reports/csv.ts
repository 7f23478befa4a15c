/**
 * CSV as spreadsheets read it (RFC 4180): fields with the separator, a quote, CR or LF are quoted,
 * quotes doubled, records end with CRLF. The file starts with a UTF-8 byte order mark so that Excel
 * reads "Épicerie" as such. French Excel expects ';' between fields (',' is its decimal separator),
 * English Excel ','. decodeCsv reads back exactly what encodeCsv wrote (property-tested).
 */
import { minorDigits, type CurrencyCode } from '../money.ts';

export type CsvSeparator = ';' | ',';

export const UTF8_BOM = '\uFEFF';

/** ';' with a decimal comma (fr), ',' with a decimal point (en). */
export function csvFormatFor(locale: string): { separator: CsvSeparator; decimal: ',' | '.' } {
  return /^fr\b/i.test(locale) ? { separator: ';', decimal: ',' } : { separator: ',', decimal: '.' };
}

function field(value: string, separator: CsvSeparator): string {
  return value.includes(separator) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Records joined by CRLF, each ended by CRLF. A record of one empty field is written "" so it survives. */
export function encodeCsv(rows: readonly (readonly string[])[], separator: CsvSeparator): string {
  let out = '';
  for (const row of rows) {
    out += row.length === 1 && row[0] === '' ? '""' : row.map((v) => field(v, separator)).join(separator);
    out += '\r\n';
  }
  return out;
}

/** The records of a CSV text (a leading BOM is skipped; CRLF, LF or CR end a record outside quotes). */
export function decodeCsv(text: string, separator: CsvSeparator): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let value = '';
  let started = false; // something of the current record was read
  let i = text.startsWith(UTF8_BOM) ? 1 : 0;
  const n = text.length;
  while (i < n) {
    const c = text[i] as string;
    if (c === '"' && value === '') {
      // A quoted field: up to the closing quote; "" inside is one quote.
      i += 1;
      let quoted = '';
      for (;;) {
        if (i >= n) break;
        const q = text[i] as string;
        if (q === '"') {
          if (text[i + 1] === '"') {
            quoted += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        quoted += q;
        i += 1;
      }
      value += quoted;
      started = true;
      // Anything between the closing quote and the next separator is kept (lenient reading).
      continue;
    }
    if (c === separator) {
      row.push(value);
      value = '';
      started = true;
      i += 1;
      continue;
    }
    if (c === '\r' || c === '\n') {
      row.push(value);
      rows.push(row);
      row = [];
      value = '';
      started = false;
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    value += c;
    started = true;
    i += 1;
  }
  if (started) {
    row.push(value);
    rows.push(row);
  }
  return rows;
}

/**
 * A text cell a spreadsheet must not read as a formula: a name from a web store starting with
 * = + - @ (or a tab / CR) is prefixed with an apostrophe, which Excel and LibreOffice show as text.
 */
export function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** An amount as a spreadsheet number in the locale, without grouping or symbol: -1234,50 / -1234.50. */
export function decimalAmount(amount: number, currency: CurrencyCode, decimal: ',' | '.'): string {
  const digits = minorDigits(currency);
  const negative = amount < 0;
  const abs = String(Math.abs(amount)).padStart(digits + 1, '0');
  const int = abs.slice(0, abs.length - digits);
  const frac = abs.slice(abs.length - digits);
  return `${negative ? '-' : ''}${int}${digits > 0 ? decimal + frac : ''}`;
}

/** Reads decimalAmount's output back into minor units (null when it is not one). */
export function parseDecimalAmount(text: string, currency: CurrencyCode, decimal: ',' | '.'): number | null {
  const digits = minorDigits(currency);
  const d = decimal === ',' ? ',' : '\\.';
  const m = new RegExp(`^(-?)(\\d+)(?:${d}(\\d{${digits}}))?$`).exec(text.trim());
  if (m === null || (digits > 0 && m[3] === undefined)) return null;
  const value = Number(m[2]) * 10 ** digits + Number(m[3] ?? 0);
  return m[1] === '-' ? -value : value;
}
