/**
 * The demo store `demo` ("Épicerie Comptoir"): ~300 products, a stock count per tracked product,
 * 5 customers and 4 web orders (Shopify ×2, WooCommerce, BigCommerce). Deterministic ids, so running
 * it again never duplicates anything; it runs on first start (COMPTOIR_SEED_DEMO=true) and finishes
 * a seed interrupted by a crash (the store record is written last).
 */
import type { CustomerDoc, StockMovementDoc, StoreDoc, StoreSettingsDoc, WebOrderDoc } from '../../src/domain/documents.ts';
import { createUlid, customerId, stockMovementId } from '../../src/domain/ids.ts';
import { money, type Money } from '../../src/domain/money.ts';
import { parseStoreDoc } from '../../src/domain/validate.ts';
import type { StoreBackend } from '../db/backend.ts';
import type { IssuedCode, Registry } from '../registry.ts';
import { createStore } from '../stores.ts';
import { ensureDemoStaff } from './demo-staff.ts';
import { demoProducts, prng, SEED_TIME } from './catalog.ts';

export const DEMO_STORE_ID = 'demo';
export const DEMO_STORE_NAME = 'Épicerie Comptoir';
export const DEMO_ADDRESS = ['12 rue des Halles', '69001 Lyon', 'France'];
export const DEMO_REGISTER_NAME = 'Caisse 1';

/** A ULID generator with a fixed clock and a seeded random source: the same ids every run. */
function deterministicUlids(seed: number, startMs: number): () => string {
  const rand = prng(seed);
  let t = startMs;
  return createUlid(
    () => t++,
    (n) => Uint8Array.from({ length: n }, () => Math.floor(rand() * 256)),
  );
}

export function demoDocuments(): StoreDoc[] {
  const products = demoProducts();
  const stockIds = deterministicUlids(1, Date.parse(SEED_TIME));
  const stock: StockMovementDoc[] = products
    .filter((p) => p.doc.stockTracked)
    .map((p) => ({
      _id: stockMovementId('server', stockIds()),
      type: 'stock_movement',
      sku: p.doc.sku,
      location: 'shop',
      reason: 'count',
      quantity: p.initialStock,
      at: SEED_TIME,
    }));

  const customerIds = deterministicUlids(2, Date.parse('2026-01-02T10:00:00.000Z'));
  const people: Array<Omit<CustomerDoc, '_id' | 'type' | 'updatedAt'>> = [
    { name: 'Camille Martin', email: 'camille.martin@example.fr', phone: '+33 6 12 34 56 78' },
    { name: 'Lucas Bernard', email: 'lucas.bernard@example.fr' },
    { name: 'Léa Dubois', phone: '+33 6 98 76 54 32' },
    { name: 'Hugo Lefèvre', email: 'hugo.lefevre@example.fr', phone: '+33 7 11 22 33 44' },
    { name: 'Chloé Moreau', email: 'chloe.moreau@example.fr' },
  ];
  const customers: CustomerDoc[] = people.map((p) => ({ _id: customerId(customerIds()), type: 'customer', ...p, updatedAt: '2026-01-02T10:00:00.000Z' }));

  const bySku = new Map(products.map((p) => [p.doc.sku, p.doc]));
  const line = (sku: string, quantity: number) => {
    const p = bySku.get(sku);
    if (!p) throw new Error(`demo seed: unknown sku ${sku}`);
    return { sku, name: p.name, quantity, unitPrice: p.price };
  };
  const shipping = (name: string, cents: number) => ({ sku: null, name, quantity: 1, unitPrice: money(cents) });
  const total = (lines: Array<{ quantity: number; unitPrice: Money }>): Money => money(lines.reduce((s, l) => s + l.quantity * l.unitPrice, 0));

  const order = (o: Omit<WebOrderDoc, '_id' | 'type' | 'total' | 'currency' | 'pricesIncludeTax'>): WebOrderDoc => ({
    _id: `weborder:${o.platform}:${o.shop}:${o.platformOrderId}`,
    type: 'web_order',
    ...o,
    currency: 'EUR',
    pricesIncludeTax: true,
    total: total(o.lines),
  });
  const webOrders: WebOrderDoc[] = [
    order({
      platform: 'shopify', shop: 'demo-shop.myshopify.com', platformOrderId: '5820394061', orderNumber: '#1042',
      createdAt: '2026-01-04T18:22:10.000Z', updatedAt: '2026-01-04T18:22:10.000Z', status: 'new', delivery: 'shipping',
      customer: { name: 'Camille Martin', email: 'camille.martin@example.fr', phone: '+33 6 12 34 56 78' },
      lines: [line('EPI-0001', 2), line('EPI-0009', 1), shipping('Livraison Colissimo', 490)],
      payment: { state: 'paid', processor: 'shopify_payments' },
    }),
    order({
      platform: 'shopify', shop: 'demo-shop.myshopify.com', platformOrderId: '5820417733', orderNumber: '#1043',
      createdAt: '2026-01-05T07:41:55.000Z', updatedAt: '2026-01-05T07:41:55.000Z', status: 'new', delivery: 'pickup',
      customer: { name: 'Lucas Bernard', email: 'lucas.bernard@example.fr' },
      lines: [line('BOI-0001', 6), line('FRA-0008', 1)],
      payment: { state: 'to_pay' },
      note: 'Retrait samedi matin',
    }),
    order({
      platform: 'woocommerce', shop: 'epicerie-comptoir.fr', platformOrderId: '731', orderNumber: '731',
      createdAt: '2026-01-03T14:05:00.000Z', updatedAt: '2026-01-03T15:10:00.000Z', status: 'new', delivery: 'pickup',
      customer: { name: 'Léa Dubois', phone: '+33 6 98 76 54 32' },
      lines: [line('EPI-0040', 1), line('MAI-0001', 2)],
      payment: { state: 'paid', processor: 'stripe' },
    }),
    order({
      platform: 'bigcommerce', shop: 'store-x7k2m9qd', platformOrderId: '118', orderNumber: '118',
      createdAt: '2026-01-04T09:30:00.000Z', updatedAt: '2026-01-04T09:30:00.000Z', status: 'new', delivery: 'shipping',
      customer: { name: 'Hugo Lefèvre', email: 'hugo.lefevre@example.fr' },
      lines: [line('HYG-0001', 3), line('EPI-0020', 2), shipping('Livraison Mondial Relay', 390)],
      payment: { state: 'to_pay' },
    }),
  ];

  // Written before createStore() (which keeps an existing settings document): the demo shop's tenders and legal lines.
  const settings: StoreSettingsDoc = {
    _id: 'store:settings', type: 'store_settings', storeId: DEMO_STORE_ID, name: DEMO_STORE_NAME, address: DEMO_ADDRESS,
    currency: 'EUR', locale: 'fr-FR', defaultLocation: 'shop', discountThresholdBp: 1000,
    otherTenders: [{ id: 'cheque', label: 'Chèque' }, { id: 'ticket-restaurant', label: 'Ticket restaurant' }],
    legal: ['SARL Épicerie Comptoir · SIRET 812 345 678 00015', 'TVA intracommunautaire FR 12 812345678'],
  };
  const docs: StoreDoc[] = [settings, ...products.map((p) => p.doc), ...stock, ...customers, ...webOrders];
  for (const d of docs) {
    const parsed = parseStoreDoc(d);
    if (!parsed.ok) throw new Error(`demo seed document ${d._id} is invalid: ${parsed.error}`);
  }
  return docs;
}

export interface SeedOutcome {
  /** True when this run created the store. */
  created: boolean;
  documents: number;
  /** A pairing code for "Caisse 1", issued when no register of the demo store is paired yet. */
  pairing: IssuedCode | null;
}

export async function seedDemo(backend: StoreBackend, registry: Registry): Promise<SeedOutcome> {
  let created = false;
  let documents = 0;
  if (!registry.store(DEMO_STORE_ID)) {
    await backend.ensureStoreDb(DEMO_STORE_ID);
    const db = backend.db(DEMO_STORE_ID);
    // Staff first: early in the changes feed, so a new register can sign in before the catalogue is down.
    documents += await ensureDemoStaff(db);
    const docs = demoDocuments();
    const results = await db.bulkDocs(docs as Array<PouchDB.Core.PutDocument<object>>);
    for (const r of results) {
      if ('error' in r && r.error && (r as { status?: number }).status !== 409) {
        throw new Error(`demo seed: writing ${r.id} failed: ${(r as { message?: string }).message ?? 'error'}`);
      }
    }
    documents += results.filter((r) => 'ok' in r && r.ok).length;
    await createStore(backend, registry, { id: DEMO_STORE_ID, name: DEMO_STORE_NAME, address: DEMO_ADDRESS });
    created = true;
  }

  documents += await ensureDemoStaff(backend.db(DEMO_STORE_ID)); // Camille (cashier) and Marc (manager): demo-staff.ts

  const registers = registry.registers(DEMO_STORE_ID);
  let pairing: IssuedCode | null = null;
  if (registers.length === 0) {
    pairing = await registry.createRegister(DEMO_STORE_ID, DEMO_REGISTER_NAME);
  } else if (!registers.some((r) => r.tokenHash !== null)) {
    const caisse = registers.find((r) => r.name === DEMO_REGISTER_NAME) ?? registers[0]!;
    pairing = await registry.issuePairingCode(caisse.id);
  }
  return { created, documents, pairing };
}
