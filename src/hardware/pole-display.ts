/**
 * 2 × 20 customer pole displays (VFD) on a serial port: the CD5220 command set (most unbranded poles)
 * or Epson's ESC/POS display commands (DM-D series). Text goes out in the display's code page; what
 * the code page lacks is transliterated (é → e, € → EUR) rather than shown as garbage.
 * Bytes are sent through the same Transport as printers (serial-transport.ts).
 */
import { formatMoney } from '../domain/money-format.ts';
import type { Money } from '../domain/money.ts';
import type { DisplayState } from './customer-display-state.ts';
import type { Transport } from './transport.ts';

export const POLE_COLUMNS = 20;

export type PoleProtocol = 'cd5220' | 'escpos';
/** ascii: 7-bit only (transliterate everything); cp858: Western European with € (ESC t 19). */
export type PoleCodePage = 'ascii' | 'cp858';

export interface PoleOptions {
  protocol: PoleProtocol;
  codePage: PoleCodePage;
  lang: 'fr' | 'en';
}

export const DEFAULT_POLE: PoleOptions = { protocol: 'cd5220', codePage: 'ascii', lang: 'fr' };

/** CP858 (CP850 with € at 0xD5) for the characters French needs. */
const CP858: Record<string, number> = {
  Ç: 0x80, ü: 0x81, é: 0x82, â: 0x83, ä: 0x84, à: 0x85, ç: 0x87, ê: 0x88, ë: 0x89, è: 0x8a, ï: 0x8b, î: 0x8c,
  Ä: 0x8e, É: 0x90, ô: 0x93, ö: 0x94, û: 0x96, ù: 0x97, Ö: 0x99, Ü: 0x9a, Â: 0xb6, À: 0xb7, Ê: 0xd2, Ë: 0xd3,
  È: 0xd4, '€': 0xd5, Î: 0xd7, Ï: 0xd8, Ô: 0xe2, Û: 0xea, Ù: 0xeb,
};

const SPECIAL: Record<string, string> = { '€': 'EUR', œ: 'oe', Œ: 'OE', æ: 'ae', Æ: 'AE', ß: 'ss', '’': "'", '‘': "'", '«': '"', '»': '"', '–': '-', '—': '-', '…': '...' };

/** The text as the display can show it: accents kept when the code page has them, else plain letters. */
export function transliterate(text: string, codePage: PoleCodePage): string {
  let out = '';
  for (const ch of text.replace(/[\u00a0\u202f\u2007\u2009]/g, ' ')) {
    if (ch.charCodeAt(0) < 0x80) out += ch;
    else if (codePage === 'cp858' && CP858[ch] !== undefined) out += ch;
    else if (SPECIAL[ch] !== undefined) out += SPECIAL[ch];
    else out += ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '?');
  }
  return out;
}

function encodeText(text: string, codePage: PoleCodePage): number[] {
  return [...transliterate(text, codePage)].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : (CP858[ch] ?? 0x3f)));
}

/** Left text and right text on one 20-column line; the left side gives way when both do not fit. */
export function poleLine(left: string, right = ''): string {
  const room = POLE_COLUMNS - right.length - (right === '' ? 0 : 1);
  const l = left.length > room ? left.slice(0, Math.max(0, room)) : left;
  return (l + ' '.repeat(Math.max(0, POLE_COLUMNS - l.length - right.length)) + right).slice(0, POLE_COLUMNS);
}

const WORDS = {
  fr: { welcome: 'Bienvenue', total: 'TOTAL', change: 'Rendu', thanks: 'Merci, a bientot !', paid: 'Paye' },
  en: { welcome: 'Welcome', total: 'TOTAL', change: 'Change', thanks: 'Thank you!', paid: 'Paid' },
};

/** The two lines for a display state: the last item and the total, or the change and a thank-you. */
export function poleLines(state: DisplayState, options: PoleOptions): [string, string] {
  const w = WORDS[options.lang];
  const fmt = (amount: Money, currency: string): string =>
    transliterate(formatMoney(amount, { locale: options.lang === 'fr' ? 'fr-FR' : 'en', currency }), options.codePage);
  const t = (s: string): string => transliterate(s, options.codePage);
  switch (state.phase) {
    case 'idle':
      return [poleLine(t(state.shopName ?? '')), poleLine(t(w.welcome))];
    case 'cart': {
      const last = state.lines[state.lines.length - 1];
      const name = last === undefined ? '' : `${last.quantity !== 1 ? `${last.quantity}x ` : ''}${last.name}`;
      return [poleLine(t(name), last ? fmt(last.total, state.currency) : ''), poleLine(w.total, fmt(state.total, state.currency))];
    }
    case 'paid':
      return state.change !== 0
        ? [poleLine(w.change, fmt(state.change, state.currency)), poleLine(t(w.thanks))]
        : [poleLine(w.paid, fmt(state.total, state.currency)), poleLine(t(w.thanks))];
  }
}

/** The bytes that put two lines on the display (clearing what was there). */
export function encodePole(lines: readonly [string, string], options: Pick<PoleOptions, 'protocol' | 'codePage'>): Uint8Array {
  const [top, bottom] = lines.map((l) => encodeText(poleLine(l), options.codePage).slice(0, POLE_COLUMNS));
  const bytes: number[] = [0x1b, 0x40, 0x0c]; // initialise, clear
  if (options.codePage === 'cp858') bytes.push(0x1b, 0x74, 0x13); // ESC t 19: CP858
  if (options.protocol === 'cd5220') {
    // ESC Q A / ESC Q B: write the upper / lower line, ended by CR.
    bytes.push(0x1b, 0x51, 0x41, ...(top ?? []), 0x0d, 0x1b, 0x51, 0x42, ...(bottom ?? []), 0x0d);
  } else {
    // ESC/POS displays: overwrite mode, then ESC l x y (1-based) before each line.
    bytes.push(0x1b, 0x11, 0x1b, 0x6c, 1, 1, ...(top ?? []), 0x1b, 0x6c, 1, 2, ...(bottom ?? []));
  }
  return new Uint8Array(bytes);
}

/** Follows display states on a pole; a failed write is dropped (the next state repaints everything). */
export function createPoleDisplay(transport: Transport, options: PoleOptions = DEFAULT_POLE): { show(state: DisplayState): Promise<void> } {
  let lastShown = '';
  return {
    async show(state) {
      const lines = poleLines(state, options);
      const key = lines.join('\n');
      if (key === lastShown) return;
      try {
        if (transport.status !== 'open') await transport.open();
        await transport.write(encodePole(lines, options));
        lastShown = key;
      } catch (error) {
        console.warn('[comptoir] pole display', error);
      }
    },
  };
}
