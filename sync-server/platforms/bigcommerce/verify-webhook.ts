/**
 * BigCommerce webhooks carry the custom header set when the hook was created (our shared secret in
 * X-Comptoir-Webhook-Secret) and a Standard Webhooks signature: webhook-signature holds one or more
 * "v1,<base64 HMAC-SHA256 of `${webhook-id}.${webhook-timestamp}.${body}`>" (key: the secret, base64-
 * decoded when it starts with "whsec_"). webhook-id is the dedupe key (kept across retries).
 */
import type { VerifyOutcome, WebhookRequest } from '../adapter.ts';
import { base64SignatureMatches, header, hmacSha256, parseJsonObject, secretsEqual } from '../signature.ts';

export const BIGCOMMERCE_SECRET_HEADER = 'x-comptoir-webhook-secret';
/** Standard Webhooks: refuse timestamps further than this from our clock (replays). */
export const TIMESTAMP_TOLERANCE_S = 5 * 60;

export function standardWebhooksKey(secret: string): Uint8Array {
  return new Uint8Array(secret.startsWith('whsec_') ? Buffer.from(secret.slice('whsec_'.length), 'base64') : Buffer.from(secret, 'utf8'));
}

export function verifyBigCommerceWebhook(req: WebhookRequest, secret: string, now: Date): VerifyOutcome {
  const shared = header(req.headers, BIGCOMMERCE_SECRET_HEADER);
  if (!shared) return { kind: 'forged', reason: `missing ${BIGCOMMERCE_SECRET_HEADER} header` };
  if (!secretsEqual(shared, secret)) return { kind: 'forged', reason: `${BIGCOMMERCE_SECRET_HEADER} is wrong` };
  const id = header(req.headers, 'webhook-id');
  const timestamp = header(req.headers, 'webhook-timestamp');
  const signature = header(req.headers, 'webhook-signature');
  if (!id || !timestamp || !signature) return { kind: 'forged', reason: 'missing webhook-id, webhook-timestamp or webhook-signature header' };
  if (!/^\d{1,12}$/.test(timestamp)) return { kind: 'malformed', reason: 'webhook-timestamp must be Unix seconds' };
  const expected = hmacSha256(standardWebhooksKey(secret), Buffer.concat([new Uint8Array(Buffer.from(`${id}.${timestamp}.`, 'utf8')), new Uint8Array(req.rawBody)]) as unknown as Uint8Array);
  const ok = signature.split(' ').some((entry) => {
    const [version, sig] = entry.split(',', 2);
    return version === 'v1' && sig !== undefined && base64SignatureMatches(sig, expected);
  });
  if (!ok) return { kind: 'forged', reason: 'webhook-signature does not match the body' };
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > TIMESTAMP_TOLERANCE_S) return { kind: 'forged', reason: 'webhook-timestamp is too far from now (replayed delivery?)' };
  if (!/^[\w.:-]{1,200}$/.test(id)) return { kind: 'malformed', reason: 'invalid webhook-id' };
  const payload = parseJsonObject(req.rawBody);
  if (typeof payload === 'string') return { kind: 'malformed', reason: payload };
  const scope = typeof payload.scope === 'string' ? payload.scope : '';
  if (!scope) return { kind: 'malformed', reason: 'the payload has no scope' };
  const data = payload.data as Record<string, unknown> | undefined;
  if (scope.startsWith('store/order/') && (typeof data !== 'object' || data === null || data.id === undefined)) return { kind: 'malformed', reason: 'the payload has no data.id' };
  return { kind: 'ok', deliveryId: id, topic: scope, payload };
}
