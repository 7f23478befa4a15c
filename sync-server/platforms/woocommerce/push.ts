/**
 * Pushes to WooCommerce (REST API v3, the link's apiUrl ending in /wp-json/wc/v3):
 *
 *   stock level       PUT /products/{id} {manage_stock:true, stock_quantity}
 *                     (the product found with GET /products?sku=…, matched exactly on sku)
 *   shipped           PUT /orders/{id} {status:"completed"} unless already completed, then
 *                     POST /orders/{id}/notes {note:"…tracking…", customer_note:true}
 *                     unless a note carrying this job's marker exists (GET /orders/{id}/notes)
 *   ready for pickup  POST /orders/{id}/notes {note, customer_note:true} (WooCommerce has no such status)
 *   picked up         PUT /orders/{id} {status:"completed"} + a note
 *   cancellation      PUT /orders/{id} {status:"cancelled"} unless already cancelled
 *   price             PUT /products/{id} {regular_price} (the product found by SKU as for stock levels)
 */
import type { WebOrderDoc } from '../../../src/domain/documents.ts';
import type { OrderEventPayload, PricePayload, StockLevelPayload } from '../../outbound/jobs.ts';
import type { OrderEventKind, PlatformPusher, PushContext, PushOutcome } from '../../outbound/push-types.ts';
import { decimalPrice, refMarker, samePrice } from '../../outbound/push-types.ts';

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

async function setStatus(ctx: PushContext, id: string, status: string, out: string[]): Promise<void> {
  const res = await ctx.api.call('GET', `/orders/${encodeURIComponent(id)}`);
  const current = String((res.body as Json).status ?? '');
  if (current === status) {
    out.push(`status already ${status}`);
    return;
  }
  await ctx.api.call('PUT', `/orders/${encodeURIComponent(id)}`, { body: { status }, idempotencyKey: ctx.key('status') });
  out.push(`status ${current || '?'} → ${status}`);
}

async function addNote(ctx: PushContext, id: string, text: string, out: string[]): Promise<void> {
  const marker = refMarker(ctx.job.idempotencyKey);
  const res = await ctx.api.call('GET', `/orders/${encodeURIComponent(id)}/notes`);
  const notes = Array.isArray(res.body) ? (res.body as Json[]) : [];
  if (notes.some((n) => typeof n.note === 'string' && n.note.includes(marker))) {
    out.push('note already present');
    return;
  }
  await ctx.api.call('POST', `/orders/${encodeURIComponent(id)}/notes`, { body: { note: `${text} ${marker}`, customer_note: true }, idempotencyKey: ctx.key('note') });
  out.push('note added');
}

export function trackingNote(tracking: OrderEventPayload['tracking']): string {
  if (!tracking) return 'Commande expédiée. / Order shipped.';
  return `Commande expédiée avec ${tracking.carrier}, suivi ${tracking.number}${tracking.url ? ` ${tracking.url}` : ''}. / Shipped with ${tracking.carrier}, tracking ${tracking.number}.`;
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

  async orderEvent(ctx: PushContext, kind: OrderEventKind, payload: OrderEventPayload, _order: WebOrderDoc | null): Promise<PushOutcome> {
    const id = payload.platformOrderId;
    const out: string[] = [];
    switch (kind) {
      case 'fulfilment':
        await setStatus(ctx, id, 'completed', out);
        await addNote(ctx, id, trackingNote(payload.tracking), out);
        break;
      case 'ready_for_pickup':
        await addNote(ctx, id, 'Votre commande est prête à être retirée en boutique. / Your order is ready for pickup.', out);
        break;
      case 'picked_up':
        await setStatus(ctx, id, 'completed', out);
        await addNote(ctx, id, 'Commande retirée en boutique. / Order picked up at the shop.', out);
        break;
      case 'cancellation':
        await setStatus(ctx, id, 'cancelled', out);
        break;
    }
    return { result: `order ${id}: ${out.join(', ')}`, skipped: out.every((o) => o.includes('already')) };
  },
};
