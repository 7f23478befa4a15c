/**
 * Price push end to end: a store linked to the three mock platforms; the admin changes a product's
 * price in Comptoir (a new revision of product:<sku>) → each platform receives exactly one price
 * update with the documented payload (Shopify PUT variants/{id}.json, WooCommerce PUT
 * /products/{id} {regular_price}, BigCommerce PUT /v3/catalog/products/{id} {price}). Creating the
 * product, or editing something the web stores do not show (its category), pushes nothing; a price
 * change sends the price only (the name, unchanged, is not rewritten). Renames: product-push.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockPlatform, type MockPlatform } from '../../support/mock-platforms/index.ts';
import { startServer, type RunningServer } from '../../support/server.ts';
import { adminPut, FAST_OUTBOUND_ENV, linkPlatforms, outboundJobs, productDoc, sleep, waitFor, writes } from './helpers.ts';

const STORE = 'prices';
const KINDS = ['shopify', 'woocommerce', 'bigcommerce'] as const;
let server: RunningServer;
const mocks = {} as Record<(typeof KINDS)[number], MockPlatform>;

async function currentDoc(sku: string): Promise<Record<string, unknown>> {
  const res = await server.adminFetch(`/db/store-${STORE}/${encodeURIComponent(`product:${sku}`)}`);
  if (!res.ok) throw new Error(`GET product:${sku}: ${res.status}`);
  return (await res.json()) as Record<string, unknown>;
}

function priceWrites(kind: (typeof KINDS)[number]): MockPlatform['received'] {
  const all = writes(mocks[kind]);
  if (kind === 'shopify') return all.filter((r) => r.method === 'PUT' && /\/variants\/[^/]+\.json$/.test(r.path));
  if (kind === 'woocommerce') return all.filter((r) => r.method === 'PUT' && r.path.includes('/products/') && 'regular_price' in (r.body as object));
  return all.filter((r) => r.method === 'PUT' && /\/v3\/catalog\/products\/\d+(\/variants\/\d+)?$/.test(r.path));
}

beforeAll(async () => {
  for (const kind of KINDS) {
    mocks[kind] = await startMockPlatform(kind);
    mocks[kind].addProduct({ sku: 'EPI-0101', name: 'Huile d’olive 50 cl', price: '2.50', stock: 3 });
  }
  server = await startServer({ env: FAST_OUTBOUND_ENV });
  await server.createStore(STORE, 'Épicerie Prix');
  await linkPlatforms(server, STORE, KINDS.map((k) => [k, mocks[k].linkConfig(`${k}-test-secret`)]));
  await adminPut(server, STORE, productDoc('EPI-0101', 'Huile d’olive 50 cl', 250));
});

afterAll(async () => {
  await server?.stop();
  for (const m of Object.values(mocks)) await m.close();
});

describe('price push', () => {
  it('pushes a price changed by the admin once to each linked platform, with the documented payload', async () => {
    await sleep(1000); // the product's creation has been seen: it pushes no price
    for (const kind of KINDS) expect(priceWrites(kind)).toHaveLength(0);

    // A change that is neither the price nor the name pushes nothing either.
    const v1 = await currentDoc('EPI-0101');
    await adminPut(server, STORE, { ...v1, category: 'huiles' });
    const v2 = await currentDoc('EPI-0101');
    await adminPut(server, STORE, { ...v2, price: 320, updatedAt: new Date().toISOString() });
    const v3 = await currentDoc('EPI-0101');

    await waitFor('a price update at each platform', () => KINDS.every((k) => priceWrites(k).length >= 1));
    await sleep(1200); // nothing more may follow

    const shopify = priceWrites('shopify');
    expect(shopify).toHaveLength(1);
    const variant = ([...mocks.shopify.products.values()][0]!.variants as Array<Record<string, unknown>>)[0]!;
    expect(shopify[0]!.path).toBe(`/admin/api/2025-01/variants/${String(variant.id)}.json`);
    expect(shopify[0]!.body).toEqual({ variant: { id: variant.id, price: '3.20' } });
    expect(variant.price).toBe('3.20');
    expect(shopify[0]!.headers['idempotency-key']).toMatch(new RegExp(`^shopify:price:EPI-0101:320:[0-9a-f]{10}:${String(v3._rev)}/price$`));
    for (const kind of KINDS) expect(writes(mocks[kind]).filter((r) => JSON.stringify(r.body ?? '').includes('Huile')), kind).toHaveLength(0);

    const woo = priceWrites('woocommerce');
    expect(woo).toHaveLength(1);
    const wooProduct = [...mocks.woocommerce.products.values()][0]!;
    expect(woo[0]!.path).toBe(`/wp-json/wc/v3/products/${String(wooProduct.id)}`);
    expect(woo[0]!.body).toEqual({ regular_price: '3.20' });
    expect(wooProduct.regular_price).toBe('3.20');

    const bc = priceWrites('bigcommerce');
    expect(bc).toHaveLength(1);
    const bcProduct = [...mocks.bigcommerce.products.values()][0]!;
    expect(bc[0]!.path.endsWith(`/v3/catalog/products/${String(bcProduct.id)}`)).toBe(true);
    expect(bc[0]!.body).toEqual({ price: 3.2 });
    expect(bcProduct.price).toBe(3.2);

    const { jobs } = await outboundJobs(server, STORE);
    const priceJobs = jobs.filter((j) => j.kind === 'price');
    expect(priceJobs.map((j) => [j.platform, j.state, j.payload.price]).sort()).toEqual([
      ['bigcommerce', 'done', 320],
      ['shopify', 'done', 320],
      ['woocommerce', 'done', 320],
    ]);
  });
});
