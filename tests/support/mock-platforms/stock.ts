/**
 * Stock as a mock platform shows it, and a way to change it behind Comptoir's back (someone edited
 * the stock in the web store's back office), for reconciliation tests.
 *
 *   await setMockStock(shop, 'EPI-0001', 2);
 *   await mockStockOf(shop, 'EPI-0001');   // 2
 *
 * WooCommerce and BigCommerce keep stock on the product (changed in place); Shopify keeps it on its
 * inventory levels, so its stock is read and set through its API (those requests appear in
 * `received`).
 */
import type { MockPlatform } from './common.ts';
import { SHOPIFY_LOCATIONS } from './shopify-orders.ts';

type Json = Record<string, unknown>;

/** The location the Shopify mock sets stock at (its first). */
const SHOPIFY_LOCATION_ID = SHOPIFY_LOCATIONS[0]!.id;

function productOf(mock: MockPlatform, sku: string): Json {
  const p = [...mock.products.values()].find((x) => x.sku === sku);
  if (!p) throw new Error(`${mock.kind} mock has no product with SKU ${sku}`);
  return p;
}

async function shopifyVariant(mock: MockPlatform, sku: string): Promise<Json> {
  const res = await fetch(`${mock.apiUrl}/products.json?limit=250`, { headers: { 'X-Shopify-Access-Token': mock.credentials.accessToken! } });
  if (!res.ok) throw new Error(`shopify mock GET products.json: ${res.status}`);
  const body = (await res.json()) as { products: Array<{ variants: Json[] }> };
  const v = body.products.flatMap((p) => p.variants).find((x) => x.sku === sku);
  if (!v) throw new Error(`shopify mock has no variant with SKU ${sku}`);
  return v;
}

/** What the platform currently shows as the SKU's stock (null: not tracked). */
export async function mockStockOf(mock: MockPlatform, sku: string): Promise<number | null> {
  switch (mock.kind) {
    case 'shopify':
      return (await shopifyVariant(mock, sku)).inventory_quantity as number;
    case 'woocommerce': {
      const p = productOf(mock, sku);
      return p.manage_stock === true ? (p.stock_quantity as number) : null;
    }
    case 'bigcommerce': {
      const p = productOf(mock, sku);
      return p.inventory_tracking === 'none' ? null : (p.inventory_level as number);
    }
  }
}

/** Sets the SKU's stock on the platform directly (not through Comptoir). */
export async function setMockStock(mock: MockPlatform, sku: string, quantity: number): Promise<void> {
  switch (mock.kind) {
    case 'shopify': {
      const v = await shopifyVariant(mock, sku);
      const res = await fetch(`${mock.apiUrl}/inventory_levels/set.json`, {
        method: 'POST',
        headers: { 'X-Shopify-Access-Token': mock.credentials.accessToken!, 'Content-Type': 'application/json' },
        body: JSON.stringify({ location_id: SHOPIFY_LOCATION_ID, inventory_item_id: v.inventory_item_id, available: quantity }),
      });
      if (!res.ok) throw new Error(`shopify mock POST inventory_levels/set.json: ${res.status}`);
      return;
    }
    case 'woocommerce': {
      const p = productOf(mock, sku);
      p.manage_stock = true;
      p.stock_quantity = quantity;
      p.stock_status = quantity > 0 ? 'instock' : 'outofstock';
      return;
    }
    case 'bigcommerce': {
      const p = productOf(mock, sku);
      if (p.inventory_tracking === 'none') p.inventory_tracking = 'product';
      p.inventory_level = quantity;
      return;
    }
  }
}
