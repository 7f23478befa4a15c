/**
 * The named queries screens read through (lint forbids screens from touching Dexie). Each watch*
 * returns a Dexie Observable that re-emits when a write touching its range commits, including writes
 * made by the sync worker; the UI adapts them to Solid signals.
 */
import { liveQuery, type Observable } from 'dexie';
import { isValidGtin } from '../domain/barcode.ts';
import { nameTokens, normaliseBarcode } from '../domain/catalog.ts';
import {
  readModelDb,
  type OutboxRow,
  type PersistenceAnswer,
  type ProductRow,
  type SaleRow,
  type StockLevelRow,
  type StoreSettingsRow,
  type WebOrderRow,
} from './schema.ts';
import type { Pairing, SyncStatus } from './sync-port.ts';

/**
 * A GTIN can be printed at several lengths (UPC-A "036000291452" is EAN-13 "0036000291452"):
 * scanners report either form, so every valid zero-padded form is looked up.
 */
function gtinForms(code: string): string[] {
  if (!isValidGtin(code)) return [code];
  const core = code.replace(/^0+/, '');
  return [8, 12, 13].filter((len) => len >= core.length).map((len) => core.padStart(len, '0')).filter(isValidGtin);
}

/** Exact lookup by barcode (any GTIN form) or SKU; undefined for an unknown or empty scan. */
export async function findProductByCode(code: string): Promise<ProductRow | undefined> {
  const scanned = normaliseBarcode(code);
  if (scanned === '') return undefined;
  const db = readModelDb();
  const byBarcode = await db.products.where('barcodes').anyOf(gtinForms(scanned)).first();
  return byBarcode ?? (await db.products.get(scanned));
}

/**
 * Prefix search on name tokens through the multi-entry index: "cre bru" finds "Crème brûlée".
 * The longest query token is the most selective, so it drives; the other tokens are checked on its
 * candidates (keys only), and only `limit` rows are ever read. Never a table scan.
 */
export async function searchProducts(text: string, limit = 20): Promise<ProductRow[]> {
  const tokens = nameTokens(text).sort((a, b) => b.length - a.length);
  const [driver, ...others] = tokens;
  if (driver === undefined || limit <= 0) return [];
  const db = readModelDb();
  if (others.length === 0) {
    // distinct(): a product with two matching tokens ("pomme", "pommes") is one hit, not two.
    const keys = await db.products.where('nameTokens').startsWith(driver).distinct().limit(limit).primaryKeys();
    return rowsInOrder(await db.products.bulkGet(keys));
  }
  // Each index range yields keys only; intersecting sets of keys is cheap even for broad prefixes.
  const keySets = await Promise.all(
    tokens.map((t) => db.products.where('nameTokens').startsWith(t).primaryKeys()),
  );
  const [first, ...rest] = keySets.map((keys) => new Set(keys)).sort((a, b) => a.size - b.size);
  const hits: string[] = [];
  for (const key of first ?? []) {
    if (rest.every((s) => s.has(key))) hits.push(key);
    if (hits.length >= limit) break;
  }
  return rowsInOrder(await db.products.bulkGet(hits));
}

function rowsInOrder(rows: readonly (ProductRow | undefined)[]): ProductRow[] {
  return rows.filter((r): r is ProductRow => r !== undefined).sort((a, b) => a.name.localeCompare(b.name));
}

/** Newest sales first. */
export function watchRecentSales(limit = 20): Observable<SaleRow[]> {
  return liveQuery(() => readModelDb().sales.orderBy('createdAt').reverse().limit(limit).toArray());
}

export async function getSale(id: string): Promise<SaleRow | undefined> {
  return readModelDb().sales.get(id);
}

async function readPairing(): Promise<Pairing | null> {
  const row = await readModelDb().settings.get('pairing');
  return row?.key === 'pairing' ? row.value : null;
}

export function getPairing(): Promise<Pairing | null> {
  return readPairing();
}

export function watchPairing(): Observable<Pairing | null> {
  return liveQuery(readPairing);
}

const UNPAIRED: SyncStatus = { state: 'unpaired', pending: 0, lastSyncedAt: null, message: null };

/**
 * The worker writes the connection state; the pending count is read from the outbox here so that a
 * commit shows up at once, without waiting for the worker to rewrite its status row.
 */
export function watchSyncStatus(): Observable<SyncStatus> {
  return liveQuery(async () => {
    const db = readModelDb();
    const [row, pending, pairing] = await Promise.all([
      db.syncState.get('status'),
      db.outbox.where('state').anyOf('pending', 'sending').count(),
      readPairing(),
    ]);
    if (pairing === null) return { ...UNPAIRED, pending };
    const { key: _key, ...status } = row ?? { ...UNPAIRED, key: 'status', state: 'offline' as const };
    return { ...status, pending };
  });
}

/** Every document this device wrote, newest state change first. */
export function watchOutbox(): Observable<OutboxRow[]> {
  return liveQuery(() => readModelDb().outbox.orderBy('at').reverse().toArray());
}

/** On-hand quantity of a SKU at a location; 0 when nothing was ever counted or moved. */
export function watchStockLevel(sku: string, location: string): Observable<StockLevelRow> {
  return liveQuery(async () => {
    const row = await readModelDb().stockLevels.get([sku, location]);
    return row ?? { sku, location, onHand: 0, baseline: null };
  });
}

/** Web orders, newest first; `status` narrows to one state (e.g. 'new' for the to-do list). */
export function watchWebOrders(status?: WebOrderRow['status']): Observable<WebOrderRow[]> {
  return liveQuery(async () => {
    const table = readModelDb().webOrders;
    if (status === undefined) return table.orderBy('createdAt').reverse().toArray();
    const rows = await table.where('status').equals(status).toArray();
    return rows.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  });
}

/** Web orders the import could not map fully (unknown SKU…), newest first: the "import problems" list. */
export function watchImportProblems(): Observable<WebOrderRow[]> {
  return liveQuery(() =>
    readModelDb()
      .webOrders.orderBy('createdAt')
      .reverse()
      .filter((o) => Array.isArray(o.problems) && o.problems.length > 0)
      .toArray(),
  );
}

export function getStoreSettings(): Promise<StoreSettingsRow | undefined> {
  return readModelDb().storeSettings.get('store:settings');
}

/** undefined until the store's settings document has replicated. */
export function watchStoreSettings(): Observable<StoreSettingsRow | undefined> {
  return liveQuery(getStoreSettings);
}

/** The last answer of navigator.storage.persist()/persisted(); null until asked. */
export function watchPersistence(): Observable<PersistenceAnswer | null> {
  return liveQuery(async () => {
    const row = await readModelDb().settings.get('persistence');
    return row?.key === 'persistence' ? row.value : null;
  });
}
