/**
 * The outbound queue's documents (ADR 0007), shared by the sync server that writes them
 * (sync-server/outbound/jobs.ts re-exports these types) and the registers that read them (the
 * projection keeps them in the read model so staff see the queue, offline too):
 *
 *   outbound:<platform>:<kind>:<key>   a push to a web store (stock level, price and name, fulfilment, status)
 *   mail:<key>                         a mail to send (receipt, shipped, ready for pickup,
 *                                      cancellation, new order for the shop)
 *
 * Registers never write them (the server refuses any register write to those prefixes). A product
 * job's payload (kind 'price': price, name and which of them changed) is checked field by field, here
 * and by the server before it pushes: a job that would put a garbled price or a blank title on a web
 * store is refused, naming the field.
 */
import type { Platform } from './documents.ts';
import { err, ok, type Result } from './result.ts';
import { currency, describe, fail, integer, Invalid, isoDate, moneyField, object, oneOf, optionalString, string } from './validate-fields.ts';
import type { Obj } from './validate-fields.ts';

/**
 * payment: the order marked paid on the platform (a 'paid' event); refund: money given back through
 * the platform (a 'changed' or 'returned' event refunding to the original tender of an order paid
 * online — a cancellation carries its own refund in its payload).
 */
export type OutboundKind = 'stock_level' | 'price' | 'fulfilment' | 'ready_for_pickup' | 'picked_up' | 'cancellation' | 'payment' | 'refund';
/** cancellation: the customer told their order was cancelled; new_order: the shop told a web order came in. */
export type MailKind = 'receipt' | 'shipped' | 'ready_for_pickup' | 'cancellation' | 'new_order';
export type JobState = 'pending' | 'sending' | 'done' | 'failed' | 'dead';

export const OUTBOUND_PREFIX = 'outbound:';
export const MAIL_PREFIX = 'mail:';
export const JOB_STATES: readonly JobState[] = ['pending', 'sending', 'done', 'failed', 'dead'];
export const OUTBOUND_KINDS: readonly OutboundKind[] = ['stock_level', 'price', 'fulfilment', 'ready_for_pickup', 'picked_up', 'cancellation', 'payment', 'refund'];
export const MAIL_KINDS: readonly MailKind[] = ['receipt', 'shipped', 'ready_for_pickup', 'cancellation', 'new_order'];
const PLATFORMS: readonly Platform[] = ['shopify', 'woocommerce', 'bigcommerce'];

export interface JobClaim {
  owner: string;
  /** ISO instant the lease ends; after it another process may claim the job. */
  until: string;
  /** The job's version when it was claimed (a producer may bump it while the push is in flight). */
  version: number;
  /** True when the previous claim's lease expired without a result: the outcome of that send is unknown. */
  resumed: boolean;
}

/** Payload of a stock-level push: the quantity the platform should show as available. */
export interface StockLevelPayload {
  sku: string;
  available: number;
  onHand: number;
  reserved: number;
}

/** What a product push (kind 'price', named before names were pushed too) may set on the platform. */
export type ProductPushField = 'price' | 'name';
export const PRODUCT_PUSH_FIELDS: readonly ProductPushField[] = ['price', 'name'];

/**
 * Payload of a product push: the product's price in Comptoir (minor units of `currency`) and its
 * name, and which of them changed since the platforms were last sent them. Only those are set: a
 * price change does not overwrite a title the web store worded its own way, nor a rename a price.
 */
export interface PricePayload {
  sku: string;
  price: number;
  currency: string;
  /** Absent on jobs made before names were pushed: those set the price only. */
  name?: string;
  /** Absent on jobs made before names were pushed: ['price']. */
  changed?: ProductPushField[];
  /** The product document revision that carried these values. */
  rev: string;
}

/** The fields a product push sets (older jobs: the price). */
export function productPushFields(p: Pick<PricePayload, 'changed'>): ProductPushField[] {
  return p.changed ?? ['price'];
}

/** Payload of a web-order status push (from a register's web_order_event). */
export interface OrderEventPayload {
  /** weborder:<platform>:<shop>:<orderId> */
  orderId: string;
  platformOrderId: string;
  /** The woevent:<registerId>:<ulid> document that caused it. */
  eventId: string;
  tracking?: { carrier: string; number: string; url?: string };
  at: string;
  /**
   * fulfilment: the units of this parcel, as the order's fold resolved them (an event without lines
   * ships everything left, of its location if it has one); `platformLineId` is the platform's line
   * when the web order knows it. Absent on jobs made before parcels existed: everything left.
   */
  lines?: Array<{ sku: string; quantity: number; platformLineId?: string }>;
  /** fulfilment: the location that shipped this parcel (Comptoir's location id). */
  location?: string;
  /**
   * fulfilment / picked_up: whether nothing is left to ship once this event is applied (folded up to
   * and including it). Absent on older jobs: treated as complete.
   */
  complete?: boolean;
  /** payment: the balance taken at the register (saleId) or reconciled by hand. */
  payment?: { amount: number; method: string; reference?: string; saleId?: string };
  /**
   * refund, or cancellation with a refund: the money going back through the platform to the
   * customer's original tender (minor units of `currency`). Only for orders paid online.
   */
  refund?: { amount: number; currency: string; reason?: string };
  /** cancellation: why (told to the customer, noted on the platform where it has a place for it). */
  reason?: string;
}

export interface MailPayload {
  template: MailKind;
  to: string;
  /** receipt: the sale; shipped / ready_for_pickup / cancellation / new_order: the web order. */
  sourceId: string;
  /** shipped / ready_for_pickup / cancellation: the event (for the tracking, the reason). */
  eventId?: string;
  /** The request or event that asked for this mail. */
  requestId: string;
  locale?: 'fr-FR' | 'en';
}

interface JobBase {
  _id: string;
  _rev?: string;
  type: 'outbound_job';
  /** Sent with every request (header Idempotency-Key) and used to recognise our own remote writes. */
  idempotencyKey: string;
  state: JobState;
  /** Bumped when a producer replaces the payload (stock levels and prices are coalesced into one job per SKU). */
  version: number;
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: string;
  createdAt: string;
  updatedAt: string;
  lastError?: string;
  /** Why a pending job is not being sent at all (e.g. "SMTP not configured"). */
  blocked?: string;
  claim?: JobClaim;
  doneAt?: string;
  /** A short note on how it was done ("already fulfilled on the platform", message id…). */
  result?: string;
  /** Attempt log, most recent last, capped. */
  history?: Array<{ at: string; outcome: 'ok' | 'error' | 'skipped'; detail: string }>;
}

/** A push to a web store (outbound:<platform>:<kind>:<key>). */
export interface OutboundJobDoc extends JobBase {
  channel: 'platform';
  platform: Platform;
  shop: string;
  kind: OutboundKind;
  payload: StockLevelPayload | PricePayload | OrderEventPayload;
}

/** A mail to send (mail:<key>). */
export interface MailJobDoc extends JobBase {
  channel: 'mail';
  kind: MailKind;
  payload: MailPayload;
}

export type QueueJobDoc = OutboundJobDoc | MailJobDoc;

/** Whether an id belongs to the queue (outbound:… or mail:…). */
export function isQueueJobId(id: string): boolean {
  return id.startsWith(OUTBOUND_PREFIX) || id.startsWith(MAIL_PREFIX);
}

/** A product push that would send a garbled price or an empty title to a web store is refused. */
function checkPricePayload(p: Obj): void {
  string(p, 'sku', 'payload.');
  moneyField(p, 'price', 'payload.', { nonNegative: true });
  currency(p, 'currency', 'payload.');
  string(p, 'rev', 'payload.', { nonEmpty: false });
  if (p['name'] !== undefined) string(p, 'name', 'payload.');
  if (p['changed'] !== undefined) {
    const changed = p['changed'];
    if (!Array.isArray(changed) || changed.length === 0) fail('payload.changed', `must be a non-empty array of ${PRODUCT_PUSH_FIELDS.join(', ')}, got ${describe(changed)}`);
    changed.forEach((f: unknown, i) => {
      if (!(PRODUCT_PUSH_FIELDS as readonly unknown[]).includes(f)) fail(`payload.changed[${i}]`, `must be one of ${PRODUCT_PUSH_FIELDS.join(', ')}, got ${describe(f)}`);
    });
    if (changed.includes('name') && p['name'] === undefined) fail('payload.name', 'must be given when the name changed');
  }
}

/** A platform job's payload as the push would read it; the error names the field at fault. */
export function parsePricePayload(x: unknown): Result<PricePayload, string> {
  try {
    const p = object(x, 'payload');
    checkPricePayload(p);
    return ok(p as unknown as PricePayload);
  } catch (e) {
    if (e instanceof Invalid) return err(e.message);
    throw e;
  }
}

function checkJob(x: unknown): QueueJobDoc {
  const o: Obj = object(x, 'document');
  if (o['type'] !== 'outbound_job') fail('type', `must be "outbound_job", got ${describe(o['type'])}`);
  const id = string(o, '_id', '');
  optionalString(o, '_rev', '');
  const channel = oneOf(o, 'channel', '', ['platform', 'mail'] as const);
  if (channel === 'platform') {
    const platform = oneOf(o, 'platform', '', PLATFORMS);
    const kind = oneOf(o, 'kind', '', OUTBOUND_KINDS);
    if (!id.startsWith(`${OUTBOUND_PREFIX}${platform}:${kind}:`) || id.length === `${OUTBOUND_PREFIX}${platform}:${kind}:`.length) {
      fail('_id', `must be "outbound:${platform}:${kind}:<key>", got ${describe(id)}`);
    }
    string(o, 'shop', '', { nonEmpty: false });
    if (kind === 'price') checkPricePayload(object(o['payload'], 'payload'));
  } else {
    oneOf(o, 'kind', '', MAIL_KINDS);
    if (!id.startsWith(MAIL_PREFIX) || id.length === MAIL_PREFIX.length) fail('_id', `must be "mail:<key>", got ${describe(id)}`);
  }
  object(o['payload'], 'payload');
  string(o, 'idempotencyKey', '');
  oneOf(o, 'state', '', JOB_STATES);
  integer(o, 'version', '', 0);
  integer(o, 'attempts', '', 0);
  integer(o, 'maxAttempts', '', 0);
  isoDate(o, 'nextAttemptAt', '');
  isoDate(o, 'createdAt', '');
  isoDate(o, 'updatedAt', '');
  for (const k of ['lastError', 'blocked', 'result']) optionalString(o, k, '');
  if (o['doneAt'] !== undefined) isoDate(o, 'doneAt', '');
  if (o['claim'] !== undefined) {
    const c = object(o['claim'], 'claim');
    string(c, 'owner', 'claim.');
    isoDate(c, 'until', 'claim.');
  }
  if (o['history'] !== undefined && !Array.isArray(o['history'])) fail('history', `must be an array, got ${describe(o['history'])}`);
  return o as unknown as QueueJobDoc;
}

/** An outbound or mail job as replicated; the error starts with the field path. */
export function parseQueueJobDoc(x: unknown): Result<QueueJobDoc, string> {
  try {
    return ok(checkJob(x));
  } catch (e) {
    if (e instanceof Invalid) return err(e.message);
    throw e;
  }
}
