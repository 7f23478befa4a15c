/**
 * The BigCommerce mock's catalogue (under /stores/{hash}):
 *   GET  /v3/catalog/products?include=variants&page&limit   → {data, meta:{pagination}}
 *   PUT  /v3/catalog/products/{id} {price, name}   (names are unique in a store: a duplicate is a 409)
 *   PUT  /v3/catalog/products/{id}/variants/{variantId} {price}
 *   PUT  /v3/inventory/adjustments/absolute {reason, items:[{location_id, sku, quantity}]}
 * A product added without `variants` keeps its SKU, price and stock on the product; with `variants`
 * each variant has its own SKU, price and stock.
 */
import type { MockCatalogEntry, MockProductSpec } from './catalog.ts';
import { blankName, variantById } from './catalog.ts';
import { clone, newDeliveryId, paginate, type MockRouter } from './common.ts';

type Json = Record<string, unknown>;

export interface BigCommerceCatalogDeps {
  products: Map<string, Json>;
  nextId: () => number;
  maxLimit: number;
}

const unprocessable = (title: string) => ({ status: 422, body: { status: 422, title } });

export function bigcommerceCatalog(router: MockRouter, base: string, d: BigCommerceCatalogDeps) {
  router.on('GET', `${base}/v3/catalog/products`, (req) => {
    const limit = Math.min(Number(req.query.limit ?? 50), d.maxLimit);
    const pageNo = Math.max(1, Number(req.query.page ?? 1));
    const all = [...d.products.values()];
    const { slice, totalPages } = paginate(all, pageNo, limit);
    return {
      status: 200,
      body: { data: slice.map((p) => clone(p)), meta: { pagination: { total: all.length, count: slice.length, per_page: limit, current_page: pageNo, total_pages: all.length === 0 ? 0 : totalPages } } },
    };
  });

  router.on('PUT', `${base}/v3/catalog/products/:id`, (req) => {
    const p = d.products.get(req.params.id!);
    if (!p) return { status: 404, body: { status: 404, title: 'The requested product was not found.' } };
    const patch = (req.body ?? {}) as Json;
    if (patch.price !== undefined && (typeof patch.price !== 'number' || patch.price < 0)) return unprocessable('price must be a number');
    if (patch.name !== undefined) {
      if (blankName(patch.name)) return unprocessable('name must not be empty');
      if ([...d.products.values()].some((o) => o !== p && o.name === patch.name)) {
        return { status: 409, body: { status: 409, title: 'The product name is a duplicate', errors: { name: 'Product name must be unique.' } } };
      }
      p.name = patch.name;
    }
    if (patch.price !== undefined) p.price = patch.price;
    return { status: 200, body: { data: clone(p), meta: {} } };
  });

  router.on('PUT', `${base}/v3/catalog/products/:id/variants/:variantId`, (req) => {
    const hit = variantById(d.products, req.params.variantId!);
    if (!hit || String(hit.product.id) !== req.params.id) return { status: 404, body: { status: 404, title: 'The requested variant was not found.' } };
    const price = ((req.body ?? {}) as Json).price;
    if (price !== undefined) {
      if (typeof price !== 'number' || price < 0) return unprocessable('price must be a number');
      hit.variant.price = price;
    }
    return { status: 200, body: { data: clone(hit.variant), meta: {} } };
  });

  router.on('PUT', `${base}/v3/inventory/adjustments/absolute`, (req) => {
    const items = (((req.body ?? {}) as Json).items ?? []) as Json[];
    if (!Array.isArray(items) || items.length === 0) return unprocessable('items are required');
    for (const it of items) {
      const p = [...d.products.values()].find((x) => x.sku === it.sku || x.id === it.product_id);
      const v = p ? null : [...d.products.values()].flatMap((x) => x.variants as Json[]).find((x) => x.sku === it.sku);
      if (!p && !v) return unprocessable(`unknown sku ${String(it.sku)}`);
      (p ?? v)!.inventory_level = it.quantity;
    }
    return { status: 200, body: { transaction_id: newDeliveryId() } };
  });

  return {
    addProduct(spec: MockProductSpec): Json {
      const id = d.nextId();
      const variants = (spec.variants ?? []).map((v) => ({
        id: d.nextId(), product_id: id, sku: v.sku, price: Number(v.price), inventory_level: v.stock ?? 0, option_values: [{ option_display_name: 'Option', label: v.option }],
      }));
      const p = { id, name: spec.name, type: 'physical', sku: spec.sku, price: Number(spec.price), upc: '', gtin: spec.barcode ?? '', inventory_level: spec.stock ?? 0, inventory_tracking: spec.stock === undefined ? 'none' : spec.variants ? 'variant' : 'product', variants };
      d.products.set(String(id), p);
      return clone(p);
    },

    catalogOf(sku: string): MockCatalogEntry | null {
      for (const p of d.products.values()) {
        if (p.sku === sku) return { title: String(p.name), price: Number(p.price).toFixed(2), variant: false };
        const v = (p.variants as Json[]).find((x) => x.sku === sku);
        if (v) return { title: String(p.name), price: Number(v.price).toFixed(2), variant: true };
      }
      return null;
    },
  };
}
