/**
 * Labels as ZPL II for Zebra-type thermal printers (203 dpi): a 4 × 6 in shipping label and a shelf
 * label. Text is sent as UTF-8 (^CI28) through ^FH hex escapes, so accents, € and the ZPL command
 * characters ^ and ~ in a customer's address can never break the label or inject commands.
 * Barcodes: CODE128 (^BC) for order and tracking numbers, EAN-13 (^BE) / EAN-8 (^B8) on shelf labels;
 * the module width (^BY) is chosen so the whole barcode fits the label.
 */
import {
  SHELF_LABEL_SIZE,
  SHIPPING_LABEL_SIZE,
  parcelSummary,
  printableSpaces,
  type LabelAddress,
  type LabelSize,
  type ShelfLabel,
  type ShippingLabel,
} from './label-data.ts';

const encoder = new TextEncoder();

/** Field data with ^FH: printable ASCII as is, everything else (and ^ ~ _) as _XX UTF-8 hex bytes. */
export function zplField(text: string): string {
  let out = '';
  for (const ch of printableSpaces(text)) {
    const c = ch.codePointAt(0) as number;
    if (c >= 0x20 && c < 0x7f && ch !== '^' && ch !== '~' && ch !== '_' && ch !== '\\') out += ch;
    else for (const b of encoder.encode(ch)) out += `_${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Cuts text to what fits `widthDots` in font 0 at `height` (average glyph ~0.55 of the height). */
export function fitText(text: string, widthDots: number, height: number): string {
  const max = Math.max(1, Math.floor(widthDots / (height * 0.55)));
  const clean = printableSpaces(text).trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1)}…`;
}

function text(x: number, y: number, height: number, value: string, widthDots: number): string {
  return `^FO${x},${y}^A0N,${height},${height}^FH^FD${zplField(fitText(value, widthDots, height))}^FS`;
}

/**
 * Modules of a CODE128 symbol (start, data, check, stop + quiet zones), with runs of 4+ digits in
 * code C (two digits per symbol) as printers do in automatic mode.
 */
export function code128Modules(value: string): number {
  let symbols = 0;
  const runs = value.match(/\d{4,}|[^]/g) ?? [];
  for (const run of runs) symbols += /^\d{4,}$/.test(run) ? Math.ceil(run.length / 2) + 1 : 1;
  return (symbols + 2) * 11 + 13 + 20;
}

/** Widest module (1–4 dots) with which a CODE128 of `value` fits `widthDots`. */
export function code128ModuleWidth(value: string, widthDots: number): number {
  return Math.max(1, Math.min(4, Math.floor(widthDots / code128Modules(value))));
}

/** A CODE128 with its text printed under it; ^FH so "_" or "^" in an order number stay data. */
function code128(x: number, y: number, value: string, widthDots: number, height: number): string {
  return `^FO${x},${y}^BY${code128ModuleWidth(value, widthDots)},3,${height}^BCN,${height},Y,N,N^FH^FD${zplField(value)}^FS`;
}

function addressBlock(x: number, y: number, caption: string, a: LabelAddress, big: boolean, widthDots: number): { zpl: string; bottom: number } {
  const nameH = big ? 48 : 30;
  const lineH = big ? 40 : 26;
  const parts = [text(x, y, 22, caption, widthDots), text(x, y + 30, nameH, a.name, widthDots)];
  let cursor = y + 30 + nameH + 8;
  for (const line of a.lines.slice(0, big ? 6 : 4)) {
    parts.push(text(x, cursor, lineH, line, widthDots));
    cursor += lineH + 6;
  }
  return { zpl: parts.join('\n'), bottom: cursor };
}

export interface ShippingLabelCaptions {
  from: string;
  to: string;
  order: string;
  tracking: string;
  noTracking: string;
  parcel: string;
  /** Number formats of the parcel line, and the HTML page's language. */
  lang: 'fr' | 'en';
}

export const FRENCH_SHIPPING_CAPTIONS: ShippingLabelCaptions = {
  from: 'EXPÉDITEUR',
  to: 'DESTINATAIRE',
  order: 'Commande',
  tracking: 'Suivi',
  noTracking: 'Suivi : à compléter',
  parcel: 'Colis',
  lang: 'fr',
};

export const ENGLISH_SHIPPING_CAPTIONS: ShippingLabelCaptions = {
  from: 'FROM',
  to: 'SHIP TO',
  order: 'Order',
  tracking: 'Tracking',
  noTracking: 'Tracking: to be added',
  parcel: 'Parcel',
  lang: 'en',
};

export function shippingCaptions(lang: 'fr' | 'en'): ShippingLabelCaptions {
  return lang === 'en' ? ENGLISH_SHIPPING_CAPTIONS : FRENCH_SHIPPING_CAPTIONS;
}

/** A 4 × 6 in shipping label: ship-from, ship-to, the order number and its CODE128, the tracking number. */
export function shippingLabelZpl(label: ShippingLabel, captions: ShippingLabelCaptions = FRENCH_SHIPPING_CAPTIONS, size: LabelSize = SHIPPING_LABEL_SIZE): string {
  const margin = 40;
  const inner = size.widthDots - 2 * margin;
  const from = addressBlock(margin, 40, captions.from, label.from, false, inner);
  const toTop = Math.max(from.bottom, 230) + 30;
  const to = addressBlock(margin, toTop, captions.to, label.to, true, inner);
  const orderTop = Math.max(to.bottom, 640) + 30;
  // The service follows the order number when it fits there whole; otherwise it moves to the
  // bottom line, with the parcel, rather than being cut.
  const plain = `${captions.order} ${label.orderNumber}`;
  const withService = label.service ? `${plain} · ${label.service}` : plain;
  const serviceFits = fitText(withService, inner, 34) === printableSpaces(withService).trim();
  const orderCaption = serviceFits ? withService : plain;
  const trackTop = orderTop + 280;
  const tracking = label.tracking
    ? [text(margin, trackTop, 28, `${captions.tracking} ${label.tracking.carrier} : ${label.tracking.number}`, inner), code128(margin, trackTop + 40, label.tracking.number, inner, 110)]
    : [text(margin, trackTop, 28, captions.noTracking, inner)];
  // Weight and size, small, under the tracking block (or under its "to be added" line); ZPL font 0
  // has no "×" in every firmware, so sizes are joined with "x" here.
  const parcel = parcelSummary(label.parcel, captions.lang).replace(/×/g, 'x');
  const bottom = [serviceFits || !label.service ? '' : label.service, parcel === '' ? '' : `${captions.parcel} ${parcel}`].filter((p) => p !== '');
  bottom.forEach((line, k) => tracking.push(text(margin, trackTop + (label.tracking ? 190 : 50) + 30 * k, 24, line, inner)));
  return [
    '^XA',
    '^CI28',
    `^PW${size.widthDots}`,
    `^LL${size.heightDots}`,
    '^LH0,0',
    from.zpl,
    `^FO${margin},${toTop - 15}^GB${inner},3,3^FS`,
    to.zpl,
    `^FO${margin},${orderTop - 15}^GB${inner},3,3^FS`,
    text(margin, orderTop, 34, orderCaption, inner),
    code128(margin, orderTop + 50, label.orderNumber, inner, 150),
    `^FO${margin},${trackTop - 20}^GB${inner},3,3^FS`,
    ...tracking,
    '^XZ',
    '',
  ].join('\n');
}

function shelfBarcodeZpl(label: ShelfLabel, x: number, y: number, widthDots: number, height: number): string {
  const b = label.barcode;
  if (b === null) return '';
  // ^BE/^B8 take the digits without their check digit and compute it (ours was verified already).
  if (b.kind === 'ean13') return `^FO${x},${y}^BY2,3,${height}^BEN,${height},Y,N^FD${b.value.slice(0, 12)}^FS`;
  if (b.kind === 'ean8') return `^FO${x},${y}^BY2,3,${height}^B8N,${height},Y,N^FD${b.value.slice(0, 7)}^FS`;
  return code128(x, y, b.value, widthDots, height);
}

/** A shelf/product label: name (two lines), price large, price per unit, barcode. */
export function shelfLabelZpl(label: ShelfLabel, size: LabelSize = SHELF_LABEL_SIZE): string {
  const margin = 16;
  const inner = size.widthDots - 2 * margin;
  const words = printableSpaces(label.name).trim();
  const perLine = Math.floor(inner / (26 * 0.55));
  const first = words.length <= perLine ? words : words.slice(0, words.lastIndexOf(' ', perLine) > 0 ? words.lastIndexOf(' ', perLine) : perLine);
  const second = words.slice(first.length).trim();
  const priceTop = 82;
  const barcodeWidth = label.barcode?.kind === 'code128' ? Math.floor(inner / 2) : 210;
  // The price is the point of the label: as large as fits beside the barcode (font 0 digits ≈ 0.5 h).
  const priceRoom = inner - barcodeWidth - 10;
  const priceHeight = Math.max(30, Math.min(64, Math.floor(priceRoom / (label.price.length * 0.5))));
  return [
    '^XA',
    '^CI28',
    `^PW${size.widthDots}`,
    `^LL${size.heightDots}`,
    '^LH0,0',
    text(margin, 12, 26, first, inner),
    second === '' ? '' : text(margin, 42, 26, second, inner),
    `^FO${margin},${priceTop}^A0N,${priceHeight},${priceHeight}^FH^FD${zplField(label.price)}^FS`,
    text(margin, priceTop + 70, 22, label.taxNote, 80),
    label.unitPrice === null ? '' : text(margin, priceTop + 100, 22, label.unitPrice, inner - barcodeWidth),
    text(margin, size.heightDots - 32, 18, label.sku, inner - barcodeWidth),
    shelfBarcodeZpl(label, size.widthDots - margin - barcodeWidth, priceTop, barcodeWidth, 80),
    '^XZ',
    '',
  ]
    .filter((l) => l !== '')
    .join('\n');
}
