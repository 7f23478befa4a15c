/**
 * A platform that answers 500: the push is retried with growing delays, then dead-lettered; staff
 * see it (GET /api/stores/:storeId/outbound, from the register too) with the last error, and a
 * retry (POST …/:id/retry) sends it once the platform is back. A permanent refusal (4xx) is
 * dead-lettered at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy.ts';
import { startMockPlatform, type MockPlatform } from '../../support/mock-platforms/index.ts';
import { startServer, type Pairing, type RunningServer } from '../../support/server.ts';
import { adminPut, FAST_OUTBOUND_ENV, linkPlatforms, outboundJobs, productDoc, proxiedLink, registerPut, stockCount, waitFor, webOrderDoc, woEvent, writes } from './helpers.ts';

const STORE = 'failing';
let server: RunningServer;
let reg: Pairing;
let woo: MockPlatform;
let proxy: FaultProxy;

beforeAll(async () => {
  woo = await startMockPlatform('woocommerce');
  proxy = await startFaultProxy(woo.url);
  woo.addProduct({ sku: 'EPI-0001', name: "Confiture d'abricot 370 g", price: '2.50', stock: 3 });
  server = await startServer({ env: { ...FAST_OUTBOUND_ENV, OUTBOUND_MAX_ATTEMPTS: '4', OUTBOUND_BACKOFF_BASE_MS: '300', OUTBOUND_BACKOFF_MAX_MS: '5000' } });
  await server.createStore(STORE, 'Failing');
  await linkPlatforms(server, STORE, [['woocommerce', proxiedLink(woo, proxy)]]);
  reg = await server.pairNewRegister(STORE);
  await adminPut(server, STORE, productDoc('EPI-0001', "Confiture d'abricot 370 g"));
});

afterAll(async () => {
  await server?.stop();
  await woo?.close();
  await proxy?.close();
});

describe('a failing platform', () => {
  it('retries with exponential backoff, dead-letters, shows it to staff, and a retry sends it once', async () => {
    proxy.fault = (r) => (r.method === 'PUT' && r.path.includes('/products/') ? 500 : null);
    await registerPut(reg, stockCount(reg.registerId, 'EPI-0001', 12));

    const jobId = 'outbound:woocommerce:stock_level:EPI-0001';
    const dead = await waitFor('dead letter', async () => {
      const res = await outboundJobs(server, STORE, `Bearer ${reg.token}`); // staff at the register
      return res.jobs.find((j) => j.id === jobId && j.state === 'dead');
    });
    expect(dead.attempts).toBe(4);
    expect(dead.lastError).toMatch(/HTTP 500/);
    expect(dead.history.filter((h) => h.outcome === 'error')).toHaveLength(4);

    const tries = proxy.log.filter((r) => r.method === 'PUT' && r.path.includes('/products/'));
    expect(tries).toHaveLength(4);
    expect(tries.every((t) => t.outcome === 500)).toBe(true);
    const gaps = tries.slice(1).map((t, i) => t.at - tries[i]!.at);
    // Equal jitter: the n-th wait is between half and all of 300·2^(n−1) ms (plus polling).
    expect(gaps[0]).toBeGreaterThanOrEqual(150);
    expect(gaps[1]).toBeGreaterThanOrEqual(300);
    expect(gaps[2]).toBeGreaterThanOrEqual(600);
    // Every attempt carried the same idempotency key.
    expect(new Set(tries.map((t) => t.headers['idempotency-key'])).size).toBe(1);

    const listed = await outboundJobs(server, STORE);
    expect(listed.counts.dead).toBe(1);
    expect(listed.jobs[0]!.id).toBe(jobId); // dead letters first

    // Nothing happens by itself any more.
    const before = proxy.log.length;
    await new Promise((r) => setTimeout(r, 1500));
    expect(proxy.log.length).toBe(before);

    proxy.fault = null;
    const retry = await fetch(`${server.url}/api/stores/${STORE}/outbound/${encodeURIComponent(jobId)}/retry`, { method: 'POST', headers: { Authorization: `Bearer ${reg.token}` } });
    expect(retry.status).toBe(200);
    expect(((await retry.json()) as { job: { state: string } }).job.state).toBe('pending');
    await waitFor('done after retry', async () => (await outboundJobs(server, STORE)).jobs.find((j) => j.id === jobId && j.state === 'done'));
    const applied = writes(woo).filter((r) => r.method === 'PUT' && r.path.includes('/products/'));
    expect(applied).toHaveLength(1);
    expect(applied[0]!.body).toEqual({ manage_stock: true, stock_quantity: 12 });

    // Retrying a job that is not dead is refused; unknown ids are 404; other stores' registers 403.
    const again = await fetch(`${server.url}/api/stores/${STORE}/outbound/${encodeURIComponent(jobId)}/retry`, { method: 'POST', headers: { Authorization: server.adminAuth } });
    expect(again.status).toBe(409);
    const unknown = await fetch(`${server.url}/api/stores/${STORE}/outbound/${encodeURIComponent('outbound:shopify:fulfilment:nope')}/retry`, { method: 'POST', headers: { Authorization: server.adminAuth } });
    expect(unknown.status).toBe(404);
    await server.createStore('other-store', 'Other');
    const stranger = await server.pairNewRegister('other-store');
    const forbidden = await fetch(`${server.url}/api/stores/${STORE}/outbound`, { headers: { Authorization: `Bearer ${stranger.token}` } });
    expect(forbidden.status).toBe(403);
    expect((await fetch(`${server.url}/api/stores/${STORE}/outbound`)).status).toBe(401);
  });

  it('dead-letters a permanent refusal (4xx) at once', async () => {
    proxy.fault = (r) => (r.method === 'PUT' && /\/orders\/\d+$/.test(r.path) ? 422 : null);
    const order = woo.createOrder({ lines: [{ sku: 'EPI-0001', quantity: 1, price: '2.50' }] });
    const doc = webOrderDoc('woocommerce', woo.shop, String(order.id));
    await adminPut(server, STORE, doc);
    const ev = woEvent(reg.registerId, String(doc._id), 'cancelled');
    await registerPut(reg, ev);
    const jobId = `outbound:woocommerce:cancellation:${String(ev._id).slice('woevent:'.length)}`;
    const dead = await waitFor('dead at once', async () => (await outboundJobs(server, STORE)).jobs.find((j) => j.id === jobId && j.state === 'dead'));
    expect(dead.attempts).toBe(1);
    expect(dead.lastError).toMatch(/HTTP 422/);
    proxy.fault = null;
  });
});
