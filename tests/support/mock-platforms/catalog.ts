/**
 * What a test says about a web store's products, and what it reads back (catalogOf): the shapes the
 * three mock catalogues (<platform>-catalog.ts) share. A product with `variants` is one listing whose
 * variants carry their own SKUs (Shopify variants, a WooCommerce variable product's variations,
 * BigCommerce variants): renaming one of those SKUs in Comptoir must not rename the listing.
 */

export interface MockVariantSpec {
  sku: string;
  /** Decimal string, e.g. "12.00". */
  price: string;
  /** The variant's option value ("M", "Rouge"). */
  option: string;
  stock?: number;
}

export interface MockProductSpec {
  /** The product's own SKU (with `variants`: the parent's, Shopify has none). */
  sku: string;
  name: string;
  /** Decimal string, e.g. "4.20". */
  price: string;
  barcode?: string;
  stock?: number;
  variants?: MockVariantSpec[];
}

export interface MockCatalogEntry {
  /** The title of the listing the SKU belongs to (a variant's: its product's). */
  title: string;
  /** The SKU's own price as a decimal string ("3.20"). */
  price: string;
  /** True when the SKU is one variant of a product with several. */
  variant: boolean;
}

type Json = Record<string, unknown>;

/** Whether the platforms would refuse this as a title (they answer 422 to a blank one). */
export function blankName(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

/** The product holding a variant id in its `variants` array (Shopify, BigCommerce). */
export function variantById(products: Map<string, Json>, id: string): { product: Json; variant: Json } | null {
  for (const product of products.values()) {
    const variant = ((product.variants ?? []) as Json[]).find((v) => String(v.id) === id);
    if (variant) return { product, variant };
  }
  return null;
}
