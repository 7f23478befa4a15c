/**
 * Stock reconciliation with the web stores, end to end: the real server, the three mock platforms
 * (behind pass-through proxies) and a register. A SKU whose stock was changed on each platform behind
 * Comptoir's back is listed with both figures (GET /api/stores/:storeId/stock-differences, also kept
 * as reconcile:stock:<platform> for the registers) and corrected by one push per platform
 * (POST …/fix) even though the queue had already pushed that very level; a SKU that matches is not
 * pushed; a platform that cannot be read gives a clear error without hiding the others.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy.ts';
import { startMockPlatform, type MockPlatform } from '../../support/mock-platforms/index.ts';
import { mockStockOf, setMockStock } from '../../support/mock-platforms/stock.ts';
import { startServer, type Pairing, type RunningServer } from '../../support/server.ts';
import { isStockDifferencesDoc } from '../../../src/domain/stock-differences.ts';
import {
  adminPut, FAST_OUTBOUND_ENV, linkPlatforms, outboundJobs, productDoc, proxiedLink, registerPut, sleep, stockCount, waitFor, writes,
} from '../outbound/helpers.ts';

const STORE = 'reconcile';
const KINDS = ['shopify', 'woocommerce', 'bigcommerce'] as const;
type Kind = (typeof KINDS)[number];
let server: RunningServer;
let reg: Pairing;
const mocks = {} as Record<Kind, MockPlatform>;
const proxies = {} as Record<Kind, FaultProxy>;

interface Difference {
  sku: string;
  comptoir: number;
  platform: number;
  onHand: number;
  reserved: number;
}
interface PlatformResult {
  platform: Kind;
  shop: string;
  ok: boolean;
  error?: string;
  compared: number;
  differences: Difference[];
  checkedAt: string;
  asOf: string | null;
  queued?: number;
}
interface DifferencesBody {
  storeId: string;
  queued?: number;
  platforms: PlatformResult[];
}

async function differences(auth: string, fix = false): Promise<DifferencesBody> {
  const res = await fetch(`${server.url}/api/stores/${STORE}/stock-differences${fix ? '/fix' : ''}`, { method: fix ? 'POST' : 'GET', headers: { Authorization: auth } });
  if (!res.ok) throw new Error(`${fix ? 'POST' : 'GET'} stock-differences: ${res.status} ${await res.text()}`);
  return (await res.json()) as DifferencesBody;
}

const byPlatform = (body: DifferencesBody, kind: Kind): PlatformResult => body.platforms.find((p) => p.platform === kind)!;
const registerAuth = (): string => `Bearer ${reg.token}`;

/** Stock writes a mock received since `from` (index into its writes). */
function stockWrites(kind: Kind, from: number): MockPlatform['received'] {
  return writes(mocks[kind])
    .slice(from)
    .filter((r) =>
      kind === 'shopify' ? r.path.endsWith('/inventory_levels/set.json') : kind === 'woocommerce' ? r.method === 'PUT' && r.path.includes('/products/') : r.path.endsWith('/v3/inventory/adjustments/absolute'),
    );
}

async function queueIdle(): Promise<void> {
  await waitFor('the outbound queue to be idle', async () => {
    const { counts } = await outboundJobs(server, STORE);
    return counts.pending === 0 && counts.sending === 0 && counts.failed === 0;
  });
}

beforeAll(async () => {
  for (const kind of KINDS) {
    mocks[kind] = await startMockPlatform(kind);
    proxies[kind] = await startFaultProxy(mocks[kind].url);
    mocks[kind].addProduct({ sku: 'EPI-0001', name: "Confiture d'abricot 370 g", price: '2.50', stock: 3 });
    mocks[kind].addProduct({ sku: 'EPI-0002', name: 'Miel de lavande 250 g', price: '7.90', stock: 3 });
    mocks[kind].addProduct({ sku: 'WEB-ONLY', name: 'Carte cadeau', price: '20.00', stock: 50 });
  }
  server = await startServer({ env: { ...FAST_OUTBOUND_ENV, STOCK_RECONCILE_INTERVAL_MS: '0' } });
  await server.createStore(STORE, 'Épicerie Réconciliation');
  await linkPlatforms(server, STORE, KINDS.map((k) => [k, proxiedLink(mocks[k], proxies[k])]));
  reg = await server.pairNewRegister(STORE, 'Caisse 1');
  await adminPut(server, STORE, productDoc('EPI-0001', "Confiture d'abricot 370 g"));
  await adminPut(server, STORE, productDoc('EPI-0002', 'Miel de lavande 250 g', 790));
  await registerPut(reg, stockCount(reg.registerId, 'EPI-0001', 7));
  await registerPut(reg, stockCount(reg.registerId, 'EPI-0002', 3));
  // The queue pushes Comptoir's levels first: every platform shows 7 and 3.
  await waitFor('the first stock pushes', async () => {
    for (const kind of KINDS) if ((await mockStockOf(mocks[kind], 'EPI-0001')) !== 7) return false;
    return true;
  });
  await queueIdle();
}, 60_000);

afterAll(async () => {
  await server?.stop();
  for (const m of Object.values(mocks)) await m.close();
  for (const p of Object.values(proxies)) await p.close();
});

describe('stock reconciliation with the web stores', () => {
  it('lists a SKU whose stock differs on each platform, with both figures, and keeps the result for the registers', async () => {
    for (const kind of KINDS) await setMockStock(mocks[kind], 'EPI-0001', 2); // changed in each back office
    const before = Date.now();
    const body = await differences(registerAuth());
    expect(body.storeId).toBe(STORE);
    expect(body.platforms.map((p) => p.platform)).toEqual([...KINDS]);
    for (const kind of KINDS) {
      const r = byPlatform(body, kind);
      expect(r.ok, `${kind}: ${r.error ?? ''}`).toBe(true);
      expect(r.shop).toBe(mocks[kind].shop);
      expect(r.compared).toBe(2); // EPI-0001 and EPI-0002; WEB-ONLY is not Comptoir's
      expect(r.differences).toEqual([{ sku: 'EPI-0001', comptoir: 7, platform: 2, onHand: 7, reserved: 0 }]);
      expect(Date.parse(r.asOf!)).toBeGreaterThanOrEqual(before - 1000);
      // Kept in the store database, readable (and replicated) by the register.
      const res = await fetch(`${reg.serverUrl}/db/${reg.dbName}/${encodeURIComponent(`reconcile:stock:${kind}`)}`, { headers: { Authorization: registerAuth() } });
      expect(res.status).toBe(200);
      const doc = (await res.json()) as Record<string, unknown>;
      expect(isStockDifferencesDoc(doc)).toBe(true);
      expect(doc).toMatchObject({ type: 'stock_differences', platform: kind, asOf: r.asOf, compared: 2, differences: r.differences });
    }
    // Listing changes nothing on the platforms.
    for (const kind of KINDS) expect(await mockStockOf(mocks[kind], 'EPI-0001')).toBe(2);
  });

  it('corrects the difference with one push per platform, and leaves the equal SKU alone', async () => {
    const from = Object.fromEntries(KINDS.map((k) => [k, writes(mocks[k]).length])) as Record<Kind, number>;
    const jobsBefore = (await outboundJobs(server, STORE)).jobs;
    const body = await differences(registerAuth(), true);
    expect(body.queued).toBe(3);
    for (const kind of KINDS) expect(byPlatform(body, kind)).toMatchObject({ ok: true, queued: 1 });

    await waitFor('every platform to show Comptoir’s figure again', async () => {
      for (const kind of KINDS) if ((await mockStockOf(mocks[kind], 'EPI-0001')) !== 7) return false;
      return true;
    });
    await queueIdle();
    await sleep(800); // nothing more may follow
    for (const kind of KINDS) {
      const pushed = stockWrites(kind, from[kind]);
      expect(pushed, kind).toHaveLength(1);
      expect(await mockStockOf(mocks[kind], 'EPI-0002')).toBe(3);
    }
    expect(stockWrites('woocommerce', from.woocommerce)[0]!.body).toEqual({ manage_stock: true, stock_quantity: 7 });
    expect(stockWrites('bigcommerce', from.bigcommerce)[0]!.body).toMatchObject({ items: [{ sku: 'EPI-0001', quantity: 7 }] });
    expect(stockWrites('shopify', from.shopify)[0]!.body).toMatchObject({ available: 7 });

    // The same coalesced job carried it, under a new version (a new idempotency key); EPI-0002's job is untouched.
    const jobsAfter = (await outboundJobs(server, STORE)).jobs;
    for (const kind of KINDS) {
      const id1 = `outbound:${kind}:stock_level:EPI-0001`;
      const id2 = `outbound:${kind}:stock_level:EPI-0002`;
      const b1 = jobsBefore.find((j) => j.id === id1)!;
      const a1 = jobsAfter.find((j) => j.id === id1)!;
      expect(a1.state).toBe('done');
      expect(a1.idempotencyKey).not.toBe(b1.idempotencyKey);
      expect(a1.payload).toMatchObject({ sku: 'EPI-0001', available: 7 });
      expect(jobsAfter.find((j) => j.id === id2)!.idempotencyKey).toBe(jobsBefore.find((j) => j.id === id2)!.idempotencyKey);
    }

    // Compared again: nothing differs.
    const again = await differences(server.adminAuth);
    for (const kind of KINDS) expect(byPlatform(again, kind)).toMatchObject({ ok: true, compared: 2, differences: [] });
  });

  it('reports a platform that cannot be read with a clear error, and still compares and fixes the others', async () => {
    for (const kind of KINDS) await setMockStock(mocks[kind], 'EPI-0002', 9);
    proxies.woocommerce.fault = (r) => (r.method === 'GET' ? 503 : null);
    try {
      const listed = await differences(registerAuth());
      const woo = byPlatform(listed, 'woocommerce');
      expect(woo.ok).toBe(false);
      expect(woo.error).toMatch(/woocommerce/i);
      expect(woo.error).toMatch(/503/);
      expect(woo.differences).toEqual([]); // those of its last successful run (none)
      for (const kind of ['shopify', 'bigcommerce'] as const) {
        expect(byPlatform(listed, kind)).toMatchObject({ ok: true, differences: [{ sku: 'EPI-0002', comptoir: 3, platform: 9, onHand: 3, reserved: 0 }] });
      }
      const doc = (await (await server.adminFetch(`/db/store-${STORE}/${encodeURIComponent('reconcile:stock:woocommerce')}`)).json()) as Record<string, unknown>;
      expect(isStockDifferencesDoc(doc)).toBe(true);
      expect(doc.error).toBe(woo.error);

      const fixed = await differences(server.adminAuth, true);
      expect(fixed.queued).toBe(2);
      expect(byPlatform(fixed, 'woocommerce')).toMatchObject({ ok: false });
      await waitFor('Shopify and BigCommerce to show 3 again', async () => (await mockStockOf(mocks.shopify, 'EPI-0002')) === 3 && (await mockStockOf(mocks.bigcommerce, 'EPI-0002')) === 3);
      expect(await mockStockOf(mocks.woocommerce, 'EPI-0002')).toBe(9); // not read, so not touched
    } finally {
      proxies.woocommerce.fault = null;
    }
    // Back up: WooCommerce is compared and fixed like the others.
    const body = await differences(server.adminAuth, true);
    expect(byPlatform(body, 'woocommerce')).toMatchObject({ ok: true, queued: 1, differences: [{ sku: 'EPI-0002', comptoir: 3, platform: 9 }] });
    await waitFor('WooCommerce to show 3 again', async () => (await mockStockOf(mocks.woocommerce, 'EPI-0002')) === 3);
  });

  it('refuses a register of another store and an unknown platform', async () => {
    await server.createStore('other', 'Autre');
    const other = await server.pairNewRegister('other', 'Caisse X');
    const res = await fetch(`${server.url}/api/stores/${STORE}/stock-differences`, { headers: { Authorization: `Bearer ${other.token}` } });
    expect(res.status).toBe(403);
    const bad = await fetch(`${server.url}/api/stores/${STORE}/stock-differences?platform=amazon`, { headers: { Authorization: server.adminAuth } });
    expect(bad.status).toBe(400);
    const none = await fetch(`${server.url}/api/stores/other/stock-differences`, { headers: { Authorization: server.adminAuth } });
    expect(none.status).toBe(409);
  });
});
