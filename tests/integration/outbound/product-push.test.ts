/**
 * Product edits reach the linked web stores, the name as well as the price (issue 7): a store linked
 * to the three mock platforms; a manager renames and reprices a product at a register →
 *  - a SKU that is its product's own (Shopify single-variant product, WooCommerce simple product,
 *    BigCommerce product) gets its title and its price, each sent once (Shopify PUT products/{id}.json
 *    {product:{id, title}} + PUT variants/{id}.json; WooCommerce PUT /products/{id} {regular_price, name};
 *    BigCommerce PUT /v3/catalog/products/{id} {price, name});
 *  - a second revision carrying the same name and price pushes nothing;
 *  - a SKU that is one variant of a product with several gets its price, and the shared product's
 *    title is left alone ("name kept: variant of …"); a WooCommerce variation's stock goes to the variation;
 *  - an attempt after a failure re-reads the platform and sends only what it does not show yet;
 *  - a rename still waiting to go out (the platform is down) and a later price change go out together;
 *  - BigCommerce refusing a name another of its products has (names are unique there) is final;
 *  - a product job whose payload does not hold up is refused with the field at fault, and nothing is sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductDoc } from '../../../src/domain/documents.ts';
import { stampWrite } from '../../../src/domain/field-clock.ts';
import { parseQueueJobDoc } from '../../../src/domain/outbound-documents.ts';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy.ts';
import { startMockPlatform, type MockPlatform } from '../../support/mock-platforms/index.ts';
import { startServer, type Pairing, type RunningServer } from '../../support/server.ts';
import { adminPut, FAST_OUTBOUND_ENV, linkPlatforms, outboundJobs, productDoc, proxiedLink, registerPut, sleep, stockCount, waitFor, writes, type JobView } from './helpers.ts';

const STORE = 'renames';
const KINDS = ['shopify', 'woocommerce', 'bigcommerce'] as const;
type Kind = (typeof KINDS)[number];
let server: RunningServer;
let reg: Pairing;
let proxy: FaultProxy; // in front of Shopify
const mocks = {} as Record<Kind, MockPlatform>;

const MANAGER = {
  _id: 'staff:MGR', type: 'staff', name: 'Hélène', role: 'manager', active: true, updatedAt: '2026-01-01T00:00:00.000Z',
  pin: { algorithm: 'PBKDF2-SHA256', iterations: 100000, salt: 'c2FsdA==', hash: 'aGFzaA==' },
};

async function currentDoc(sku: string): Promise<ProductDoc> {
  const res = await server.adminFetch(`/db/store-${STORE}/${encodeURIComponent(`product:${sku}`)}`);
  if (!res.ok) throw new Error(`GET product:${sku}: ${res.status}`);
  return (await res.json()) as ProductDoc;
}

/** The manager's edit at the register, as the product command writes it (signed, changed fields stamped). */
async function managerEdit(sku: string, change: Partial<ProductDoc>): Promise<ProductDoc> {
  const current = await currentDoc(sku);
  const now = Date.now();
  const next = { ...current, ...change, updatedBy: MANAGER._id, updatedAt: new Date(now).toISOString() } as ProductDoc;
  await registerPut(reg, stampWrite(next, current, reg.registerId, now) as unknown as Record<string, unknown>);
  return currentDoc(sku);
}

/** Writes that touched the catalogue (not stock, not orders). */
function catalogWrites(kind: Kind): MockPlatform['received'] {
  return writes(mocks[kind]).filter((r) => r.method === 'PUT' && /\/(variants|products)\//.test(r.path));
}

async function productJob(kind: Kind, sku: string): Promise<JobView | undefined> {
  return (await outboundJobs(server, STORE)).jobs.find((j) => j.id === `outbound:${kind}:price:${sku}`);
}

beforeAll(async () => {
  for (const kind of KINDS) {
    mocks[kind] = await startMockPlatform(kind);
    mocks[kind].addProduct({ sku: 'EPI-0201', name: 'Huile de noix 25 cl', price: '6.50', stock: 4 });
    mocks[kind].addProduct({ sku: 'EPI-0202', name: 'Vinaigre de cidre 50 cl', price: '3.10', stock: 4 });
    mocks[kind].addProduct({
      sku: 'TS', name: 'T-shirt Comptoir', price: '15.00',
      variants: [{ sku: 'TS-S', price: '15.00', option: 'S', stock: 2 }, { sku: 'TS-M', price: '15.00', option: 'M', stock: 3 }],
    });
  }
  server = await startServer({ env: FAST_OUTBOUND_ENV });
  await server.createStore(STORE, 'Épicerie Noms');
  proxy = await startFaultProxy(mocks.shopify.url);
  await linkPlatforms(server, STORE, KINDS.map((k) => [k, k === 'shopify' ? proxiedLink(mocks[k], proxy) : mocks[k].linkConfig(`${k}-test-secret`)]));
  reg = await server.pairNewRegister(STORE, 'Caisse 1');
  await adminPut(server, STORE, MANAGER);
  await adminPut(server, STORE, productDoc('EPI-0201', 'Huile de noix 25 cl', 650));
  await adminPut(server, STORE, productDoc('TS-M', 'T-shirt Comptoir M', 1500));
  await adminPut(server, STORE, productDoc('EPI-0202', 'Vinaigre de cidre 50 cl', 310));
});

afterAll(async () => {
  await server?.stop();
  for (const m of Object.values(mocks)) await m.close();
  await proxy?.close();
});

describe('product push (name and price)', () => {
  it('renames and reprices a product whose SKU is its own, once on each platform; the same values again push nothing', async () => {
    await sleep(1000); // the creations have been seen: they push nothing
    for (const kind of KINDS) expect(catalogWrites(kind)).toHaveLength(0);

    const v2 = await managerEdit('EPI-0201', { name: 'Huile de noix vierge 25 cl', price: 720 as ProductDoc['price'] });
    const done = await waitFor('the product job done at each platform', async () => {
      const jobs = await Promise.all(KINDS.map((k) => productJob(k, 'EPI-0201')));
      return jobs.every((j) => j?.state === 'done') ? jobs : null;
    });
    await sleep(1200); // nothing more may follow

    for (const kind of KINDS) {
      expect(mocks[kind].catalogOf('EPI-0201'), kind).toEqual({ title: 'Huile de noix vierge 25 cl', price: '7.20', variant: false });
    }
    const job = done.find((j) => j?.platform === 'shopify')!;
    expect(job.payload).toMatchObject({ sku: 'EPI-0201', price: 720, name: 'Huile de noix vierge 25 cl', changed: ['price', 'name'], rev: v2._rev });
    expect(job.idempotencyKey).toMatch(new RegExp(`^shopify:price:EPI-0201:720:[0-9a-f]{10}:${String(v2._rev)}$`));

    const shopify = catalogWrites('shopify');
    expect(shopify).toHaveLength(2);
    const product = [...mocks.shopify.products.values()].find((p) => p.title === 'Huile de noix vierge 25 cl')!;
    const variant = (product.variants as Array<Record<string, unknown>>)[0]!;
    const title = shopify.find((r) => r.path === `/admin/api/2025-01/products/${String(product.id)}.json`)!;
    expect(title.body).toEqual({ product: { id: product.id, title: 'Huile de noix vierge 25 cl' } });
    expect(title.headers['idempotency-key']).toBe(`${job.idempotencyKey}/title`);
    const price = shopify.find((r) => r.path === `/admin/api/2025-01/variants/${String(variant.id)}.json`)!;
    expect(price.body).toEqual({ variant: { id: variant.id, price: '7.20' } });

    const woo = catalogWrites('woocommerce');
    const wooProduct = [...mocks.woocommerce.products.values()].find((p) => p.sku === 'EPI-0201')!;
    expect(woo.map((r) => [r.path, r.body])).toEqual([[`/wp-json/wc/v3/products/${String(wooProduct.id)}`, { regular_price: '7.20', name: 'Huile de noix vierge 25 cl' }]]);

    const bc = catalogWrites('bigcommerce');
    const bcProduct = [...mocks.bigcommerce.products.values()].find((p) => p.sku === 'EPI-0201')!;
    expect(bc).toHaveLength(1);
    expect(bc[0]!.path.endsWith(`/v3/catalog/products/${String(bcProduct.id)}`)).toBe(true);
    expect(bc[0]!.body).toEqual({ price: 7.2, name: 'Huile de noix vierge 25 cl' });

    // The same name and price again (a revision that changes nothing the web stores show): no push.
    const before = Object.fromEntries(KINDS.map((k) => [k, writes(mocks[k]).length]));
    await managerEdit('EPI-0201', { name: 'Huile de noix vierge 25 cl', price: 720 as ProductDoc['price'], category: 'huiles' });
    await sleep(1500);
    for (const kind of KINDS) {
      expect(writes(mocks[kind]).length, kind).toBe(before[kind]);
      expect(await productJob(kind, 'EPI-0201')).toMatchObject({ state: 'done', payload: { rev: v2._rev } });
    }
  });

  it('prices a variant but keeps the title of the product its variants share', async () => {
    const before = Object.fromEntries(KINDS.map((k) => [k, catalogWrites(k).length]));
    await managerEdit('TS-M', { name: 'T-shirt Comptoir taille M', price: 1650 as ProductDoc['price'] });
    const jobs = await waitFor('the variant job done at each platform', async () => {
      const all = await Promise.all(KINDS.map((k) => productJob(k, 'TS-M')));
      return all.every((j) => j?.state === 'done') ? all : null;
    });

    for (const [i, kind] of KINDS.entries()) {
      expect(mocks[kind].catalogOf('TS-M'), kind).toEqual({ title: 'T-shirt Comptoir', price: '16.50', variant: true });
      expect(mocks[kind].catalogOf('TS-S'), kind).toMatchObject({ title: 'T-shirt Comptoir', price: '15.00' });
      expect(jobs[i]!.result, kind).toMatch(/name kept: variant of/);
      const sent = catalogWrites(kind).slice(before[kind]);
      expect(sent, kind).toHaveLength(1);
      expect(JSON.stringify(sent[0]!.body), kind).not.toContain('T-shirt Comptoir taille M');
    }
    expect(catalogWrites('shopify').at(-1)!.path).toMatch(/\/variants\/\d+\.json$/);
    expect(catalogWrites('woocommerce').at(-1)!.path).toMatch(/\/products\/\d+\/variations\/\d+$/);
    expect(catalogWrites('woocommerce').at(-1)!.body).toEqual({ regular_price: '16.50' });
    expect(catalogWrites('bigcommerce').at(-1)!.path).toMatch(/\/v3\/catalog\/products\/\d+\/variants\/\d+$/);
    expect(catalogWrites('bigcommerce').at(-1)!.body).toEqual({ price: 16.5 });
  });

  it('sets a variation\'s stock on the variation (WooCommerce documents it under its parent)', async () => {
    const before = writes(mocks.woocommerce).length;
    await registerPut(reg, stockCount(reg.registerId, 'TS-M', 6));
    const sent = await waitFor('the variation\'s stock pushed to WooCommerce', () => {
      const w = writes(mocks.woocommerce).slice(before).filter((r) => 'stock_quantity' in ((r.body ?? {}) as object));
      return w.length > 0 ? w : null;
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.path).toMatch(/\/products\/\d+\/variations\/\d+$/);
    expect(sent[0]!.body).toEqual({ manage_stock: true, stock_quantity: 6 });
  });

  it('re-reads the platform after a failed attempt and sends only what it does not show yet', async () => {
    let failed = false;
    proxy.fault = (r) => (!failed && r.method === 'PUT' && /\/products\/\d+\.json$/.test(r.path) ? ((failed = true), 503) : null);
    const before = catalogWrites('shopify').length;
    await managerEdit('EPI-0201', { name: 'Huile de noix 50 cl', price: 1290 as ProductDoc['price'] });
    const job = await waitFor('the Shopify job done after a retry', async () => {
      const j = await productJob('shopify', 'EPI-0201');
      return j?.state === 'done' && j.payload.price === 1290 ? j : null;
    });
    proxy.fault = null;

    expect(job.attempts).toBe(2);
    expect(job.history.map((h) => h.outcome)).toEqual(expect.arrayContaining(['error', 'ok']));
    expect(job.result).toMatch(/Shopify already shows 12\.90/);
    // At the platform: the price once (first attempt), the title once (second attempt).
    const sent = catalogWrites('shopify').slice(before).map((r) => r.path.replace(/\d+/g, 'N'));
    expect(sent).toEqual(['/admin/api/N-N/variants/N.json', '/admin/api/N-N/products/N.json']);
    expect(mocks.shopify.catalogOf('EPI-0201')).toEqual({ title: 'Huile de noix 50 cl', price: '12.90', variant: false });
  });

  it('keeps a rename that has not gone out when a price change follows, and sends both once', async () => {
    proxy.fault = (r) => (r.method === 'PUT' ? 503 : null);
    const before = catalogWrites('shopify').length;
    await managerEdit('EPI-0201', { name: 'Huile de noix bio 50 cl' });
    await waitFor('the rename failing at Shopify', async () => {
      const j = await productJob('shopify', 'EPI-0201');
      return j && j.payload.name === 'Huile de noix bio 50 cl' && (j.state === 'failed' || j.state === 'dead') ? j : null;
    });
    await managerEdit('EPI-0201', { price: 1350 as ProductDoc['price'] });
    const merged = await waitFor('the price change coalesced into it', async () => {
      const j = await productJob('shopify', 'EPI-0201');
      return j?.payload.price === 1350 ? j : null;
    });
    expect(merged.payload.changed).toEqual(['price', 'name']);
    proxy.fault = null;
    await waitFor('the job done', async () => (await productJob('shopify', 'EPI-0201'))?.state === 'done');

    expect(mocks.shopify.catalogOf('EPI-0201')).toEqual({ title: 'Huile de noix bio 50 cl', price: '13.50', variant: false });
    const sent = catalogWrites('shopify').slice(before).map((r) => r.path.replace(/\d+/g, 'N'));
    expect(sent).toEqual(['/admin/api/N-N/variants/N.json', '/admin/api/N-N/products/N.json']);
  });

  it('dead-letters at once a rename BigCommerce refuses because another product has that name', async () => {
    await managerEdit('EPI-0202', { name: 'T-shirt Comptoir' });
    const dead = await waitFor('the BigCommerce rename dead', async () => {
      const j = await productJob('bigcommerce', 'EPI-0202');
      return j?.state === 'dead' ? j : null;
    });
    expect(dead.attempts).toBe(1);
    expect(dead.lastError).toMatch(/HTTP 409: the name "T-shirt Comptoir" is refused.*names are unique in a BigCommerce store/);
    expect(mocks.bigcommerce.catalogOf('EPI-0202')).toMatchObject({ title: 'Vinaigre de cidre 50 cl' });
    await waitFor('Shopify renamed (titles need not be unique there)', async () => (await productJob('shopify', 'EPI-0202'))?.state === 'done');
    expect(mocks.shopify.catalogOf('EPI-0202')).toMatchObject({ title: 'T-shirt Comptoir' });
  });

  it('refuses a product job whose payload does not hold up, naming the field, and sends nothing', async () => {
    const at = new Date().toISOString();
    const bad = {
      _id: 'outbound:woocommerce:price:EPI-0201', type: 'outbound_job', channel: 'platform', platform: 'woocommerce', shop: mocks.woocommerce.shop, kind: 'price',
      idempotencyKey: 'woocommerce:price:EPI-0201:bad', state: 'pending', version: 1, attempts: 0, maxAttempts: 4, nextAttemptAt: at, createdAt: at, updatedAt: at,
      payload: { sku: 'EPI-0201', price: '7.90', currency: 'EUR', name: 'Huile', changed: ['price', 'name'], rev: '9-x' },
    };
    // The registers' validator (they project the queue) refuses it with the field at fault…
    const parsed = parseQueueJobDoc(bad);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toBe('payload.price: must be a whole number of minor units, got "7.90"');
    expect(parseQueueJobDoc({ ...bad, payload: { ...bad.payload, price: 790, name: '  ' } })).toEqual({ ok: false, error: 'payload.name: must not be empty' });
    expect(parseQueueJobDoc({ ...bad, payload: { ...bad.payload, price: 790, changed: ['title'] } })).toEqual({ ok: false, error: 'payload.changed[0]: must be one of price, name, got "title"' });
    expect(parseQueueJobDoc({ ...bad, payload: { sku: 'EPI-0201', price: 790, currency: 'EUR', rev: '9-x' } }).ok).toBe(true); // a job from before names were pushed

    // …and the server dead-letters it at once instead of sending a garbled price.
    const current = await server.adminFetch(`/db/store-${STORE}/${encodeURIComponent(bad._id)}`);
    const rev = current.ok ? ((await current.json()) as { _rev: string })._rev : undefined;
    const count = catalogWrites('woocommerce').length;
    await adminPut(server, STORE, { ...bad, ...(rev ? { _rev: rev } : {}) });
    const dead = await waitFor('the malformed job dead', async () => {
      const j = await productJob('woocommerce', 'EPI-0201');
      return j?.state === 'dead' ? j : null;
    });
    expect(dead.attempts).toBe(1);
    expect(dead.lastError).toBe('malformed product job outbound:woocommerce:price:EPI-0201: payload.price: must be a whole number of minor units, got "7.90"');
    expect(catalogWrites('woocommerce')).toHaveLength(count);
  });
});
