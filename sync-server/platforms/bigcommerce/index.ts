/** The BigCommerce adapter: webhooks are thin, so every delivery fetches the order from the API. */
import type { DeliveryAction, PlatformAdapter } from '../adapter.ts';
import { MalformedDelivery } from '../adapter.ts';
import { BigCommerceApiClient } from './api-client.ts';
import { verifyBigCommerceWebhook } from './verify-webhook.ts';

type Json = Record<string, unknown>;

export const bigCommerceAdapter: PlatformAdapter = {
  platform: 'bigcommerce',
  credentialKeys: ['accessToken'],
  verifyWebhook: (req, secret, now) => verifyBigCommerceWebhook(req, secret, now),
  client: (link) => new BigCommerceApiClient(link),
  async resolveDelivery(topic, payload, api): Promise<DeliveryAction> {
    if (!topic.startsWith('store/order/')) return { kind: 'ignore', reason: `scope ${topic} is not handled` };
    const data = (payload as Json).data as Json | undefined;
    if (data?.id === undefined) throw new MalformedDelivery('the payload has no data.id');
    const id = String(data.id);
    if (topic === 'store/order/archived') return { kind: 'deleted', platformOrderId: id };
    const order = await api().getOrder(id);
    if (!order) return { kind: 'deleted', platformOrderId: id };
    return { kind: 'order', order };
  },
};
