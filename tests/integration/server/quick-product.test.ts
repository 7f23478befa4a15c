/**
 * Registers may CREATE products (a manager's quick product for an unknown barcode) but never change or
 * delete one: the catalogue stays the server's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Pairing, type RunningServer } from '../../support/server.ts';
import { json } from './helpers.ts';

let server: RunningServer;
let reg: Pairing;
let other: Pairing;

const product = (sku: string, extra: Record<string, unknown> = {}) => ({
  _id: `product:${sku}`, type: 'product', sku, name: 'Confiture maison', barcodes: ['3760000000017'], price: 650, priceIncludesTax: true,
  vatRate: 550, currency: 'EUR', category: 'Création rapide', stockTracked: false, updatedAt: '2026-03-01T09:00:00.000Z', ...extra,
});

async function req(method: string, path: string, token: string | null, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { Authorization: token === null ? server.adminAuth : `Bearer ${token}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return fetch(`${server.url}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

beforeAll(async () => {
  server = await startServer();
  await server.createStore('qp', 'Quick');
  reg = await server.pairNewRegister('qp', 'Caisse 1');
  other = await server.pairNewRegister('qp', 'Caisse 2');
});

afterAll(async () => {
  await server?.stop();
});

describe('quick products', () => {
  it('lets a register create a product, which the other registers can read', async () => {
    const created = await req('PUT', '/db/store-qp/product%3AQP-3760000000017', reg.token, product('QP-3760000000017'));
    expect(created.status).toBe(201);
    const read = await req('GET', '/db/store-qp/product%3AQP-3760000000017', other.token);
    expect(read.status).toBe(200);
    expect(await json(read)).toMatchObject({ sku: 'QP-3760000000017', price: 650 });
  });

  it('refuses a change or a deletion of an existing product, and an invalid product', async () => {
    const created = await req('PUT', '/db/store-qp/product%3AJAM-2', reg.token, product('JAM-2', { barcodes: ['JAM-2'] }));
    expect(created.status).toBe(201);
    const { rev } = (await created.json()) as { rev: string };

    const changed = await req('PUT', '/db/store-qp/product%3AJAM-2', other.token, { ...product('JAM-2', { barcodes: ['JAM-2'] }), _rev: rev, price: 1 });
    expect(changed.status).toBe(403);
    const bulk = await req('POST', '/db/store-qp/_bulk_docs', reg.token, { docs: [{ ...product('JAM-2', { barcodes: ['JAM-2'] }), _rev: rev, _deleted: true }] });
    expect(((await bulk.json()) as Array<Record<string, unknown>>)[0]).toMatchObject({ id: 'product:JAM-2', error: 'forbidden' });
    expect(await json(await req('GET', '/db/store-qp/product%3AJAM-2', null))).toMatchObject({ price: 650, _rev: rev });

    const invalid = await req('PUT', '/db/store-qp/product%3ABAD', reg.token, product('BAD', { barcodes: ['3760000000018'] }));
    expect(invalid.status).toBe(403);
  });

  it('treats a replicated copy of a revision the server already has as a no-op', async () => {
    const doc = product('JAM-3', { barcodes: ['JAM-3'] });
    const created = await req('PUT', '/db/store-qp/product%3AJAM-3', reg.token, doc);
    const { rev } = (await created.json()) as { rev: string };
    const replay = await req('POST', '/db/store-qp/_bulk_docs', reg.token, {
      docs: [{ ...doc, _rev: rev, _revisions: { start: 1, ids: [rev.split('-')[1]] } }],
      new_edits: false,
    });
    expect(await replay.json()).toEqual([]);
  });

  it('lets a register change a product signed by an active manager of the store (issue 7), never a cashier', async () => {
    const staff = (id: string, role: string) => ({ _id: id, type: 'staff', name: id, role, active: true, updatedAt: '2026-01-01T00:00:00.000Z',
      pin: { algorithm: 'PBKDF2-SHA256', iterations: 100000, salt: 'c2FsdA==', hash: 'aGFzaA==' } });
    for (const s of [staff('staff:MGR', 'manager'), staff('staff:CSH', 'cashier')]) {
      expect((await req('PUT', `/db/store-qp/${encodeURIComponent(s._id)}`, null, s)).status).toBe(201);
    }
    const created = await req('PUT', '/db/store-qp/product%3AJAM-4', reg.token, product('JAM-4', { barcodes: ['JAM-4'] }));
    const { rev } = (await created.json()) as { rev: string };
    const byCashier = await req('PUT', '/db/store-qp/product%3AJAM-4', other.token, { ...product('JAM-4', { barcodes: ['JAM-4'] }), _rev: rev, price: 700, updatedBy: 'staff:CSH' });
    expect(byCashier.status).toBe(403);
    const byManager = await req('PUT', '/db/store-qp/product%3AJAM-4', other.token, { ...product('JAM-4', { barcodes: ['JAM-4'] }), _rev: rev, price: 700, updatedBy: 'staff:MGR' });
    expect(byManager.status).toBe(201);
    const newSku = await req('PUT', '/db/store-qp/product%3AJAM-4', other.token, { ...product('JAM-5', { barcodes: ['JAM-5'] }), _id: 'product:JAM-4', _rev: (await byManager.json() as { rev: string }).rev, updatedBy: 'staff:MGR' });
    expect(newSku.status).toBe(403);
    expect(await json(await req('GET', '/db/store-qp/product%3AJAM-4', null))).toMatchObject({ price: 700, updatedBy: 'staff:MGR' });
  });
});
