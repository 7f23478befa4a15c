/**
 * WooCommerce webhooks: X-WC-Webhook-Signature is the base64 HMAC-SHA256 of the raw body keyed with
 * the webhook secret; X-WC-Webhook-Delivery-ID identifies the delivery. When a webhook is created,
 * WooCommerce posts an unsigned form body `webhook_id=N` that must get a 200 (or it disables the hook).
 */
import type { VerifyOutcome, WebhookRequest } from '../adapter.ts';
import { base64SignatureMatches, header, hmacSha256, parseJsonObject } from '../signature.ts';

export function verifyWooCommerceWebhook(req: WebhookRequest, secret: string): VerifyOutcome {
  const given = header(req.headers, 'x-wc-webhook-signature');
  if (!given) {
    // The creation ping: unsigned, no topic, form body webhook_id=<digits>.
    if (!header(req.headers, 'x-wc-webhook-topic') && /^webhook_id=\d{1,12}$/.test(req.rawBody.toString('utf8').trim())) return { kind: 'ping' };
    return { kind: 'forged', reason: 'missing X-WC-Webhook-Signature header' };
  }
  if (!base64SignatureMatches(given, hmacSha256(secret, new Uint8Array(req.rawBody)))) return { kind: 'forged', reason: 'X-WC-Webhook-Signature does not match the body' };
  const topic = header(req.headers, 'x-wc-webhook-topic');
  if (!topic) return { kind: 'malformed', reason: 'missing X-WC-Webhook-Topic header' };
  const deliveryId = header(req.headers, 'x-wc-webhook-delivery-id');
  if (!deliveryId || !/^[\w.:-]{1,200}$/.test(deliveryId)) return { kind: 'malformed', reason: 'missing or invalid X-WC-Webhook-Delivery-ID header' };
  const payload = parseJsonObject(req.rawBody);
  if (typeof payload === 'string') return { kind: 'malformed', reason: payload };
  if (topic.startsWith('order.') && payload.id === undefined) return { kind: 'malformed', reason: 'the order has no id' };
  const webhookId = header(req.headers, 'x-wc-webhook-id') ?? '0';
  return { kind: 'ok', deliveryId: `${webhookId}:${deliveryId}`, topic, payload };
}
