/**
 * Shopify webhooks: X-Shopify-Hmac-Sha256 is the base64 HMAC-SHA256 of the raw body keyed with the
 * app's secret. Deliveries of one merchant action share X-Shopify-Event-Id (dedupe on it, with the
 * topic); X-Shopify-Webhook-Id changes on every retry.
 */
import type { VerifyOutcome, WebhookRequest } from '../adapter.ts';
import { base64SignatureMatches, header, hmacSha256, parseJsonObject } from '../signature.ts';

export const SHOPIFY_TOPICS = ['orders/create', 'orders/updated', 'orders/paid', 'orders/cancelled', 'orders/fulfilled', 'orders/partially_fulfilled', 'refunds/create'] as const;

export function verifyShopifyWebhook(req: WebhookRequest, secret: string): VerifyOutcome {
  const given = header(req.headers, 'x-shopify-hmac-sha256');
  if (!given) return { kind: 'forged', reason: 'missing X-Shopify-Hmac-Sha256 header' };
  if (!base64SignatureMatches(given, hmacSha256(secret, new Uint8Array(req.rawBody)))) return { kind: 'forged', reason: 'X-Shopify-Hmac-Sha256 does not match the body' };
  const topic = header(req.headers, 'x-shopify-topic');
  if (!topic) return { kind: 'malformed', reason: 'missing X-Shopify-Topic header' };
  const eventId = header(req.headers, 'x-shopify-event-id') ?? header(req.headers, 'x-shopify-webhook-id');
  if (!eventId || !/^[\w.:-]{1,200}$/.test(eventId)) return { kind: 'malformed', reason: 'missing or invalid X-Shopify-Event-Id header' };
  const payload = parseJsonObject(req.rawBody);
  if (typeof payload === 'string') return { kind: 'malformed', reason: payload };
  if (topic.startsWith('orders/') && payload.id === undefined) return { kind: 'malformed', reason: 'the order has no id' };
  if (topic === 'refunds/create' && payload.order_id === undefined) return { kind: 'malformed', reason: 'the refund has no order_id' };
  return { kind: 'ok', deliveryId: `${topic}:${eventId}`, topic, payload };
}
