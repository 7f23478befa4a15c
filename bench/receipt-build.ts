/**
 * Time to build the bytes of a 50-line receipt (ESC/POS, 42 columns, CP858), next to a baseline
 * measured in the same run: TextEncoder on the same receipt text (what the bytes carry, without any
 * printer commands or code page work). Node, no browser: the encoder is pure. Prints figures only.
 */
import { buildReceiptBytes } from '../src/documents/receipt-escpos.ts';
import type { SaleDoc, SaleLine } from '../src/domain/documents.ts';
import type { Money } from '../src/domain/money.ts';

const m = (n: number): Money => n as Money;

function fiftyLineSale(): SaleDoc {
  const lines: SaleLine[] = Array.from({ length: 50 }, (_, k) => ({ sku: `SKU-${k}`, name: `Produit n°${k} épicerie fine à l'unité`, quantity: 1 + (k % 3), unitPrice: m(199 + k), vatRate: k % 2 ? 550 : 2000, total: m((1 + (k % 3)) * (199 + k)) }));
  const gross = lines.reduce((s, l) => s + l.total, 0);
  return {
    _id: 'sale:R1:00000001', type: 'sale', storeId: 'demo', registerId: 'R1', receiptNumber: 1, receiptLabel: 'R-BENCH-000001', createdAt: '2026-03-01T10:00:00.000Z', cashier: 'Camille', currency: 'EUR', location: 'shop',
    lines, tenders: [{ kind: 'cash', amount: m(gross + 1000) }],
    totals: { net: m(Math.round(gross / 1.1)), vat: m(gross - Math.round(gross / 1.1)), gross: m(gross), tendered: m(gross + 1000), change: m(1000) },
    vatBreakdown: [{ rate: 550, net: m(1000), vat: m(55), gross: m(1055) }, { rate: 2000, net: m(1000), vat: m(200), gross: m(1200) }],
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export function benchReceiptBuild(rounds = 200): { receiptMs: number; baselineMs: number; bytes: number } {
  const sale = fiftyLineSale();
  const ctx = { shopName: 'Épicerie du Comptoir', address: ['12 rue de la Paix', '75002 Paris'], registerName: 'Caisse 1', lang: 'fr' as const };
  const text = sale.lines.map((l) => `${l.name} ${l.quantity} x ${l.unitPrice} ${l.total}`).join('\n');
  const encoder = new TextEncoder();
  let bytes = 0;
  for (let i = 0; i < 20; i++) bytes = buildReceiptBytes(sale, ctx).length; // warm-up (JIT, code page tables)
  const receipt: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < rounds; i++) {
    let t = performance.now();
    buildReceiptBytes(sale, ctx);
    receipt.push(performance.now() - t);
    t = performance.now();
    // Repeated so the baseline is measurable at all; divided back below.
    for (let k = 0; k < 100; k++) encoder.encode(text + k);
    baseline.push((performance.now() - t) / 100);
  }
  return { receiptMs: median(receipt), baselineMs: median(baseline), bytes };
}

export function printReceiptBench(): void {
  const r = benchReceiptBuild();
  console.log(`50-line receipt (ESC/POS, 42 col, CP858): ${r.receiptMs.toFixed(2)} ms for ${r.bytes} bytes; TextEncoder of the same text: ${r.baselineMs.toFixed(4)} ms; ratio ${(r.receiptMs / r.baselineMs).toFixed(0)}x`);
}
