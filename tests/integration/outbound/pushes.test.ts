/**
 * Outbound pushes end to end: the real server, the three mock platforms (behind pass-through
 * proxies), a register writing sales, stock movements and web order events, and a real SMTP server.
 * Stock changes are coalesced into one push per platform with the documented payload; a "shipped"
 * event becomes a Shopify fulfilment with tracking, a WooCommerce "completed" + note, a BigCommerce
 * shipment + status, and a mail to the customer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy.ts';
import { startMockPlatform, type MockPlatform } from '../../support/mock-platforms/index.ts';
import { startServer, type Pairing, type RunningServer } from '../../support/server.ts';
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink.ts';
import { saleDoc } from '../server/helpers.ts';
import {
  adminPut, FAST_OUTBOUND_ENV, linkPlatforms, outboundJobs, prepare, productDoc, proxiedLink, registerPut, sleep, stockCount, waitFor, webOrderDoc, woEvent, writes,
} from './helpers.ts';

const STORE = 'pushes';
let server: RunningServer;
let reg: Pairing;
let smtp: SmtpSink;
const mocks = {} as Record<'shopify' | 'woocommerce' | 'bigcommerce', MockPlatform>;
const proxies = {} as Record<'shopify' | 'woocommerce' | 'bigcommerce', FaultProxy>;

beforeAll(async () => {
  smtp = await startSmtpSink();
  for (const kind of ['shopify', 'woocommerce', 'bigcommerce'] as const) {
    mocks[kind] = await startMockPlatform(kind);
    proxies[kind] = await startFaultProxy(mocks[kind].url);
    mocks[kind].addProduct({ sku: 'EPI-0001', name: "Confiture d'abricot 370 g", price: '2.50', stock: 3 });
    mocks[kind].addProduct({ sku: 'EPI-0002', name: 'Miel de lavande 250 g', price: '7.90', stock: 3 });
  }
  server = await startServer({ env: { ...FAST_OUTBOUND_ENV, SMTP_URL: smtp.url, MAIL_FROM: 'Épicerie Comptoir <caisse@comptoir.test>' } });
  await server.createStore(STORE, 'Épicerie Pushes');
  await linkPlatforms(server, STORE, (['shopify', 'woocommerce', 'bigcommerce'] as const).map((k) => [k, proxiedLink(mocks[k], proxies[k])]));
  reg = await server.pairNewRegister(STORE, 'Caisse 1');
  await adminPut(server, STORE, productDoc('EPI-0001', "Confiture d'abricot 370 g"));
  await adminPut(server, STORE, productDoc('EPI-0002', 'Miel de lavande 250 g', 790));
});

afterAll(async () => {
  await server?.stop();
  for (const m of Object.values(mocks)) await m.close();
  for (const p of Object.values(proxies)) await p.close();
  await smtp?.close();
});

describe('stock levels', () => {
  it('coalesces a burst of stock changes into one push per platform with the documented payload', async () => {
    const t0 = Date.now();
    // A count of 20, then three sales of 2 (one document each, in quick succession): available 14.
    await registerPut(reg, stockCount(reg.registerId, 'EPI-0001', 20, new Date(Date.now() - 60_000).toISOString()));
    for (let n = 1; n <= 3; n++) await registerPut(reg, { ...saleDoc(STORE, reg.registerId, n), createdAt: new Date().toISOString() });

    await waitFor('three stock pushes', () => {
      const done = [
        writes(mocks.shopify).filter((r) => r.path.endsWith('/inventory_levels/set.json')),
        writes(mocks.woocommerce).filter((r) => r.method === 'PUT' && r.path.includes('/products/')),
        writes(mocks.bigcommerce).filter((r) => r.path.endsWith('/v3/inventory/adjustments/absolute')),
      ];
      return done.every((d) => d.length >= 1);
    });
    await sleep(1000); // nothing more may follow
    const elapsed = Date.now() - t0;

    const shopify = writes(mocks.shopify).filter((r) => r.path.endsWith('/inventory_levels/set.json'));
    expect(shopify).toHaveLength(1);
    const variant = ([...mocks.shopify.products.values()].find((p) => ((p.variants as Array<Record<string, unknown>>)[0]!.sku === 'EPI-0001'))!.variants as Array<Record<string, unknown>>)[0]!;
    expect(shopify[0]!.body).toEqual({ location_id: 7001, inventory_item_id: variant.inventory_item_id, available: 14 });
    expect(shopify[0]!.headers['idempotency-key']).toMatch(/^shopify:stock_level:EPI-0001:v\d+\/set$/);

    const woo = writes(mocks.woocommerce).filter((r) => r.method === 'PUT' && r.path.includes('/products/'));
    expect(woo).toHaveLength(1);
    const wooProduct = [...mocks.woocommerce.products.values()].find((p) => p.sku === 'EPI-0001')!;
    expect(woo[0]!.path).toBe(`/wp-json/wc/v3/products/${String(wooProduct.id)}`);
    expect(woo[0]!.body).toEqual({ manage_stock: true, stock_quantity: 14 });
    expect(wooProduct.stock_quantity).toBe(14);

    const bc = writes(mocks.bigcommerce).filter((r) => r.path.endsWith('/v3/inventory/adjustments/absolute'));
    expect(bc).toHaveLength(1);
    expect(bc[0]!.method).toBe('PUT');
    expect(bc[0]!.body).toEqual({ reason: 'Comptoir stock level', items: [{ location_id: 1, sku: 'EPI-0001', quantity: 14 }] });

    const { jobs } = await outboundJobs(server, STORE);
    const stockJobs = jobs.filter((j) => j.kind === 'stock_level');
    expect(stockJobs.map((j) => [j.platform, j.state, j.payload.available]).sort()).toEqual([
      ['bigcommerce', 'done', 14],
      ['shopify', 'done', 14],
      ['woocommerce', 'done', 14],
    ]);
    console.log(`[outbound] 4 stock changes → 1 push per platform in ${elapsed} ms`);
  });

  it('subtracts the stock reserved by open web orders', async () => {
    await registerPut(reg, stockCount(reg.registerId, 'EPI-0002', 10));
    await adminPut(server, STORE, webOrderDoc('shopify', mocks.shopify.shop, '77', { sku: 'EPI-0002', quantity: 3 }));
    const bc = await waitFor('EPI-0002 push', () => {
      const hits = writes(mocks.bigcommerce).filter((r) => JSON.stringify(r.body).includes('EPI-0002'));
      const last = hits.at(-1);
      return last && (last.body as { items: Array<{ quantity: number }> }).items[0]!.quantity === 7 ? hits : null;
    });
    expect(bc.length).toBeLessThanOrEqual(2); // 10 then 7, or just 7 when both fell in one window
  });
});

describe('fulfilment with tracking', () => {
  const tracking = { carrier: 'Colissimo', number: '6A12345678901', url: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901' };

  it('pushes a fulfilment to Shopify, completed + note to WooCommerce, shipment + status to BigCommerce, and mails the customer', async () => {
    const orders = {
      shopify: mocks.shopify.createOrder({ lines: [{ sku: 'EPI-0001', quantity: 1, price: '2.50' }] }),
      woocommerce: mocks.woocommerce.createOrder({ lines: [{ sku: 'EPI-0001', quantity: 1, price: '2.50' }] }),
      bigcommerce: mocks.bigcommerce.createOrder({ lines: [{ sku: 'EPI-0001', quantity: 1, price: '2.50' }] }),
    };
    const ids: Record<string, string> = {};
    for (const kind of ['shopify', 'woocommerce', 'bigcommerce'] as const) {
      const id = String(orders[kind].id);
      const doc = webOrderDoc(kind, mocks[kind].shop, id, { email: `client-${kind}@example.fr`, orderNumber: `#W-${kind}-${id}` });
      ids[kind] = String(doc._id);
      await adminPut(server, STORE, doc);
      await prepare(reg, ids[kind]!);
      await registerPut(reg, woEvent(reg.registerId, ids[kind]!, 'shipped', tracking));
    }

    await waitFor('fulfilment jobs done', async () => {
      const { jobs } = await outboundJobs(server, STORE);
      const f = jobs.filter((j) => j.kind === 'fulfilment');
      return f.length === 3 && f.every((j) => j.state === 'done');
    });

    // Shopify: the open fulfilment order fulfilled with the tracking info.
    const sf = writes(mocks.shopify).filter((r) => r.path.endsWith('/fulfillments.json'));
    expect(sf).toHaveLength(1);
    const fo = mocks.shopify.received.find((r) => r.path.endsWith(`/orders/${String(orders.shopify.id)}/fulfillment_orders.json`));
    expect(fo).toBeDefined();
    expect(sf[0]!.body).toMatchObject({
      fulfillment: {
        line_items_by_fulfillment_order: [{ fulfillment_order_id: expect.any(Number) }],
        tracking_info: { company: 'Colissimo', number: '6A12345678901', url: tracking.url },
        notify_customer: false,
      },
    });
    expect(mocks.shopify.orders.get(String(orders.shopify.id))!.fulfillment_status).toBe('fulfilled');

    // WooCommerce: status completed, then a customer note with the tracking.
    const wid = String(orders.woocommerce.id);
    const wput = writes(mocks.woocommerce).filter((r) => r.path === `/wp-json/wc/v3/orders/${wid}`);
    expect(wput).toHaveLength(1);
    expect(wput[0]!.body).toEqual({ status: 'completed' });
    const wnote = writes(mocks.woocommerce).filter((r) => r.path === `/wp-json/wc/v3/orders/${wid}/notes`);
    expect(wnote).toHaveLength(1);
    expect(wnote[0]!.body).toMatchObject({ customer_note: true, note: expect.stringContaining('6A12345678901') });
    expect(mocks.woocommerce.orders.get(wid)!.status).toBe('completed');

    // BigCommerce: a shipment of every line with the tracking number; BigCommerce shows Shipped (2) by itself.
    const bid = String(orders.bigcommerce.id);
    const line = (mocks.bigcommerce.orders.get(bid)!.products as Array<Record<string, unknown>>)[0]!;
    const ship = writes(mocks.bigcommerce).filter((r) => r.path.endsWith(`/v2/orders/${bid}/shipments`));
    expect(ship).toHaveLength(1);
    expect(ship[0]!.body).toMatchObject({ order_address_id: line.order_address_id, items: [{ order_product_id: line.id, quantity: 1 }], tracking_number: '6A12345678901' });
    const status = writes(mocks.bigcommerce).filter((r) => r.method === 'PUT' && r.path.endsWith(`/v2/orders/${bid}`));
    expect(status).toHaveLength(0);
    expect(mocks.bigcommerce.orders.get(bid)!.status_id).toBe(2);

    // The customers get the "shipped" mail with the tracking.
    for (const kind of ['shopify', 'woocommerce', 'bigcommerce'] as const) {
      const mail = await smtp.waitFor((m) => m.subject?.includes(`#W-${kind}-`) === true);
      expect(mail.subject).toContain('a été expédiée');
      expect(mail.text).toContain('6A12345678901');
      expect(mail.text).toContain('Colissimo');
      expect(mail.html || '').toContain(tracking.url.replace(/&/g, '&amp;'));
      expect((mail.to as { text: string }).text).toBe(`client-${kind}@example.fr`);
    }
  });

  it('pushes ready for pickup, picked up and cancellation', async () => {
    const o = {
      shopify: mocks.shopify.createOrder({ pickup: true, lines: [{ sku: 'EPI-0001', quantity: 1, price: '2.50' }] }),
      woocommerce: mocks.woocommerce.createOrder({ pickup: true, lines: [{ sku: 'EPI-0001', quantity: 1, price: '2.50' }] }),
      bigcommerce: mocks.bigcommerce.createOrder({ pickup: true, lines: [{ sku: 'EPI-0001', quantity: 1, price: '2.50' }] }),
    };
    const c = {
      shopify: mocks.shopify.createOrder({ lines: [{ sku: 'EPI-0002', quantity: 1, price: '7.90' }] }),
      woocommerce: mocks.woocommerce.createOrder({ lines: [{ sku: 'EPI-0002', quantity: 1, price: '7.90' }] }),
      bigcommerce: mocks.bigcommerce.createOrder({ lines: [{ sku: 'EPI-0002', quantity: 1, price: '7.90' }] }),
    };
    for (const kind of ['shopify', 'woocommerce', 'bigcommerce'] as const) {
      const pickup = webOrderDoc(kind, mocks[kind].shop, String(o[kind].id), { email: `pickup-${kind}@example.fr`, delivery: 'pickup', orderNumber: `#P-${kind}` });
      const cancelled = webOrderDoc(kind, mocks[kind].shop, String(c[kind].id), { sku: 'EPI-0002' });
      await adminPut(server, STORE, pickup);
      await adminPut(server, STORE, cancelled);
      await prepare(reg, String(pickup._id));
      await registerPut(reg, woEvent(reg.registerId, String(pickup._id), 'ready_for_pickup'));
      await registerPut(reg, woEvent(reg.registerId, String(cancelled._id), 'cancelled'));
    }
    await waitFor('ready/cancel jobs done', async () => {
      const { jobs } = await outboundJobs(server, STORE);
      const f = jobs.filter((j) => j.channel === 'platform' && (j.kind === 'ready_for_pickup' || j.kind === 'cancellation'));
      return f.length === 6 && f.every((j) => j.state === 'done');
    });
    for (const kind of ['shopify', 'woocommerce', 'bigcommerce'] as const) {
      await registerPut(reg, woEvent(reg.registerId, `weborder:${kind}:${mocks[kind].shop}:${String(o[kind].id)}`, 'picked_up'));
    }
    await waitFor('picked-up jobs done', async () => {
      const { jobs } = await outboundJobs(server, STORE);
      const f = jobs.filter((j) => j.kind === 'picked_up');
      return f.length === 3 && f.every((j) => j.state === 'done');
    });

    expect(String(mocks.shopify.orders.get(String(o.shopify.id))!.tags)).toContain('ready-for-pickup');
    expect(mocks.shopify.orders.get(String(o.shopify.id))!.fulfillment_status).toBe('fulfilled');
    expect(mocks.shopify.orders.get(String(c.shopify.id))!.cancelled_at).toBeTruthy();
    expect(mocks.woocommerce.orders.get(String(o.woocommerce.id))!.status).toBe('completed');
    expect(mocks.woocommerce.orders.get(String(c.woocommerce.id))!.status).toBe('cancelled');
    expect(mocks.bigcommerce.orders.get(String(o.bigcommerce.id))!.status_id).toBe(10);
    expect(mocks.bigcommerce.orders.get(String(c.bigcommerce.id))!.status_id).toBe(5);
    const bcStatuses = writes(mocks.bigcommerce)
      .filter((r) => r.path.endsWith(`/v2/orders/${String(o.bigcommerce.id)}`))
      .map((r) => (r.body as { status_id: number }).status_id);
    expect(bcStatuses).toEqual([8, 10]);
    const mail = await smtp.waitFor((m) => m.subject?.includes('#P-woocommerce') === true);
    expect(mail.subject).toContain('prête à être retirée');
  });

  it('refuses a register writing another register\'s event or a malformed one', async () => {
    const other = await server.pairNewRegister(STORE, 'Caisse 2');
    const forged = woEvent(reg.registerId, `weborder:shopify:${mocks.shopify.shop}:1`, 'shipped');
    await expect(registerPut(other, forged)).rejects.toThrow(/403/);
    const bad = { ...woEvent(reg.registerId, 'not-an-order', 'shipped') };
    await expect(registerPut(reg, bad)).rejects.toThrow(/orderId/);
    const jobsRes = await fetch(`${server.url}/api/stores/${STORE}/outbound`, { headers: { Authorization: `Bearer ${reg.token}` } });
    expect(jobsRes.status).toBe(200);
    // Registers read the queue but can never write a job.
    const res = await fetch(`${server.url}/db/store-${STORE}/${encodeURIComponent('outbound:shopify:fulfilment:x:y')}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${reg.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'outbound_job', state: 'done' }),
    });
    expect(res.status).toBe(403);
  });
});
