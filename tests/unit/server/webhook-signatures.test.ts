/** Webhook signature checks of the three adapters, on raw bytes (sync-server/platforms/*). */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyBigCommerceWebhook } from '../../../sync-server/platforms/bigcommerce/verify-webhook.ts';
import { verifyShopifyWebhook } from '../../../sync-server/platforms/shopify/verify-webhook.ts';
import { verifyWooCommerceWebhook } from '../../../sync-server/platforms/woocommerce/verify-webhook.ts';
import { toMinorUnits } from '../../../sync-server/platforms/money.ts';

const hmac = (key: string | Uint8Array, data: string) => createHmac('sha256', key).update(data).digest('base64');
const body = '{"id":1,"note":"café"}';
const raw = Buffer.from(body, 'utf8');

describe('webhook signatures', () => {
  it('Shopify: HMAC of the raw body; a re-serialised body does not verify', () => {
    const headers = { 'x-shopify-hmac-sha256': hmac('s3cret-key', body), 'x-shopify-topic': 'orders/create', 'x-shopify-event-id': 'e1' };
    expect(verifyShopifyWebhook({ headers, rawBody: raw }, 's3cret-key')).toMatchObject({ kind: 'ok', deliveryId: 'orders/create:e1' });
    expect(verifyShopifyWebhook({ headers, rawBody: Buffer.from(JSON.stringify(JSON.parse(body)) + ' ') }, 's3cret-key').kind).toBe('forged');
    expect(verifyShopifyWebhook({ headers, rawBody: raw }, 'other-key').kind).toBe('forged');
    expect(verifyShopifyWebhook({ headers: { ...headers, 'x-shopify-hmac-sha256': 'short' }, rawBody: raw }, 's3cret-key').kind).toBe('forged');
  });

  it('WooCommerce: signed deliveries, and the unsigned creation ping', () => {
    const headers = { 'x-wc-webhook-signature': hmac('woo-secret', body), 'x-wc-webhook-topic': 'order.created', 'x-wc-webhook-delivery-id': '42', 'x-wc-webhook-id': '7' };
    expect(verifyWooCommerceWebhook({ headers, rawBody: raw }, 'woo-secret')).toMatchObject({ kind: 'ok', deliveryId: '7:42' });
    expect(verifyWooCommerceWebhook({ headers: {}, rawBody: Buffer.from('webhook_id=7') }, 'woo-secret').kind).toBe('ping');
    expect(verifyWooCommerceWebhook({ headers: {}, rawBody: raw }, 'woo-secret').kind).toBe('forged');
  });

  it('BigCommerce: shared-secret header plus Standard Webhooks v1 signature, fresh timestamp', () => {
    const now = new Date('2026-11-28T12:00:00Z');
    const ts = String(now.getTime() / 1000);
    const sig = (key: string) => `v1,${hmac(key, `msg_1.${ts}.${body}`)}`;
    const headers = { 'x-comptoir-webhook-secret': 'bc-secret-1', 'webhook-id': 'msg_1', 'webhook-timestamp': ts, 'webhook-signature': `v1,bm90IGl0 ${sig('bc-secret-1')}` };
    const thin = Buffer.from('{"scope":"store/order/created","data":{"type":"order","id":5}}');
    const signThin = (key: string) => `v1,${hmac(key, `msg_1.${ts}.${thin.toString()}`)}`;
    expect(verifyBigCommerceWebhook({ headers: { ...headers, 'webhook-signature': signThin('bc-secret-1') }, rawBody: thin }, 'bc-secret-1', now)).toMatchObject({ kind: 'ok', deliveryId: 'msg_1', topic: 'store/order/created' });
    expect(verifyBigCommerceWebhook({ headers, rawBody: raw }, 'bc-secret-1', now).kind).toBe('malformed'); // authentic, but no scope
    expect(verifyBigCommerceWebhook({ headers: { ...headers, 'x-comptoir-webhook-secret': 'nope' }, rawBody: raw }, 'bc-secret-1', now).kind).toBe('forged');
    expect(verifyBigCommerceWebhook({ headers, rawBody: raw }, 'bc-secret-1', new Date(now.getTime() + 3600_000)).kind).toBe('forged');
    const whsec = `whsec_${Buffer.from('binary-key-bytes').toString('base64')}`;
    const h2 = { ...headers, 'x-comptoir-webhook-secret': whsec, 'webhook-signature': `v1,${createHmac('sha256', new Uint8Array(Buffer.from('binary-key-bytes'))).update(`msg_1.${ts}.${thin.toString()}`).digest('base64')}` };
    expect(verifyBigCommerceWebhook({ headers: h2, rawBody: thin }, whsec, now).kind).toBe('ok');
  });

  it('reads platform money exactly', () => {
    expect(toMinorUnits('19.99', 'EUR')).toBe(1999);
    expect(toMinorUnits('4.2000', 'EUR')).toBe(420);
    expect(toMinorUnits('0.105', 'EUR')).toBe(11);
    expect(toMinorUnits(12.5, 'EUR')).toBe(1250);
    expect(toMinorUnits('1500', 'JPY')).toBe(1500);
    expect(toMinorUnits('-3.10', 'EUR')).toBe(-310);
  });
});
