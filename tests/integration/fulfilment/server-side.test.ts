/**
 * What the server does on its own about web orders (issue 6):
 *  - the shop is mailed once per new web order (StoreSettingsDoc.newOrderMailTo), even when the
 *    webhook comes again and the server is killed and restarted;
 *  - unpaid orders not handed over are cancelled after StoreSettingsDoc.autoCancelUnpaidAfterHours by
 *    ONE woevent:server:<ulid> event — pushed to the platform, told to the customer — never twice,
 *    restarts included; paid or recent orders are left alone;
 *  - the payment's security results are imported where the platform documents them;
 *  - a register can neither write the server's events nor a malformed one, nor can a forged webhook
 *    get in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebOrderDoc, WebOrderEventDoc } from '../../../src/domain/documents.ts';
import { ulid, orderEvent, outboundJobs, registerPut, sleep, waitFor, writes } from '../outbound/helpers.ts';
import { getDoc, jobsOfOrder, mailTo, openShop, placeOrder, secretOf, updateSettings, type Shop } from './helpers.ts';

let shop: Shop;
const SHOP_MAIL = 'commandes@epicerie.example';

beforeAll(async () => {
  shop = await openShop('serverside');
});

afterAll(async () => {
  await shop?.stop();
});

async function serverEvents(orderId?: string): Promise<WebOrderEventDoc[]> {
  const res = await shop.server.adminFetch(`/db/store-${shop.storeId}/_all_docs?include_docs=true&startkey=${encodeURIComponent('"woevent:server:"')}&endkey=${encodeURIComponent('"woevent:server:\uffff"')}`);
  const rows = ((await res.json()) as { rows: Array<{ doc: WebOrderEventDoc }> }).rows.map((r) => r.doc);
  return orderId ? rows.filter((d) => d.orderId === orderId) : rows;
}

describe('the shop told of new web orders', () => {
  it('mails newOrderMailTo once per order, across duplicate webhooks and a restart', async () => {
    await updateSettings(shop, { newOrderMailTo: SHOP_MAIL });
    await sleep(500); // the producer reads the settings from the changes feed
    const { orderId, doc } = await placeOrder(shop, 'shopify', { email: 'nouvelle@example.fr', lines: [{ sku: 'EPI-0001', quantity: 3, price: '2.50' }] });
    const mail = await shop.smtp.waitFor((m) => mailTo(m) === SHOP_MAIL && (m.subject ?? '').includes(doc.orderNumber));
    expect(mail.subject).toBe(`Nouvelle commande web ${doc.orderNumber}`);
    expect(mail.text).toContain("3 × Article EPI-0001 (EPI-0001)");
    expect(mail.text).toContain('Payée en ligne');

    // The platform delivers an update; the server is killed and restarted: no second mail.
    const platformOrder = shop.mocks.shopify.updateOrder(doc.platformOrderId, (o) => (o.note = 'Sonner deux fois'));
    await shop.mocks.shopify.deliverWebhook(shop.server.url, shop.storeId, 'orders/updated', platformOrder, { secret: secretOf('shopify') });
    await waitFor('the update imported', async () => (await getDoc<WebOrderDoc>(shop, orderId))?.note === 'Sonner deux fois');
    await waitFor('the mail job recorded done', async () => (await jobsOfOrder(shop, orderId)).some((j) => j.kind === 'new_order' && j.state === 'done'));
    await sleep(1000);
    await shop.server.kill('SIGKILL');
    await shop.server.restart();
    await sleep(2500);
    const sent = shop.smtp.messages.filter((m) => mailTo(m) === SHOP_MAIL && (m.subject ?? '').includes(doc.orderNumber));
    expect(sent).toHaveLength(1);
    const jobs = (await outboundJobs(shop.server, shop.storeId)).jobs.filter((j) => j.kind === 'new_order' && j.payload.sourceId === orderId);
    expect(jobs.map((j) => j.state)).toEqual(['done']);
    await updateSettings(shop, { newOrderMailTo: undefined });
  }, 60_000);
});

describe('automatic cancellation of unpaid orders', () => {
  it('cancels an unpaid order past the delay once, pushes it, tells the customer, and never again', async () => {
    const email = 'jamais-payee@example.fr';
    // Placed on the web store three hours ago.
    const threeHoursAgo = (o: Record<string, unknown>): void => {
      o.date_created_gmt = new Date(Date.now() - 3 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '');
      o.date_created = o.date_created_gmt;
    };
    const old = await placeOrder(shop, 'woocommerce', { email, paid: false, lines: [{ sku: 'EPI-0002', quantity: 1, price: '7.90' }] }, threeHoursAgo);
    const paidOld = await placeOrder(shop, 'woocommerce', { lines: [{ sku: 'EPI-0002', quantity: 1, price: '7.90' }] }, threeHoursAgo);
    const fresh = await placeOrder(shop, 'bigcommerce', { paid: false, lines: [{ sku: 'EPI-0002', quantity: 1, price: '7.90' }] });
    expect(Date.now() - Date.parse(old.doc.createdAt)).toBeGreaterThan(2.9 * 3600_000);
    await updateSettings(shop, { autoCancelUnpaidAfterHours: 2 });

    const [ev] = await waitFor('the automatic cancellation', async () => {
      const evs = await serverEvents(old.orderId);
      return evs.length > 0 ? evs : null;
    });
    expect(ev).toMatchObject({ kind: 'cancelled', reason: 'unpaid after 2 h', restock: true, orderId: old.orderId });
    expect(ev!._id).toMatch(/^woevent:server:[0-9A-HJKMNP-TV-Z]{26}$/);
    await waitFor('cancelled on WooCommerce', () => shop.mocks.woocommerce.statusOf(old.platformOrderId) === 'cancelled');
    const mail = await shop.smtp.waitFor((m) => mailTo(m) === email);
    expect(mail.subject).toContain('a été annulée');
    expect(mail.text).toContain('commande non réglée après 2 h');

    // Killed (once its jobs are recorded done: a kill between the SMTP server's "250" and that write
    // would resend the mail, at-least-once by design) and restarted: the same order is not
    // cancelled, pushed or mailed again.
    await waitFor('the order\'s jobs done', async () => {
      const jobs = await jobsOfOrder(shop, old.orderId);
      return jobs.length === 2 && jobs.every((j) => j.state === 'done');
    });
    await shop.server.kill('SIGKILL');
    await shop.server.restart();
    await sleep(3000);
    expect(await serverEvents(old.orderId)).toHaveLength(1);
    expect(await serverEvents(paidOld.orderId)).toHaveLength(0);
    expect(await serverEvents(fresh.orderId)).toHaveLength(0);
    expect(shop.smtp.messages.filter((m) => mailTo(m) === email)).toHaveLength(1);
    const cancels = writes(shop.mocks.woocommerce).filter((r) => r.method === 'PUT' && r.path.endsWith(`/orders/${old.platformOrderId}`));
    expect(cancels.map((r) => r.body)).toEqual([{ status: 'cancelled' }]);
    await updateSettings(shop, { autoCancelUnpaidAfterHours: undefined });
  }, 60_000);
});

describe('payment checks', () => {
  it('imports Shopify risks and card checks, BigCommerce fraud review and AVS; WooCommerce documents none', async () => {
    const s = await placeOrder(shop, 'shopify', { risk: 'investigate', avs: 'N', cvv: 'M', lines: [{ sku: 'EPI-0001', quantity: 1, price: '2.50' }] });
    expect(s.doc.paymentChecks).toEqual([
      { name: 'fraud_risk', result: 'fail', detail: 'investigate' },
      { name: 'address', result: 'fail', detail: 'N' },
      { name: 'postcode', result: 'fail', detail: 'N' },
      { name: 'card_code', result: 'pass', detail: 'M' },
    ]);
    const b = await placeOrder(shop, 'bigcommerce', { risk: 'cancel', avs: 'Z', cvv: 'N', lines: [{ sku: 'EPI-0001', quantity: 1, price: '2.50' }] });
    expect(b.doc.paymentChecks).toEqual([
      { name: 'fraud_risk', result: 'fail', detail: 'fraud review' },
      { name: 'address', result: 'fail', detail: 'N' },
      { name: 'postcode', result: 'pass', detail: 'Y' },
      { name: 'card_code', result: 'fail', detail: 'N' },
    ]);
    const good = await placeOrder(shop, 'shopify', { lines: [{ sku: 'EPI-0001', quantity: 1, price: '2.50' }] });
    expect(good.doc.paymentChecks?.every((c) => c.result === 'pass')).toBe(true);
    const w = await placeOrder(shop, 'woocommerce', { lines: [{ sku: 'EPI-0001', quantity: 1, price: '2.50' }] });
    expect(w.doc.paymentChecks).toBeUndefined();
  });
});

describe('refused', () => {
  it('keeps a register from writing the server\'s events or malformed ones, and forged webhooks out', async () => {
    const { orderId } = await placeOrder(shop, 'shopify', { lines: [{ sku: 'EPI-0001', quantity: 1, price: '2.50' }] });
    const server = { _id: `woevent:server:${ulid()}`, type: 'web_order_event', orderId, kind: 'cancelled', reason: 'unpaid after 1 h', restock: true, at: new Date().toISOString(), by: 'Comptoir' };
    await expect(registerPut(shop.reg, server)).rejects.toThrow(/403.*server/);
    const malformed = [
      orderEvent(shop.reg.registerId, orderId, 'shipped', { lines: [{ sku: 'EPI-0001', quantity: 0 }] }),
      orderEvent(shop.reg.registerId, orderId, 'paid', { payment: { amount: 2.5, method: 'cash' } }),
      orderEvent(shop.reg.registerId, orderId, 'cancelled', { refund: { to: 'bank', amount: 250 } }),
    ];
    for (const doc of malformed) await expect(registerPut(shop.reg, doc)).rejects.toThrow(/40[03]/);
    const jobs = (await outboundJobs(shop.server, shop.storeId)).jobs.filter((j) => j.payload.orderId === orderId);
    expect(jobs).toEqual([]);

    const platformOrder = shop.mocks.woocommerce.createOrder({ lines: [{ sku: 'EPI-0001', quantity: 1, price: '2.50' }] });
    const forged = await shop.mocks.woocommerce.deliverWebhook(shop.server.url, shop.storeId, 'order.created', platformOrder, { secret: secretOf('woocommerce'), forge: true });
    expect(forged.status).toBe(401);
    const bad = await shop.mocks.woocommerce.deliverRaw(shop.server.url, shop.storeId, '{"id":', shop.mocks.woocommerce.signedHeaders('{"id":', 'order.created', secretOf('woocommerce')));
    expect(bad.status).toBe(400);
    await sleep(500);
    expect(await getDoc(shop, `weborder:woocommerce:${shop.mocks.woocommerce.shop}:${String(platformOrder.id)}`)).toBeNull();
  });
});
