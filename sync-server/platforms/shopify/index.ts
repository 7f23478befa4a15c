/** The Shopify adapter. */
import type { DeliveryAction, PlatformAdapter } from '../adapter.ts';
import { ShopifyApiClient } from './api-client.ts';
import { mapShopifyOrder, mapShopifyRefund } from './map-order.ts';
import { verifyShopifyWebhook } from './verify-webhook.ts';

type Json = Record<string, unknown>;

export const shopifyAdapter: PlatformAdapter = {
  platform: 'shopify',
  credentialKeys: ['accessToken'],
  verifyWebhook: (req, secret) => verifyShopifyWebhook(req, secret),
  client: (link) => new ShopifyApiClient(link),
  async resolveDelivery(topic, payload, api): Promise<DeliveryAction> {
    const p = payload as Json;
    if (topic === 'refunds/create') {
      // The refund alone; the order (with all its refunds) is fetched when the API is reachable.
      const orderId = String(p.order_id);
      try {
        const order = await api().getOrder(orderId);
        if (order) return { kind: 'order', order };
      } catch {
        // no credentials or API down: record the refund on the order we have
      }
      return { kind: 'refund', platformOrderId: orderId, refund: mapShopifyRefund(p, typeof p.currency === 'string' ? p.currency : 'EUR') };
    }
    if (topic.startsWith('orders/') && topic !== 'orders/delete') {
      const order = mapShopifyOrder(p);
      if (order.status !== 'new') return { kind: 'order', order };
      // The payload carries no risk or card check results: asked for when the API can be reached.
      try {
        const checks = await api().paymentChecks?.(order.platformOrderId);
        return { kind: 'order', order: checks ? { ...order, paymentChecks: checks } : order };
      } catch {
        return { kind: 'order', order }; // no credentials or API down: the checks come with a later update or the poll
      }
    }
    if (topic === 'orders/delete') return { kind: 'deleted', platformOrderId: String(p.id) };
    return { kind: 'ignore', reason: `topic ${topic} is not handled` };
  },
};
