/**
 * Shape checks for the documents a register writes about web orders and mail (issue 4):
 * web_order_event (woevent:<registerId>:<ulid>; issue 6 adds the counter steps picked / packed / note) and mail_request (mailreq:<registerId>:<ulid>).
 * Used by validate.ts; who may write which id is checked by the server (validate/store-doc.ts).
 */
import type { MailRequestDoc, WebOrderEventDoc } from './documents.ts';
import { isUlid } from './ids.ts';
import { boolean, describe, fail, integer, isoDate, object, oneOf, optionalString, string } from './validate-fields.ts';
import type { Obj } from './validate-fields.ts';

export const WEB_ORDER_EVENT_KINDS = ['shipped', 'ready_for_pickup', 'picked_up', 'cancelled', 'picked', 'packed', 'note'] as const;

/** The kinds the web store hears about (the others are the counter's own steps: issue 6). */
export const PUSHED_WEB_ORDER_EVENT_KINDS = ['shipped', 'ready_for_pickup', 'picked_up', 'cancelled'] as const;

/** Longest fulfilment note kept (characters). */
export const MAX_ORDER_NOTE = 2000;

function registerUlidId(o: Obj, prefix: string): void {
  const id = o['_id'] as string;
  const parts = id.split(':');
  if (parts.length !== 3 || parts[0] !== prefix || !/^[^:\s]+$/.test(parts[1] ?? '') || !isUlid(parts[2] ?? '')) {
    fail('_id', `must be "${prefix}:<registerId>:<ulid>", got ${describe(id)}`);
  }
}

export function checkWebOrderEvent(o: Obj): WebOrderEventDoc {
  registerUlidId(o, 'woevent');
  const orderId = string(o, 'orderId', '');
  if (!/^weborder:(shopify|woocommerce|bigcommerce):[^:]+:[^:]+$/.test(orderId)) {
    fail('orderId', `must be a web order id "weborder:<platform>:<shop>:<orderId>", got ${describe(orderId)}`);
  }
  const kind = oneOf(o, 'kind', '', WEB_ORDER_EVENT_KINDS);
  if (o['tracking'] !== undefined) {
    if (kind !== 'shipped') fail('tracking', `only a "shipped" event carries tracking (kind is "${kind}")`);
    const t = object(o['tracking'], 'tracking');
    string(t, 'carrier', 'tracking.');
    string(t, 'number', 'tracking.');
    optionalString(t, 'url', 'tracking.');
    if (typeof t['url'] === 'string' && !/^https?:\/\/\S+$/.test(t['url'])) fail('tracking.url', `must be an http(s) URL, got ${describe(t['url'])}`);
  }
  checkStepFields(o, kind);
  isoDate(o, 'at', '');
  string(o, 'by', '');
  return o as unknown as WebOrderEventDoc;
}

/** The fields of issue 6's steps (picked, packed, note, override): only on the kinds that carry them. */
function checkStepFields(o: Obj, kind: (typeof WEB_ORDER_EVENT_KINDS)[number]): void {
  const only = (key: string, kinds: readonly string[]): void => {
    if (o[key] !== undefined && !kinds.includes(kind)) fail(key, `only a ${kinds.map((k) => `"${k}"`).join(' or ')} event carries ${key} (kind is "${kind}")`);
  };
  only('sku', ['picked']);
  only('quantity', ['picked']);
  only('all', ['picked']);
  only('text', ['note']);
  only('override', ['packed', 'shipped', 'ready_for_pickup', 'picked_up']);
  if (o['override'] !== undefined) boolean(o, 'override', '');
  if (kind === 'picked') {
    if (o['all'] !== undefined) {
      if (o['all'] !== true) fail('all', `must be true when present, got ${describe(o['all'])}`);
      if (o['sku'] !== undefined || o['quantity'] !== undefined) fail('all', 'a complete pick carries no sku or quantity');
    } else {
      string(o, 'sku', '');
      integer(o, 'quantity', '', 1, 10_000);
    }
  }
  if (kind === 'note') {
    const text = string(o, 'text', '');
    if (text.length > MAX_ORDER_NOTE) fail('text', `must be at most ${MAX_ORDER_NOTE} characters, got ${text.length}`);
  }
}

export function checkMailRequest(o: Obj): MailRequestDoc {
  registerUlidId(o, 'mailreq');
  const saleId = string(o, 'saleId', '');
  if (!saleId.startsWith('sale:')) fail('saleId', `must be a sale id, got ${describe(saleId)}`);
  const to = string(o, 'to', '');
  if (!/^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+$/.test(to) || to.length > 254) fail('to', `is not an e-mail address: ${describe(to)}`);
  if (o['locale'] !== undefined) oneOf(o, 'locale', '', ['fr-FR', 'en'] as const);
  isoDate(o, 'at', '');
  return o as unknown as MailRequestDoc;
}
