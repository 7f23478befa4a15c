/**
 * Web order pushes to Shopify (Admin REST API, plus one GraphQL mutation where REST has no
 * equivalent):
 *
 *   shipped           a parcel: GET orders/{id}/fulfillment_orders.json, then POST fulfillments.json
 *                     {fulfillment:{line_items_by_fulfillment_order:[{fulfillment_order_id,
 *                     fulfillment_order_line_items:[{id, quantity}]}], tracking_info:{company, number, url},
 *                     notify_customer:false}} with the parcel's units only (matched to the fulfilment
 *                     order line items by the order's line id; Comptoir mails the customer itself).
 *                     Shopify marks the order partially fulfilled, then fulfilled with the last parcel.
 *   picked up         the same, for everything still open, without tracking
 *   ready for pickup  PUT orders/{id}.json {order:{id, tags}} adding the tag "ready-for-pickup"
 *                     (the REST subset has no pickup state)
 *   paid              GraphQL orderMarkAsPaid(input:{id}) — the documented way to record a payment
 *                     received outside the checkout (cash on pickup, bank transfer, cheque) — unless
 *                     financial_status already says paid
 *   refund            POST orders/{id}/refunds.json {refund:{currency, notify:false, note,
 *                     transactions:[{parent_id, amount, kind:"refund", gateway}]}} against the order's
 *                     successful sale/capture (GET orders/{id}/transactions.json); money only: stock is
 *                     Comptoir's, pushed as stock levels
 *   cancellation      its refund (if any), then POST orders/{id}/cancel.json unless cancelled_at is set
 *
 * Idempotent on a retry: a fulfilment carrying our tracking number, a refund whose note carries this
 * job's marker, a paid or cancelled order are recognised and not sent again.
 */
import type { WebOrderDoc } from '../../../src/domain/documents.ts';
import { PushError } from '../../outbound/http.ts';
import type { OrderEventPayload } from '../../outbound/jobs.ts';
import { decimalPrice, refMarker, type OrderEventKind, type PushContext, type PushOutcome } from '../../outbound/push-types.ts';

type Json = Record<string, unknown>;

export const READY_FOR_PICKUP_TAG = 'ready-for-pickup';
const OPEN = ['open', 'in_progress', 'scheduled'];
const PAID = ['paid', 'partially_refunded', 'refunded'];

const orderPath = (id: string): string => `/orders/${encodeURIComponent(id)}`;

/** The order's line id for each SKU of the parcel: from the payload, the web order, or the platform's order. */
async function lineIds(ctx: PushContext, orderId: string, payload: OrderEventPayload, order: WebOrderDoc | null): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const l of payload.lines ?? []) if (l.platformLineId) ids.set(l.sku, l.platformLineId);
  for (const l of order?.lines ?? []) {
    const sku = l.sku ?? l.platformSku;
    if (sku && l.platformLineId && !ids.has(sku)) ids.set(sku, l.platformLineId);
  }
  if ((payload.lines ?? []).every((l) => ids.has(l.sku))) return ids;
  const res = await ctx.api.call('GET', `${orderPath(orderId)}.json`);
  for (const li of (((res.body as Json).order as Json | undefined)?.line_items ?? []) as Json[]) {
    if (typeof li.sku === 'string' && li.sku !== '' && !ids.has(li.sku)) ids.set(li.sku, String(li.id));
  }
  return ids;
}

/** Fulfilment orders holding the parcel's location first (by id or name), then the others. */
function byLocation(fos: Json[], location: string | undefined): Json[] {
  if (!location) return fos;
  const here = (fo: Json): boolean => {
    const loc = (fo.assigned_location ?? {}) as Json;
    return String(fo.assigned_location_id ?? loc.location_id ?? '') === location || String(loc.name ?? '').toLowerCase() === location.toLowerCase();
  };
  return [...fos.filter(here), ...fos.filter((fo) => !here(fo))];
}

async function fulfil(ctx: PushContext, orderId: string, payload: OrderEventPayload, order: WebOrderDoc | null, everything: boolean): Promise<PushOutcome> {
  const tracking = payload.tracking;
  if (ctx.verify && tracking) {
    const res = await ctx.api.call('GET', `${orderPath(orderId)}/fulfillments.json`);
    const ours = (((res.body as Json).fulfillments ?? []) as Json[]).find((f) => f.tracking_number === tracking.number || (Array.isArray(f.tracking_numbers) && f.tracking_numbers.includes(tracking.number)));
    if (ours) return { result: `fulfilment ${String(ours.id)} with ${tracking.number} already on Shopify`, skipped: true };
  }
  const res = await ctx.api.call('GET', `${orderPath(orderId)}/fulfillment_orders.json`);
  const open = byLocation((((res.body as Json).fulfillment_orders ?? []) as Json[]).filter((fo) => OPEN.includes(String(fo.status))), payload.location);
  if (open.length === 0) return { result: `order ${orderId} has no open fulfilment order on Shopify: already fulfilled`, skipped: true };
  let groups: Json[];
  const parcel = payload.lines ?? [];
  if (everything || parcel.length === 0) {
    groups = open.map((fo) => ({ fulfillment_order_id: fo.id }));
  } else {
    const ids = await lineIds(ctx, orderId, payload, order);
    const perFo = new Map<unknown, Json[]>();
    const missing: string[] = [];
    for (const line of parcel) {
      let left = line.quantity;
      const lineId = ids.get(line.sku);
      for (const fo of open) {
        for (const li of (fo.line_items ?? []) as Json[]) {
          if (left <= 0 || lineId === undefined || String(li.line_item_id) !== lineId) continue;
          const take = Math.min(left, Number(li.fulfillable_quantity ?? li.quantity ?? 0));
          if (take <= 0) continue;
          perFo.set(fo.id, [...(perFo.get(fo.id) ?? []), { id: li.id, quantity: take }]);
          left -= take;
        }
      }
      if (left > 0) missing.push(`${left} × ${line.sku}`);
    }
    if (perFo.size === 0) return { result: `order ${orderId}: nothing of this parcel is left to fulfil on Shopify (${missing.join(', ')})`, skipped: true };
    groups = [...perFo].map(([id, items]) => ({ fulfillment_order_id: id, fulfillment_order_line_items: items }));
  }
  const fulfillment: Json = { line_items_by_fulfillment_order: groups, notify_customer: false };
  if (tracking) fulfillment.tracking_info = { company: tracking.carrier, number: tracking.number, ...(tracking.url ? { url: tracking.url } : {}) };
  const created = await ctx.api.call('POST', '/fulfillments.json', { body: { fulfillment }, idempotencyKey: ctx.key('fulfillment') });
  const id = ((created.body as Json).fulfillment as Json | undefined)?.id;
  return { result: `fulfilment ${String(id ?? '?')} created for order ${orderId}${tracking ? ` (${tracking.carrier} ${tracking.number})` : ''}` };
}

async function getOrder(ctx: PushContext, id: string): Promise<Json> {
  const res = await ctx.api.call('GET', `${orderPath(id)}.json`);
  return ((res.body as Json).order ?? {}) as Json;
}

const MARK_AS_PAID = 'mutation orderMarkAsPaid($input: OrderMarkAsPaidInput!) { orderMarkAsPaid(input: $input) { order { id displayFinancialStatus } userErrors { field message } } }';

async function markPaid(ctx: PushContext, id: string): Promise<PushOutcome> {
  const order = await getOrder(ctx, id);
  if (PAID.includes(String(order.financial_status))) return { result: `order ${id} is already ${String(order.financial_status)} on Shopify`, skipped: true };
  const gid = typeof order.admin_graphql_api_id === 'string' ? order.admin_graphql_api_id : `gid://shopify/Order/${id}`;
  const res = await ctx.api.call('POST', '/graphql.json', { body: { query: MARK_AS_PAID, variables: { input: { id: gid } } }, idempotencyKey: ctx.key('paid') });
  const body = res.body as Json;
  const data = ((body.data as Json | undefined)?.orderMarkAsPaid ?? {}) as Json;
  const errors = [...((body.errors ?? []) as Json[]), ...((data.userErrors ?? []) as Json[])];
  if (errors.length > 0) throw new PushError(`shopify orderMarkAsPaid: ${errors.map((e) => String(e.message)).join('; ')}`, true);
  return { result: `order ${id} marked as paid on Shopify` };
}

async function refund(ctx: PushContext, id: string, r: NonNullable<OrderEventPayload['refund']>): Promise<string> {
  const marker = refMarker(ctx.job.idempotencyKey);
  const existing = await ctx.api.call('GET', `${orderPath(id)}/refunds.json`);
  if ((((existing.body as Json).refunds ?? []) as Json[]).some((x) => typeof x.note === 'string' && x.note.includes(marker))) return 'refund already on Shopify';
  const tx = await ctx.api.call('GET', `${orderPath(id)}/transactions.json`);
  const paid = (((tx.body as Json).transactions ?? []) as Json[]).filter((t) => ['sale', 'capture'].includes(String(t.kind)) && t.status === 'success');
  const parent = paid.at(-1);
  if (!parent) throw new PushError(`shopify: order ${id} has no captured payment to refund`, true);
  const amount = decimalPrice(r.amount, r.currency);
  await ctx.api.call('POST', `${orderPath(id)}/refunds.json`, {
    body: { refund: { currency: r.currency, notify: false, note: `${r.reason ?? 'Remboursement / Refund'} ${marker}`, transactions: [{ parent_id: parent.id, amount, kind: 'refund', gateway: parent.gateway }] } },
    idempotencyKey: ctx.key('refund'),
  });
  return `refund of ${amount} ${r.currency} created`;
}

export async function shopifyOrderEvent(ctx: PushContext, kind: OrderEventKind, payload: OrderEventPayload, order: WebOrderDoc | null): Promise<PushOutcome> {
  const id = payload.platformOrderId;
  switch (kind) {
    case 'fulfilment':
      return fulfil(ctx, id, payload, order, false);
    case 'picked_up':
      return fulfil(ctx, id, payload, order, true);
    case 'ready_for_pickup': {
      const o = await getOrder(ctx, id);
      const tags = String(o.tags ?? '')
        .split(',')
        .map((t) => t.trim())
        .filter((t) => t !== '');
      if (tags.includes(READY_FOR_PICKUP_TAG)) return { result: `order ${id} is already tagged ${READY_FOR_PICKUP_TAG}`, skipped: true };
      await ctx.api.call('PUT', `${orderPath(id)}.json`, {
        body: { order: { id: Number.isNaN(Number(id)) ? id : Number(id), tags: [...tags, READY_FOR_PICKUP_TAG].join(', ') } },
        idempotencyKey: ctx.key('tags'),
      });
      return { result: `order ${id} tagged ${READY_FOR_PICKUP_TAG}` };
    }
    case 'payment':
      return markPaid(ctx, id);
    case 'refund': {
      const r = payload.refund;
      if (!r) return { result: `order ${id}: no refund through Shopify`, skipped: true };
      const done = await refund(ctx, id, r);
      return { result: `order ${id}: ${done}`, ...(done.includes('already') ? { skipped: true } : {}) };
    }
    case 'cancellation': {
      const out: string[] = [];
      if (payload.refund) out.push(await refund(ctx, id, payload.refund));
      const o = await getOrder(ctx, id);
      if (o.cancelled_at) out.push('already cancelled');
      else {
        await ctx.api.call('POST', `${orderPath(id)}/cancel.json`, { body: {}, idempotencyKey: ctx.key('cancel') });
        out.push('cancelled');
      }
      return { result: `order ${id} on Shopify: ${out.join(', ')}`, skipped: out.every((x) => x.includes('already')) };
    }
  }
}
