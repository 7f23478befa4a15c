/**
 * Pushes to WooCommerce (REST API v3, the link's apiUrl ending in /wp-json/wc/v3):
 *
 *   stock level       PUT /products/{id} {manage_stock:true, stock_quantity}
 *                     (the product found with GET /products?sku=…, matched exactly on sku)
 *   web order events  push-orders.ts (parcel notes, completed, payment, refunds, cancellation)
 *   price             PUT /products/{id} {regular_price} (the product found by SKU as for stock levels)
 */
import type { PricePayload, StockLevelPayload } from '../../outbound/jobs.ts';
import type { PlatformPusher, PushContext, PushOutcome } from '../../outbound/push-types.ts';
import { decimalPrice, samePrice } from '../../outbound/push-types.ts';
import { woocommerceOrderEvent } from './push-orders.ts';

type Json = Record<string, unknown>;

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

export const woocommercePush: PlatformPusher = {
  async stockLevel(ctx: PushContext, payload: StockLevelPayload): Promise<PushOutcome> {
    const memo = ctx.memo.get('woocommerce:products') as Map<string, number> | undefined;
    const products = memo ?? new Map<string, number>();
    if (!memo) ctx.memo.set('woocommerce:products', products);
    let id = products.get(payload.sku);
    if (id === undefined || ctx.verify) {
      const product = await productBySku(ctx, payload.sku);
      if (!product) return { result: `SKU ${payload.sku} is not sold on WooCommerce: nothing to push`, skipped: true };
      id = product.id as number;
      products.set(payload.sku, id);
      if (ctx.verify && product.manage_stock === true && product.stock_quantity === payload.available) {
        return { result: `WooCommerce already shows ${payload.available} for ${payload.sku}`, skipped: true };
      }
    }
    await ctx.api.call('PUT', `/products/${id}`, { body: { manage_stock: true, stock_quantity: payload.available }, idempotencyKey: ctx.key('stock') });
    return { result: `stock_quantity ${payload.available} set for ${payload.sku} (product ${id})` };
  },

  async price(ctx: PushContext, payload: PricePayload): Promise<PushOutcome> {
    const memo = ctx.memo.get('woocommerce:products') as Map<string, number> | undefined;
    const products = memo ?? new Map<string, number>();
    if (!memo) ctx.memo.set('woocommerce:products', products);
    const price = decimalPrice(payload.price, payload.currency);
    let id = products.get(payload.sku);
    if (id === undefined || ctx.verify) {
      const product = await productBySku(ctx, payload.sku);
      if (!product) return { result: `SKU ${payload.sku} is not sold on WooCommerce: nothing to push`, skipped: true };
      id = product.id as number;
      products.set(payload.sku, id);
      if (ctx.verify && samePrice(product.regular_price, payload.price, payload.currency)) {
        return { result: `WooCommerce already shows ${price} for ${payload.sku}`, skipped: true };
      }
    }
    await ctx.api.call('PUT', `/products/${id}`, { body: { regular_price: price }, idempotencyKey: ctx.key('price') });
    return { result: `regular_price ${price} set for ${payload.sku} (product ${id})` };
  },

  orderEvent: woocommerceOrderEvent,
};
