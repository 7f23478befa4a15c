/**
 * The Shopify mock's product writes (Admin REST 2025-01) and its products:
 *   PUT /admin/api/2025-01/variants/{id}.json {variant:{id, price}}
 *   PUT /admin/api/2025-01/products/{id}.json {product:{id, title}}
 * A product always has variants; one added without `variants` has a single "Default Title" variant
 * carrying its SKU (a simple product), as Shopify creates it.
 */
import type { MockCatalogEntry, MockProductSpec } from './catalog.ts';
import { blankName, variantById } from './catalog.ts';
import { clone, isoSeconds, type MockRouter, type MonotonicClock } from './common.ts';

type Json = Record<string, unknown>;

export interface ShopifyCatalogDeps {
  products: Map<string, Json>;
  /** inventory_item_id → available */
  inventory: Map<string, number>;
  clock: MonotonicClock;
  nextId: () => number;
}

export function shopifyCatalog(router: MockRouter, base: string, d: ShopifyCatalogDeps) {
  router.on('PUT', `${base}/variants/:id.json`, (req) => {
    const patch = (((req.body ?? {}) as Json).variant ?? null) as Json | null;
    if (!patch || typeof patch.price !== 'string') return { status: 422, body: { errors: { price: ['is required'] } } };
    const hit = variantById(d.products, req.params.id!);
    if (!hit) return { status: 404, body: { errors: 'Not Found' } };
    hit.variant.price = patch.price;
    hit.product.updated_at = isoSeconds(d.clock.next());
    return { status: 200, body: { variant: clone(hit.variant) } };
  });

  router.on('PUT', `${base}/products/:id.json`, (req) => {
    const p = d.products.get(req.params.id!);
    if (!p) return { status: 404, body: { errors: 'Not Found' } };
    const patch = (((req.body ?? {}) as Json).product ?? null) as Json | null;
    if (!patch) return { status: 400, body: { errors: { product: 'Required parameter missing or invalid' } } };
    if ('title' in patch) {
      if (blankName(patch.title)) return { status: 422, body: { errors: { title: ["can't be blank"] } } };
      p.title = patch.title;
    }
    p.updated_at = isoSeconds(d.clock.next());
    return { status: 200, body: { product: clone(p) } };
  });

  return {
    addProduct(spec: MockProductSpec): Json {
      const id = d.nextId();
      const specs = spec.variants ?? [{ sku: spec.sku, price: spec.price, option: 'Default Title', stock: spec.stock }];
      const variants = specs.map((v) => {
        const inventoryItemId = d.nextId();
        d.inventory.set(String(inventoryItemId), v.stock ?? 0);
        const barcode = spec.variants ? null : spec.barcode ?? null;
        return { id: d.nextId(), product_id: id, title: v.option, sku: v.sku, price: v.price, barcode, inventory_item_id: inventoryItemId, inventory_quantity: v.stock ?? 0 };
      });
      const p = { id, title: spec.name, status: 'active', variants };
      d.products.set(String(id), p);
      return clone(p);
    },

    catalogOf(sku: string): MockCatalogEntry | null {
      for (const p of d.products.values()) {
        const variants = p.variants as Json[];
        const v = variants.find((x) => x.sku === sku);
        if (v) return { title: String(p.title), price: String(v.price), variant: variants.length > 1 };
      }
      return null;
    },
  };
}
