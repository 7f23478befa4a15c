/**
 * The server killed (SIGKILL) while pushes are in flight — the platforms applied them, the server
 * never heard back — then restarted: every job ends done, and each mock's log shows each
 * idempotency key once (no push sent twice), with every expected change present (none lost).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy.ts';
import { startMockPlatform, type MockPlatform } from '../../support/mock-platforms/index.ts';
import { startServer, type Pairing, type RunningServer } from '../../support/server.ts';
import { adminPut, FAST_OUTBOUND_ENV, linkPlatforms, outboundJobs, prepare, productDoc, proxiedLink, registerPut, sleep, stockCount, waitFor, webOrderDoc, woEvent, writes } from './helpers.ts';

const STORE = 'crashy';
const KINDS = ['shopify', 'woocommerce', 'bigcommerce'] as const;
let server: RunningServer;
let reg: Pairing;
const mocks = {} as Record<(typeof KINDS)[number], MockPlatform>;
const proxies = {} as Record<(typeof KINDS)[number], FaultProxy>;

beforeAll(async () => {
  for (const kind of KINDS) {
    mocks[kind] = await startMockPlatform(kind);
    proxies[kind] = await startFaultProxy(mocks[kind].url);
    for (const sku of ['EPI-0001', 'EPI-0002', 'EPI-0003']) mocks[kind].addProduct({ sku, name: sku, price: '2.50', stock: 1 });
  }
  server = await startServer({ env: { ...FAST_OUTBOUND_ENV, OUTBOUND_LEASE_MS: '5000', OUTBOUND_PUSH_TIMEOUT_MS: '4500' } });
  await server.createStore(STORE, 'Crashy');
  await linkPlatforms(server, STORE, KINDS.map((k) => [k, proxiedLink(mocks[k], proxies[k])]));
  reg = await server.pairNewRegister(STORE);
  for (const sku of ['EPI-0001', 'EPI-0002', 'EPI-0003']) await adminPut(server, STORE, productDoc(sku, sku));
});

afterAll(async () => {
  await server?.stop();
  for (const k of KINDS) {
    await mocks[k]?.close();
    await proxies[k]?.close();
  }
});

describe('killed mid-queue', () => {
  it('sends no push twice and loses none', async () => {
    // The platforms apply every write at once but answer only 8 s later: a kill now leaves the
    // outcome of those pushes unknown to the server.
    for (const k of KINDS) {
      proxies[k].holdMs = 8000;
      proxies[k].holdIf = (r) => r.method !== 'GET';
    }
    const levels: Record<string, number> = { 'EPI-0001': 11, 'EPI-0002': 22, 'EPI-0003': 33 };
    for (const [sku, qty] of Object.entries(levels)) await registerPut(reg, stockCount(reg.registerId, sku, qty));
    const tracking = { carrier: 'Chronopost', number: 'XY123456789FR' };
    const orderIds: Record<string, string> = {};
    for (const k of KINDS) {
      const o = mocks[k].createOrder({ lines: [{ sku: 'EPI-0001', quantity: 1, price: '2.50' }] });
      orderIds[k] = String(o.id);
      const doc = webOrderDoc(k, mocks[k].shop, String(o.id), { quantity: 0 + 1 });
      await adminPut(server, STORE, doc);
      await prepare(reg, String(doc._id));
      await registerPut(reg, woEvent(reg.registerId, String(doc._id), 'shipped', tracking));
    }

    const forwardedWrites = () => KINDS.reduce((n, k) => n + proxies[k].log.filter((r) => r.method !== 'GET' && r.outcome === 'forwarded').length, 0);
    await waitFor('writes in flight', () => forwardedWrites() >= 6, 15_000);
    await sleep(300);
    const inFlight = KINDS.reduce((n, k) => n + proxies[k].inFlight(), 0);
    await server.kill('SIGKILL');
    console.log(`[outbound] killed with ${inFlight} pushes in flight (applied by the platforms, unanswered)`);
    expect(inFlight).toBeGreaterThan(0);

    for (const k of KINDS) proxies[k].holdMs = 0;
    const t0 = Date.now();
    await server.restart();
    const final = await waitFor(
      'every job done after the restart',
      async () => {
        const r = await outboundJobs(server, STORE);
        const platform = r.jobs.filter((j) => j.channel === 'platform');
        return platform.length === 12 && platform.every((j) => j.state === 'done') ? platform : null;
      },
      40_000,
    );
    console.log(`[outbound] all 12 jobs done ${Date.now() - t0} ms after the restart; resumed jobs: ${final.filter((j) => j.attempts > 1).length}`);
    expect(final.some((j) => j.attempts > 1)).toBe(true);

    for (const k of KINDS) {
      const keys = writes(mocks[k]).map((r) => `${r.method} ${r.path} ${r.headers['idempotency-key']}`);
      const byKey = new Map<string, number>();
      for (const key of writes(mocks[k]).map((r) => r.headers['idempotency-key'] ?? '(none)')) byKey.set(key, (byKey.get(key) ?? 0) + 1);
      expect([...byKey.entries()].filter(([, n]) => n > 1), `${k} sent twice:\n${keys.join('\n')}`).toEqual([]);
      expect(byKey.has('(none)')).toBe(false);
    }

    // None lost: the platforms show every level (EPI-0001: the 3 web orders shipped 1 unit each)
    // and every fulfilment.
    for (const [sku, qty] of Object.entries(levels)) {
      const sp = [...mocks.shopify.products.values()].find((p) => (p.variants as Array<Record<string, unknown>>)[0]!.sku === sku)!;
      const item = (sp.variants as Array<Record<string, unknown>>)[0]!.inventory_item_id;
      const set = writes(mocks.shopify).filter((r) => r.path.endsWith('/inventory_levels/set.json') && (r.body as { inventory_item_id: unknown }).inventory_item_id === item);
      expect(set.at(-1)?.body).toMatchObject({ available: sku === 'EPI-0001' ? qty - 3 : qty });
      const wp = [...mocks.woocommerce.products.values()].find((p) => p.sku === sku)!;
      expect(wp.stock_quantity).toBe(sku === 'EPI-0001' ? qty - 3 : qty);
      const bp = [...mocks.bigcommerce.products.values()].find((p) => p.sku === sku)!;
      expect(bp.inventory_level).toBe(sku === 'EPI-0001' ? qty - 3 : qty);
    }
    expect(writes(mocks.shopify).filter((r) => r.path.endsWith('/fulfillments.json'))).toHaveLength(1);
    expect(mocks.shopify.orders.get(orderIds.shopify!)!.fulfillment_status).toBe('fulfilled');
    expect(mocks.woocommerce.orders.get(orderIds.woocommerce!)!.status).toBe('completed');
    expect(writes(mocks.woocommerce).filter((r) => r.path.endsWith(`/orders/${orderIds.woocommerce!}/notes`))).toHaveLength(1);
    expect(writes(mocks.bigcommerce).filter((r) => r.path.endsWith(`/orders/${orderIds.bigcommerce!}/shipments`))).toHaveLength(1);
    expect(mocks.bigcommerce.orders.get(orderIds.bigcommerce!)!.status_id).toBe(2);
  });
});
