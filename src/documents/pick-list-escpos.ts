/**
 * The combined pick list on the receipt printer: a strip the picker carries along the shelves, one
 * block per location, then per SKU the quantity to take (large, with a box to tick) and which
 * orders it is for. Same encoder set-up as receipts (CP858 accents, StarPRNT too). Pure: bytes only.
 */
import { DEFAULT_PROFILE, newEncoder, type PrinterProfile } from './receipt-escpos.ts';
import { dateTime, pair, printable, wrap } from './receipt-text.ts';
import { withColon } from './packing-slip-data.ts';
import { slipHeader } from './packing-slip-escpos.ts';
import { ordersText, PICK_WORDS, type PickList } from './pick-list-data.ts';

export function buildPickListBytes(list: PickList, profile: PrinterProfile = DEFAULT_PROFILE): Uint8Array {
  const w = PICK_WORDS[list.lang];
  const width = profile.columns;
  const e = newEncoder(profile);
  slipHeader(e, { name: list.shopName, lines: [] }, w.title, width);
  e.line(pair(w.date, dateTime(list.createdAt, list.lang), width));
  e.line(pair(w.orders, String(list.orders.length), width));
  e.line(pair(w.units, String(list.totalUnits), width));
  for (const l of wrap(printable(list.orders.map((o) => o.orderNumber).join(', ')), width)) e.line(l);
  if (list.groups.length === 0) e.newline().bold(true).line(w.nothing).bold(false);
  for (const group of list.groups) {
    e.line('='.repeat(width));
    e.bold(true).height(2);
    for (const l of wrap(printable(`${withColon(w.location, list.lang)} ${group.locationName}`), width)) e.line(l);
    e.height(1).bold(false);
    e.line('='.repeat(width));
    for (const row of group.rows) {
      // "[ ] SKU            12": the box is ticked with a pen, the quantity is what to take.
      e.bold(true).line(pair(printable(`[ ] ${row.sku}`), String(row.total), width)).bold(false);
      for (const l of wrap(printable(row.name), width - 4)) e.line(`    ${l}`);
      for (const l of wrap(printable(`${w.forOrders} ${ordersText(row, 'x')}`), width - 4)) e.line(`    ${l}`);
      e.line('-'.repeat(width));
    }
  }
  e.newline();
  return e.cut('partial').encode();
}
