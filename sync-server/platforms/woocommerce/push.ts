/**
 * Pushes to WooCommerce (REST API v3, the link's apiUrl ending in /wp-json/wc/v3):
 *
 *   stock level       PUT /products/{id} {manage_stock:true, stock_quantity}
 *                     (the product found with GET /products?sku=…, matched exactly on sku); a variation's
 *                     SKU: PUT /products/{parent_id}/variations/{id}, as for prices
 *   web order events  push-orders.ts (parcel notes, completed, payment, refunds, cancellation)
 *   price and name    PUT /products/{id} {regular_price, name} for a product's own SKU (the product found by
 *                     SKU as for stock levels); a variation's SKU (GET /products?sku= also finds variations)
 *                     gets PUT /products/{parent_id}/variations/{id} {regular_price} and its parent's name is
 *                     kept (the variable product's other variations share it). Only what changed is sent; a
 *                     verified attempt leaves alone what WooCommerce already shows.
 */
import type { PricePayload, StockLevelPayload } from '../../outbound/jobs.ts';
import type { PlatformPusher, PushContext, PushOutcome } from '../../outbound/push-types.ts';
import { decimalPrice, productBody, productDone, productResult } from '../../outbound/push-types.ts';
import { woocommerceOrderEvent } from './push-orders.ts';

type Json = Record<string, unknown>;

/** A SKU's catalogue entry: a product, or a variation of `parentId`; its values as last read or set. */
interface CatalogRef {
  id: number;
  parentId: number | null;
  regularPrice: unknown;
  name: unknown;
}

async function productBySku(ctx: PushContext, sku: string): Promise<Json | null> {
  for (let page = 1; page <= 50; page++) {
    const res = await ctx.api.call('GET', `/products?sku=${encodeURIComponent(sku)}&per_page=100&page=${page}`);
    const list = Array.isArray(res.body) ? (res.body as Json[]) : [];
    const hit = list.find((p) => p.sku === sku);
    if (hit) return hit;
    const pages = Number(res.headers.get('x-wp-totalpages') ?? 1);
    if (page >= pages || list.length === 0) break;
  }
  return null;
}

/**
 * The SKU's catalogue entry, memoised for the run; read again on a verified attempt (`product` is then
 * what WooCommerce shows now). Null when no product or variation has the SKU.
 */
async function catalogRef(ctx: PushContext, sku: string): Promise<{ ref: CatalogRef; product: Json | null } | null> {
  const memo = ctx.memo.get('woocommerce:catalog') as Map<string, CatalogRef> | undefined;
  const refs = memo ?? new Map<string, CatalogRef>();
  if (!memo) ctx.memo.set('woocommerce:catalog', refs);
  const known = refs.get(sku);
  if (known && !ctx.verify) return { ref: known, product: null };
  const product = await productBySku(ctx, sku);
  if (!product) return null;
  const parent = product.type === 'variation' ? Number(product.parent_id) : 0;
  const ref = { id: product.id as number, parentId: parent > 0 ? parent : null, regularPrice: product.regular_price, name: product.name };
  refs.set(sku, ref);
  return { ref, product };
}

/** The API documents variation writes under their parent; PUT /products/{id} is for products. */
const writePath = (ref: CatalogRef): string => (ref.parentId === null ? `/products/${ref.id}` : `/products/${ref.parentId}/variations/${ref.id}`);
const described = (ref: CatalogRef): string => (ref.parentId === null ? `product ${ref.id}` : `variation ${ref.id}`);

export const woocommercePush: PlatformPusher = {
  async stockLevel(ctx: PushContext, payload: StockLevelPayload): Promise<PushOutcome> {
    const found = await catalogRef(ctx, payload.sku);
    if (!found) return { result: `SKU ${payload.sku} is not sold on WooCommerce: nothing to push`, skipped: true };
    const { ref, product } = found;
    if (ctx.verify && product?.manage_stock === true && product.stock_quantity === payload.available) {
      return { result: `WooCommerce already shows ${payload.available} for ${payload.sku}`, skipped: true };
    }
    await ctx.api.call('PUT', writePath(ref), { body: { manage_stock: true, stock_quantity: payload.available }, idempotencyKey: ctx.key('stock') });
    return { result: `stock_quantity ${payload.available} set for ${payload.sku} (${described(ref)})` };
  },

  async price(ctx: PushContext, payload: PricePayload): Promise<PushOutcome> {
    const found = await catalogRef(ctx, payload.sku);
    if (!found) return { result: `SKU ${payload.sku} is not sold on WooCommerce: nothing to push`, skipped: true };
    const { ref } = found;
    const price = decimalPrice(payload.price, payload.currency);
    const shown = { price: ref.regularPrice, name: ref.name, sharedWith: ref.parentId === null ? null : { title: null, productId: ref.parentId } };
    const { body, already, kept } = productBody(ctx, payload, shown, { field: 'regular_price', value: price });
    let done: string[] = [];
    if (Object.keys(body).length > 0) {
      await ctx.api.call('PUT', writePath(ref), { body, idempotencyKey: ctx.key(ref.parentId === null ? 'product' : 'price') });
      done = productDone(body, payload, 'regular_price', described(ref));
      if (body['regular_price'] !== undefined) ref.regularPrice = price;
      if (body['name'] !== undefined) ref.name = payload.name;
    }
    return productResult('WooCommerce', payload.sku, done, already, kept);
  },

  orderEvent: woocommerceOrderEvent,
};
