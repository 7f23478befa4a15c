/**
 * BigCommerce REST (apiUrl = https://api.bigcommerce.com/stores/{hash}), X-Auth-Token.
 * V2 orders page with page/limit (an empty page answers 204); an order's lines and shipping addresses
 * are separate resources, its payment's security results come from V3 transactions
 * (../payment-checks.ts). V3 catalog products page with meta.pagination.
 */
import type { PaymentCheck } from '../../../src/domain/documents.ts';
import type { ExternalOrder, ExternalProduct, OrderListQuery, Page, PlatformApiClient, PlatformLink } from '../adapter.ts';
import { PlatformHttp, PlatformHttpError, requireCredentials } from '../http.ts';
import { toMinorUnits } from '../money.ts';
import { bigcommercePaymentChecks } from '../payment-checks.ts';
import { mapBigCommerceOrder } from './map-order.ts';

type Json = Record<string, unknown>;

export const BIGCOMMERCE_PAGE_SIZE = 250;

export class BigCommerceHttp extends PlatformHttp {
  constructor(link: PlatformLink) {
    const { accessToken } = requireCredentials(link, ['accessToken']);
    super(link, { 'X-Auth-Token': accessToken! });
  }
}

export class BigCommerceApiClient implements PlatformApiClient {
  readonly http: BigCommerceHttp;

  constructor(link: PlatformLink) {
    this.http = new BigCommerceHttp(link);
  }

  /** Order, lines and shipping addresses (three calls), mapped; an order still to prepare gets its payment checks too. */
  private async complete(order: Json): Promise<ExternalOrder> {
    const id = encodeURIComponent(String(order.id));
    const [products, addresses] = await Promise.all([
      this.http.request<Json[]>('GET', `v2/orders/${id}/products`, { query: { limit: BIGCOMMERCE_PAGE_SIZE } }),
      this.http.request<Json[]>('GET', `v2/orders/${id}/shipping_addresses`),
    ]);
    const mapped = mapBigCommerceOrder(order, products.data ?? [], addresses.data ?? []);
    if (mapped.status !== 'new') return mapped;
    const checks = await this.paymentChecks(String(order.id)).catch(() => undefined);
    return checks ? { ...mapped, paymentChecks: checks } : mapped;
  }

  /** GET /v3/orders/{id}/transactions (204: none) → the payment checks, undefined when there are none. */
  async paymentChecks(id: string): Promise<PaymentCheck[] | undefined> {
    const res = await this.http.request<{ data?: Json[] }>('GET', `v3/orders/${encodeURIComponent(id)}/transactions`);
    const checks = bigcommercePaymentChecks(res.status === 204 ? [] : res.data?.data ?? []);
    return checks.length > 0 ? checks : undefined;
  }

  async *listOrders(q: OrderListQuery): AsyncIterable<Page<ExternalOrder>> {
    const query = { min_date_created: q.createdFrom, max_date_created: q.createdTo, min_date_modified: q.modifiedSince, sort: 'id:asc', limit: BIGCOMMERCE_PAGE_SIZE };
    for (let page = 1; ; page++) {
      const res = await this.http.request<Json[]>('GET', 'v2/orders', { query: { ...query, page } });
      const orders = res.status === 204 ? [] : res.data ?? [];
      if (orders.length === 0) return;
      const items: ExternalOrder[] = [];
      for (const o of orders) items.push(await this.complete(o));
      yield { items };
      // V2 gives no page count: the list ends with an empty page (204).
    }
  }

  async getOrder(id: string): Promise<ExternalOrder | null> {
    try {
      const res = await this.http.request<Json>('GET', `v2/orders/${encodeURIComponent(id)}`);
      return res.data ? this.complete(res.data) : null;
    } catch (err) {
      if (err instanceof PlatformHttpError && err.status === 404) return null;
      throw err;
    }
  }

  async *listProducts(): AsyncIterable<Page<ExternalProduct>> {
    for (let page = 1; ; page++) {
      const res = await this.http.request<{ data: Json[]; meta?: { pagination?: { total?: number; total_pages?: number } } }>('GET', 'v3/catalog/products', {
        query: { include: 'variants', page, limit: BIGCOMMERCE_PAGE_SIZE },
      });
      const data = res.data?.data ?? [];
      const items: ExternalProduct[] = [];
      for (const p of data) {
        if (typeof p.sku !== 'string' || p.sku.trim() === '') continue;
        const barcode = [p.gtin, p.upc].find((b): b is string => typeof b === 'string' && b.trim() !== '');
        items.push({
          platformProductId: String(p.id),
          sku: p.sku.trim(),
          name: String(p.name ?? p.sku),
          price: toMinorUnits(p.price, 'EUR'),
          ...(barcode ? { barcode: barcode.trim() } : {}),
          ...(p.inventory_tracking !== 'none' && typeof p.inventory_level === 'number' ? { stock: p.inventory_level } : {}),
        });
      }
      const total = res.data?.meta?.pagination?.total;
      yield { items, ...(typeof total === 'number' ? { total } : {}) };
      const totalPages = res.data?.meta?.pagination?.total_pages ?? 1;
      if (page >= totalPages || data.length === 0) return;
    }
  }
}
