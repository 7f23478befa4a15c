/**
 * Web order pushes to BigCommerce (the link's apiUrl ending in /stores/{hash}):
 *
 *   shipped           a parcel: POST /v2/orders/{id}/shipments {order_address_id, items:[{order_product_id,
 *                     quantity}], tracking_number, shipping_provider:"", tracking_carrier, comments} with
 *                     the parcel's units only (order products matched by id, else by SKU, capped at what
 *                     is not shipped yet — GET …/products, …/shipping_addresses). BigCommerce moves the
 *                     order to Partially Shipped (3) or Shipped (2) itself; once the order is complete
 *                     (the payload's `complete`) Shipped is made sure of with PUT /v2/orders/{id} {status_id:2}
 *   ready for pickup  PUT /v2/orders/{id} {status_id:8}  (Awaiting Pickup)
 *   picked up         PUT /v2/orders/{id} {status_id:10} (Completed)
 *   paid              PUT /v2/orders/{id} {status_id:11} (Awaiting Fulfillment: "payment has been
 *                     confirmed") while the order still waits for its payment (0 Incomplete, 1 Pending,
 *                     7 Awaiting Payment); a later status already says more and is left alone
 *   refund            POST /v3/orders/{id}/payment_actions/refund_quotes {items:[{item_type:"ORDER",
 *                     item_id, amount}]}, then POST /v3/orders/{id}/payment_actions/refunds with the
 *                     quote's first refund method as `payments` (BigCommerce requires the quoted split)
 *   cancellation      its refund (if any), then PUT /v2/orders/{id} {status_id:5} (Cancelled)
 *
 * Idempotent on a retry: statuses are read first; a shipment whose comments carry this job's marker
 * (or our tracking number), and a refund whose reason carries it, are recognised and not sent again.
 */
import type { WebOrderDoc } from '../../../src/domain/documents.ts';
import { PushError } from '../../outbound/http.ts';
import type { OrderEventPayload } from '../../outbound/jobs.ts';
import { decimalPrice, refMarker, type OrderEventKind, type PushContext, type PushOutcome } from '../../outbound/push-types.ts';

type Json = Record<string, unknown>;

export const BC_STATUS = { shipped: 2, partiallyShipped: 3, cancelled: 5, awaitingPayment: 7, awaitingPickup: 8, completed: 10, awaitingFulfillment: 11 } as const;
const AWAITING_PAYMENT = [0, 1, BC_STATUS.awaitingPayment];

const v2 = (id: string): string => `/v2/orders/${encodeURIComponent(id)}`;

async function statusOf(ctx: PushContext, id: string): Promise<number> {
  return Number(((await ctx.api.call('GET', v2(id))).body as Json).status_id);
}

async function setStatus(ctx: PushContext, id: string, statusId: number, out: string[]): Promise<void> {
  if ((await statusOf(ctx, id)) === statusId) {
    out.push(`status already ${statusId}`);
    return;
  }
  await ctx.api.call('PUT', v2(id), { body: { status_id: statusId }, idempotencyKey: ctx.key('status') });
  out.push(`status_id → ${statusId}`);
}

interface Product {
  id: number;
  sku: string;
  left: number;
  address?: number;
}

/** The shipment's items: the parcel's units (or everything left when the payload has no lines). */
function items(products: Product[], payload: OrderEventPayload): Array<{ order_product_id: number; quantity: number }> {
  if (!payload.lines || payload.lines.length === 0) return products.filter((p) => p.left > 0).map((p) => ({ order_product_id: p.id, quantity: p.left }));
  const out: Array<{ order_product_id: number; quantity: number }> = [];
  for (const line of payload.lines) {
    let want = line.quantity;
    const candidates = products.filter((p) => (line.platformLineId !== undefined && String(p.id) === line.platformLineId) || p.sku === line.sku);
    for (const p of candidates) {
      const take = Math.min(want, p.left);
      if (take <= 0) continue;
      out.push({ order_product_id: p.id, quantity: take });
      p.left -= take;
      want -= take;
    }
  }
  return out;
}

async function ship(ctx: PushContext, id: string, payload: OrderEventPayload, out: string[]): Promise<void> {
  const tracking = payload.tracking;
  const marker = refMarker(ctx.job.idempotencyKey);
  const existing = await ctx.api.call('GET', `${v2(id)}/shipments`, { accept: [204] });
  const shipments = Array.isArray(existing.body) ? (existing.body as Json[]) : [];
  const ours = shipments.find((s) => (typeof s.comments === 'string' && s.comments.includes(marker)) || (tracking && tracking.number !== '' && s.tracking_number === tracking.number));
  if (ours) {
    out.push(`shipment ${String(ours.id)} already exists`);
    return;
  }
  const lines = (await ctx.api.call('GET', `${v2(id)}/products`)).body;
  const products: Product[] = (Array.isArray(lines) ? (lines as Json[]) : []).map((l) => ({
    id: l.id as number,
    sku: String(l.sku ?? ''),
    left: Number(l.quantity) - Number(l.quantity_shipped ?? 0),
    ...(typeof l.order_address_id === 'number' ? { address: l.order_address_id } : {}),
  }));
  const parcel = items(products, payload);
  if (parcel.length === 0) {
    out.push('every item of the parcel already shipped');
    return;
  }
  const first = products.find((p) => p.id === parcel[0]!.order_product_id);
  let addressId = first?.address;
  if (addressId === undefined) {
    const addresses = (await ctx.api.call('GET', `${v2(id)}/shipping_addresses`, { accept: [204] })).body;
    addressId = Array.isArray(addresses) ? ((addresses as Json[])[0]?.id as number | undefined) : undefined;
  }
  if (addressId === undefined) throw new PushError(`bigcommerce: order ${id} has no shipping address to ship to`, true);
  const body: Json = {
    order_address_id: addressId,
    items: parcel,
    tracking_number: tracking?.number ?? '',
    shipping_provider: '',
    ...(tracking ? { tracking_carrier: tracking.carrier.toLowerCase().replace(/[^a-z0-9]+/g, '-') } : {}),
    comments: [tracking?.carrier, tracking?.url, marker].filter(Boolean).join(' '),
  };
  const created = await ctx.api.call('POST', `${v2(id)}/shipments`, { body, idempotencyKey: ctx.key('shipment') });
  out.push(`shipment ${String((created.body as Json).id ?? '?')} created`);
}

async function refund(ctx: PushContext, id: string, r: NonNullable<OrderEventPayload['refund']>, out: string[]): Promise<void> {
  const marker = refMarker(ctx.job.idempotencyKey);
  const base = `/v3/orders/${encodeURIComponent(id)}/payment_actions`;
  const existing = await ctx.api.call('GET', `${base}/refunds`, { accept: [204] });
  const done = (((existing.body as Json | null)?.data ?? []) as Json[]).some((x) => ((x.items ?? []) as Json[]).some((i) => typeof i.reason === 'string' && i.reason.includes(marker)));
  if (done) {
    out.push('refund already present');
    return;
  }
  const amount = Number(decimalPrice(r.amount, r.currency));
  const item = { item_type: 'ORDER', item_id: Number.isNaN(Number(id)) ? id : Number(id), amount };
  const quote = await ctx.api.call('POST', `${base}/refund_quotes`, { body: { items: [item] }, idempotencyKey: ctx.key('quote') });
  const methods = ((((quote.body as Json).data as Json | undefined)?.refund_methods ?? []) as Json[][]).filter((m) => Array.isArray(m) && m.length > 0);
  const method = methods[0];
  if (!method) throw new PushError(`bigcommerce: no refund method offered for order ${id}`, true);
  await ctx.api.call('POST', `${base}/refunds`, {
    body: {
      items: [{ ...item, reason: `${r.reason ?? 'Remboursement / Refund'} ${marker}` }],
      payments: method.map((p) => ({ provider_id: p.provider_id, amount: p.amount, offline: p.offline === true })),
    },
    idempotencyKey: ctx.key('refund'),
  });
  out.push(`refund of ${decimalPrice(r.amount, r.currency)} ${r.currency} created`);
}

export async function bigcommerceOrderEvent(ctx: PushContext, kind: OrderEventKind, payload: OrderEventPayload, _order: WebOrderDoc | null): Promise<PushOutcome> {
  const id = payload.platformOrderId;
  const out: string[] = [];
  switch (kind) {
    case 'fulfilment':
      await ship(ctx, id, payload, out);
      // Jobs made before parcels existed carry no `complete`: they shipped everything.
      if (payload.complete !== false) await setStatus(ctx, id, BC_STATUS.shipped, out);
      break;
    case 'ready_for_pickup':
      await setStatus(ctx, id, BC_STATUS.awaitingPickup, out);
      break;
    case 'picked_up':
      await setStatus(ctx, id, BC_STATUS.completed, out);
      break;
    case 'payment': {
      const status = await statusOf(ctx, id);
      if (AWAITING_PAYMENT.includes(status)) {
        await ctx.api.call('PUT', v2(id), { body: { status_id: BC_STATUS.awaitingFulfillment }, idempotencyKey: ctx.key('status') });
        out.push(`status_id ${status} → ${BC_STATUS.awaitingFulfillment}`);
      } else {
        out.push(`status already past payment (${status})`);
      }
      break;
    }
    case 'refund':
      if (payload.refund) await refund(ctx, id, payload.refund, out);
      else out.push('no refund through BigCommerce: already nothing to do');
      break;
    case 'cancellation':
      if (payload.refund) await refund(ctx, id, payload.refund, out);
      await setStatus(ctx, id, BC_STATUS.cancelled, out);
      break;
  }
  return { result: `order ${id}: ${out.join(', ')}`, skipped: out.every((o) => o.includes('already')) };
}
