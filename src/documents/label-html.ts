/**
 * The same labels as label-zpl.ts, as a printable HTML page for the browser's print dialog (any
 * printer, or "Save as PDF"): @page sized to the label (4 × 6 in shipping, 57 × 32 mm shelf), one
 * label per page, barcodes as inline SVG (barcode-svg.ts). UTF-8 declared, so accents print right.
 */
import { barcodeSvg } from './barcode-svg.ts';
import { parcelSummary, type LabelAddress, type ShelfLabel, type ShippingLabel } from './label-data.ts';
import { FRENCH_SHIPPING_CAPTIONS, type ShippingLabelCaptions } from './label-zpl.ts';

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, size: string, css: string, body: string, lang: 'fr' | 'en' = 'fr'): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${esc(title)}</title><style>
@page { size: ${size}; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; font-family: "Helvetica Neue", Arial, sans-serif; color: #000; background: #fff; }
.label { page-break-after: always; break-after: page; overflow: hidden; }
.label:last-child { page-break-after: auto; break-after: auto; }
svg.barcode { display: block; }
${css}
</style></head><body>${body}</body></html>`;
}

function address(caption: string, a: LabelAddress, cls: string): string {
  return `<section class="${cls}"><div class="caption">${esc(caption)}</div><div class="name">${esc(a.name)}</div>${a.lines.map((l) => `<div>${esc(l)}</div>`).join('')}</section>`;
}

const SHIPPING_CSS = `
.label.shipping { width: 4in; height: 6in; padding: 0.2in; display: flex; flex-direction: column; gap: 0.12in; }
.caption { font-size: 9pt; letter-spacing: 0.05em; font-weight: bold; }
.from { font-size: 10pt; }
.from .name { font-weight: bold; }
.to { font-size: 15pt; border-top: 2px solid #000; padding-top: 0.1in; flex: 1; }
.to .name { font-size: 19pt; font-weight: bold; }
.order, .tracking { border-top: 2px solid #000; padding-top: 0.08in; font-size: 12pt; }
.parcel { font-size: 10pt; }
`;

export function shippingLabelHtml(label: ShippingLabel, captions: ShippingLabelCaptions = FRENCH_SHIPPING_CAPTIONS): string {
  const tracking = label.tracking
    ? `<section class="tracking" data-testid="label-tracking"><div>${esc(captions.tracking)} ${esc(label.tracking.carrier)} : ${esc(label.tracking.number)}</div>${barcodeSvg(label.tracking.number, 'CODE128', { cssWidth: '3.4in', heightModules: 40 })}</section>`
    : `<section class="tracking"><div>${esc(captions.noTracking)}</div></section>`;
  const parcel = parcelSummary(label.parcel, captions.lang);
  const body =
    `<article class="label shipping">` +
    address(captions.from, label.from, 'from') +
    address(captions.to, label.to, 'to') +
    `<section class="order" data-testid="label-order"><div>${esc(captions.order)} ${esc(label.orderNumber)}${label.service ? ` · ${esc(label.service)}` : ''}</div>${barcodeSvg(label.orderNumber, 'CODE128', { cssWidth: '3.4in', heightModules: 50 })}</section>` +
    tracking +
    (parcel === '' ? '' : `<section class="parcel" data-testid="label-parcel">${esc(captions.parcel)} ${esc(parcel)}</section>`) +
    `</article>`;
  return page(`${captions.order} ${label.orderNumber}`, '4in 6in', SHIPPING_CSS, body, captions.lang);
}

const SHELF_CSS = `
.label.shelf { width: 57mm; height: 32mm; padding: 2mm; display: grid; grid-template-columns: 1fr 27mm; grid-template-rows: auto 1fr; column-gap: 1.5mm; }
.shelf .name { grid-column: 1 / 3; font-size: 9pt; font-weight: bold; line-height: 1.15; max-height: 2.3em; overflow: hidden; }
.shelf .price { font-size: 20pt; font-weight: bold; white-space: nowrap; }
.shelf .small { font-size: 7pt; }
.shelf .code { align-self: end; }
`;

function shelfBarcode(label: ShelfLabel): string {
  const b = label.barcode;
  if (b === null) return '';
  const format = b.kind === 'ean13' ? 'EAN13' : b.kind === 'ean8' ? 'EAN8' : 'CODE128';
  return barcodeSvg(b.value, format, { cssWidth: '27mm', heightModules: 45 });
}

/** One page per label (a sheet of shelf labels for a reprice, or a single one). */
export function shelfLabelsHtml(labels: readonly ShelfLabel[]): string {
  const body = labels
    .map(
      (l) =>
        `<article class="label shelf"><div class="name">${esc(l.name)}</div>` +
        `<div><div class="price" data-testid="label-price">${esc(l.price)}</div><div class="small">${esc(l.taxNote)}${l.unitPrice ? ` · ${esc(l.unitPrice)}` : ''}</div><div class="small">${esc(l.sku)}</div></div>` +
        `<div class="code">${shelfBarcode(l)}</div></article>`,
    )
    .join('');
  return page('Étiquettes', '57mm 32mm', SHELF_CSS, body);
}
