/** The WooCommerce adapter. */
import type { DeliveryAction, PlatformAdapter } from '../adapter.ts';
import { WooCommerceApiClient } from './api-client.ts';
import { mapWooCommerceOrder } from './map-order.ts';
import { verifyWooCommerceWebhook } from './verify-webhook.ts';

type Json = Record<string, unknown>;

export const wooCommerceAdapter: PlatformAdapter = {
  platform: 'woocommerce',
  credentialKeys: ['consumerKey', 'consumerSecret'],
  verifyWebhook: (req, secret) => verifyWooCommerceWebhook(req, secret),
  client: (link) => new WooCommerceApiClient(link),
  async resolveDelivery(topic, payload): Promise<DeliveryAction> {
    const p = payload as Json;
    if (topic === 'order.deleted') return { kind: 'deleted', platformOrderId: String(p.id) };
    if (topic.startsWith('order.')) return { kind: 'order', order: mapWooCommerceOrder(p) };
    return { kind: 'ignore', reason: `topic ${topic} is not handled` };
  },
};
