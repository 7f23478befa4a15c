/**
 * The WooCommerce mock's products (REST v3, under /wp-json/wc/v3):
 *   GET  /products?sku&per_page&page     (with `sku`, variations match too, as WooCommerce searches both
 *                                          post types; they come back with type "variation" and parent_id)
 *   PUT  /products/{id} {manage_stock, stock_quantity, regular_price, name}   POST /products/batch {update:[…]}
 *   PUT  /products/{parent_id}/variations/{id} {regular_price, manage_stock, stock_quantity}
 * A product added with `variants` is a variable product; its variations live apart from the
 * products (a plain listing does not show them, PUT /products/{id} does not reach them).
 */
import type { MockCatalogEntry, MockProductSpec } from './catalog.ts';
import { blankName } from './catalog.ts';
import { clone, type MockResponse, type MockRouter, type MonotonicClock } from './common.ts';

type Json = Record<string, unknown>;

export interface WooCatalogDeps {
  products: Map<string, Json>;
  clock: MonotonicClock;
  nextId: () => number;
  gmt: (d: Date) => string;
  list: (items: Json[], query: Record<string, string>) => MockResponse;
}

const invalidId = { status: 404, body: { code: 'woocommerce_rest_product_invalid_id', message: 'Invalid ID.', data: { status: 404 } } };

export function wooCatalog(router: MockRouter, base: string, d: WooCatalogDeps) {
  const variations = new Map<string, Json>();

  /** Applies the writable fields of a product or variation; a 400 message when one is refused. */
  function apply(p: Json, patch: Json): string | null {
    if ('name' in patch && blankName(patch.name)) return 'name must not be empty';
    if (typeof patch.manage_stock === 'boolean') p.manage_stock = patch.manage_stock;
    if (typeof patch.stock_quantity === 'number') {
      p.stock_quantity = patch.stock_quantity;
      p.stock_status = patch.stock_quantity > 0 ? 'instock' : 'outofstock';
    }
    for (const k of ['regular_price', 'price', 'name']) if (typeof patch[k] === 'string') p[k] = patch[k];
    if (typeof patch.regular_price === 'string') p.price = patch.regular_price;
    p.date_modified_gmt = d.gmt(d.clock.next());
    return null;
  }

  function update(id: string, patch: Json): MockResponse {
    const p = d.products.get(id);
    if (!p) return invalidId;
    const refused = apply(p, patch);
    return refused ? { status: 400, body: { code: 'rest_invalid_param', message: refused, data: { status: 400 } } } : { status: 200, body: clone(p) };
  }

  router.on('GET', `${base}/products`, (req) => {
    const skus = req.query.sku ? req.query.sku.split(',') : null;
    const all = skus ? [...d.products.values(), ...variations.values()].filter((p) => skus.includes(String(p.sku))) : [...d.products.values()];
    return d.list(all.map((p) => clone(p)), req.query);
  });

  router.on('PUT', `${base}/products/:id`, (req) => update(req.params.id!, (req.body ?? {}) as Json));

  router.on('POST', `${base}/products/batch`, (req) => {
    const updates = (((req.body ?? {}) as Json).update ?? []) as Json[];
    const out = updates.map((u) => (d.products.has(String(u.id)) ? update(String(u.id), u).body : { id: u.id, error: { code: 'woocommerce_rest_product_invalid_id', message: 'Invalid ID.' } }));
    return { status: 200, body: { update: out } };
  });

  router.on('PUT', `${base}/products/:parent/variations/:id`, (req) => {
    const v = variations.get(req.params.id!);
    if (!v || String(v.parent_id) !== req.params.parent) return { status: 404, body: { code: 'woocommerce_rest_product_variation_invalid_id', message: 'Invalid ID.', data: { status: 404 } } };
    const patch = { ...((req.body ?? {}) as Json) };
    delete patch.name; // a variation's name is derived from its parent and attributes
    apply(v, patch);
    return { status: 200, body: clone(v) };
  });

  function simple(spec: { sku: string; name: string; price: string; stock?: number; barcode?: string }, extra: Json = {}): Json {
    return {
      id: d.nextId(), name: spec.name, slug: spec.sku.toLowerCase(), type: 'simple', status: 'publish', sku: spec.sku, price: spec.price, regular_price: spec.price,
      manage_stock: spec.stock !== undefined, stock_quantity: spec.stock ?? null, stock_status: (spec.stock ?? 0) > 0 ? 'instock' : 'outofstock',
      global_unique_id: spec.barcode ?? '', date_modified_gmt: d.gmt(d.clock.next()), ...extra,
    };
  }

  return {
    addProduct(spec: MockProductSpec): Json {
      const p = simple(spec, spec.variants ? { type: 'variable', variations: [] } : {});
      d.products.set(String(p.id), p);
      for (const v of spec.variants ?? []) {
        const variation = simple({ ...v, name: `${spec.name} - ${v.option}` }, { type: 'variation', parent_id: p.id, attributes: [{ name: 'Option', option: v.option }] });
        variations.set(String(variation.id), variation);
        (p.variations as number[]).push(variation.id as number);
      }
      return clone(p);
    },

    catalogOf(sku: string): MockCatalogEntry | null {
      const v = [...variations.values()].find((x) => x.sku === sku);
      if (v) return { title: String(d.products.get(String(v.parent_id))?.name), price: String(v.regular_price), variant: true };
      const p = [...d.products.values()].find((x) => x.sku === sku && x.type !== 'variable');
      return p ? { title: String(p.name), price: String(p.regular_price), variant: false } : null;
    },
  };
}
