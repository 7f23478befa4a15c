/**
 * WooCommerce REST API v3 (apiUrl = https://shop/wp-json/wc/v3), HTTP Basic with the consumer key
 * and secret. Lists page with page/per_page; X-WP-Total and X-WP-TotalPages give the totals.
 */
import type { ExternalOrder, ExternalProduct, OrderListQuery, Page, PlatformApiClient, PlatformLink } from '../adapter.ts';
import { PlatformHttp, PlatformHttpError, requireCredentials } from '../http.ts';
import { toMinorUnits } from '../money.ts';
import { mapWooCommerceOrder } from './map-order.ts';

type Json = Record<string, unknown>;

export const WOOCOMMERCE_PAGE_SIZE = 100;

export class WooCommerceHttp extends PlatformHttp {
  constructor(link: PlatformLink) {
    const { consumerKey, consumerSecret } = requireCredentials(link, ['consumerKey', 'consumerSecret']);
    super(link, { Authorization: `Basic ${Buffer.from(`${consumerKey!}:${consumerSecret!}`).toString('base64')}` });
  }
}

/** WooCommerce compares dates in the site's time zone unless dates_are_gmt=true; we always send UTC. */
const gmt = (iso: string | undefined): string | undefined => (iso ? new Date(iso).toISOString().replace(/\.\d{3}Z$/, '') : undefined);

export class WooCommerceApiClient implements PlatformApiClient {
  readonly http: WooCommerceHttp;

  constructor(link: PlatformLink) {
    this.http = new WooCommerceHttp(link);
  }

  private async *pages(path: string, query: Record<string, string | number | undefined>): AsyncIterable<{ items: Json[]; total?: number }> {
    for (let page = 1; ; page++) {
      const res = await this.http.request<Json[]>('GET', path, { query: { ...query, per_page: WOOCOMMERCE_PAGE_SIZE, page } });
      const totalPages = Number(res.headers.get('x-wp-totalpages') ?? '1');
      const total = Number(res.headers.get('x-wp-total'));
      yield { items: res.data ?? [], ...(Number.isFinite(total) ? { total } : {}) };
      if (page >= totalPages || (res.data ?? []).length === 0) return;
    }
  }

  async *listOrders(q: OrderListQuery): AsyncIterable<Page<ExternalOrder>> {
    // `after` is exclusive: step one second back so that an order created exactly at `from` is included.
    const after = q.createdFrom ? gmt(new Date(Date.parse(q.createdFrom) - 1000).toISOString()) : undefined;
    const modifiedAfter = q.modifiedSince ? gmt(new Date(Date.parse(q.modifiedSince) - 1000).toISOString()) : undefined;
    const query = { status: 'any', dates_are_gmt: 'true', after, before: gmt(q.createdTo), modified_after: modifiedAfter, orderby: 'id', order: 'asc' };
    for await (const page of this.pages('orders', query)) yield { items: page.items.map(mapWooCommerceOrder), ...(page.total !== undefined ? { total: page.total } : {}) };
  }

  async getOrder(id: string): Promise<ExternalOrder | null> {
    try {
      const res = await this.http.request<Json>('GET', `orders/${encodeURIComponent(id)}`);
      return res.data ? mapWooCommerceOrder(res.data) : null;
    } catch (err) {
      if (err instanceof PlatformHttpError && err.status === 404) return null;
      throw err;
    }
  }

  async *listProducts(): AsyncIterable<Page<ExternalProduct>> {
    for await (const page of this.pages('products', {})) {
      const items: ExternalProduct[] = [];
      for (const p of page.items) {
        if (typeof p.sku !== 'string' || p.sku.trim() === '') continue;
        const barcode = typeof p.global_unique_id === 'string' && p.global_unique_id.trim() !== '' ? p.global_unique_id.trim() : undefined;
        items.push({
          platformProductId: String(p.id),
          sku: p.sku.trim(),
          name: String(p.name ?? p.sku),
          price: toMinorUnits(p.regular_price || p.price, 'EUR'),
          ...(barcode ? { barcode } : {}),
          ...(p.manage_stock === true && typeof p.stock_quantity === 'number' ? { stock: p.stock_quantity } : {}),
        });
      }
      yield { items, ...(page.total !== undefined ? { total: page.total } : {}) };
    }
  }
}
