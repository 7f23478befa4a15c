/**
 * Pushes to BigCommerce (the link's apiUrl ending in /stores/{hash}; auth X-Auth-Token):
 *
 *   stock level       PUT /v3/inventory/adjustments/absolute
 *                     {reason, items:[{location_id, sku, quantity}]}  (location: the link's, default 1;
 *                     SKUs not in GET /v3/catalog/products are skipped)
 *   web order events  push-orders.ts (shipments per parcel, statuses, payment, refunds)
 *   price and name    PUT /v3/catalog/products/{id} {price, name} for a product's own SKU, or
 *                     PUT /v3/catalog/products/{id}/variants/{variantId} {price} when the SKU is a variant's
 *                     (found in GET /v3/catalog/products?include=variants): the product's name is then kept,
 *                     its other variants share it. Only what changed is sent; a verified attempt leaves alone
 *                     what BigCommerce already shows. Names are unique in a BigCommerce store: a 409 on a
 *                     rename is final (staff rename one of the two products, then retry).
 */
import type { PricePayload, StockLevelPayload } from '../../outbound/jobs.ts';
import { PushError } from '../../outbound/http.ts';
import {
  decimalPrice, productBody, productDone, productResult, type PlatformPusher, type PushContext, type PushOutcome,
} from '../../outbound/push-types.ts';
import { bigcommerceOrderEvent } from './push-orders.ts';

type Json = Record<string, unknown>;

interface CatalogRef {
  productId: number;
  variantId: number | null;
  price: unknown;
  /** The product's name (a variant's SKU: the name its variants share). */
  name: unknown;
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
        refs.set(p.sku, { productId: p.id as number, variantId: null, price: p.price, name: p.name });
      }
      for (const v of (p.variants ?? []) as Json[]) {
        if (typeof v.sku === 'string' && v.sku !== '') {
          map.set(v.sku, typeof v.inventory_level === 'number' ? v.inventory_level : null);
          // A product's base variant carries the product's own SKU: the product endpoint sets it.
          if (!refs.has(v.sku)) refs.set(v.sku, { productId: p.id as number, variantId: (v.id as number | undefined) ?? null, price: v.price ?? p.price, name: p.name });
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
    const shown = { price: ref.price, name: ref.name, sharedWith: ref.variantId === null ? null : { title: ref.name, productId: ref.productId } };
    const { body, already, kept } = productBody(ctx, payload, shown, { field: 'price', value: Number(price) });
    let done: string[] = [];
    if (Object.keys(body).length > 0) {
      const onProduct = ref.variantId === null;
      const path = onProduct ? `/v3/catalog/products/${ref.productId}` : `/v3/catalog/products/${ref.productId}/variants/${ref.variantId}`;
      const res = await ctx.api.call('PUT', path, { body, idempotencyKey: ctx.key(onProduct ? 'product' : 'price'), ...(body['name'] !== undefined ? { accept: [409] } : {}) });
      if (res.status === 409) {
        throw new PushError(`bigcommerce PUT ${path}: HTTP 409: the name "${payload.name}" is refused, most likely another product already has it (names are unique in a BigCommerce store)`, true, 409);
      }
      done = productDone(body, payload, 'price', onProduct ? `product ${ref.productId}` : `variant ${ref.variantId}`);
      if (body['price'] !== undefined) ref.price = body['price'];
      if (body['name'] !== undefined) ref.name = payload.name;
    }
    return productResult('BigCommerce', payload.sku, done, already, kept);
  },

  orderEvent: bigcommerceOrderEvent,
};
