/** The demo store is linked to all three platforms with documented secrets; the environment overrides them. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hmacBase64 } from '../../support/mock-platforms/index.ts';
import { startServer, type RunningServer } from '../../support/server.ts';
import { waitForOrder } from './helpers.ts';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ seedDemo: true, env: { POLL_INTERVAL_MS: '0', WOOCOMMERCE_WEBHOOK_SECRET: 'override-woo-secret' } });
});

afterAll(async () => {
  await server?.stop();
});

const order = { id: 777001, name: '#2001', email: 'demo@example.fr', created_at: '2026-11-20T10:00:00+01:00', updated_at: '2026-11-20T10:00:00+01:00', currency: 'EUR', taxes_included: true, total_price: '8.40', financial_status: 'paid', fulfillment_status: null, payment_gateway_names: ['shopify_payments'], line_items: [{ id: 1, sku: 'EPI-0001', title: 'x', quantity: 2, price: '4.20', requires_shipping: false }], shipping_lines: [] };

const post = (platform: string, body: string, headers: Record<string, string>) =>
  fetch(`${server.url}/webhooks/${platform}/demo`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

it('accepts a Shopify webhook signed with demo-shopify-secret (as in the README curl)', async () => {
  const body = JSON.stringify(order);
  const res = await post('shopify', body, { 'X-Shopify-Topic': 'orders/create', 'X-Shopify-Event-Id': 'demo-1', 'X-Shopify-Hmac-Sha256': hmacBase64('demo-shopify-secret', body) });
  expect(res.status).toBe(200);
  const doc = await waitForOrder(server, 'demo', 'weborder:shopify:demo-shop.myshopify.com:777001', () => true);
  expect(doc).toMatchObject({ delivery: 'pickup', payment: { state: 'paid', processor: 'shopify_payments' }, problems: [] });
});

it('uses WOOCOMMERCE_WEBHOOK_SECRET instead of the demo secret when set, and lists the links without secrets', async () => {
  const body = JSON.stringify({ id: 9001, status: 'processing', date_created_gmt: '2026-11-20T09:00:00', date_modified_gmt: '2026-11-20T09:00:00', line_items: [] });
  const headers = (secret: string) => ({ 'X-WC-Webhook-Topic': 'order.created', 'X-WC-Webhook-Delivery-ID': '1', 'X-WC-Webhook-Signature': hmacBase64(secret, body) });
  expect((await post('woocommerce', body, headers('demo-woocommerce-secret'))).status).toBe(401);
  expect((await post('woocommerce', body, headers('override-woo-secret'))).status).toBe(200);
  const links = (await (await server.adminFetch('/api/admin/stores/demo/platforms')).json()) as { links: Array<Record<string, unknown>> };
  expect(links.links.map((l) => l.platform).sort()).toEqual(['bigcommerce', 'shopify', 'woocommerce']);
  expect(JSON.stringify(links)).not.toMatch(/"webhookSecret"/);
  expect(JSON.stringify(links)).not.toContain('override-woo-secret');
});
