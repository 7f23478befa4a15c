/**
 * Money reaching the web stores (issue 6): a balance taken at the counter or reconciled by hand
 * marks the order paid where the platform documents how (Shopify orderMarkAsPaid, WooCommerce
 * set_paid, BigCommerce Awaiting Fulfillment); a change or a cancellation refunding an order paid
 * online goes back through the platform (Shopify refund, WooCommerce api refund, BigCommerce refund
 * quote + refund), once; store credit pushes no refund; the customer is told of a cancellation,
 * with its reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockPlatformKind } from '../../support/mock-platforms/index.ts';
import { orderEvent, prepare, registerPut, sleep, writes } from '../outbound/helpers.ts';
import { jobOf, jobsOfOrder, KINDS, mailTo, openShop, placeOrder, type Shop } from './helpers.ts';

let shop: Shop;

beforeAll(async () => {
  shop = await openShop('money');
});

afterAll(async () => {
  await shop?.stop();
});

const PAID: Record<MockPlatformKind, string> = { shopify: 'paid/unfulfilled', woocommerce: 'processing', bigcommerce: 'Awaiting Fulfillment' };

describe('paid', () => {
  for (const kind of KINDS) {
    it(`${kind}: a bank transfer reconciled by hand marks the order paid on the platform, once`, async () => {
      const { orderId, platformOrderId, doc } = await placeOrder(shop, kind, { paid: false, gateway: kind === 'woocommerce' ? 'bacs' : 'Bank Deposit', lines: [{ sku: 'EPI-0001', quantity: 2, price: '2.50' }] });
      expect(doc.payment.state).toBe('to_pay');
      expect(shop.mocks[kind].statusOf(platformOrderId)).not.toBe(PAID[kind]);
      const paid = orderEvent(shop.reg.registerId, orderId, 'paid', { payment: { amount: doc.total, method: 'bank_transfer', reference: 'VIR-2211' } });
      await registerPut(shop.reg, paid);
      const job = await jobOf(shop, kind, 'payment', paid);
      expect(job.payload).toMatchObject({ payment: { amount: doc.total, method: 'bank_transfer', reference: 'VIR-2211' } });
      expect(shop.mocks[kind].statusOf(platformOrderId)).toBe(PAID[kind]);
      const w = writes(shop.mocks[kind]).filter((r) => r.path.includes(platformOrderId) || r.path.endsWith('/graphql.json'));
      if (kind === 'shopify') {
        const gql = writes(shop.mocks.shopify).filter((r) => r.path.endsWith('/graphql.json'));
        expect(gql.at(-1)!.body).toMatchObject({ variables: { input: { id: `gid://shopify/Order/${platformOrderId}` } } });
        expect(String((gql.at(-1)!.body as { query: string }).query)).toContain('orderMarkAsPaid');
      } else if (kind === 'woocommerce') {
        expect(w.filter((r) => r.method === 'PUT').map((r) => r.body)).toEqual([{ set_paid: true }]);
        expect(w.find((r) => r.path.endsWith('/notes'))!.body).toMatchObject({ customer_note: false, note: expect.stringContaining('VIR-2211') });
      } else {
        expect(w.filter((r) => r.method === 'PUT').map((r) => r.body)).toEqual([{ status_id: 11 }]);
      }
    });
  }

  it('woocommerce: a pickup order paid in the shop is paid, then completed, in that order', async () => {
    const { orderId, platformOrderId, doc } = await placeOrder(shop, 'woocommerce', { paid: false, pickup: true, lines: [{ sku: 'EPI-0002', quantity: 1, price: '7.90' }] });
    await prepare(shop.reg, orderId);
    await registerPut(shop.reg, orderEvent(shop.reg.registerId, orderId, 'ready_for_pickup'));
    const paid = orderEvent(shop.reg.registerId, orderId, 'paid', { payment: { amount: doc.total, method: 'cash', saleId: `sale:${shop.reg.registerId}:00000001` } });
    const pickedUp = orderEvent(shop.reg.registerId, orderId, 'picked_up');
    // Both replicate together (the register was offline): the payment still lands first.
    await registerPut(shop.reg, paid);
    await registerPut(shop.reg, pickedUp);
    await jobOf(shop, 'woocommerce', 'picked_up', pickedUp);
    expect(shop.mocks.woocommerce.statusOf(platformOrderId)).toBe('completed');
    const puts = writes(shop.mocks.woocommerce).filter((r) => r.method === 'PUT' && r.path.endsWith(`/orders/${platformOrderId}`)).map((r) => r.body);
    expect(puts).toEqual([{ set_paid: true }, { status: 'completed' }]);
  });
});

describe('refunds', () => {
  for (const kind of KINDS) {
    it(`${kind}: a line removed before shipping refunds its price through the platform; store credit refunds nothing there`, async () => {
      const { orderId, platformOrderId } = await placeOrder(shop, kind, {
        lines: [
          { sku: 'EPI-0001', quantity: 1, price: '2.50' },
          { sku: 'EPI-0002', quantity: 2, price: '7.90' },
        ],
      });
      const changed = orderEvent(shop.reg.registerId, orderId, 'changed', { change: { sku: 'EPI-0002', remove: 1 }, restock: true, refund: { to: 'original', amount: 790 } });
      await registerPut(shop.reg, changed);
      const job = await jobOf(shop, kind, 'refund', changed);
      expect(job.payload).toMatchObject({ refund: { amount: 790, currency: 'EUR' } });
      const refunds = shop.mocks[kind].refundsOf(platformOrderId);
      expect(refunds.map((r) => r.amount)).toEqual(['7.90']);
      expect(refunds[0]!.reason).toContain(`[comptoir:${kind}:refund:`);

      // A credit note instead: the money stays in the shop, the platform hears nothing.
      const credit = orderEvent(shop.reg.registerId, orderId, 'changed', { change: { sku: 'EPI-0001', remove: 1 }, restock: true, refund: { to: 'store_credit', amount: 250, voucher: 'AV-0042' } });
      await registerPut(shop.reg, credit);
      await sleep(1500);
      const jobs = await jobsOfOrder(shop, orderId);
      expect(jobs.filter((j) => j.kind === 'refund').map((j) => j.id)).toEqual([job.id]);
      expect(shop.mocks[kind].refundsOf(platformOrderId)).toHaveLength(1);
    });
  }
});

describe('returns', () => {
  it('shopify: units returned after shipping are refunded through the platform, less the surcharge kept back', async () => {
    const { orderId, platformOrderId } = await placeOrder(shop, 'shopify', { lines: [{ sku: 'EPI-0002', quantity: 2, price: '7.90' }] });
    await prepare(shop.reg, orderId);
    const shipped = orderEvent(shop.reg.registerId, orderId, 'shipped', { tracking: { carrier: 'Colissimo', number: '6A-RETURN' } });
    await registerPut(shop.reg, shipped);
    await jobOf(shop, 'shopify', 'fulfilment', shipped);
    const returned = orderEvent(shop.reg.registerId, orderId, 'returned', {
      lines: [{ sku: 'EPI-0002', quantity: 1 }],
      restock: true,
      refund: { to: 'original', amount: 690, surcharge: 100, surchargeReason: 'frais de retour' },
    });
    await registerPut(shop.reg, returned);
    const job = await jobOf(shop, 'shopify', 'refund', returned);
    expect(job.payload).toMatchObject({ refund: { amount: 690, currency: 'EUR' } });
    expect(shop.mocks.shopify.refundsOf(platformOrderId).map((r) => r.amount)).toEqual(['6.90']);
    expect(shop.mocks.shopify.statusOf(platformOrderId)).toBe('partially_refunded/fulfilled');
  });
});

describe('cancellation', () => {
  const STATUS: Record<MockPlatformKind, string> = { shopify: 'refunded/unfulfilled/cancelled', woocommerce: 'refunded', bigcommerce: 'Cancelled' };

  for (const kind of KINDS) {
    it(`${kind}: a paid order cancelled is refunded and cancelled on the platform, and the customer is told why`, async () => {
      const email = `cancel-${kind}@example.fr`;
      const { orderId, platformOrderId, doc } = await placeOrder(shop, kind, { email, lines: [{ sku: 'EPI-0002', quantity: 1, price: '7.90' }] });
      const cancelled = orderEvent(shop.reg.registerId, orderId, 'cancelled', { reason: 'article en rupture de stock', restock: true, refund: { to: 'original', amount: doc.total } });
      await registerPut(shop.reg, cancelled);
      const job = await jobOf(shop, kind, 'cancellation', cancelled);
      expect(job.payload).toMatchObject({ refund: { amount: doc.total }, reason: 'article en rupture de stock' });
      expect(shop.mocks[kind].statusOf(platformOrderId)).toBe(STATUS[kind]);
      expect(shop.mocks[kind].refundsOf(platformOrderId).map((r) => r.amount)).toEqual([(doc.total / 100).toFixed(2)]);
      const mail = await shop.smtp.waitFor((m) => mailTo(m) === email);
      expect(mail.subject).toBe(`Votre commande ${doc.orderNumber} a été annulée`);
      expect(mail.text).toContain('Motif: article en rupture de stock');
      expect(mail.text).toContain('remboursés');
    });
  }
});
