/**
 * The sync server's stock comparison with each web store (issue 7), as replicated to this register:
 * one `reconcile:stock:<platform>` document per linked platform, kept by the projection in the
 * registerDocs table (type "stock_differences"), so the stock screen shows it offline with how
 * fresh it is. (reconcile-queries.ts' watchStockDifferences is another thing: what this register's
 * own reconciliation worker derived.)
 */
import { liveQuery, type Observable } from 'dexie';
import type { Platform } from '../domain/documents.ts';
import type { StockDifference, StockDifferencesDoc } from '../domain/stock-differences.ts';
import { readModelDb } from './schema.ts';

export type { StockDifference };

export interface WebStoreStock {
  platform: Platform;
  shop: string;
  /** When the differences were read from the platform (null: no comparison succeeded yet). */
  asOf: string | null;
  /** When the last comparison was attempted (it failed when `error` is set). */
  checkedAt: string;
  error: string | null;
  /** SKUs both sides know, at `asOf`. */
  compared: number;
  /** By SKU. */
  differences: StockDifference[];
  /** Pushes queued by the last run that queued any, and when (null: never). */
  fixQueued: number | null;
  fixedAt: string | null;
  /** The differences listed were pushed back: the correcting run is the one that found them. */
  corrected: boolean;
}

const ORDER: readonly Platform[] = ['shopify', 'woocommerce', 'bigcommerce'];

export function webStoreStockOf(doc: StockDifferencesDoc): WebStoreStock {
  const fixedAt = doc.fixedAt ?? null;
  return {
    platform: doc.platform,
    shop: doc.shop,
    asOf: doc.asOf,
    checkedAt: doc.checkedAt,
    error: doc.error ?? null,
    compared: doc.compared,
    differences: [...doc.differences].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0)),
    fixQueued: doc.fixQueued ?? null,
    fixedAt,
    // ISO instants of the same server clock: a later compare-only run leaves fixedAt behind asOf.
    corrected: fixedAt !== null && doc.asOf !== null && fixedAt >= doc.asOf,
  };
}

/** One entry per web store the server compared (or tried to), in a fixed platform order; empty before the first run. */
export function watchWebStoreComparisons(): Observable<WebStoreStock[]> {
  return liveQuery(async () => {
    const rows = (await readModelDb().registerDocs.where('type').equals('stock_differences').toArray()) as StockDifferencesDoc[];
    return rows.map(webStoreStockOf).sort((a, b) => ORDER.indexOf(a.platform) - ORDER.indexOf(b.platform));
  });
}

/** What each web store shows for a SKU where it differs from Comptoir, per SKU (for badges beside stock rows). */
export function platformFiguresBySku(stores: readonly WebStoreStock[]): Map<string, Array<{ platform: Platform; figure: number; corrected: boolean }>> {
  const out = new Map<string, Array<{ platform: Platform; figure: number; corrected: boolean }>>();
  for (const s of stores) {
    for (const d of s.differences) {
      const list = out.get(d.sku) ?? [];
      list.push({ platform: s.platform, figure: d.platform, corrected: s.corrected });
      out.set(d.sku, list);
    }
  }
  return out;
}
