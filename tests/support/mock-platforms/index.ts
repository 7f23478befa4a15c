/**
 * Loopback mock platforms for integration tests and benches.
 *
 *   const shop = await startMockPlatform('shopify');
 *   await server.adminFetch(`/api/admin/stores/s1/platforms/shopify`, { method: 'PUT', body: shop.linkConfig('secret') });
 *   const order = shop.createOrder({ lines: [{ sku: 'EPI-0001', quantity: 2, price: '4.20' }] });
 *   const d = await shop.deliverWebhook(server.url, 's1', shop.topics.create, order, { secret: 'secret' });
 *   await shop.deliverWebhook(server.url, 's1', shop.topics.create, order, { secret: 'secret', duplicateOf: d }); // a retry
 *   shop.received   // every API request (method, path, query, headers, body): assert pushes here
 *   shop.catalogOf('EPI-0001')   // {title, price, variant}: what the web store shows for a SKU
 *   await shop.close();
 */
import { startBigCommerceMock, type BigCommerceMockOptions } from './bigcommerce.ts';
import type { MockPlatform, MockPlatformKind } from './common.ts';
import { startShopifyMock, type ShopifyMockOptions } from './shopify.ts';
import { startWooCommerceMock, type WooCommerceMockOptions } from './woocommerce.ts';

export type { Delivery, DeliverOptions, MockCatalogEntry, MockPlatform, MockPlatformKind, MockProductSpec, MockVariantSpec, OrderLineSpec, OrderSpec, ReceivedRequest } from './common.ts';
export { hmacBase64, standardWebhooksKey, webhookUrl } from './common.ts';
export { BIGCOMMERCE_SECRET_HEADER } from './bigcommerce.ts';
export { SHOPIFY_API_VERSION } from './shopify.ts';

export type MockPlatformOptions = ShopifyMockOptions & WooCommerceMockOptions & BigCommerceMockOptions;

export const MOCK_PLATFORM_KINDS: readonly MockPlatformKind[] = ['shopify', 'woocommerce', 'bigcommerce'];

export function startMockPlatform(kind: MockPlatformKind, opts: MockPlatformOptions = {}): Promise<MockPlatform> {
  switch (kind) {
    case 'shopify':
      return startShopifyMock(opts);
    case 'woocommerce':
      return startWooCommerceMock(opts);
    case 'bigcommerce':
      return startBigCommerceMock(opts);
  }
}
