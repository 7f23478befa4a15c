/**
 * A packing slip on the receipt printer (ESC/POS or StarPRNT, 32/42/48 columns), through the same
 * encoder set-up as receipts (newEncoder: CP858 first, Windows-1252 around the letters it lacks,
 * USA international set). What a packer needs at a glance: the order number large and as a CODE128
 * (scanned to open the order), who it goes to, each line with ordered and packed quantities, and the
 * customer's note. Pure: bytes only, the print queue stores them in the job.
 */
import { DEFAULT_PROFILE, newEncoder, type PrinterProfile } from './receipt-escpos.ts';
import { columns, dateTime, pair, printable, wrap } from './receipt-text.ts';
import type { LabelAddress } from './label-data.ts';
import { SLIP_WORDS, slipTotals, withColon, type PackingSlip, type PackingSlipLine } from './packing-slip-data.ts';

type Encoder = ReturnType<typeof newEncoder>;

/** Quantity columns: 6 characters each, the item name takes the rest. */
const QTY = 6;

/** "Label      value" on one line when both fit; otherwise the label, then the value wrapped under it. */
export function labelled(e: Encoder, label: string, value: string, width: number): void {
  const v = printable(value);
  if (label.length + v.length + 1 <= width) {
    e.line(pair(label, v, width));
    return;
  }
  e.line(label);
  for (const l of wrap(v, width - 2)) e.line(`  ${l}`);
}

function lineOf(e: Encoder, line: PackingSlipLine, slip: PackingSlip, width: number): void {
  const w = SLIP_WORDS[slip.lang];
  const nameWidth = width - 2 * QTY;
  const name = wrap(printable(line.name), nameWidth - 1);
  e.line(columns([name[0] ?? '', String(line.ordered), String(line.packed)], [nameWidth, QTY, QTY]));
  for (const more of name.slice(1)) e.line(more);
  e.line(printable(`  ${w.sku} ${line.sku}`).slice(0, width));
  if (line.toFollow > 0) e.bold(true).line(`  ! ${line.toFollow} ${w.toFollow}`).bold(false);
}

/** Shop name (large) and address, centred, then the document's title. */
export function slipHeader(e: Encoder, shop: LabelAddress, title: string, width: number): void {
  e.align('center').bold(true).size(2, 2);
  for (const l of wrap(printable(shop.name), Math.floor(width / 2))) e.line(l);
  e.size(1, 1).bold(false);
  for (const a of shop.lines) for (const l of wrap(printable(a), width)) e.line(l);
  e.newline().bold(true).height(2).line(title).height(1).bold(false).align('left');
}

export function buildPackingSlipBytes(slip: PackingSlip, profile: PrinterProfile = DEFAULT_PROFILE): Uint8Array {
  const w = SLIP_WORDS[slip.lang];
  const width = profile.columns;
  const e = newEncoder(profile);
  const rule = (): void => {
    e.line('-'.repeat(width));
  };
  slipHeader(e, slip.shop, w.title, width);
  e.bold(true).size(2, 2).line(pair(w.order, printable(slip.orderNumber), Math.floor(width / 2))).size(1, 1).bold(false);
  e.line(pair(w.date, dateTime(slip.orderedAt, slip.lang), width));
  labelled(e, w.delivery, slip.delivery === 'pickup' ? w.pickup : (slip.service ?? ''), width);
  if (slip.location !== null) labelled(e, w.location, slip.location, width);
  rule();
  e.bold(true).line(slip.delivery === 'pickup' ? w.pickupBy : w.shipTo);
  for (const l of wrap(printable(slip.recipient.name), width)) e.line(l);
  e.bold(false);
  for (const a of slip.recipient.lines) for (const l of wrap(printable(a), width)) e.line(l);
  if (slip.phone !== null) e.line(printable(`${w.phone} ${slip.phone}`));
  rule();
  e.bold(true).line(columns([w.item, w.ordered, w.packed], [width - 2 * QTY, QTY, QTY])).bold(false);
  for (const line of slip.lines) lineOf(e, line, slip, width);
  rule();
  const totals = slipTotals(slip);
  e.bold(true).line(pair(w.items, `${totals.packed} / ${totals.ordered}`, width)).bold(false);
  if (slip.note !== null) {
    rule();
    e.bold(true).line(withColon(w.note, slip.lang)).bold(false);
    for (const paragraph of printable(slip.note).split(/\r?\n/)) for (const l of wrap(paragraph, width)) e.line(l);
  }
  e.newline();
  // Same module rule as receipts: 2 dots where the paper is wide enough, 1 on 58 mm.
  e.align('center').barcode(slip.orderNumber, 'code128', { height: 60, width: width >= 42 ? 2 : 1, text: 'below' });
  e.line(w.thanks).align('left');
  return e.cut('partial').encode();
}
