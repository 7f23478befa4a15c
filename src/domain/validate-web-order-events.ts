/**
 * Shape checks for the documents a register writes about web orders and mail (issue 4):
 * web_order_event (woevent:<registerId>:<ulid>, or woevent:server:<ulid> for the server's own, e.g.
 * an automatic cancellation; issue 6 adds the counter's steps) and mail_request
 * (mailreq:<registerId>:<ulid>). Every field is checked only on the kinds that carry it, with a
 * message naming the field. Used by validate.ts; who may write which id is checked by the server
 * (validate/store-doc.ts).
 */
import type { MailRequestDoc, WebOrderEventDoc } from './documents.ts';
import { isUlid } from './ids.ts';
import { array, boolean, describe, fail, integer, isoDate, moneyField, object, oneOf, optionalString, string } from './validate-fields.ts';
import type { Obj } from './validate-fields.ts';

export const WEB_ORDER_EVENT_KINDS = [
  'shipped', 'ready_for_pickup', 'picked_up', 'cancelled', 'picked', 'packed', 'note',
  'allocated', 'paid', 'changed', 'returned', 'assigned', 'address_corrected', 'printed',
] as const;

/** The kinds the web store hears about (the others are the counter's own steps: issue 6). */
export const PUSHED_WEB_ORDER_EVENT_KINDS = ['shipped', 'ready_for_pickup', 'picked_up', 'cancelled', 'changed', 'returned', 'paid'] as const;

/** Longest fulfilment note (and cancellation reason) kept (characters). */
export const MAX_ORDER_NOTE = 2000;
/** Most units one step may carry on a line (a scan is one; a parcel rarely holds more). */
const MAX_UNITS = 10_000;

type Kind = (typeof WEB_ORDER_EVENT_KINDS)[number];

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
  onlyOn(o, kind);
  checkPrepareFields(o, kind);
  checkMoneyFields(o, kind);
  checkRecordFields(o, kind);
  isoDate(o, 'at', '');
  string(o, 'by', '');
  return o as unknown as WebOrderEventDoc;
}

/** Which kinds carry which field: anything else on a kind is refused, naming the field. */
const CARRIED_BY: Readonly<Record<string, readonly Kind[]>> = {
  tracking: ['shipped'],
  sku: ['picked'],
  quantity: ['picked'],
  all: ['picked'],
  text: ['note'],
  override: ['packed', 'shipped', 'ready_for_pickup', 'picked_up'],
  overrideId: ['packed', 'shipped', 'ready_for_pickup', 'picked_up'],
  location: ['picked', 'packed', 'shipped', 'ready_for_pickup'],
  lines: ['shipped', 'returned'],
  parcel: ['shipped'],
  allocation: ['allocated'],
  payment: ['paid'],
  change: ['changed'],
  restock: ['cancelled', 'changed', 'returned'],
  refund: ['cancelled', 'changed', 'returned'],
  reason: ['cancelled'],
  assignee: ['assigned'],
  address: ['address_corrected'],
  customer: ['address_corrected'],
  printed: ['printed'],
};

function onlyOn(o: Obj, kind: Kind): void {
  for (const [key, kinds] of Object.entries(CARRIED_BY)) {
    if (o[key] !== undefined && !kinds.includes(kind)) {
      fail(key, `only a ${kinds.map((k) => `"${k}"`).join(' or ')} event carries ${key} (kind is "${kind}")`);
    }
  }
}

function unitLines(o: Obj, key: string): void {
  const lines = array(o, key, '');
  if (lines.length === 0) fail(key, 'must list at least one SKU');
  lines.forEach((raw, i) => {
    const l = object(raw, `${key}[${i}]`);
    string(l, 'sku', `${key}[${i}].`);
    integer(l, 'quantity', `${key}[${i}].`, 1, MAX_UNITS);
  });
}

/** picked, packed, shipped, ready, picked up: what was scanned, where, and the parcel. */
function checkPrepareFields(o: Obj, kind: Kind): void {
  if (o['override'] !== undefined) boolean(o, 'override', '');
  if (o['overrideId'] !== undefined) {
    if (o['override'] !== true) fail('overrideId', 'is only given with override: true');
    if (!string(o, 'overrideId', '').startsWith('override:')) fail('overrideId', `must be an override id "override:<registerId>:<ulid>", got ${describe(o['overrideId'])}`);
  }
  if (o['location'] !== undefined) string(o, 'location', '');
  if (kind === 'picked') {
    if (o['all'] !== undefined) {
      if (o['all'] !== true) fail('all', `must be true when present, got ${describe(o['all'])}`);
      if (o['sku'] !== undefined || o['quantity'] !== undefined) fail('all', 'a complete pick carries no sku or quantity');
    } else {
      string(o, 'sku', '');
      integer(o, 'quantity', '', 1, MAX_UNITS);
    }
  }
  if (o['tracking'] !== undefined) {
    const t = object(o['tracking'], 'tracking');
    string(t, 'carrier', 'tracking.');
    string(t, 'number', 'tracking.');
    optionalString(t, 'url', 'tracking.');
    if (typeof t['url'] === 'string' && !/^https?:\/\/\S+$/.test(t['url'])) fail('tracking.url', `must be an http(s) URL, got ${describe(t['url'])}`);
  }
  if (o['lines'] !== undefined || kind === 'returned') unitLines(o, 'lines');
  if (o['parcel'] !== undefined) {
    const p = object(o['parcel'], 'parcel');
    for (const key of ['weightGrams', 'lengthCm', 'widthCm', 'heightCm']) {
      const v = p[key];
      if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v <= 0)) fail(`parcel.${key}`, `must be a positive number, got ${describe(v)}`);
    }
    optionalString(p, 'service', 'parcel.');
  }
  if (kind === 'allocated') {
    const allocation = array(o, 'allocation', '');
    if (allocation.length === 0) fail('allocation', 'must place at least one SKU');
    allocation.forEach((raw, i) => {
      const a = object(raw, `allocation[${i}]`);
      string(a, 'sku', `allocation[${i}].`);
      string(a, 'location', `allocation[${i}].`);
      integer(a, 'quantity', `allocation[${i}].`, 0, MAX_UNITS);
    });
  }
}

/** paid, changed, cancelled, returned: the money and units moved. */
function checkMoneyFields(o: Obj, kind: Kind): void {
  if (kind === 'paid') {
    const p = object(o['payment'], 'payment');
    const amount = moneyField(p, 'amount', 'payment.');
    if (amount <= 0) fail('payment.amount', `must be more than 0, got ${amount}`);
    string(p, 'method', 'payment.');
    if (p['saleId'] !== undefined && !string(p, 'saleId', 'payment.').startsWith('sale:')) fail('payment.saleId', `must be a sale id, got ${describe(p['saleId'])}`);
    optionalString(p, 'reference', 'payment.');
  }
  if (kind === 'changed') {
    const c = object(o['change'], 'change');
    if (c['remove'] === undefined && c['add'] === undefined) fail('change', 'must remove units, add a line, or both');
    if (c['remove'] !== undefined) {
      integer(c, 'remove', 'change.', 1, MAX_UNITS);
      string(c, 'sku', 'change.');
    } else if (c['sku'] !== undefined) fail('change.sku', 'names the SKU whose units are removed: give remove too');
    if (c['add'] !== undefined) {
      const a = object(c['add'], 'change.add');
      string(a, 'sku', 'change.add.');
      string(a, 'name', 'change.add.');
      integer(a, 'quantity', 'change.add.', 1, MAX_UNITS);
      moneyField(a, 'unitPrice', 'change.add.', { nonNegative: true });
    }
  }
  if (o['restock'] !== undefined) boolean(o, 'restock', '');
  if (o['refund'] !== undefined) {
    const r = object(o['refund'], 'refund');
    const to = oneOf(r, 'to', 'refund.', ['original', 'store_credit'] as const);
    moneyField(r, 'amount', 'refund.', { nonNegative: true });
    if (r['surcharge'] !== undefined) moneyField(r, 'surcharge', 'refund.', { nonNegative: true });
    optionalString(r, 'surchargeReason', 'refund.');
    if (r['voucher'] !== undefined) {
      if (to !== 'store_credit') fail('refund.voucher', 'only a refund to store credit has a voucher');
      string(r, 'voucher', 'refund.');
    }
  }
}

/** note, cancelled, assigned, address_corrected, printed: what they record. */
function checkRecordFields(o: Obj, kind: Kind): void {
  if (kind === 'note') {
    const text = string(o, 'text', '');
    if (text.length > MAX_ORDER_NOTE) fail('text', `must be at most ${MAX_ORDER_NOTE} characters, got ${text.length}`);
  }
  if (o['reason'] !== undefined) {
    const reason = string(o, 'reason', '');
    if (reason.length > MAX_ORDER_NOTE) fail('reason', `must be at most ${MAX_ORDER_NOTE} characters, got ${reason.length}`);
  }
  if (kind === 'assigned') {
    if (o['assignee'] === undefined) fail('assignee', 'must be the staff member in charge, or null for nobody');
    if (o['assignee'] !== null) {
      const a = object(o['assignee'], 'assignee');
      string(a, 'id', 'assignee.');
      string(a, 'name', 'assignee.');
    }
  }
  if (kind === 'address_corrected') {
    if (o['address'] === undefined && o['customer'] === undefined) fail('address', 'an address correction carries the address, the customer, or both');
    if (o['address'] !== undefined) {
      const a = object(o['address'], 'address');
      for (const key of ['name', 'address1', 'city', 'postcode', 'country']) string(a, key, 'address.');
      for (const key of ['address2', 'region', 'phone']) optionalString(a, key, 'address.');
    }
    if (o['customer'] !== undefined) {
      const c = object(o['customer'], 'customer');
      string(c, 'name', 'customer.');
      optionalString(c, 'email', 'customer.');
      optionalString(c, 'phone', 'customer.');
    }
  }
  if (kind === 'printed') oneOf(o, 'printed', '', ['packing_slip', 'label', 'pick_list'] as const);
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
