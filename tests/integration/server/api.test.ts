/**
 * The sync server over real HTTP: health, authentication, per-store authorisation, the embedded
 * engine's dangerous routes, register write validation, pairing, and replication with PouchDB.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Pairing, type RunningServer } from '../../support/server.ts';
import { clientPouch, customerDoc, json, remoteDb, saleDoc } from './helpers.ts';

let server: RunningServer;
let regA: Pairing; // store "alpha"
let regA2: Pairing; // second register of store "alpha"
let regB: Pairing; // store "beta"
const client = clientPouch();

const bearer = (p: Pairing) => ({ Authorization: `Bearer ${p.token}` });
const jsonHeaders = { 'Content-Type': 'application/json' };

async function dbReq(method: string, path: string, auth: Record<string, string>, body?: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method,
    headers: { ...auth, ...(body === undefined ? {} : jsonHeaders) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}
const admin = () => ({ Authorization: server.adminAuth });

async function expectHealthy(): Promise<void> {
  const res = await fetch(`${server.url}/healthz`);
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  server = await startServer({ env: { LONGPOLL_MAX_MS: '1500', CORS_ORIGINS: 'http://pos.example:5173' } });
  await server.createStore('alpha', 'Alpha');
  await server.createStore('beta', 'Beta');
  regA = await server.pairNewRegister('alpha', 'Caisse A');
  regA2 = await server.pairNewRegister('alpha', 'Caisse A2');
  regB = await server.pairNewRegister('beta', 'Caisse B');
});

afterAll(async () => {
  await server?.stop();
  client.cleanup();
});

describe('health', () => {
  it('answers JSON with status, version, uptime, backend and store count', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = await json(res);
    expect(body).toMatchObject({ status: 'ok', backend: 'embedded', stores: 2 });
    expect(typeof body.version).toBe('string');
    expect(typeof body.uptimeSeconds).toBe('number');
  });
});

describe('authentication and authorisation', () => {
  it('refuses requests without credentials with 401 JSON', async () => {
    const res = await fetch(`${server.url}/db/store-alpha`);
    expect(res.status).toBe(401);
    expect(await json(res)).toMatchObject({ error: 'unauthorized' });
    expect((await fetch(`${server.url}/api/admin/stores`)).status).toBe(401);
  });

  it('refuses a wrong token and a wrong admin password with 401', async () => {
    const wrong = await dbReq('GET', '/db/store-alpha', { Authorization: `Bearer ${'x'.repeat(43)}` });
    expect(wrong.status).toBe(401);
    expect(await json(wrong)).toMatchObject({ error: 'unauthorized' });
    const badAdmin = await dbReq('GET', '/db/store-alpha', { Authorization: `Basic ${Buffer.from('admin:nope-nope').toString('base64')}` });
    expect(badAdmin.status).toBe(401);
  });

  it('gives a register of store B 403 on store A', async () => {
    for (const path of ['/db/store-alpha', '/db/store-alpha/_changes', '/db/store-alpha/_all_docs']) {
      const res = await dbReq('GET', path, bearer(regB));
      expect(res.status, path).toBe(403);
      expect(await json(res)).toMatchObject({ error: 'forbidden' });
    }
    const write = await dbReq('POST', '/db/store-alpha/_bulk_docs', bearer(regB), { docs: [customerDoc('B01')] });
    expect(write.status).toBe(403);
    expect((await dbReq('GET', '/db/store-beta', bearer(regB))).status).toBe(200);
  });

  it('refuses admin routes to registers', async () => {
    expect((await dbReq('GET', '/api/admin/stores', bearer(regA))).status).toBe(401);
  });

  it('answers CORS preflights for configured origins only', async () => {
    const ok = await fetch(`${server.url}/db/store-alpha/_changes`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://pos.example:5173', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
    });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://pos.example:5173');
    expect(ok.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    const other = await fetch(`${server.url}/db/store-alpha`, { headers: { Origin: 'http://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('replication', () => {
  it('pushes and pulls with the store database (Bearer via fetch, skip_setup)', async () => {
    const local = new client.Pouch('replica-a');
    await local.bulkDocs([saleDoc('alpha', regA.registerId, 1), saleDoc('alpha', regA.registerId, 2), customerDoc('A01')] as never[]);
    // A server-written document to pull.
    const product = { _id: 'product:TST-1', type: 'product', sku: 'TST-1', name: 'Test', barcodes: [], price: 100, priceIncludesTax: true, vatRate: 550, currency: 'EUR', category: 'épicerie', stockTracked: false, updatedAt: '2026-01-05T10:00:00.000Z' };
    expect((await dbReq('PUT', '/db/store-alpha/product%3ATST-1', admin(), product)).status).toBe(201);

    const remote = remoteDb(regA);
    const push = await local.replicate.to(remote);
    expect(push.ok).toBe(true);
    expect(push.docs_written).toBe(3);
    expect(push.doc_write_failures).toBe(0);
    const pull = await local.replicate.from(remote);
    expect(pull.ok).toBe(true);
    const pulled = await local.get('product:TST-1');
    expect(pulled).toMatchObject({ name: 'Test' });
    // The server holds the sales.
    const onServer = await dbReq('GET', `/db/store-alpha/${encodeURIComponent(`sale:${regA.registerId}:00000001`)}`, admin());
    expect(onServer.status).toBe(200);
    await local.close();
  });

  it('reports a modified sale as denied and keeps the original on the server', async () => {
    const local = new client.Pouch('replica-a2');
    const id = `sale:${regA2.registerId}:00000001`;
    await local.put(saleDoc('alpha', regA2.registerId, 1) as never);
    const remote = remoteDb(regA2);
    expect((await local.replicate.to(remote)).docs_written).toBe(1);
    const doc = (await local.get(id)) as Record<string, unknown>;
    await local.put({ ...doc, cashier: 'Someone else' } as never);
    const denied: unknown[] = [];
    const second = await local.replicate.to(remote).on('denied', (e) => denied.push(e));
    expect(second.doc_write_failures).toBe(1);
    expect(denied.length).toBe(1);
    const stored = await json(await dbReq('GET', `/db/store-alpha/${encodeURIComponent(id)}?revs_info=true`, admin()));
    expect(stored.cashier).toBe('Marie');
    expect(String(stored._rev)).toMatch(/^1-/);
    await local.close();
  });

  it('caps idle long polls and answers them like CouchDB', async () => {
    const info = await json(await dbReq('GET', '/db/store-beta', bearer(regB)));
    const t0 = Date.now();
    const res = await dbReq('GET', `/db/store-beta/_changes?feed=longpoll&since=${String(info.update_seq)}&heartbeat=10000`, bearer(regB));
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.results).toEqual([]);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1000);
    expect(Date.now() - t0).toBeLessThan(5000);
    // A change during the poll ends it with that change.
    const poll = dbReq('GET', `/db/store-beta/_changes?feed=longpoll&since=${String(info.update_seq)}`, bearer(regB));
    await new Promise((r) => setTimeout(r, 200));
    await dbReq('PUT', `/db/store-beta/${encodeURIComponent('customer:01KDZ2CN80QD9MK2F0M5ZNQLP1')}`, bearer(regB), customerDoc('LP1'));
    const changed = await json(await poll);
    expect((changed.results as unknown[]).length).toBe(1);
    expect((await dbReq('GET', '/db/store-beta/_changes?feed=continuous', bearer(regB))).status).toBe(400);
  });
});

describe('database creation and dangerous routes', () => {
  it('never creates or deletes databases through /db, and keeps running', async () => {
    expect((await dbReq('PUT', '/db/newdb', {})).status).toBe(401);
    expect((await dbReq('PUT', '/db/newdb', bearer(regA))).status).toBe(403);
    expect((await dbReq('PUT', '/db/newdb', admin())).status).toBe(403);
    expect((await dbReq('PUT', '/db/store-newstore', admin())).status).toBe(403);
    expect((await dbReq('DELETE', '/db/store-alpha', {})).status).toBe(401);
    expect((await dbReq('DELETE', '/db/store-alpha', bearer(regA))).status).toBe(403);
    expect((await dbReq('DELETE', '/db/store-alpha', admin())).status).toBe(403);
    await expectHealthy();
    expect((await dbReq('GET', '/db/store-alpha', admin())).status).toBe(200);
    const all = await json(await dbReq('GET', '/db/_all_dbs', admin()));
    expect(all).toEqual(['store-alpha', 'store-beta']);
  });

  it('refuses _config, _replicate, _all_dbs, _session, _users and _temp_view to registers', async () => {
    for (const [method, path] of [
      ['GET', '/db/_config'],
      ['PUT', '/db/_config/admins/x'],
      ['POST', '/db/_replicate'],
      ['GET', '/db/_all_dbs'],
      ['GET', '/db/_session'],
      ['GET', '/db/_users'],
      ['POST', '/db/store-alpha/_temp_view'],
      ['POST', '/db/store-alpha/_compact'],
    ] as const) {
      const res = await dbReq(method, path, bearer(regA), method === 'GET' ? undefined : { map: 'function(doc){ emit(doc._id) }' });
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    for (const [method, path] of [
      ['GET', '/db/_config'],
      ['POST', '/db/_replicate'],
      ['POST', '/db/store-alpha/_temp_view'],
    ] as const) {
      const res = await dbReq(method, path, admin(), method === 'GET' ? undefined : { map: 'function(doc){ emit(doc._id) }' });
      expect(res.status, `admin ${method} ${path}`).toBe(403);
    }
    await expectHealthy();
  });

  it('refuses design documents from registers, in PUT and inside _bulk_docs', async () => {
    const ddoc = { _id: '_design/evil', filters: { f: 'function(){ throw new Error("boom") }' } };
    expect((await dbReq('PUT', '/db/store-alpha/_design/evil', bearer(regA), ddoc)).status).toBe(403);
    expect((await dbReq('PUT', '/db/store-alpha/_design%2Fevil', bearer(regA), ddoc)).status).toBe(403);
    const bulk = await dbReq('POST', '/db/store-alpha/_bulk_docs', bearer(regA), { docs: [ddoc] });
    expect(bulk.status).toBe(201);
    expect(await bulk.json()).toEqual([expect.objectContaining({ id: '_design/evil', error: 'forbidden' })]);
    expect((await dbReq('GET', '/db/store-alpha/_design/evil', admin())).status).toBe(404);
    expect((await dbReq('GET', '/db/store-alpha/_design/evil/_view/v', bearer(regA))).status).toBe(403);
    expect((await dbReq('DELETE', '/db/store-alpha/_design/evil?rev=1-a', bearer(regA))).status).toBe(403);
  });

  it('refuses ?filter= and ?view= on _changes but allows _doc_ids', async () => {
    for (const q of ['filter=evil/f', 'filter=_view&view=evil/v', 'view=evil/v', 'filter=missing/missing']) {
      const res = await dbReq('GET', `/db/store-alpha/_changes?${q}`, bearer(regA));
      expect(res.status, q).toBe(403);
      const asAdmin = await dbReq('GET', `/db/store-alpha/_changes?${q}`, admin());
      expect(asAdmin.status, `admin ${q}`).toBe(403);
    }
    const byIds = await dbReq('POST', '/db/store-alpha/_changes?filter=_doc_ids', bearer(regA), { doc_ids: [`sale:${regA.registerId}:00000001`] });
    expect(byIds.status).toBe(200);
    expect(((await json(byIds)).results as unknown[]).length).toBe(1);
    expect((await dbReq('GET', '/db/store-alpha/_changes?filter=_doc_ids', bearer(regA))).status).toBe(400);
    await expectHealthy();
  });

  it('answers 413 for bodies over the limit', async () => {
    const big = { docs: [{ ...customerDoc('BIG'), note: 'x'.repeat(9 * 1024 * 1024) }] };
    const res = await dbReq('POST', '/db/store-alpha/_bulk_docs', bearer(regA), big);
    expect(res.status).toBe(413);
    await expectHealthy();
  });
});

describe('register write validation', () => {
  const getAsAdmin = (id: string) => dbReq('GET', `/db/store-alpha/${encodeURIComponent(id)}`, admin());

  it('rejects another register’s sale id, and stores nothing', async () => {
    const other = saleDoc('alpha', regA2.registerId, 99);
    const res = await dbReq('POST', '/db/store-alpha/_bulk_docs', bearer(regA), { docs: [other] });
    expect(res.status).toBe(201);
    const [result] = (await res.json()) as Array<Record<string, unknown>>;
    expect(result).toMatchObject({ id: other._id, error: 'forbidden' });
    expect(String(result!.reason)).toMatch(/its own sales/);
    expect((await getAsAdmin(String(other._id))).status).toBe(404);
    // Same with new_edits=false, as the replicator sends it.
    const rep = await dbReq('POST', '/db/store-alpha/_bulk_docs', bearer(regA), { docs: [{ ...other, _rev: '1-abc', _revisions: { start: 1, ids: ['abc'] } }], new_edits: false });
    expect(await rep.json()).toEqual([expect.objectContaining({ id: other._id, error: 'forbidden' })]);
    expect((await getAsAdmin(String(other._id))).status).toBe(404);
    // And with PUT.
    const put = await dbReq('PUT', `/db/store-alpha/${encodeURIComponent(String(other._id))}`, bearer(regA), other);
    expect(put.status).toBe(403);
    expect(await json(put)).toMatchObject({ error: 'forbidden' });
  });

  it('rejects changes to an existing product from a register (registers may only create products)', async () => {
    const product = { _id: 'product:HACK', type: 'product', sku: 'HACK', name: 'Dear', barcodes: [], price: 900, priceIncludesTax: true, vatRate: 550, currency: 'EUR', category: 'x', stockTracked: false, updatedAt: '2026-01-05T10:00:00.000Z' };
    expect((await dbReq('PUT', '/db/store-alpha/product%3AHACK', admin(), product)).status).toBe(201);
    const res = await dbReq('POST', '/db/store-alpha/_bulk_docs', bearer(regA), { docs: [{ ...product, price: 0, name: 'Free' }, customerDoc('OK1')] });
    const results = (await res.json()) as Array<Record<string, unknown>>;
    expect(results[0]).toMatchObject({ id: 'product:HACK', error: 'forbidden' });
    expect(results[1]).toMatchObject({ ok: true });
    expect(await json(await getAsAdmin('product:HACK'))).toMatchObject({ price: 900, name: 'Dear' });
  });

  it('rejects a modified existing sale (PUT and _bulk_docs), and keeps the original', async () => {
    const sale = saleDoc('alpha', regA.registerId, 10);
    const id = String(sale._id);
    const created = await dbReq('PUT', `/db/store-alpha/${encodeURIComponent(id)}`, bearer(regA), sale);
    expect(created.status).toBe(201);
    const { rev } = (await created.json()) as { rev: string };

    const changed = { ...sale, _rev: rev, cashier: 'Mallory' };
    const put = await dbReq('PUT', `/db/store-alpha/${encodeURIComponent(id)}`, bearer(regA), changed);
    expect(put.status).toBe(403);
    expect(String((await json(put)).reason)).toMatch(/immutable/);
    const bulk = await dbReq('POST', '/db/store-alpha/_bulk_docs', bearer(regA), { docs: [changed] });
    expect(await bulk.json()).toEqual([expect.objectContaining({ id, error: 'forbidden' })]);
    const del = await dbReq('DELETE', `/db/store-alpha/${encodeURIComponent(id)}?rev=${rev}`, bearer(regA));
    expect(del.status).toBe(403);
    const deleted = await dbReq('POST', '/db/store-alpha/_bulk_docs', bearer(regA), { docs: [{ _id: id, _rev: rev, _deleted: true }] });
    expect(await deleted.json()).toEqual([expect.objectContaining({ id, error: 'forbidden' })]);

    // Re-sending the stored revision (a replication retried after a crash) is accepted as a no-op.
    const again = await dbReq('POST', '/db/store-alpha/_bulk_docs', bearer(regA), {
      docs: [{ ...sale, _rev: rev, _revisions: { start: 1, ids: [rev.slice(2)] } }],
      new_edits: false,
    });
    expect(await again.json()).toEqual([]);

    const stored = await json(await getAsAdmin(id));
    expect(stored).toMatchObject({ _rev: rev, cashier: 'Marie' });
  });

  it('rejects documents that fail the shape check with the field in the reason', async () => {
    const bad = { ...saleDoc('alpha', regA.registerId, 11), totals: { net: 1, vat: 1, gross: 999, tendered: 500, change: 0 } };
    const res = await dbReq('POST', '/db/store-alpha/_bulk_docs', bearer(regA), { docs: [bad] });
    const [result] = (await res.json()) as Array<Record<string, unknown>>;
    expect(result).toMatchObject({ error: 'forbidden' });
    expect(String(result!.reason)).toMatch(/totals/);
    const wrongStore = saleDoc('beta', regA.registerId, 12);
    const [r2] = (await (await dbReq('POST', '/db/store-alpha/_bulk_docs', bearer(regA), { docs: [wrongStore] })).json()) as Array<Record<string, unknown>>;
    expect(r2).toMatchObject({ error: 'forbidden' });
  });
});

describe('pairing', () => {
  it('accepts a code once, refuses it the second time, and 404s an unknown code', async () => {
    const { pairingCode, registerId } = await server.createRegister('beta', 'Caisse B2');
    expect(pairingCode).toMatch(/^[A-Z2-9]{8}$/);
    const first = await fetch(`${server.url}/api/pair`, { method: 'POST', headers: jsonHeaders, body: JSON.stringify({ code: `${pairingCode.slice(0, 4)}-${pairingCode.slice(4).toLowerCase()}` }) });
    expect(first.status).toBe(200);
    const pairing = await json(first);
    expect(pairing).toMatchObject({ storeId: 'beta', registerId, registerName: 'Caisse B2', dbName: 'store-beta' });
    expect(String(pairing.token)).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const second = await fetch(`${server.url}/api/pair`, { method: 'POST', headers: jsonHeaders, body: JSON.stringify({ code: pairingCode }) });
    expect(second.status).toBe(400);
    expect(await json(second)).toMatchObject({ error: 'code_used' });

    const unknown = await fetch(`${server.url}/api/pair`, { method: 'POST', headers: jsonHeaders, body: JSON.stringify({ code: 'ZZZZ2222' }) });
    expect(unknown.status).toBe(404);
    expect(await json(unknown)).toMatchObject({ error: 'unknown_code' });
    const malformed = await fetch(`${server.url}/api/pair`, { method: 'POST', headers: jsonHeaders, body: JSON.stringify({ code: 'nope' }) });
    expect(malformed.status).toBe(400);

    // The token works on its store.
    expect((await dbReq('GET', '/db/store-beta', { Authorization: `Bearer ${String(pairing.token)}` })).status).toBe(200);
    const registers = await json(await server.adminFetch('/api/admin/stores/beta/registers'));
    expect(registers.registers).toEqual(expect.arrayContaining([expect.objectContaining({ registerId, paired: true })]));
  });

  it('validates admin API input', async () => {
    expect((await server.adminFetch('/api/admin/stores', { body: { id: 'Bad Id', name: 'x' } })).status).toBe(400);
    expect((await server.adminFetch('/api/admin/stores', { body: { id: 'alpha', name: 'again' } })).status).toBe(409);
    expect((await server.adminFetch('/api/admin/stores/nope/registers', { body: { name: 'x' } })).status).toBe(404);
    const list = await json(await server.adminFetch('/api/admin/stores'));
    expect((list.stores as Array<{ id: string }>).map((s) => s.id).sort()).toEqual(['alpha', 'beta']);
    const settings = await json(await dbReq('GET', '/db/store-alpha/store%3Asettings', admin()));
    expect(settings).toMatchObject({ type: 'store_settings', storeId: 'alpha', name: 'Alpha', currency: 'EUR' });
  });
});
