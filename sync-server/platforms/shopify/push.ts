/**
 * Pushes to Shopify (Admin REST API, the version in the link's apiUrl):
 *
 *   stock level       POST inventory_levels/set.json {location_id, inventory_item_id, available}
 *                     (an absolute set; the SKU → inventory_item_id map comes from GET products.json,
 *                     the location from the link or the first active GET locations.json)
 *   web order events  push-orders.ts (parcels, pickup, payment, refunds, cancellation)
 *   price and name    PUT variants/{id}.json {variant:{id, price}} (the variant found by SKU in GET products.json),
 *                     PUT products/{id}.json {product:{id, title}} only when the SKU's product has no other
 *                     variant: the title of a product with several variants is theirs too, it is kept.
 *                     Only what changed is sent; a verified attempt leaves alone what Shopify already shows.
 */
import type { PricePayload, StockLevelPayload } from '../../outbound/jobs.ts';
import { PushError } from '../../outbound/http.ts';
import {
  decimalPrice, nameKept, productChanges, productResult, samePrice, type PlatformPusher, type PushContext, type PushOutcome,
} from '../../outbound/push-types.ts';
import { shopifyOrderEvent } from './push-orders.ts';

type Json = Record<string, unknown>;
interface VariantRef {
  variantId: number | string | null;
  inventoryItemId: number | string;
  inventoryQuantity: number | null;
  price: unknown;
  productId: number | string | null;
  /** The product's title, and how many variants share it. */
  title: unknown;
  variantCount: number;
}

export { READY_FOR_PICKUP_TAG } from './push-orders.ts';

/** page_info of the rel="next" link, if any. */
export function nextPageInfo(link: string | null): string | null {
  if (!link) return null;
  for (const part of link.split(',')) {
    if (!/rel="?next"?/.test(part)) continue;
    const m = /<([^>]+)>/.exec(part);
    if (!m) continue;
    try {
      return new URL(m[1]!).searchParams.get('page_info');
    } catch {
      return null;
    }
  }
  return null;
}

async function variantsBySku(ctx: PushContext, refresh: boolean): Promise<Map<string, VariantRef>> {
  const memo = ctx.memo.get('shopify:variants') as Map<string, VariantRef> | undefined;
  if (memo && !refresh) return memo;
  const map = new Map<string, VariantRef>();
  let pageInfo: string | null = null;
  for (let guard = 0; guard < 1000; guard++) {
    const path: string = pageInfo ? `/products.json?limit=250&page_info=${encodeURIComponent(pageInfo)}` : '/products.json?limit=250';
    const res = await ctx.api.call('GET', path);
    for (const p of ((res.body as Json).products ?? []) as Json[]) {
      const variants = (p.variants ?? []) as Json[];
      for (const v of variants) {
        if (typeof v.sku === 'string' && v.sku !== '' && v.inventory_item_id !== undefined && v.inventory_item_id !== null) {
          map.set(v.sku, {
            variantId: (v.id as number | string | undefined) ?? null,
            inventoryItemId: v.inventory_item_id as number,
            inventoryQuantity: typeof v.inventory_quantity === 'number' ? v.inventory_quantity : null,
            price: v.price,
            productId: (p.id as number | string | undefined) ?? null,
            title: p.title,
            variantCount: variants.length,
          });
        }
      }
    }
    pageInfo = nextPageInfo(res.headers.get('link'));
    if (!pageInfo) break;
  }
  ctx.memo.set('shopify:variants', map);
  return map;
}

async function locationId(ctx: PushContext): Promise<number | string> {
  if (ctx.api.link.locationId) return /^\d+$/.test(ctx.api.link.locationId) ? Number(ctx.api.link.locationId) : ctx.api.link.locationId;
  const memo = ctx.memo.get('shopify:location') as number | string | undefined;
  if (memo !== undefined) return memo;
  const res = await ctx.api.call('GET', '/locations.json');
  const loc = (((res.body as Json).locations ?? []) as Json[]).find((l) => l.active !== false);
  if (!loc) throw new PushError('shopify: the shop has no active location to hold stock', true);
  ctx.memo.set('shopify:location', loc.id as number);
  return loc.id as number;
}

export const shopifyPush: PlatformPusher = {
  async stockLevel(ctx: PushContext, payload: StockLevelPayload): Promise<PushOutcome> {
    let variants = await variantsBySku(ctx, ctx.verify);
    if (!variants.has(payload.sku)) variants = await variantsBySku(ctx, true);
    const ref = variants.get(payload.sku);
    if (!ref) return { result: `SKU ${payload.sku} is not sold on Shopify: nothing to push`, skipped: true };
    if (ctx.verify && ref.inventoryQuantity === payload.available) {
      return { result: `Shopify already shows ${payload.available} for ${payload.sku}`, skipped: true };
    }
    const location = await locationId(ctx);
    await ctx.api.call('POST', '/inventory_levels/set.json', {
      body: { location_id: location, inventory_item_id: ref.inventoryItemId, available: payload.available },
      idempotencyKey: ctx.key('set'),
    });
    ref.inventoryQuantity = payload.available;
    return { result: `available ${payload.available} set for ${payload.sku} (inventory item ${String(ref.inventoryItemId)})` };
  },

  async price(ctx: PushContext, payload: PricePayload): Promise<PushOutcome> {
    let variants = await variantsBySku(ctx, ctx.verify);
    if (!variants.get(payload.sku)?.variantId) variants = await variantsBySku(ctx, true);
    const ref = variants.get(payload.sku);
    if (!ref?.variantId) return { result: `SKU ${payload.sku} is not sold on Shopify: nothing to push`, skipped: true };
    const want = productChanges(payload);
    const done: string[] = [];
    const already: string[] = [];
    const kept: string[] = [];
    if (want.price) {
      const price = decimalPrice(payload.price, payload.currency);
      if (ctx.verify && samePrice(ref.price, payload.price, payload.currency)) already.push(price);
      else {
        await ctx.api.call('PUT', `/variants/${encodeURIComponent(String(ref.variantId))}.json`, { body: { variant: { id: ref.variantId, price } }, idempotencyKey: ctx.key('price') });
        ref.price = price;
        done.push(`price ${price} set (variant ${String(ref.variantId)})`);
      }
    }
    if (want.name) {
      const title = payload.name!;
      if (ref.variantCount > 1 || ref.productId === null) kept.push(nameKept(ref.title, ref.productId));
      else if (ctx.verify && ref.title === title) already.push(`the title "${title}"`);
      else {
        await ctx.api.call('PUT', `/products/${encodeURIComponent(String(ref.productId))}.json`, { body: { product: { id: ref.productId, title } }, idempotencyKey: ctx.key('title') });
        ref.title = title;
        done.push(`title "${title}" set (product ${String(ref.productId)})`);
      }
    }
    return productResult('Shopify', payload.sku, done, already, kept);
  },

  orderEvent: shopifyOrderEvent,
};
