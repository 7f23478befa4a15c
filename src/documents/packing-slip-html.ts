/**
 * The packing slip as an A4 printable page, for the browser's print dialog (any office printer, or
 * "Save as PDF"): @page A4, a table whose header repeats on every page and whose rows never split,
 * the order number's CODE128 as inline SVG (barcode-svg.ts: no DOM, so it is built in tests too).
 * UTF-8 declared, so accents print right. `a4Page` is shared with the pick list.
 */
import { barcodeSvg } from './barcode-svg.ts';
import { SLIP_WORDS, slipTotals, withColon, type PackingSlip } from './packing-slip-data.ts';
import { dateTime } from './receipt-text.ts';

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const A4_CSS = `
@page { size: A4; margin: 14mm 14mm 16mm; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; background: #fff; color: #000; font: 10.5pt/1.35 "Helvetica Neue", Arial, sans-serif; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
h1 { font-size: 16pt; margin: 0 0 1mm; }
h2 { font-size: 15pt; margin: 0 0 1mm; letter-spacing: 0.04em; }
h3 { font-size: 9pt; margin: 0 0 1.5mm; letter-spacing: 0.06em; text-transform: uppercase; }
.top { display: flex; justify-content: space-between; align-items: flex-start; gap: 10mm; margin-bottom: 6mm; }
.top .doc { text-align: right; }
.top .doc svg.barcode { width: 58mm; height: auto; margin-left: auto; display: block; }
.muted { color: #333; }
.boxes { display: flex; gap: 6mm; margin-bottom: 6mm; }
.box { flex: 1; border: 0.3mm solid #000; padding: 3mm 4mm; break-inside: avoid; }
.box .name { font-weight: bold; font-size: 12pt; }
table { width: 100%; border-collapse: collapse; }
thead { display: table-header-group; }
tfoot { display: table-row-group; }
th, td { border-bottom: 0.2mm solid #777; padding: 1.6mm 2mm; text-align: left; vertical-align: top; }
th { border-bottom: 0.4mm solid #000; font-size: 9pt; text-transform: uppercase; letter-spacing: 0.04em; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.n, th.n { text-align: right; white-space: nowrap; width: 22mm; }
td.sku { white-space: nowrap; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 9.5pt; width: 34mm; }
.short { font-weight: bold; }
tfoot td { border-bottom: none; font-weight: bold; }
.note { border: 0.3mm solid #000; padding: 3mm 4mm; margin-top: 6mm; break-inside: avoid; white-space: pre-wrap; }
footer { margin-top: 8mm; text-align: center; }
`;

/** An A4 document: UTF-8, the shared print CSS plus the page's own. */
export function a4Page(title: string, lang: 'fr' | 'en', body: string, css = ''): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${A4_CSS}${css}</style></head><body>${body}</body></html>`;
}

export function packingSlipHtml(slip: PackingSlip): string {
  const w = SLIP_WORDS[slip.lang];
  const totals = slipTotals(slip);
  const rows = slip.lines
    .map(
      (l) =>
        `<tr data-sku="${esc(l.sku)}"><td class="sku">${esc(l.sku)}</td><td>${esc(l.name)}${l.toFollow > 0 ? ` <span class="short">(${l.toFollow} ${esc(w.toFollow)})</span>` : ''}</td>` +
        `<td class="n">${l.ordered}</td><td class="n">${l.packed}</td></tr>`,
    )
    .join('');
  const recipient = `<div class="name">${esc(slip.recipient.name)}</div>${slip.recipient.lines.map((l) => `<div>${esc(l)}</div>`).join('')}${slip.phone !== null ? `<div>${esc(w.phone)} ${esc(slip.phone)}</div>` : ''}`;
  const delivery = `<div class="name">${esc(slip.delivery === 'pickup' ? w.pickup : (slip.service ?? ''))}</div>${slip.location !== null ? `<div>${esc(withColon(w.location, slip.lang))} ${esc(slip.location)}</div>` : ''}`;
  const body =
    `<header class="top"><div class="shop"><h1>${esc(slip.shop.name)}</h1>${slip.shop.lines.map((l) => `<div class="muted">${esc(l)}</div>`).join('')}</div>` +
    `<div class="doc"><h2>${esc(w.title)}</h2><div data-testid="slip-order"><strong>${esc(w.order)} ${esc(slip.orderNumber)}</strong></div>` +
    `${barcodeSvg(slip.orderNumber, 'CODE128', { heightModules: 40 })}<div class="muted">${esc(withColon(w.date, slip.lang))} ${esc(dateTime(slip.orderedAt, slip.lang))}</div></div></header>` +
    `<section class="boxes"><div class="box" data-testid="slip-recipient"><h3>${esc(slip.delivery === 'pickup' ? w.pickupBy : w.shipTo)}</h3>${recipient}</div>` +
    `<div class="box"><h3>${esc(w.delivery)}</h3>${delivery}</div></section>` +
    `<table><thead><tr><th>${esc(w.sku)}</th><th>${esc(w.item)}</th><th class="n">${esc(w.orderedLong)}</th><th class="n">${esc(w.packedLong)}</th></tr></thead>` +
    `<tbody>${rows}</tbody><tfoot><tr><td></td><td>${esc(w.items)}</td><td class="n">${totals.ordered}</td><td class="n">${totals.packed}</td></tr></tfoot></table>` +
    (slip.note !== null ? `<section class="note" data-testid="slip-note"><h3>${esc(w.note)}</h3>${esc(slip.note)}</section>` : '') +
    `<footer>${esc(w.thanks)}</footer>`;
  return a4Page(`${w.title} ${slip.orderNumber}`, slip.lang, body);
}
