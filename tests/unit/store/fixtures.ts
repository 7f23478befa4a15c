// Valid replicated documents and change feeds for the read-model tests.
import { withCheckDigit } from '../../../src/domain/barcode.ts';
import type { ProductDoc, SaleDoc, StockMovementDoc, StoreSettingsDoc } from '../../../src/domain/documents.ts';
import { money } from '../../../src/domain/money.ts';
import { buildSale } from '../../../src/domain/sale.ts';
import { ReadModelDb } from '../../../src/store/schema.ts';
import type { ReplicaChange } from '../../../workers/sync/projection.ts';

let dbCounter = 0;

/** A fresh, empty database per test (fake-indexeddb keeps databases for the whole run). */
export function freshDb(): ReadModelDb {
  dbCounter += 1;
  return new ReadModelDb(`test-readmodel-${dbCounter}-${Math.random().toString(36).slice(2)}`);
}

export function product(sku: string, name: string, extra: Partial<ProductDoc> = {}): ProductDoc {
  return {
    _id: `product:${sku}`,
    _rev: '1-a',
    type: 'product',
    sku,
    name,
    barcodes: [],
    price: money(250),
    priceIncludesTax: true,
    vatRate: 2000,
    currency: 'EUR',
    category: 'misc',
    stockTracked: true,
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}

export const ean13 = (body12: string): string => withCheckDigit(body12);

export function movement(
  id: string,
  sku: string,
  at: string,
  change: { count: number } | { delta: number; reason?: StockMovementDoc['reason'] },
  location = 'shop',
): StockMovementDoc {
  const base = { _id: `stock:server:${id}`, _rev: '1-a', type: 'stock_movement' as const, sku, location, at };
  return 'count' in change
    ? { ...base, reason: 'count', quantity: change.count }
    : { ...base, reason: change.reason ?? 'receipt', delta: change.delta };
}

export function sale(receiptNumber: number, at: string, lines: { sku: string; quantity: number }[], location = 'shop'): SaleDoc {
  const built = buildSale({
    storeId: 'demo',
    registerId: 'R1',
    receiptNumber,
    createdAt: at,
    cashier: 'alice',
    currency: 'EUR',
    location,
    lines: lines.map((l) => ({ product: { sku: l.sku, name: l.sku, price: money(100), priceIncludesTax: true, vatRate: 2000 }, quantity: l.quantity })),
    tenders: [{ kind: 'cash', amount: money(100_000) }],
  });
  if (!built.ok) throw new Error(`fixture sale refused: ${JSON.stringify(built.error)}`);
  return { ...built.value, _rev: '1-a' };
}

export function storeSettings(): StoreSettingsDoc {
  return {
    _id: 'store:settings',
    _rev: '1-a',
    type: 'store_settings',
    storeId: 'demo',
    name: 'Demo',
    address: ['1 rue de la Paix'],
    currency: 'EUR',
    locale: 'fr-FR',
    defaultLocation: 'shop',
  };
}

/** A changes feed: consecutive integer seqs from `from`, as PouchDB's IndexedDB adapter numbers them. */
export function feed(docs: readonly (object & { _id: string })[], from = 1): ReplicaChange[] {
  return docs.map((doc, i) => ({ id: doc._id, seq: from + i, doc }));
}

export function deletion(id: string, seq: number): ReplicaChange {
  return { id, seq, deleted: true, doc: { _id: id, _rev: '2-b', _deleted: true } };
}

/** Every read-model table, sorted, for comparing two projections. */
export async function snapshot(db: ReadModelDb): Promise<Record<string, unknown[]>> {
  const tables = ['products', 'movements', 'stockLevels', 'sales', 'webOrders', 'customers', 'storeSettings'] as const;
  const out: Record<string, unknown[]> = {};
  for (const t of tables) out[t] = await db.table(t).toArray();
  return out;
}
