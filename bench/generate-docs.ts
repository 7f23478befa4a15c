/**
 * Deterministic replicated documents for the projection bench: a catalogue, stock movements (counts
 * and receipts) and sales, in the proportions of a busy shop's first weeks. Valid per parseStoreDoc.
 */
import { withCheckDigit } from '../src/domain/barcode.ts';
import type { ProductDoc, StockMovementDoc, StoreDoc } from '../src/domain/documents.ts';
import { money } from '../src/domain/money.ts';
import { buildSale } from '../src/domain/sale.ts';

const WORDS = ['pomme', 'poire', 'crème', 'brûlée', 'café', 'thé', 'chocolat', 'noir', 'blanc', 'bio', 'vanille', 'citron', 'miel', 'sel', 'farine', 'œuf'];

/** Small LCG: same documents on every run, so rounds and machines compare. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function generateDocs(count: number): StoreDoc[] {
  const rnd = random(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
  const productCount = Math.round(count * 0.4);
  const movementCount = Math.round(count * 0.3);
  const saleCount = count - productCount - movementCount;
  const docs: StoreDoc[] = [];
  const products: ProductDoc[] = [];
  for (let i = 0; i < productCount; i++) {
    const sku = `SKU-${String(i).padStart(6, '0')}`;
    const p: ProductDoc = {
      _id: `product:${sku}`,
      _rev: '1-bench',
      type: 'product',
      sku,
      name: `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)} ${i}`,
      barcodes: [withCheckDigit(`376${String(i).padStart(9, '0')}`)],
      price: money(100 + Math.floor(rnd() * 5000)),
      priceIncludesTax: true,
      vatRate: pick([550, 1000, 2000]),
      currency: 'EUR',
      category: pick(['épicerie', 'frais', 'boissons']),
      stockTracked: true,
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    products.push(p);
    docs.push(p);
  }
  // Movements and sales concentrate on a few hundred SKUs, as real stock activity does.
  const active = products.slice(0, Math.min(products.length, 500));
  const at = (minute: number): string => new Date(Date.UTC(2026, 2, 1) + minute * 60_000).toISOString();
  for (let i = 0; i < movementCount; i++) {
    const p = pick(active);
    const base = { _id: `stock:server:${String(i).padStart(26, '0')}`, _rev: '1-bench', type: 'stock_movement' as const, sku: p.sku, location: pick(['shop', 'backroom']), at: at(i) };
    const m: StockMovementDoc = i % 5 === 0 ? { ...base, reason: 'count', quantity: 20 + Math.floor(rnd() * 50) } : { ...base, reason: 'receipt', delta: 1 + Math.floor(rnd() * 10) };
    docs.push(m);
  }
  for (let n = 1; n <= saleCount; n++) {
    const lines = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => ({ product: pick(active), quantity: 1 + Math.floor(rnd() * 3) }));
    const sale = buildSale({
      storeId: 'bench', registerId: 'R1', receiptNumber: n, createdAt: at(movementCount + n), cashier: 'bench',
      currency: 'EUR', location: 'shop', lines, tenders: [{ kind: 'cash', amount: money(1_000_000) }],
    });
    if (!sale.ok) throw new Error(`bench sale refused: ${JSON.stringify(sale.error)}`);
    docs.push({ ...sale.value, _rev: '1-bench' });
  }
  return docs;
}
