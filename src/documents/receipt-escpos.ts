/**
 * A completed sale (+ the shop's settings) → the bytes a receipt printer prints, through
 * @point-of-sale/receipt-printer-encoder: ESC/POS (Epson and compatibles) or StarPRNT, 32/42/48
 * columns. Pure: no DOM, no transport; the print queue stores the bytes in the job when it is created,
 * so a retried job prints exactly what the first attempt would have.
 *
 * Characters: the printer's code page (CP858 by default: every French accent and €) is the primary
 * one; the few letters it lacks (œ Œ Ÿ) are sent in Windows-1252 with a code page switch around them
 * instead of the encoder's silent "?". `ESC R 0` puts the printer back in the USA international set:
 * one left in the French set prints @ [ ] { } as accented letters.
 */
import CodepageEncoder from '@point-of-sale/codepage-encoder';
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { SaleDoc, SaleLine, Tender } from '../domain/documents.ts';
import { columns as cols, dateTime, FRENCH_TEST_LOWER, FRENCH_TEST_UPPER, money, pair, printable, rate, RECEIPT_WORDS, wrap, type ReceiptLang } from './receipt-text.ts';

export type PrinterLanguage = 'esc-pos' | 'star-prnt';
export type ReceiptColumns = 32 | 42 | 48;

/** How one paired printer is driven (stored in its DeviceRow options). */
export interface PrinterProfile {
  language: PrinterLanguage;
  columns: ReceiptColumns;
  /** Encoder code page name: 'cp858' (default), 'windows1252', 'cp850', 'cp437'… */
  codePage: string;
  /** Lines fed before the cut, so the cut does not go through the last printed line. */
  feedBeforeCut?: number;
}

export const DEFAULT_PROFILE: PrinterProfile = { language: 'esc-pos', columns: 42, codePage: 'cp858', feedBeforeCut: 4 };

/** A logo already decoded to RGBA pixels (src/hardware/logo.ts makes one from a data URL). */
export interface LogoRaster {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

export interface ReceiptContext {
  shopName: string;
  address: readonly string[];
  legal?: readonly string[];
  registerName: string;
  lang: ReceiptLang;
  logo?: LogoRaster | null;
  /** A reprint says so, top and bottom: only the first print is the original. */
  reprint?: boolean;
}

type Encoder = ReceiptPrinterEncoder;
type Codepage = Parameters<Encoder['codepage']>[0];

export function newEncoder(profile: PrinterProfile): Encoder {
  const candidates = [...new Set([profile.codePage, 'windows1252'])] as Codepage[];
  const encoder = new ReceiptPrinterEncoder({
    language: profile.language,
    columns: profile.columns,
    feedBeforeCut: profile.feedBeforeCut ?? 4,
    codepageMapping: profile.language === 'esc-pos' ? 'epson' : 'star',
    codepageCandidates: candidates as Exclude<Codepage, 'auto'>[],
    imageMode: 'raster',
    newline: '\n',
  });
  // The encoder's 'auto' code page costs ~4 ms a line (it searches the candidates character by
  // character): lines the printer's page can print whole use it directly, the rest go through 'auto'.
  const table = supportedBy(profile.codePage);
  const fits = (text: string): boolean => {
    for (const ch of text) if (ch.charCodeAt(0) >= 0x80 && !table.has(ch.codePointAt(0)!)) return false;
    return true;
  };
  let mode: 'fixed' | 'auto' | null = null;
  const choose = (text: string): void => {
    const want = fits(text) ? 'fixed' : 'auto';
    if (want === mode) return;
    mode = want;
    encoder.codepage(want === 'fixed' ? (profile.codePage as Codepage) : 'auto');
  };
  const line = encoder.line.bind(encoder);
  const text = encoder.text.bind(encoder);
  encoder.line = (value: string) => (choose(value), line(value));
  encoder.text = (value: string) => (choose(value), text(value));
  // ESC @, then ESC R 0 (USA international set); the code page is selected by the first text.
  return encoder.initialize().raw([0x1b, 0x52, 0x00]);
}

const tables = new Map<string, Set<number>>();
/** Code points a code page can print (its upper half; ASCII is common to all of them). */
function supportedBy(codePage: string): Set<number> {
  let table = tables.get(codePage);
  if (!table) {
    table = CodepageEncoder.supports(codePage) ? new Set(CodepageEncoder.getCodepoints(codePage as Exclude<Codepage, 'auto'>, true)) : new Set<number>();
    tables.set(codePage, table);
  }
  return table;
}

function rule(e: Encoder, width: number): void {
  e.line('-'.repeat(width));
}

function header(e: Encoder, sale: SaleDoc, ctx: ReceiptContext, width: number): void {
  const w = RECEIPT_WORDS[ctx.lang];
  if (ctx.logo) e.align('center').image(ctx.logo, ctx.logo.width, ctx.logo.height, 'threshold').align('left');
  e.align('center').bold(true).size(2, 2);
  for (const l of wrap(printable(ctx.shopName), Math.floor(width / 2))) e.line(l);
  e.size(1, 1).bold(false);
  for (const a of ctx.address) for (const l of wrap(printable(a), width)) e.line(l);
  if (ctx.reprint) e.bold(true).size(2, 2).line(w.duplicate).size(1, 1).bold(false);
  if (sale.kind === 'refund') e.bold(true).line(w.refund).bold(false);
  e.align('left');
  e.line(pair(`${w.receipt}`, sale.receiptLabel, width));
  e.line(pair(w.date, dateTime(sale.createdAt, ctx.lang), width));
  e.line(pair(w.register, printable(ctx.registerName), width));
  e.line(pair(w.cashier, printable(sale.cashier), width));
  rule(e, width);
}

function saleLine(e: Encoder, line: SaleLine, sale: SaleDoc, ctx: ReceiptContext, width: number): void {
  const m = (x: SaleLine['total']): string => money(x, sale.currency, ctx.lang);
  const total = m(line.total);
  const name = wrap(printable(line.name), width - total.length - 1);
  e.line(pair(name[0] ?? '', total, width));
  for (const more of name.slice(1)) e.line(more);
  if (line.quantity !== 1) e.line(`  ${line.quantity} x ${m(line.unitPrice)}`);
  if (line.discount && line.discount.amount !== 0) {
    const what = line.discount.kind === 'percent' ? `${RECEIPT_WORDS[ctx.lang].discount} ${rate(line.discount.value, ctx.lang)}` : RECEIPT_WORDS[ctx.lang].discount;
    e.line(pair(`  ${what}`, `-${m(line.discount.amount)}`, width));
  }
}

function tenderLabel(t: Tender, lang: ReceiptLang): string {
  return printable(t.label ?? RECEIPT_WORDS[lang].tender[t.kind]);
}

function totals(e: Encoder, sale: SaleDoc, ctx: ReceiptContext, width: number): void {
  const w = RECEIPT_WORDS[ctx.lang];
  const m = (x: SaleLine['total']): string => money(x, sale.currency, ctx.lang);
  rule(e, width);
  e.bold(true).height(2).line(pair(w.total, m(sale.totals.gross), width)).height(1).bold(false);
  // VAT per rate: rate, net, VAT, gross in four columns.
  const c = Math.floor((width - 7) / 3);
  const widths = [width - 3 * c, c, c, c];
  e.line(cols([w.vatRate, w.net, w.vat, w.gross], widths));
  for (const row of sale.vatBreakdown) e.line(cols([rate(row.rate, ctx.lang), m(row.net), m(row.vat), m(row.gross)], widths));
  rule(e, width);
  for (const t of sale.tenders) e.line(pair(tenderLabel(t, ctx.lang), m(t.amount), width));
  // Change is printed whenever cash changed hands, "0,00 €" included: the customer can check it.
  if (sale.totals.change !== 0 || sale.tenders.some((t) => t.kind === 'cash')) e.bold(true).line(pair(w.change, m(sale.totals.change), width)).bold(false);
}

/** The receipt of `sale`: header, lines, totals, VAT per rate, tenders, change, barcode + QR, cut. */
export function buildReceiptBytes(sale: SaleDoc, ctx: ReceiptContext, profile: PrinterProfile = DEFAULT_PROFILE): Uint8Array {
  const width = profile.columns;
  const e = newEncoder(profile);
  header(e, sale, ctx, width);
  for (const line of sale.lines) saleLine(e, line, sale, ctx, width);
  totals(e, sale, ctx, width);
  e.newline();
  // Barcode modules: 2 dots where the label fits (≈ 22 modules per character pair), 1 on 58 mm paper.
  const moduleWidth = width >= 42 ? 2 : 1;
  e.align('center').barcode(sale.receiptLabel, 'code128', { height: 60, width: moduleWidth, text: 'below' });
  e.qrcode(sale.receiptLabel, { model: 2, size: width >= 42 ? 6 : 4, errorlevel: 'm' });
  e.line(RECEIPT_WORDS[ctx.lang].thanks);
  for (const legal of ctx.legal ?? []) for (const l of wrap(printable(legal), width)) e.line(l);
  if (ctx.reprint) e.bold(true).line(RECEIPT_WORDS[ctx.lang].duplicate).bold(false);
  e.align('left');
  return e.cut('partial').encode();
}

export interface TestPageInfo {
  printerName: string;
  lang: ReceiptLang;
  at: string;
}

/** Test page: every French accented letter and €, the code page, a column ruler, a barcode and a QR. */
export function buildTestPageBytes(info: TestPageInfo, profile: PrinterProfile = DEFAULT_PROFILE): Uint8Array {
  const w = RECEIPT_WORDS[info.lang];
  const e = newEncoder(profile);
  e.align('center').bold(true).size(2, 2).line('Comptoir').size(1, 1).line(w.testTitle).bold(false).align('left');
  e.line(printable(info.printerName));
  e.line(dateTime(info.at, info.lang));
  rule(e, profile.columns);
  e.line(`${w.testAccents}:`);
  e.line(FRENCH_TEST_LOWER);
  e.line(FRENCH_TEST_UPPER);
  e.line('€ 1 234,56 €');
  e.line(`${w.testCodePage}: ${profile.codePage} (${profile.language})`);
  e.line(`${w.testColumns}: ${profile.columns}`);
  e.line(Array.from({ length: profile.columns }, (_, k) => String((k + 1) % 10)).join(''));
  e.align('center').barcode('TEST-1234', 'code128', { height: 50, width: 2, text: 'below' }).qrcode('Comptoir test', { model: 2, size: 4, errorlevel: 'm' }).align('left');
  return e.cut('partial').encode();
}

export interface DrawerPulse {
  /** Drawer connector pin: 2 (most drawers) or 5 (a second drawer). */
  pin: 2 | 5;
  /** Pulse on and off times in milliseconds (sent in units of 2 ms, at most 510). */
  onMs: number;
  offMs: number;
}

export const DEFAULT_PULSE: DrawerPulse = { pin: 2, onMs: 100, offMs: 500 };

/** A drawer kick through the printer's drawer port: `ESC p m t1 t2` on ESC/POS. */
export function drawerKickBytes(pulse: DrawerPulse = DEFAULT_PULSE, profile: PrinterProfile = DEFAULT_PROFILE): Uint8Array {
  const clamp = (ms: number): number => Math.max(2, Math.min(510, Math.round(ms)));
  return new ReceiptPrinterEncoder({ language: profile.language, columns: profile.columns })
    .initialize()
    .pulse(pulse.pin === 2 ? 0 : 1, clamp(pulse.onMs), clamp(pulse.offMs))
    .encode();
}
