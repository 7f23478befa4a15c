/**
 * Imports: web orders by date range from a register (job + progress, re-import changes nothing),
 * the periodic safety-net poll recovering a webhook that never came, and catalogue imports (platform
 * products, CSV with per-line errors and nothing half written).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductDoc, StockMovementDoc } from '../../../src/domain/documents.ts';
import { MOCK_PLATFORM_KINDS, startMockPlatform, type MockPlatform } from '../../support/mock-platforms/index.ts';
import { startServer, type Pairing, type RunningServer } from '../../support/server.ts';
import { getDoc, linkedStore, orderDocId, waitFor, waitForOrder, webOrders } from './helpers.ts';

let server: RunningServer;
const mocks = new Map<string, MockPlatform>();
const pairings = new Map<string, Pairing>();
const SECRET = 'import-webhook-secret';

beforeAll(async () => {
  server = await startServer({ env: { POLL_INTERVAL_MS: '0' } });
  for (const kind of MOCK_PLATFORM_KINDS) {
    // Tiny pages, so that the documented paging is exercised.
    const mock = await startMockPlatform(kind, { maxLimit: 2, maxPerPage: 2 });
    mocks.set(kind, mock);
    await linkedStore(server, `im-${kind}`, mock, SECRET);
    pairings.set(kind, await server.pairNewRegister(`im-${kind}`, 'Caisse 1'));
  }
});

afterAll(async () => {
  await server?.stop();
  for (const m of mocks.values()) await m.close();
});

interface Job {
  id: string;
  state: string;
  imported: number;
  unchanged: number;
  total: number;
  errors: unknown[];
}

async function runImport(storeId: string, pairing: Pairing, from: string, to: string): Promise<Job> {
  const start = await fetch(`${server.url}/api/stores/${storeId}/import-web-orders`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${pairing.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ from, to }),
  });
  expect(start.status).toBe(202);
  const { id } = (await start.json()) as Job;
  return waitFor(`import job ${id}`, async () => {
    const res = await fetch(`${server.url}/api/stores/${storeId}/import-jobs/${id}`, { headers: { Authorization: `Bearer ${pairing.token}` } });
    const job = (await res.json()) as Job;
    return job.state !== 'running' ? job : null;
  });
}

describe.each(MOCK_PLATFORM_KINDS)('%s import', (kind) => {
  const storeId = `im-${kind}`;

  it('imports the orders of a date range once; re-importing changes nothing', async () => {
    const m = mocks.get(kind)!;
    const from = new Date(Date.now() - 60_000).toISOString();
    const ids = Array.from({ length: 5 }, (_, i) => String(m.createOrder({ lines: [{ sku: 'EPI-0001', quantity: i + 1, price: '4.20' }] }).id));
    const to = new Date(Date.now() + 3600_000).toISOString();
    const job = await runImport(storeId, pairings.get(kind)!, from, to);
    expect(job).toMatchObject({ state: 'done', imported: 5, unchanged: 0, total: 5, errors: [] });
    const revs = new Map((await webOrders(server, storeId)).map((d) => [d._id, d._rev]));
    for (const id of ids) expect(revs.has(orderDocId(m, id))).toBe(true);

    const again = await runImport(storeId, pairings.get(kind)!, from, to);
    expect(again).toMatchObject({ state: 'done', imported: 0, unchanged: 5, total: 5 });
    const after = await webOrders(server, storeId);
    expect(after.length).toBe(5);
    for (const d of after) expect(d._rev).toBe(revs.get(d._id));

    // An order outside the range is not imported.
    const old = await runImport(storeId, pairings.get(kind)!, '2020-01-01T00:00:00Z', '2020-02-01T00:00:00Z');
    expect(old).toMatchObject({ state: 'done', imported: 0, unchanged: 0, total: 0 });
  });

  it('imports the platform\'s products with their stock, once', async () => {
    const m = mocks.get(kind)!;
    m.addProduct({ sku: `${kind}-P1`, name: 'Savon au lait d\'ânesse', price: '6.50', barcode: '3760000000017', stock: 7 });
    m.addProduct({ sku: `${kind}-P2`, name: 'Bougie', price: '12.00', stock: 2 });
    const first = await server.adminFetch(`/api/admin/stores/${storeId}/import-products`, { body: { platform: kind } });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ created: 2, updated: 0, stockCounts: 2 });
    const p1 = await getDoc<ProductDoc>(server, storeId, `product:${kind}-P1`);
    expect(p1).toMatchObject({ name: 'Savon au lait d\'ânesse', price: 650, barcodes: ['3760000000017'], stockTracked: true });
    const again = await server.adminFetch(`/api/admin/stores/${storeId}/import-products`, { body: { platform: kind } });
    expect(await again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 2, stockCounts: 0 });
  });
});

describe('import API', () => {
  it('refuses a register of another store, and bad ranges', async () => {
    const other = pairings.get('woocommerce')!;
    const res = await fetch(`${server.url}/api/stores/im-shopify/import-web-orders`, {
      method: 'POST', headers: { Authorization: `Bearer ${other.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ from: '2026-01-01', to: '2026-01-02' }),
    });
    expect(res.status).toBe(403);
    const bad = await fetch(`${server.url}/api/stores/im-shopify/import-web-orders`, {
      method: 'POST', headers: { Authorization: `Bearer ${pairings.get('shopify')!.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ from: 'hier', to: '2026-01-02' }),
    });
    expect(bad.status).toBe(400);
    expect((await fetch(`${server.url}/api/stores/im-shopify/import-jobs/nope`)).status).toBe(401);
  });

  it('imports a CSV catalogue with French decimals, and refuses a bad one whole with per-line errors', async () => {
    const csv = (body: string) =>
      fetch(`${server.url}/api/admin/stores/im-shopify/import-csv`, { method: 'POST', headers: { Authorization: server.adminAuth, 'Content-Type': 'text/csv' }, body });
    const good = await csv('CSV-1;Pain d\'épices;5,40;5,5;;9\nCSV-2;Café moulu;7.10;20;4006381333931;\n');
    expect(good.status).toBe(200);
    expect(await good.json()).toMatchObject({ created: 2, stockCounts: 1 });
    expect(await getDoc<ProductDoc>(server, 'im-shopify', 'product:CSV-1')).toMatchObject({ price: 540, vatRate: 550 });

    const bad = await csv('CSV-3;Thé vert;3,20;5,5;;4\nCSV-4;;abc;33;café€;-1\nCSV-3;Doublon;1;20;;\n');
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { errors: Array<{ line: number; reason: string }> };
    expect(body.errors.map((e) => e.line)).toEqual([2, 3]);
    expect(body.errors[0]!.reason).toMatch(/name is empty/);
    expect(body.errors[0]!.reason).toMatch(/price "abc"/);
    expect(body.errors[0]!.reason).toMatch(/barcode "café€"/);
    expect(body.errors[1]!.reason).toMatch(/already on line 1/);
    expect(await getDoc(server, 'im-shopify', 'product:CSV-3')).toBeNull();
  });
});

describe('safety-net poll', () => {
  let pollServer: RunningServer;
  let woo: MockPlatform;

  beforeAll(async () => {
    woo = await startMockPlatform('woocommerce');
    pollServer = await startServer({ env: { POLL_INTERVAL_MS: '300' } });
    await linkedStore(pollServer, 'poll', woo, SECRET);
  });

  afterAll(async () => {
    await pollServer?.stop();
    await woo?.close();
  });

  it('recovers an order whose webhook never came, and remembers when it last polled', async () => {
    const o = woo.createOrder({ lines: [{ sku: 'EPI-0002', quantity: 1, price: '9.90' }] });
    const docId = orderDocId(woo, String(o.id));
    const doc = await waitForOrder(pollServer, 'poll', docId, () => true);
    expect(doc.lines[0]).toMatchObject({ sku: 'EPI-0002' });
    // Later changes are picked up too (modification time), and unchanged orders get no new revision.
    woo.cancel(String(o.id));
    const cancelled = await waitForOrder(pollServer, 'poll', docId, (d) => d.status === 'cancelled');
    await new Promise((r) => setTimeout(r, 800));
    expect((await getDoc(pollServer, 'poll', docId))?._rev).toBe(cancelled._rev);
    const lists = woo.received.filter((r) => r.path.endsWith('/orders') && r.method === 'GET');
    expect(lists.length).toBeGreaterThan(2);
    // After the first poll, the window starts at the remembered last poll (minus the overlap), not 24 h back.
    const since = lists.map((r) => Date.parse(`${r.query.modified_after}Z`));
    expect(since.at(-1)!).toBeGreaterThan(since[0]!);
  });

  it('writes a count movement only when the CSV stock differs from on hand', async () => {
    const movements = async () => {
      const res = await pollServer.adminFetch('/db/store-poll/_all_docs?include_docs=true&startkey=%22stock%3A%22&endkey=%22stock%3A%EF%BF%B0%22');
      return ((await res.json()) as { rows: Array<{ doc: StockMovementDoc }> }).rows.length;
    };
    const before = await movements();
    const res = await fetch(`${pollServer.url}/api/admin/stores/poll/import-csv`, {
      method: 'POST', headers: { Authorization: pollServer.adminAuth, 'Content-Type': 'text/csv' }, body: 'EPI-0001;Confiture abricot;4,20;5,5;;20\nEPI-0002;Miel de lavande;9,90;5,5;;13\n',
    });
    expect(await res.json()).toMatchObject({ unchanged: 2, stockCounts: 1 });
    expect(await movements()).toBe(before + 1);
  });
});
