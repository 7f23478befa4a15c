/**
 * Webhooks from each platform, over real HTTP to the real server: the order lifecycle, duplicates,
 * out-of-order updates, forged and malformed deliveries, unknown SKUs and customer matching.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerDoc } from '../../../src/domain/documents.ts';
import { MOCK_PLATFORM_KINDS, startMockPlatform, type MockPlatform } from '../../support/mock-platforms/index.ts';
import { startServer, type RunningServer } from '../../support/server.ts';
import { getDoc, inbox, inboxDrained, linkedStore, orderDocId, sleep, waitForOrder, webOrders } from './helpers.ts';

let server: RunningServer;
const mocks = new Map<string, MockPlatform>();
const SECRET = 'test-webhook-secret';

beforeAll(async () => {
  server = await startServer({ env: { POLL_INTERVAL_MS: '0', INBOX_RETRY_BASE_MS: '100' } });
  for (const kind of MOCK_PLATFORM_KINDS) {
    const mock = await startMockPlatform(kind);
    mocks.set(kind, mock);
    await linkedStore(server, `wh-${kind}`, mock, SECRET);
  }
});

afterAll(async () => {
  await server?.stop();
  for (const m of mocks.values()) await m.close();
});

describe.each(MOCK_PLATFORM_KINDS)('%s webhooks', (kind) => {
  const storeId = `wh-${kind}`;
  const mock = () => mocks.get(kind)!;
  const deliver = (topic: string, order: Record<string, unknown>, extra: { duplicateOf?: Awaited<ReturnType<MockPlatform['deliverWebhook']>>; forge?: boolean } = {}) =>
    mock().deliverWebhook(server.url, storeId, topic, order, { secret: SECRET, ...extra });

  it('follows an order through create → update → paid → cancelled, mapping it fully', async () => {
    const m = mock();
    const created = m.createOrder({ lines: [{ sku: 'EPI-0001', quantity: 2, price: '4.20' }, { sku: 'BOI-0001', quantity: 1, price: '2.50' }], paid: false, note: 'Sonner deux fois' });
    const id = String(created.id);
    const docId = orderDocId(m, id);
    const first = await deliver(m.topics.create, created);
    expect(first.status).toBe(200);
    let doc = await waitForOrder(server, storeId, docId, () => true);
    expect(doc).toMatchObject({
      type: 'web_order', platform: kind, shop: m.shop, platformOrderId: id, status: 'new', delivery: 'shipping', currency: 'EUR', pricesIncludeTax: true,
      payment: { state: 'to_pay' }, note: 'Sonner deux fois', problems: [],
      lines: [{ sku: 'EPI-0001', quantity: 2, unitPrice: 420 }, { sku: 'BOI-0001', quantity: 1, unitPrice: 250 }],
    });
    expect(doc.total).toBeGreaterThan(1090);
    expect(doc.shippingAddress?.city).toBe('Lyon');
    expect(doc.shippingMethod?.name).toBeTruthy();
    expect(doc.customerId).toMatch(/^customer:/);

    const updated = m.updateOrder(id, (o) => {
      if (kind === 'shopify') o.note = 'Livrer au voisin';
      else if (kind === 'woocommerce') o.customer_note = 'Livrer au voisin';
      else o.customer_message = 'Livrer au voisin';
    });
    await deliver(m.topics.update, updated);
    doc = await waitForOrder(server, storeId, docId, (d) => d.note === 'Livrer au voisin');

    const paid = m.markPaid(id);
    await deliver(m.topics.paid, paid);
    doc = await waitForOrder(server, storeId, docId, (d) => d.payment.state === 'paid');
    expect(doc.payment.processor).toBeTruthy();

    const cancelled = m.cancel(id);
    await deliver(m.topics.cancelled, cancelled);
    doc = await waitForOrder(server, storeId, docId, (d) => d.status === 'cancelled');
    expect(doc.cancelledAt).toBeTruthy();
    expect(doc.note).toBe('Livrer au voisin');
    expect((await inbox(server, storeId, 'failed')).length).toBe(0);
  });

  it('writes one document for a delivery repeated three times', async () => {
    const m = mock();
    const o = m.createOrder({ lines: [{ sku: 'EPI-0002', quantity: 1, price: '9.90' }] });
    const docId = orderDocId(m, String(o.id));
    const d1 = await deliver(m.topics.create, o);
    const d2 = await deliver(m.topics.create, o, { duplicateOf: d1 });
    const d3 = await deliver(m.topics.create, o, { duplicateOf: d1 });
    expect([d1.status, d2.status, d3.status]).toEqual([200, 200, 200]);
    expect((d2.body as { duplicate: boolean }).duplicate).toBe(true);
    expect((d3.body as { duplicate: boolean }).duplicate).toBe(true);
    const doc = await waitForOrder(server, storeId, docId, () => true);
    await inboxDrained(server, storeId);
    expect((await getDoc(server, storeId, docId))?._rev).toBe(doc._rev);
    expect(doc._rev.startsWith('1-')).toBe(true);
    expect((await webOrders(server, storeId)).filter((w) => w._id === docId).length).toBe(1);
  });

  it('keeps the newest version when updates arrive out of order, and an update before its create', async () => {
    const m = mock();
    const v1 = m.createOrder({ lines: [{ sku: 'EPI-0001', quantity: 1, price: '4.20' }], paid: false });
    const id = String(v1.id);
    const docId = orderDocId(m, id);
    const v2 = m.markPaid(id);
    // The update (paid) arrives first, then the older create.
    await deliver(m.topics.paid, v2);
    await waitForOrder(server, storeId, docId, (d) => d.payment.state === 'paid');
    await deliver(m.topics.create, v1);
    await inboxDrained(server, storeId);
    const doc = await getDoc<{ payment: { state: string }; _rev: string }>(server, storeId, docId);
    expect(doc?.payment.state).toBe('paid');
    expect(doc?._rev.startsWith('1-')).toBe(true);
  });

  it('answers 401 to a forged delivery and 400 to a malformed one, writing nothing', async () => {
    const m = mock();
    const o = m.createOrder({ lines: [{ sku: 'EPI-0001', quantity: 1, price: '4.20' }] });
    const before = (await inbox(server, storeId)).length;
    const forged = await deliver(m.topics.create, o, { forge: true });
    expect(forged.status).toBe(401);
    expect(forged.body).toMatchObject({ error: 'unauthorized' });
    const unsigned = await m.deliverRaw(server.url, storeId, JSON.stringify(o), { 'Content-Type': 'application/json' });
    expect(unsigned.status).toBe(401);
    const raw = '{"id": 12, "broken": ';
    const malformed = await m.deliverRaw(server.url, storeId, raw, m.signedHeaders(raw, m.topics.create, SECRET));
    expect(malformed.status).toBe(400);
    expect((malformed.body as { reason: string }).reason).toMatch(/JSON/);
    await sleep(200);
    expect((await inbox(server, storeId)).length).toBe(before);
    expect(await getDoc(server, storeId, orderDocId(m, String(o.id)))).toBeNull();
  });

  it('keeps an unknown SKU as a line marked as a problem', async () => {
    const m = mock();
    const o = m.createOrder({ lines: [{ sku: 'EPI-0001', quantity: 1, price: '4.20' }, { sku: 'NOPE-42', name: 'Mystère', quantity: 3, price: '1.00' }] });
    await deliver(m.topics.create, o);
    const doc = await waitForOrder(server, storeId, orderDocId(m, String(o.id)), () => true);
    expect(doc.lines).toHaveLength(2);
    expect(doc.lines[1]).toMatchObject({ sku: null, platformSku: 'NOPE-42', name: 'Mystère', quantity: 3, unitPrice: 100 });
    expect(doc.problems).toEqual(['unknown_sku:NOPE-42']);
  });

  it('matches customers by e-mail without renaming them, and creates new ones named by e-mail', async () => {
    const m = mock();
    const a = m.createOrder({ email: 'Jeanne.Roux@Example.fr', firstName: 'Jeanne', lastName: 'Roux', lines: [{ sku: 'EPI-0001', quantity: 1, price: '4.20' }] });
    await deliver(m.topics.create, a);
    const docA = await waitForOrder(server, storeId, orderDocId(m, String(a.id)), () => true);
    const b = m.createOrder({ email: 'jeanne.roux@example.fr', firstName: 'J.', lastName: 'Roux-Martin', lines: [{ sku: 'EPI-0001', quantity: 1, price: '4.20' }] });
    await deliver(m.topics.create, b);
    const docB = await waitForOrder(server, storeId, orderDocId(m, String(b.id)), () => true);
    expect(docB.customerId).toBe(docA.customerId);
    const profile = await getDoc<CustomerDoc>(server, storeId, docA.customerId!);
    expect(profile).toMatchObject({ name: 'Jeanne Roux', email: 'jeanne.roux@example.fr' });

    const c = m.createOrder({ email: 'anonyme@example.fr', firstName: '', lastName: '', lines: [{ sku: 'EPI-0001', quantity: 1, price: '4.20' }] });
    await deliver(m.topics.create, c);
    const docC = await waitForOrder(server, storeId, orderDocId(m, String(c.id)), () => true);
    expect((await getDoc<CustomerDoc>(server, storeId, docC.customerId!))?.name).toBe('anonyme@example.fr');
  });
});

describe('platform specifics', () => {
  it('answers WooCommerce\'s unsigned creation ping with 200 and stores nothing', async () => {
    const m = mocks.get('woocommerce')!;
    const before = (await inbox(server, 'wh-woocommerce')).length;
    const ping = await m.deliverRaw(server.url, 'wh-woocommerce', 'webhook_id=17', { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(ping.status).toBe(200);
    expect((await inbox(server, 'wh-woocommerce')).length).toBe(before);
  });

  it('records Shopify refunds on the order', async () => {
    const m = mocks.get('shopify')!;
    const o = m.createOrder({ lines: [{ sku: 'EPI-0002', quantity: 2, price: '9.90' }] });
    const id = String(o.id);
    await m.deliverWebhook(server.url, 'wh-shopify', 'orders/create', o, { secret: SECRET });
    const refunded = m.refund(id, '9.90');
    const refund = (refunded.refunds as Array<Record<string, unknown>>)[0]!;
    await m.deliverWebhook(server.url, 'wh-shopify', 'refunds/create', { ...refund, order_id: Number(id) }, { secret: SECRET });
    const doc = await waitForOrder(server, 'wh-shopify', orderDocId(m, id), (d) => (d.refunds ?? []).length === 1);
    expect(doc.refunds?.[0]).toMatchObject({ amount: 990 });
  });

  it('refuses webhooks for unknown stores and platforms with 404', async () => {
    const m = mocks.get('shopify')!;
    const o = m.createOrder({ lines: [{ sku: 'EPI-0001', quantity: 1, price: '4.20' }] });
    expect((await m.deliverWebhook(server.url, 'no-such-store', 'orders/create', o, { secret: SECRET })).status).toBe(404);
    expect((await fetch(`${server.url}/webhooks/etsy/wh-shopify`, { method: 'POST', body: '{}' })).status).toBe(404);
  });
});
