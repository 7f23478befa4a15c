/**
 * The combined pick list as an A4 page: one table per location (each starting with its heading,
 * never split from its first rows), SKU, item, quantity to take, the orders it is for, and a box
 * to tick. Shares the A4 shell of the packing slip.
 */
import { withColon } from './packing-slip-data.ts';
import { a4Page, esc } from './packing-slip-html.ts';
import { dateTime } from './receipt-text.ts';
import { ordersText, PICK_WORDS, type PickList } from './pick-list-data.ts';

const PICK_CSS = `
.group { margin-top: 6mm; }
.group h2 { font-size: 13pt; border-bottom: 0.6mm solid #000; padding-bottom: 1mm; break-after: avoid; page-break-after: avoid; }
td.q { font-size: 13pt; font-weight: bold; }
td.tick, th.tick { width: 10mm; text-align: center; }
.box-tick { display: inline-block; width: 4mm; height: 4mm; border: 0.3mm solid #000; }
.orders-list { font-family: ui-monospace, Menlo, Consolas, monospace; }
`;

export function pickListHtml(list: PickList): string {
  const w = PICK_WORDS[list.lang];
  const groups = list.groups
    .map(
      (g) =>
        `<section class="group" data-location="${esc(g.location)}"><h2>${esc(withColon(w.location, list.lang))} ${esc(g.locationName)}</h2>` +
        `<table><thead><tr><th class="tick">${esc(w.done)}</th><th>${esc(w.sku)}</th><th>${esc(w.item)}</th><th class="n">${esc(w.quantity)}</th><th>${esc(w.orders)}</th></tr></thead><tbody>` +
        g.rows
          .map(
            (r) =>
              `<tr data-sku="${esc(r.sku)}"><td class="tick"><span class="box-tick"></span></td><td class="sku">${esc(r.sku)}</td><td>${esc(r.name)}</td>` +
              `<td class="n q">${r.total}</td><td class="orders-list">${esc(ordersText(r))}</td></tr>`,
          )
          .join('') +
        `</tbody></table></section>`,
    )
    .join('');
  const body =
    `<header class="top"><div class="shop"><h1>${esc(list.shopName)}</h1><div class="muted">${esc(withColon(w.date, list.lang))} ${esc(dateTime(list.createdAt, list.lang))}</div></div>` +
    `<div class="doc"><h2>${esc(w.title)}</h2><div>${esc(withColon(w.orders, list.lang))} ${list.orders.length} · ${esc(withColon(w.units, list.lang))} ${list.totalUnits}</div>` +
    `<div class="muted orders-list">${esc(list.orders.map((o) => o.orderNumber).join(', '))}</div></div></header>` +
    (list.groups.length === 0 ? `<p><strong>${esc(w.nothing)}</strong></p>` : groups);
  return a4Page(w.title, list.lang, body, PICK_CSS);
}
