/**
 * Stock reconciliation against the web stores: for each linked platform, the stock it reports per
 * SKU is read and compared with Comptoir's available quantity (on hand − reserved, never below
 * zero: the stock ledger of the outbound side, folded afresh from the store database); the SKUs that
 * differ are listed and, on request, pushed again through the outbound queue (a forced stock-level
 * job, sent even when the coalesced job already carried that level).
 *
 * What each platform is asked (read only; the same endpoints the pushes use to find a SKU):
 *   Shopify       GET products.json?limit=250 (Link rel="next" pages): variants[].sku, inventory_quantity
 *   WooCommerce   GET /products?per_page=100&page=n (X-WP-TotalPages): sku, stock_quantity where manage_stock
 *   BigCommerce   GET /v3/catalog/products?include=variants&limit=250&page=n (meta.pagination):
 *                 sku / variants[].sku, inventory_level where inventory_tracking is not "none"
 *
 * Compared: SKUs that Comptoir tracks and has stock figures for (a movement, a sale or a web order)
 * and that the platform sells with stock tracking. A platform that cannot be read gives an error for
 * that platform only; the others are still compared.
 *
 * Every run writes `reconcile:stock:<platform>` (src/domain/stock-differences.ts) into the store
 * database, so registers show the differences, and how fresh they are, offline.
 */
import type { Platform } from '../../src/domain/documents.ts';
import { stockDifferencesId, type StockDifference, type StockDifferencesDoc } from '../../src/domain/stock-differences.ts';
import type { StoreDb } from '../db/backend.ts';
import { PlatformApi, type PushLink } from '../outbound/http.ts';
import { idPart } from '../outbound/jobs.ts';
import { coalescedBase, isConflict, isNotFound, JobStore } from '../outbound/queue.ts';
import { StockLedger, type StockFigures } from '../outbound/stock-ledger.ts';
import { nextPageInfo } from '../platforms/shopify/push.ts';

type Json = Record<string, unknown>;

/** Pages read at most per platform (250 products a page on Shopify and BigCommerce, 100 on WooCommerce). */
const MAX_PAGES = 1000;

/** The stock a platform reports, per SKU (only SKUs with stock tracking). */
export type PlatformStock = Map<string, number>;

async function shopifyStock(api: PlatformApi): Promise<PlatformStock> {
  const stock: PlatformStock = new Map();
  let pageInfo: string | null = null;
  for (let n = 0; n < MAX_PAGES; n++) {
    const path: string = pageInfo ? `/products.json?limit=250&page_info=${encodeURIComponent(pageInfo)}` : '/products.json?limit=250';
    const res = await api.call('GET', path);
    for (const p of (((res.body as Json | null)?.products ?? []) as Json[])) {
      for (const v of ((p.variants ?? []) as Json[])) {
        if (typeof v.sku === 'string' && v.sku.trim() !== '' && typeof v.inventory_quantity === 'number') stock.set(v.sku.trim(), v.inventory_quantity);
      }
    }
    pageInfo = nextPageInfo(res.headers.get('link'));
    if (!pageInfo) break;
  }
  return stock;
}

async function woocommerceStock(api: PlatformApi): Promise<PlatformStock> {
  const stock: PlatformStock = new Map();
  for (let page = 1; page <= MAX_PAGES; page++) {
    const res = await api.call('GET', `/products?per_page=100&page=${page}`);
    const list = Array.isArray(res.body) ? (res.body as Json[]) : [];
    for (const p of list) {
      if (typeof p.sku === 'string' && p.sku.trim() !== '' && p.manage_stock === true && typeof p.stock_quantity === 'number') stock.set(p.sku.trim(), p.stock_quantity);
    }
    const pages = Number(res.headers.get('x-wp-totalpages') ?? 1);
    if (list.length === 0 || !(page < pages)) break;
  }
  return stock;
}

async function bigcommerceStock(api: PlatformApi): Promise<PlatformStock> {
  const stock: PlatformStock = new Map();
  for (let page = 1; page <= MAX_PAGES; page++) {
    const res = await api.call('GET', `/v3/catalog/products?include=variants&limit=250&page=${page}`);
    const body = (res.body ?? {}) as Json;
    const data = (body.data ?? []) as Json[];
    for (const p of data) {
      if (p.inventory_tracking === 'none') continue;
      const variants = (p.variants ?? []) as Json[];
      if (typeof p.sku === 'string' && p.sku.trim() !== '' && typeof p.inventory_level === 'number') stock.set(p.sku.trim(), p.inventory_level);
      if (p.inventory_tracking !== 'variant') continue;
      for (const v of variants) {
        if (typeof v.sku === 'string' && v.sku.trim() !== '' && typeof v.inventory_level === 'number') stock.set(v.sku.trim(), v.inventory_level);
      }
    }
    const pagination = ((body.meta as Json | undefined)?.pagination ?? {}) as Json;
    if (data.length === 0 || page >= Number(pagination.total_pages ?? 1)) break;
  }
  return stock;
}

const READERS: Readonly<Record<Platform, (api: PlatformApi) => Promise<PlatformStock>>> = {
  shopify: shopifyStock,
  woocommerce: woocommerceStock,
  bigcommerce: bigcommerceStock,
};

/** Reads the stock a platform reports per SKU (throws PushError when the platform cannot be read). */
export function readPlatformStock(link: PushLink, timeoutMs: number): Promise<PlatformStock> {
  return READERS[link.platform](new PlatformApi(link, timeoutMs));
}

/** Comptoir's figures per tracked SKU, folded from every document of the store database. */
export async function comptoirStock(db: StoreDb): Promise<Map<string, StockFigures>> {
  const ledger = new StockLedger();
  const skus = new Set<string>();
  const PAGE = 1000;
  let startkey: string | undefined;
  for (;;) {
    const res = await db.allDocs({ include_docs: true, limit: PAGE + 1, ...(startkey === undefined ? {} : { startkey }) });
    const rows = res.rows.slice(0, PAGE);
    for (const row of rows) {
      if (!row.doc) continue;
      for (const sku of ledger.apply(row.doc as { _id: string })) skus.add(sku);
    }
    if (res.rows.length <= PAGE) break;
    startkey = res.rows[PAGE]!.id;
  }
  const out = new Map<string, StockFigures>();
  for (const sku of [...skus].sort()) if (ledger.isTracked(sku)) out.set(sku, ledger.figures(sku));
  return out;
}

export interface PlatformResult {
  platform: Platform;
  shop: string;
  ok: boolean;
  error?: string;
  compared: number;
  differences: StockDifference[];
  checkedAt: string;
  asOf: string | null;
  /** Pushes queued for this platform (fix runs only). */
  queued?: number;
}

export interface ReconcileOptions {
  db: StoreDb;
  links: PushLink[];
  /** Per-request timeout towards the platforms. */
  timeoutMs?: number;
  /** Queue a forced push for every difference found. */
  fix?: boolean;
  /** Attempt budget of the jobs queued by a fix. */
  maxAttempts?: number;
  /** Only these platforms (default: every link). */
  platforms?: readonly Platform[];
  now?: () => number;
}

export function compareStock(comptoir: Map<string, StockFigures>, platform: PlatformStock): { compared: number; differences: StockDifference[] } {
  let compared = 0;
  const differences: StockDifference[] = [];
  for (const [sku, f] of comptoir) {
    const theirs = platform.get(sku);
    if (theirs === undefined) continue;
    compared++;
    if (theirs !== f.available) differences.push({ sku, comptoir: f.available, platform: theirs, onHand: f.onHand, reserved: f.reserved });
  }
  return { compared, differences };
}

async function readDoc(db: StoreDb, id: string): Promise<StockDifferencesDoc | null> {
  try {
    return (await db.get(id)) as unknown as StockDifferencesDoc;
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

/** Writes the platform's result document (last writer wins: a newer run replaces an older one). */
async function saveDoc(db: StoreDb, r: PlatformResult, fixedAt: string | undefined): Promise<void> {
  const id = stockDifferencesId(r.platform);
  for (let i = 0; i < 5; i++) {
    const cur = await readDoc(db, id);
    const doc: StockDifferencesDoc = {
      _id: id,
      ...(cur?._rev ? { _rev: cur._rev } : {}),
      type: 'stock_differences',
      platform: r.platform,
      shop: r.shop,
      checkedAt: r.checkedAt,
      asOf: r.asOf,
      compared: r.compared,
      differences: r.differences,
      ...(r.error ? { error: r.error } : {}),
      ...(fixedAt !== undefined ? { fixedAt, fixQueued: r.queued ?? 0 } : cur?.fixedAt ? { fixedAt: cur.fixedAt, fixQueued: cur.fixQueued ?? 0 } : {}),
    };
    try {
      await db.put(doc as unknown as object);
      return;
    } catch (err) {
      if (!isConflict(err)) throw err;
    }
  }
}

/**
 * Compares every linked platform with Comptoir; with `fix`, queues a forced stock-level push for
 * each difference. One platform failing does not stop the others: its result carries the error
 * (and the differences of its last successful run, with their `asOf`).
 */
export async function reconcileStock(opts: ReconcileOptions): Promise<PlatformResult[]> {
  const now = opts.now ?? Date.now;
  const links = opts.links.filter((l) => !opts.platforms || opts.platforms.includes(l.platform));
  if (links.length === 0) return [];
  const comptoir = await comptoirStock(opts.db);
  const jobs = new JobStore(opts.db);
  const results: PlatformResult[] = [];
  await Promise.all(
    links.map(async (link) => {
      const checkedAt = new Date(now()).toISOString();
      let result: PlatformResult;
      try {
        const theirs = await readPlatformStock(link, opts.timeoutMs ?? 15_000);
        result = { platform: link.platform, shop: link.shop, ok: true, checkedAt, asOf: checkedAt, ...compareStock(comptoir, theirs) };
      } catch (err) {
        const prev = await readDoc(opts.db, stockDifferencesId(link.platform)).catch(() => null);
        const same = prev && prev.shop === link.shop;
        result = {
          platform: link.platform,
          shop: link.shop,
          ok: false,
          error: `${link.platform} stock could not be read: ${(err as Error).message ?? String(err)}`,
          checkedAt,
          asOf: same ? prev.asOf : null,
          compared: same ? prev.compared : 0,
          differences: same ? prev.differences : [],
        };
      }
      if (opts.fix && result.ok) {
        result.queued = 0;
        for (const d of result.differences) {
          const base = coalescedBase(link, 'stock_level', d.sku, opts.maxAttempts ?? 10);
          await jobs.forceStockLevel(base, { sku: d.sku, available: d.comptoir, onHand: d.onHand, reserved: d.reserved }, (v) => `${link.platform}:stock_level:${idPart(d.sku)}:v${v}`);
          result.queued++;
        }
      }
      // fixedAt/fixQueued name the last run that queued pushes (a run finding nothing keeps them).
      await saveDoc(opts.db, result, result.queued ? checkedAt : undefined);
      results.push(result);
    }),
  );
  const order: Platform[] = ['shopify', 'woocommerce', 'bigcommerce'];
  return results.sort((a, b) => order.indexOf(a.platform) - order.indexOf(b.platform));
}
