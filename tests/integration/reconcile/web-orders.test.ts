/**
 * Web orders vs the platforms (issue 7): for a date range, an order only on the platform is listed
 * missing and repaired by a re-import (one document); an order shipped here whose push is dead is
 * listed and repaired by a re-push (the platform receives it once); an order cancelled on the
 * platform but open here is listed and re-imported; a second repair changes nothing more.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebOrderDoc } from '../../../src/domain/documents.ts';
import type { WebOrderDifference } from '../../../src/domain/web-order-compare.ts';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy.ts';
import { startMockPlatform, type MockPlatform } from '../../support/mock-platforms/index.ts';
import { startServer, type Pairing, type RunningServer } from '../../support/server.ts';
import { adminPut, FAST_OUTBOUND_ENV, linkPlatforms, outboundJobs, prepare, productDoc, proxiedLink, registerPut, waitFor, webOrderDoc, woEvent, writes } from '../outbound/helpers.ts';

const STORE = 'recon';
let server: RunningServer;
let reg: Pairing;
let other: Pairing;
let woo: MockPlatform;
let proxy: FaultProxy;
let from: string;
let to: string;

interface Report {
  checked: number;
  platforms: string[];
  differences: WebOrderDifference[];
  errors: unknown[];
  actions?: Array<{ kind: string; platformOrderId: string; action: string; jobs?: string[]; detail?: string }>;
}

const docId = (id: string) => `weborder:woocommerce:${woo.shop}:${id}`;

async function differences(auth = `Bearer ${reg.token}`): Promise<Report> {
  const res = await fetch(`${server.url}/api/stores/${STORE}/web-order-differences?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, { headers: { Authorization: auth } });
  expect(res.status).toBe(200);
  return (await res.json()) as Report;
}

async function repair(): Promise<Report> {
  const res = await fetch(`${server.url}/api/stores/${STORE}/web-order-differences/repair`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${reg.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ from, to }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Report;
}

async function orderDocs(): Promise<Array<WebOrderDoc & { _rev: string }>> {
  const res = await server.adminFetch(`/db/store-${STORE}/_all_docs?include_docs=true&startkey=%22weborder%3A%22&endkey=%22weborder%3A%EF%BF%B0%22`);
  return ((await res.json()) as { rows: Array<{ doc: WebOrderDoc & { _rev: string } }> }).rows.map((r) => r.doc);
}

const about = (r: Report, id: string) => r.differences.filter((d) => d.platformOrderId === id);

beforeAll(async () => {
  woo = await startMockPlatform('woocommerce');
  proxy = await startFaultProxy(woo.url);
  woo.addProduct({ sku: 'EPI-0001', name: "Confiture d'abricot 370 g", price: '4.20', stock: 50 });
  server = await startServer({ env: { ...FAST_OUTBOUND_ENV, POLL_INTERVAL_MS: '0' } });
  await server.createStore(STORE, 'Reconcile');
  await server.createStore('recon-other', 'Other');
  await adminPut(server, STORE, productDoc('EPI-0001', "Confiture d'abricot 370 g", 420));
  await linkPlatforms(server, STORE, [['woocommerce', proxiedLink(woo, proxy)]]);
  reg = await server.pairNewRegister(STORE);
  other = await server.pairNewRegister('recon-other');
  from = new Date(Date.now() - 60_000).toISOString();
  to = new Date(Date.now() + 3600_000).toISOString();
});

afterAll(async () => {
  await server?.stop();
  await woo?.close();
  await proxy?.close();
});

describe('web orders vs the platform', () => {
  it('guards the routes like the import: the store’s registers and the admin only, a valid range', async () => {
    const q = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
    expect((await fetch(`${server.url}/api/stores/${STORE}/web-order-differences?${q}`)).status).toBe(401);
    expect((await fetch(`${server.url}/api/stores/${STORE}/web-order-differences?${q}`, { headers: { Authorization: `Bearer ${other.token}` } })).status).toBe(403);
    expect((await fetch(`${server.url}/api/stores/${STORE}/web-order-differences/repair`, { method: 'POST', headers: { Authorization: `Bearer ${other.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ from, to }) })).status).toBe(403);
    expect((await fetch(`${server.url}/api/stores/${STORE}/web-order-differences?from=yesterday&to=${encodeURIComponent(to)}`, { headers: { Authorization: `Bearer ${reg.token}` } })).status).toBe(400);
    expect((await fetch(`${server.url}/api/stores/${STORE}/web-order-differences?from=${encodeURIComponent(to)}&to=${encodeURIComponent(from)}`, { headers: { Authorization: `Bearer ${reg.token}` } })).status).toBe(400);
    expect((await fetch(`${server.url}/api/stores/nowhere/web-order-differences?${q}`, { headers: { Authorization: server.adminAuth } })).status).toBe(404);
    // A store without a platform link cannot be compared.
    expect((await fetch(`${server.url}/api/stores/recon-other/web-order-differences?${q}`, { headers: { Authorization: `Bearer ${other.token}` } })).status).toBe(409);
    const empty = await differences(server.adminAuth);
    expect(empty).toMatchObject({ checked: 0, platforms: ['woocommerce'], differences: [], errors: [] });
  });

  it('an order only on the platform is listed missing, then re-imported once', async () => {
    const id = String(woo.createOrder({ lines: [{ sku: 'EPI-0001', quantity: 1, price: '4.20' }] }).id);
    const listed = await differences();
    expect(about(listed, id)).toEqual([expect.objectContaining({ kind: 'missing', platform: 'woocommerce', platformOrderId: id, there: 'new', repair: 're-import' })]);

    const repaired = await repair();
    expect(repaired.actions).toEqual([expect.objectContaining({ kind: 'missing', platformOrderId: id, action: 're-imported' })]);
    expect((await orderDocs()).filter((d) => d.platformOrderId === id).map((d) => d._id)).toEqual([docId(id)]);
    expect(about(await differences(), id)).toEqual([]);
  });

  it('an order shipped here whose push is dead is listed, then re-pushed: the platform receives it once', async () => {
    const id = String(woo.createOrder({ lines: [{ sku: 'EPI-0001', quantity: 1, price: '4.20' }] }).id);
    expect((await repair()).actions).toEqual([expect.objectContaining({ platformOrderId: id, action: 're-imported' })]);

    // The platform refuses every change of this order: the shipped push is dead-lettered at once.
    proxy.fault = (r) => (r.method !== 'GET' && new RegExp(`/orders/${id}(/|$)`).test(r.path) ? 400 : null);
    await prepare(reg, docId(id));
    const shipped = woEvent(reg.registerId, docId(id), 'shipped', { carrier: 'Colissimo', number: '6A00000000001' });
    await registerPut(reg, shipped);
    const key = String(shipped._id).slice('woevent:'.length);
    const dead = await waitFor('dead shipped push', async () => (await outboundJobs(server, STORE)).jobs.find((j) => j.channel === 'platform' && j.id.endsWith(`:${key}`) && j.state === 'dead'));
    expect(writes(woo).filter((r) => new RegExp(`/orders/${id}(/|$)`).test(r.path))).toEqual([]);
    proxy.fault = null;

    const listed = await differences();
    expect(about(listed, id)).toEqual([expect.objectContaining({ kind: 'state', reason: 'not_pushed', docId: docId(id), here: 'shipped', there: 'new', repair: 're-push' })]);

    const repaired = await repair();
    expect(repaired.actions).toEqual([expect.objectContaining({ kind: 'state', platformOrderId: id, action: 're-pushed', jobs: [dead.id] })]);
    await waitFor('re-push done', async () => (await outboundJobs(server, STORE)).jobs.find((j) => j.id === dead.id && j.state === 'done'));
    const completed = writes(woo).filter((r) => r.method === 'PUT' && r.path.endsWith(`/orders/${id}`));
    expect(completed).toHaveLength(1);
    expect(completed[0]!.body).toMatchObject({ status: 'completed' });
    expect(woo.statusOf(id)).toBe('completed');
    expect(about(await differences(), id)).toEqual([]);
  });

  it('an order cancelled on the platform but open here is listed, then re-imported', async () => {
    const id = String(woo.createOrder({ lines: [{ sku: 'EPI-0001', quantity: 2, price: '4.20' }] }).id);
    await repair();
    woo.cancel(id); // no webhook reaches the server, and the safety-net poll is off

    const listed = await differences();
    expect(about(listed, id)).toEqual([expect.objectContaining({ kind: 'state', reason: 'changed_there', docId: docId(id), here: 'new', there: 'cancelled', repair: 're-import' })]);
    const repaired = await repair();
    expect(repaired.actions).toEqual([expect.objectContaining({ kind: 'state', platformOrderId: id, action: 're-imported' })]);
    expect((await orderDocs()).find((d) => d._id === docId(id))?.status).toBe('cancelled');
    expect(about(await differences(), id)).toEqual([]);
  });

  it('running the repair again changes nothing more', async () => {
    const before = await orderDocs();
    const sent = writes(woo).length;
    const jobs = (await outboundJobs(server, STORE)).jobs.map((j) => `${j.id}:${j.state}:${j.attempts}`).sort();
    const again = await repair();
    expect(again.differences).toEqual([]);
    expect(again.actions).toEqual([]);
    expect(again.checked).toBe(3);
    const after = await orderDocs();
    expect(after.map((d) => `${d._id}@${d._rev}`)).toEqual(before.map((d) => `${d._id}@${d._rev}`));
    await new Promise((r) => setTimeout(r, 500));
    expect(writes(woo).length).toBe(sent);
    expect((await outboundJobs(server, STORE)).jobs.map((j) => `${j.id}:${j.state}:${j.attempts}`).sort()).toEqual(jobs);
  });

  it('two documents for one platform order (another shop id) are listed as a duplicate and left to staff', async () => {
    const [first] = await orderDocs();
    const copy: Record<string, unknown> = { ...webOrderDoc('woocommerce', 'old-shop.example', first!.platformOrderId), status: 'new' };
    await adminPut(server, STORE, copy);
    const listed = await differences();
    expect(listed.differences).toEqual([
      expect.objectContaining({ kind: 'duplicate', platformOrderId: first!.platformOrderId, docIds: [first!._id, String(copy._id)].sort(), repair: 'none' }),
    ]);
    const repaired = await repair();
    expect(repaired.actions).toEqual([expect.objectContaining({ kind: 'duplicate', action: 'skipped' })]);
    expect((await orderDocs()).length).toBe(4);
  });
});
