/** The demo seed: ~300 valid products, stock counts, customers, web orders; idempotent over restarts. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { isValidGtin } from '../../../src/domain/barcode.ts';
import { parseStoreDoc } from '../../../src/domain/validate.ts';
import { startServer, type RunningServer } from '../../support/server.ts';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ seedDemo: true });
});

afterAll(async () => {
  await server?.stop();
});

interface Row {
  id: string;
  value: { rev: string };
  doc: Record<string, unknown> & { type: string; _id: string };
}

async function allDocs(): Promise<Row[]> {
  const res = await server.adminFetch('/db/store-demo/_all_docs?include_docs=true');
  expect(res.status).toBe(200);
  return ((await res.json()) as { rows: Row[] }).rows;
}

const banners = (text: string) => [...text.matchAll(/Pairing code for register "Caisse 1"/g)].length;

it('seeds the demo store once, with valid documents, and never duplicates on restart', { timeout: 60_000 }, async () => {
  const rows = await allDocs();
  const byType = (t: string) => rows.filter((r) => r.doc.type === t);
  const products = byType('product');
  expect(products.length).toBeGreaterThanOrEqual(280);
  expect(products.length).toBeLessThanOrEqual(320);
  for (const p of products) {
    const barcodes = p.doc.barcodes as string[];
    expect(barcodes.length).toBeGreaterThan(0);
    for (const b of barcodes) expect(isValidGtin(b), `${p.id} ${b}`).toBe(true);
    expect(barcodes[0]!.startsWith('376')).toBe(true);
    expect(Number.isInteger(p.doc.price)).toBe(true);
    expect([550, 1000, 2000]).toContain(p.doc.vatRate);
  }
  expect(new Set(products.map((p) => (p.doc.barcodes as string[])[0])).size).toBe(products.length);
  expect(new Set(products.map((p) => p.doc.category))).toEqual(new Set(['épicerie', 'boissons', 'frais', 'hygiène', 'maison']));
  const stock = byType('stock_movement');
  expect(stock.length).toBeGreaterThan(200);
  expect(stock.every((s) => s.id.startsWith('stock:server:') && s.doc.reason === 'count' && s.doc.location === 'shop')).toBe(true);
  expect(byType('customer').length).toBe(5);
  // Demo staff (README): Camille, cashier, PIN 1234; Marc, manager, PIN 9876 (hashed, never in clear).
  expect(byType('staff').map((s) => [s.doc.name, s.doc.role, s.doc.active])).toEqual([['Camille', 'cashier', true], ['Marc', 'manager', true]]);
  expect(JSON.stringify(byType('staff'))).not.toMatch(/"1234"|"9876"/);
  const orders = byType('web_order');
  expect(orders.length).toBe(4);
  expect(new Set(orders.map((o) => o.doc.platform))).toEqual(new Set(['shopify', 'woocommerce', 'bigcommerce']));
  expect(new Set(orders.map((o) => o.doc.delivery))).toEqual(new Set(['shipping', 'pickup']));
  expect(new Set(orders.map((o) => (o.doc.payment as { state: string }).state))).toEqual(new Set(['paid', 'to_pay']));
  const settings = rows.find((r) => r.id === 'store:settings');
  expect(settings?.doc).toMatchObject({ storeId: 'demo', name: 'Épicerie Comptoir', currency: 'EUR', locale: 'fr-FR' });
  for (const r of rows) {
    const parsed = parseStoreDoc(r.doc);
    expect(parsed.ok, `${r.id}: ${parsed.ok ? '' : parsed.error}`).toBe(true);
  }
  // The demo register and its pairing code.
  expect(banners(server.output())).toBe(1);
  const regs = (await (await server.adminFetch('/api/admin/stores/demo/registers')).json()) as { registers: Array<{ name: string; paired: boolean }> };
  expect(regs.registers).toEqual([expect.objectContaining({ name: 'Caisse 1', paired: false })]);

  // Restart: same documents, same revisions, one register, and a fresh code (still unpaired).
  const before = new Map(rows.map((r) => [r.id, r.value.rev]));
  await server.restart();
  const again = await allDocs();
  expect(again.length).toBe(rows.length);
  expect(again.every((r) => before.get(r.id) === r.value.rev)).toBe(true);
  expect(banners(server.output())).toBe(2);
  const regs2 = (await (await server.adminFetch('/api/admin/stores/demo/registers')).json()) as { registers: unknown[] };
  expect(regs2.registers.length).toBe(1);

  // Pair with the latest printed code; the next start prints no code.
  const codes = [...server.output().matchAll(/^ {8}((?:[A-Z0-9] ){4}- (?:[A-Z0-9] ?){4})$/gm)].map((m) => m[1]!.replace(/[\s-]/g, ''));
  expect(codes.length).toBe(2);
  const pairing = await server.pair(codes[1]!);
  expect(pairing).toMatchObject({ storeId: 'demo', registerName: 'Caisse 1' });
  await server.restart();
  expect(banners(server.output())).toBe(2);
  const stores = (await (await server.adminFetch('/api/admin/stores')).json()) as { stores: unknown[] };
  expect(stores.stores.length).toBe(1);
});
