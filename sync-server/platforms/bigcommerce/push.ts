/**
 * Pushes to BigCommerce (the link's apiUrl ending in /stores/{hash}; auth X-Auth-Token):
 *
 *   stock level       PUT /v3/inventory/adjustments/absolute
 *                     {reason, items:[{location_id, sku, quantity}]}  (location: the link's, default 1;
 *                     SKUs not in GET /v3/catalog/products are skipped)
 *   shipped           GET /v2/orders/{id}/shipments (204 = none): unless one carries our tracking number,
 *                     POST /v2/orders/{id}/shipments {order_address_id, items:[{order_product_id, quantity}],
 *                     tracking_number, shipping_provider:"", tracking_carrier, comments}
 *                     with the quantities not yet shipped (GET …/products, …/shipping_addresses),
 *                     then PUT /v2/orders/{id} {status_id:2} (Shipped)
 *   ready for pickup  PUT /v2/orders/{id} {status_id:8}  (Awaiting Pickup)
 *   picked up         PUT /v2/orders/{id} {status_id:10} (Completed)
 *   cancellation      PUT /v2/orders/{id} {status_id:5}  (Cancelled)
 *   price             PUT /v3/catalog/products/{id} {price}, or PUT /v3/catalog/products/{id}/variants/{variantId}
 *                     {price} when the SKU is a variant's (found in GET /v3/catalog/products?include=variants)
 * Status writes are absolute; on a verified attempt the current status_id is read first.
 */
import type { WebOrderDoc } from '../../../src/domain/documents.ts';
import type { OrderEventPayload, PricePayload, StockLevelPayload } from '../../outbound/jobs.ts';
import { PushError } from '../../outbound/http.ts';
import { decimalPrice, samePrice, type OrderEventKind, type PlatformPusher, type PushContext, type PushOutcome } from '../../outbound/push-types.ts';

type Json = Record<string, unknown>;

export const BC_STATUS = { shipped: 2, cancelled: 5, awaitingPickup: 8, completed: 10 } as const;

interface CatalogRef {
  productId: number;
  variantId: number | null;
  price: unknown;
}

async function skus(ctx: PushContext, refresh: boolean): Promise<Map<string, number | null>> {
  const memo = ctx.memo.get('bigcommerce:skus') as Map<string, number | null> | undefined;
  if (memo && !refresh) return memo;
  const map = new Map<string, number | null>();
  const refs = new Map<string, CatalogRef>();
  for (let page = 1; page <= 1000; page++) {
    const res = await ctx.api.call('GET', `/v3/catalog/products?include=variants&limit=250&page=${page}`);
    const body = res.body as Json;
    for (const p of (body.data ?? []) as Json[]) {
      if (typeof p.sku === 'string' && p.sku !== '') {
        map.set(p.sku, typeof p.inventory_level === 'number' ? p.inventory_level : null);
        refs.set(p.sku, { productId: p.id as number, variantId: null, price: p.price });
      }
      for (const v of (p.variants ?? []) as Json[]) {
        if (typeof v.sku === 'string' && v.sku !== '') {
          map.set(v.sku, typeof v.inventory_level === 'number' ? v.inventory_level : null);
          // A product's base variant carries the product's own SKU: the product endpoint sets it.
          if (!refs.has(v.sku)) refs.set(v.sku, { productId: p.id as number, variantId: (v.id as number | undefined) ?? null, price: v.price ?? p.price });
        }
      }
    }
    const pagination = ((body.meta as Json | undefined)?.pagination ?? {}) as Json;
    if (page >= Number(pagination.total_pages ?? 1)) break;
  }
  ctx.memo.set('bigcommerce:skus', map);
  ctx.memo.set('bigcommerce:refs', refs);
  return map;
}

async function catalogRef(ctx: PushContext, sku: string): Promise<CatalogRef | undefined> {
  await skus(ctx, ctx.verify);
  let refs = ctx.memo.get('bigcommerce:refs') as Map<string, CatalogRef> | undefined;
  if (!refs?.has(sku)) {
    await skus(ctx, true);
    refs = ctx.memo.get('bigcommerce:refs') as Map<string, CatalogRef> | undefined;
  }
  return refs?.get(sku);
}

async function setStatus(ctx: PushContext, id: string, statusId: number, out: string[]): Promise<void> {
  if (ctx.verify) {
    const res = await ctx.api.call('GET', `/v2/orders/${encodeURIComponent(id)}`);
    if (Number((res.body as Json).status_id) === statusId) {
      out.push(`status already ${statusId}`);
      return;
    }
  }
  await ctx.api.call('PUT', `/v2/orders/${encodeURIComponent(id)}`, { body: { status_id: statusId }, idempotencyKey: ctx.key('status') });
  out.push(`status_id → ${statusId}`);
}

async function ship(ctx: PushContext, id: string, tracking: OrderEventPayload['tracking'], out: string[]): Promise<void> {
  const path = `/v2/orders/${encodeURIComponent(id)}`;
  const existing = await ctx.api.call('GET', `${path}/shipments`, { accept: [204] });
  const shipments = Array.isArray(existing.body) ? (existing.body as Json[]) : [];
  const ours = tracking ? shipments.find((s) => s.tracking_number === tracking.number) : undefined;
  const lines = (await ctx.api.call('GET', `${path}/products`)).body as Json[];
  const remaining = (Array.isArray(lines) ? lines : [])
    .map((l) => ({ id: l.id as number, left: Number(l.quantity) - Number(l.quantity_shipped ?? 0), address: l.order_address_id as number | undefined }))
    .filter((l) => l.left > 0);
  if (ours || remaining.length === 0) {
    out.push(ours ? `shipment ${String(ours.id)} already exists` : 'every item already shipped');
    return;
  }
  const addresses = (await ctx.api.call('GET', `${path}/shipping_addresses`, { accept: [204] })).body;
  const addressId = remaining[0]!.address ?? (Array.isArray(addresses) ? ((addresses as Json[])[0]?.id as number | undefined) : undefined);
  if (addressId === undefined) throw new PushError(`bigcommerce: order ${id} has no shipping address to ship to`, true);
  const body: Json = {
    order_address_id: addressId,
    items: remaining.map((l) => ({ order_product_id: l.id, quantity: l.left })),
    tracking_number: tracking?.number ?? '',
    shipping_provider: '',
    ...(tracking ? { tracking_carrier: tracking.carrier.toLowerCase().replace(/[^a-z0-9]+/g, '-'), comments: `${tracking.carrier}${tracking.url ? ` ${tracking.url}` : ''}` } : {}),
  };
  const created = await ctx.api.call('POST', `${path}/shipments`, { body, idempotencyKey: ctx.key('shipment') });
  out.push(`shipment ${String((created.body as Json).id ?? '?')} created`);
}

export const bigcommercePush: PlatformPusher = {
  async stockLevel(ctx: PushContext, payload: StockLevelPayload): Promise<PushOutcome> {
    let known = await skus(ctx, ctx.verify);
    if (!known.has(payload.sku)) known = await skus(ctx, true);
    if (!known.has(payload.sku)) return { result: `SKU ${payload.sku} is not sold on BigCommerce: nothing to push`, skipped: true };
    if (ctx.verify && known.get(payload.sku) === payload.available) {
      return { result: `BigCommerce already shows ${payload.available} for ${payload.sku}`, skipped: true };
    }
    const location = Number(ctx.api.link.locationId ?? 1);
    await ctx.api.call('PUT', '/v3/inventory/adjustments/absolute', {
      body: { reason: 'Comptoir stock level', items: [{ location_id: location, sku: payload.sku, quantity: payload.available }] },
      idempotencyKey: ctx.key('absolute'),
    });
    known.set(payload.sku, payload.available);
    return { result: `quantity ${payload.available} set for ${payload.sku} at location ${location}` };
  },

  async price(ctx: PushContext, payload: PricePayload): Promise<PushOutcome> {
    const ref = await catalogRef(ctx, payload.sku);
    if (!ref) return { result: `SKU ${payload.sku} is not sold on BigCommerce: nothing to push`, skipped: true };
    const price = decimalPrice(payload.price, payload.currency);
    if (ctx.verify && samePrice(ref.price, payload.price, payload.currency)) {
      return { result: `BigCommerce already shows ${price} for ${payload.sku}`, skipped: true };
    }
    const path = ref.variantId === null ? `/v3/catalog/products/${ref.productId}` : `/v3/catalog/products/${ref.productId}/variants/${ref.variantId}`;
    await ctx.api.call('PUT', path, { body: { price: Number(price) }, idempotencyKey: ctx.key('price') });
    ref.price = Number(price);
    return { result: `price ${price} set for ${payload.sku} (${ref.variantId === null ? `product ${ref.productId}` : `variant ${ref.variantId}`})` };
  },

  async orderEvent(ctx: PushContext, kind: OrderEventKind, payload: OrderEventPayload, _order: WebOrderDoc | null): Promise<PushOutcome> {
    const id = payload.platformOrderId;
    const out: string[] = [];
    switch (kind) {
      case 'fulfilment':
        await ship(ctx, id, payload.tracking, out);
        await setStatus(ctx, id, BC_STATUS.shipped, out);
        break;
      case 'ready_for_pickup':
        await setStatus(ctx, id, BC_STATUS.awaitingPickup, out);
        break;
      case 'picked_up':
        await setStatus(ctx, id, BC_STATUS.completed, out);
        break;
      case 'cancellation':
        await setStatus(ctx, id, BC_STATUS.cancelled, out);
        break;
    }
    return { result: `order ${id}: ${out.join(', ')}`, skipped: out.every((o) => o.includes('already')) };
  },
};
