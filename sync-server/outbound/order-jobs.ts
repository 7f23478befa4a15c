/**
 * The jobs a web order brings (producers.ts calls these from the changes feed):
 *
 *  - each event the platform must hear about (order-payloads.ts decides which and what) becomes one
 *    job outbound:<platform>:<kind>:<registerId>:<ulid>;
 *  - the customer is mailed for a parcel shipped (with its tracking), an order ready for pickup and
 *    an order cancelled (with the reason): mail:<template>:<registerId>:<ulid>;
 *  - a new web order is announced to the shop (StoreSettingsDoc.newOrderMailTo): mail:new_order:<order>.
 *
 * Every id is deterministic (from the event or the order), so producing twice — a restart, two
 * server processes — creates nothing more: the job exists already (createIfAbsent).
 */
import type { StoreSettingsDoc, WebOrderDoc, WebOrderEventDoc } from '../../src/domain/documents.ts';
import { idPart, mailJobId, platformJobId, type MailJobDoc, type MailKind, type PlatformJobDoc } from './jobs.ts';
import { parseWebOrderId, planEvent, pushedKind } from './order-payloads.ts';
import type { JobStore } from './queue.ts';
import type { StockLedger } from './stock-ledger.ts';

export interface OrderJobContext {
  jobs: JobStore;
  ledger: StockLedger;
  maxAttempts: number;
  /** Why mail cannot be sent (e.g. "SMTP not configured"), or null. */
  mailBlocked: () => string | null;
  log: (msg: string) => void;
}

/** The customer mails that follow an event, by event kind. */
const CUSTOMER_MAIL: Partial<Record<WebOrderEventDoc['kind'], MailKind>> = {
  shipped: 'shipped',
  ready_for_pickup: 'ready_for_pickup',
  cancelled: 'cancellation',
};

/** How long after its creation an order still counts as "new" when it first shows up here. */
export const NEW_ORDER_WINDOW_MS = 48 * 3600_000;

async function mailJob(ctx: OrderJobContext, template: MailKind, key: string, payload: Omit<MailJobDoc['payload'], 'template'>): Promise<number> {
  const blocked = ctx.mailBlocked();
  const r = await ctx.jobs.createIfAbsent({
    _id: mailJobId(`${template}:${key}`),
    type: 'outbound_job',
    channel: 'mail',
    kind: template,
    idempotencyKey: `${template}:${key}`,
    maxAttempts: ctx.maxAttempts,
    payload: { template, ...payload },
    ...(blocked ? { blocked } : {}),
  } as MailJobDoc);
  return r === 'created' ? 1 : 0;
}

/**
 * The jobs of one event: its push (if any) and the customer's mail (if any). Returns how many were
 * created, or 'no_order' when the event replicated before its order (the producer keeps it until
 * the order arrives).
 */
export async function eventJobs(ctx: OrderJobContext, ev: WebOrderEventDoc): Promise<number | 'no_order'> {
  const ref = parseWebOrderId(ev.orderId);
  if (!ref) {
    ctx.log(`${ev._id}: "${ev.orderId}" is not a web order id; nothing to push`);
    return 0;
  }
  const template = CUSTOMER_MAIL[ev.kind];
  // The counter's own steps (picked, packed, note…) bring neither a push nor a mail.
  if (pushedKind(ev) === undefined && !template) return 0;
  const known = ctx.ledger.order(ev.orderId);
  if (!known) return 'no_order';
  const key = ev._id.slice('woevent:'.length);
  const plan = planEvent(ev, known.order, known.events, ctx.ledger.defaultLocation);
  let n = 0;
  if (plan.push) {
    const created = await ctx.jobs.createIfAbsent({
      _id: platformJobId(ref.platform, plan.kind, key),
      type: 'outbound_job',
      channel: 'platform',
      platform: ref.platform,
      shop: ref.shop,
      kind: plan.kind,
      idempotencyKey: `${ref.platform}:${plan.kind}:${key}`,
      maxAttempts: ctx.maxAttempts,
      payload: plan.payload,
    } as PlatformJobDoc);
    if (created === 'created') n++;
  } else {
    ctx.log(`${ev._id} (${ev.kind}): nothing to push — ${plan.why}`);
  }
  // A refused step changed nothing: the customer is not told about it either (no address given).
  if (template && plan.customerEmail) {
    n += await mailJob(ctx, template, key, { to: plan.customerEmail, sourceId: ev.orderId, eventId: ev._id, requestId: ev._id });
  }
  return n;
}

/**
 * The shop's "new web order" mail, once per order (the job id is the order's): only for an order
 * still new and placed on the platform less than NEW_ORDER_WINDOW_MS ago, so that switching the
 * setting on, or importing last month's orders, does not mail the shop about old orders.
 */
export async function newOrderJob(ctx: OrderJobContext, order: WebOrderDoc, settings: StoreSettingsDoc | null, nowMs: number): Promise<number> {
  const to = settings?.newOrderMailTo?.trim();
  if (!to || order.type !== 'web_order' || order.status !== 'new') return 0;
  const created = Date.parse(order.createdAt);
  if (!Number.isFinite(created) || nowMs - created > NEW_ORDER_WINDOW_MS) return 0;
  return mailJob(ctx, 'new_order', idPart(order._id), { to, sourceId: order._id, requestId: order._id, ...(settings?.locale ? { locale: settings.locale } : {}) });
}
