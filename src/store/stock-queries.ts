/**
 * Named queries of the stock screens (issue 7): on hand per SKU and location (the projection's
 * stock levels, a live fold of every movement and sale), the units open web orders still hold there
 * beside it, and how fresh those figures are. Reservations come from the same fold as everywhere
 * else (the order's events replayed, web-order-stock.ts's rule), so a web order picked at another
 * register stops holding its units here as soon as that event replicates.
 */
import { liveQuery, type Observable } from 'dexie';
import type { WebOrderEventDoc } from '../domain/documents.ts';
import { orderReservations } from '../domain/reconcile/order-reservations.ts';
import { RELEASED_STATUSES } from '../domain/reservations.ts';
import { stockKey } from '../domain/stock.ts';
import { stockFreshness, type Freshness } from '../domain/stock-ops.ts';
import { FALLBACK_LOCATION } from '../domain/web-order-state.ts';
import { listProducts } from './product-queries.ts';
import { readModelDb, type ProductRow } from './schema.ts';

export interface StockLocation {
  id: string;
  name: string;
}

/** The store's stock locations, the default one first (named after its id when settings give no name). */
export async function getStockLocations(): Promise<StockLocation[]> {
  const s = await readModelDb().storeSettings.get('store:settings');
  const first = s?.defaultLocation ?? FALLBACK_LOCATION;
  const named = s?.locations ?? [];
  const firstName = named.find((l) => l.id === first)?.name ?? first;
  return [{ id: first, name: firstName }, ...named.filter((l) => l.id !== first)];
}

export function watchStockLocations(): Observable<StockLocation[]> {
  return liveQuery(getStockLocations);
}

export interface StockRow {
  sku: string;
  name: string;
  location: string;
  /** On the shelf: the fold of counts, receipts, transfers, sales and shipped web orders. */
  onHand: number;
  /** Held by open web orders at this location (not yet shipped or handed over). */
  pending: number;
  /** onHand − pending. */
  available: number;
  stockTracked: boolean;
}

/** sku@location → units held by open web orders. */
async function reservedAt(): Promise<Map<string, number>> {
  const db = readModelDb();
  const settings = await db.storeSettings.get('store:settings');
  const location = settings?.defaultLocation ?? FALLBACK_LOCATION;
  // Not narrowed by SKU: a 'changed' event can add a line the order's document does not list.
  const open = await db.webOrders.where('status').noneOf([...RELEASED_STATUSES]).toArray();
  const reserved = new Map<string, number>();
  if (open.length === 0) return reserved;
  const ids = new Set(open.map((o) => o._id));
  const events = ((await db.registerDocs.where('type').equals('web_order_event').toArray()) as WebOrderEventDoc[]).filter((e) => ids.has(e.orderId));
  for (const order of open) {
    for (const r of orderReservations(order, events.filter((e) => e.orderId === order._id), location)) {
      const key = stockKey(r.sku, r.location);
      reserved.set(key, (reserved.get(key) ?? 0) + r.quantity);
    }
  }
  return reserved;
}

export interface StockFilter {
  text?: string;
  /** One location, or every location when absent. */
  location?: string;
  limit?: number;
}

/**
 * Stock rows for the products matching `text` (or the first products by SKU), at `location` or at
 * every location the store has. A product never counted nor moved shows 0 on the shelf.
 */
export async function listStock(filter: StockFilter = {}): Promise<StockRow[]> {
  const db = readModelDb();
  const locations = filter.location ? [filter.location] : (await getStockLocations()).map((l) => l.id);
  const products: ProductRow[] = await listProducts({ text: filter.text ?? '', limit: filter.limit ?? 50 });
  const skus = new Set(products.map((p) => p.sku));
  const levels = await db.stockLevels.where('sku').anyOf([...skus]).toArray();
  const onHand = new Map(levels.map((l) => [stockKey(l.sku, l.location), l.onHand]));
  const extra = new Set(levels.map((l) => l.location));
  const reserved = await reservedAt();
  const rows: StockRow[] = [];
  for (const p of products) {
    const here = filter.location ? locations : [...new Set([...locations, ...[...extra].filter((loc) => onHand.has(stockKey(p.sku, loc)))])];
    for (const location of here) {
      const key = stockKey(p.sku, location);
      const shelf = onHand.get(key) ?? 0;
      const pending = reserved.get(key) ?? 0;
      rows.push({ sku: p.sku, name: p.name, location, onHand: shelf, pending, available: shelf - pending, stockTracked: p.stockTracked });
    }
  }
  return rows;
}

export function watchStock(filter: StockFilter = {}): Observable<StockRow[]> {
  return liveQuery(() => listStock(filter));
}

/** On hand of each SKU at one location (0 when never counted nor moved). */
export async function onHandAt(location: string, skus: readonly string[]): Promise<Map<string, number>> {
  const keys = skus.map((sku): [string, string] => [sku, location]);
  const rows = await readModelDb().stockLevels.bulkGet(keys);
  return new Map(skus.map((sku, i) => [sku, rows[i]?.onHand ?? 0]));
}

export function watchOnHandAt(location: string, skus: readonly string[]): Observable<Map<string, number>> {
  return liveQuery(() => onHandAt(location, skus));
}

/** How fresh the figures are: "as of 14:32" while in step with the server, "offline since 09:10" otherwise. */
export function watchStockFreshness(): Observable<Freshness> {
  return liveQuery(async () => {
    const row = await readModelDb().syncState.get('status');
    return stockFreshness({ state: row?.state ?? 'offline', lastSyncedAt: row?.lastSyncedAt ?? null });
  });
}

/** Which of these movement ids the read model already holds (an applied plan, seen again). */
export async function presentMovements(ids: readonly string[]): Promise<Set<string>> {
  const rows = await readModelDb().movements.bulkGet([...ids]);
  return new Set(rows.filter((r) => r !== undefined).map((r) => r!._id));
}
