/**
 * Named queries of the products screens (issue 7): the catalogue a page at a time, searched by name
 * tokens, barcode or SKU, and one product with the revision an edit builds on. Bounded reads only: a
 * shop may hold 50,000 products.
 */
import { liveQuery, type Observable } from 'dexie';
import { normaliseBarcode } from '../domain/catalog.ts';
import { findProductByCode, searchProducts } from './queries.ts';
import { readModelDb, type ProductRow } from './schema.ts';

export interface ProductListFilter {
  /** Name words, a barcode or a SKU; empty: every product, by SKU. */
  text?: string;
  category?: string;
  limit?: number;
}

/** Products matching the filter: an exact code first, then name matches; by SKU when there is no text. */
export async function listProducts(filter: ProductListFilter = {}): Promise<ProductRow[]> {
  const limit = filter.limit ?? 100;
  const db = readModelDb();
  const text = (filter.text ?? '').trim();
  const inCategory = (p: ProductRow): boolean => filter.category === undefined || filter.category === '' || p.category === filter.category;
  if (text === '') {
    if (filter.category !== undefined && filter.category !== '') {
      const rows = await db.products.where('category').equals(filter.category).limit(limit).toArray();
      return rows.sort((a, b) => a.sku.localeCompare(b.sku));
    }
    return db.products.orderBy(':id').limit(limit).toArray();
  }
  const exact = await findProductByCode(text);
  const byName = await searchProducts(text, limit);
  const rows = exact ? [exact, ...byName.filter((p) => p.sku !== exact.sku)] : byName;
  return rows.filter(inCategory).slice(0, limit);
}

export function watchProducts(filter: ProductListFilter = {}): Observable<ProductRow[]> {
  return liveQuery(() => listProducts(filter));
}

/** A product as the read model holds it, with the revision an edit must name. */
export async function getProduct(sku: string): Promise<ProductRow | undefined> {
  return readModelDb().products.get(sku);
}

export function watchProduct(sku: string): Observable<ProductRow | undefined> {
  return liveQuery(() => getProduct(sku));
}

/** Several products by SKU (missing ones left out), in the order asked. */
export async function getProducts(skus: readonly string[]): Promise<ProductRow[]> {
  const rows = await readModelDb().products.bulkGet([...skus]);
  return rows.filter((r): r is ProductRow => r !== undefined);
}

/** The categories in use, sorted (read from the index's keys, never the rows). */
export async function listCategories(): Promise<string[]> {
  const keys = (await readModelDb().products.orderBy('category').uniqueKeys()) as string[];
  return keys.filter((k) => typeof k === 'string' && k !== '').sort((a, b) => a.localeCompare(b));
}

export function watchCategories(): Observable<string[]> {
  return liveQuery(listCategories);
}

/** The SKU of the product carrying this code (any GTIN form), if any. */
export async function barcodeOwner(code: string): Promise<string | undefined> {
  const p = await findProductByCode(normaliseBarcode(code));
  return p?.sku;
}

/** A product by scanned code or typed SKU: what a stock screen's scan resolves to. */
export async function productForScan(code: string): Promise<ProductRow | undefined> {
  return findProductByCode(code);
}
