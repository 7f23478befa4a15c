/**
 * Shopify REST Admin API (apiUrl = https://{shop}/admin/api/{version}), X-Shopify-Access-Token.
 * Lists page with the `Link: <…page_info=…>; rel="next"` cursor; filters go on the first request only.
 * An order still to be prepared also gets its payment's security results (risks and transactions,
 * ../payment-checks.ts): two more requests, only for the orders the counter will hand over.
 */
import type { PaymentCheck } from '../../../src/domain/documents.ts';
import type { ExternalOrder, ExternalProduct, OrderListQuery, Page, PlatformApiClient, PlatformLink } from '../adapter.ts';
import { PlatformHttp, PlatformHttpError, requireCredentials } from '../http.ts';
import { toMinorUnits } from '../money.ts';
import { shopifyPaymentChecks } from '../payment-checks.ts';
import { mapShopifyOrder } from './map-order.ts';

type Json = Record<string, unknown>;

export const SHOPIFY_PAGE_SIZE = 250;

/** The rel="next" URL of a Link header, or null. */
export function nextLink(link: string | null): string | null {
  if (!link) return null;
  for (const part of link.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (m) return m[1]!;
  }
  return null;
}

export class ShopifyHttp extends PlatformHttp {
  constructor(link: PlatformLink) {
    const { accessToken } = requireCredentials(link, ['accessToken']);
    super(link, { 'X-Shopify-Access-Token': accessToken! });
  }
}

export class ShopifyApiClient implements PlatformApiClient {
  readonly http: ShopifyHttp;

  constructor(link: PlatformLink) {
    this.http = new ShopifyHttp(link);
  }

  private async *pages(path: string, key: string, query: Record<string, string | number | undefined>): AsyncIterable<Json[]> {
    let next: string | null = path;
    let first = true;
    while (next) {
      const res: { headers: Headers; data: Json | null } = await this.http.request<Json>('GET', next, first ? { query } : {});
      first = false;
      yield ((res.data?.[key] as Json[] | undefined) ?? []);
      next = nextLink(res.headers.get('link'));
    }
  }

  async *listOrders(q: OrderListQuery): AsyncIterable<Page<ExternalOrder>> {
    const query = { status: 'any', limit: SHOPIFY_PAGE_SIZE, created_at_min: q.createdFrom, created_at_max: q.createdTo, updated_at_min: q.modifiedSince };
    for await (const page of this.pages('orders.json', 'orders', query)) {
      const items: ExternalOrder[] = [];
      for (const o of page) items.push(await this.withChecks(mapShopifyOrder(o)));
      yield { items };
    }
  }

  async getOrder(id: string): Promise<ExternalOrder | null> {
    try {
      const res = await this.http.request<{ order: Json }>('GET', `orders/${encodeURIComponent(id)}.json`);
      return res.data?.order ? this.withChecks(mapShopifyOrder(res.data.order)) : null;
    } catch (err) {
      if (err instanceof PlatformHttpError && err.status === 404) return null;
      throw err;
    }
  }

  /** The order with its payment checks when it is still to be prepared (closed orders are not asked about). */
  async withChecks(order: ExternalOrder): Promise<ExternalOrder> {
    if (order.status !== 'new') return order;
    const checks = await this.paymentChecks(order.platformOrderId).catch(() => undefined);
    return checks ? { ...order, paymentChecks: checks } : order;
  }

  async paymentChecks(id: string): Promise<PaymentCheck[] | undefined> {
    const get = async (path: string, key: string): Promise<Json[]> => {
      try {
        const res = await this.http.request<Json>('GET', `orders/${encodeURIComponent(id)}/${path}`);
        return ((res.data?.[key] as Json[] | undefined) ?? []);
      } catch (err) {
        if (err instanceof PlatformHttpError && err.status === 404) return []; // e.g. risks.json gone in a later API version
        throw err;
      }
    };
    const [risks, transactions] = await Promise.all([get('risks.json', 'risks'), get('transactions.json', 'transactions')]);
    const checks = shopifyPaymentChecks(risks, transactions);
    return checks.length > 0 ? checks : undefined;
  }

  async *listProducts(): AsyncIterable<Page<ExternalProduct>> {
    for await (const page of this.pages('products.json', 'products', { limit: SHOPIFY_PAGE_SIZE })) {
      const items: ExternalProduct[] = [];
      for (const p of page) {
        const variants = Array.isArray(p.variants) ? (p.variants as Json[]) : [];
        for (const v of variants) {
          if (typeof v.sku !== 'string' || v.sku.trim() === '') continue;
          const title = variants.length > 1 && typeof v.title === 'string' && v.title !== 'Default Title' ? `${String(p.title)} – ${v.title}` : String(p.title ?? v.sku);
          items.push({
            platformProductId: String(v.id ?? p.id),
            sku: v.sku.trim(),
            name: title,
            price: toMinorUnits(v.price, 'EUR'),
            ...(typeof v.barcode === 'string' && v.barcode.trim() !== '' ? { barcode: v.barcode.trim() } : {}),
            ...(typeof v.inventory_quantity === 'number' ? { stock: v.inventory_quantity } : {}),
          });
        }
      }
      yield { items };
    }
  }
}
