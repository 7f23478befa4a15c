/**
 * A printable HTML receipt (80 mm wide, monospace) for the browser's print dialog: the fallback when
 * no receipt printer is paired, only printed when the cashier asks. Same wording as the paper one.
 */
import type { SaleDoc } from '../domain/documents.ts';
import { dateTime, money, pair, rate, RECEIPT_WORDS } from './receipt-text.ts';
import type { ReceiptContext } from './receipt-escpos.ts';

const escape = (s: string): string => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

export function buildReceiptHtml(sale: SaleDoc, ctx: ReceiptContext, width = 42): string {
  const w = RECEIPT_WORDS[ctx.lang];
  const m = (x: SaleDoc['totals']['gross']): string => money(x, sale.currency, ctx.lang);
  const lines: string[] = [];
  if (ctx.reprint) lines.push(w.duplicate);
  if (sale.kind === 'refund') lines.push(w.refund);
  lines.push(pair(w.receipt, sale.receiptLabel, width), pair(w.date, dateTime(sale.createdAt, ctx.lang), width), pair(w.register, ctx.registerName, width), pair(w.cashier, sale.cashier, width), '-'.repeat(width));
  for (const l of sale.lines) {
    lines.push(pair(l.name, m(l.total), width));
    if (l.quantity !== 1) lines.push(`  ${l.quantity} x ${m(l.unitPrice)}`);
  }
  lines.push('-'.repeat(width), pair(w.total, m(sale.totals.gross), width));
  for (const r of sale.vatBreakdown) lines.push(pair(`${w.vat} ${rate(r.rate, ctx.lang)}`, m(r.vat), width));
  for (const t of sale.tenders) lines.push(pair(t.label ?? w.tender[t.kind], m(t.amount), width));
  if (sale.totals.change !== 0) lines.push(pair(w.change, m(sale.totals.change), width));
  lines.push('', w.thanks);
  return `<!doctype html><html lang="${ctx.lang}"><head><meta charset="utf-8"><title>${escape(sale.receiptLabel)}</title>
<style>@page{size:80mm auto;margin:4mm}body{margin:0;font:12px/1.3 ui-monospace,Menlo,Consolas,monospace}h1{font-size:16px;text-align:center;margin:0 0 4px}p{text-align:center;margin:0}pre{margin:8px 0;white-space:pre}</style>
</head><body><h1>${escape(ctx.shopName)}</h1>${ctx.address.map((a) => `<p>${escape(a)}</p>`).join('')}<pre>${escape(lines.join('\n'))}</pre></body></html>`;
}
