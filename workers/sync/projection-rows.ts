/**
 * Turns validated replica documents into read-model rows, table by table. Pure: no Dexie, no I/O,
 * so the projection's transaction only does IndexedDB work — except projectWebOrderStock at the
 * end, which must read an order's other events and so runs inside the projection's transaction.
 */
import { nameTokens } from '../../src/domain/catalog.ts';
import { customerSearchTokens } from '../../src/domain/customer.ts';
import type { StoreDoc } from '../../src/domain/documents.ts';
import type { QueueJobDoc } from '../../src/domain/outbound-documents.ts';
import type { StockDifferencesDoc } from '../../src/domain/stock-differences.ts';
import { movementsOfSale } from '../../src/domain/stock.ts';
import { orderStockEffect } from '../../src/domain/web-order-stock.ts';
import { FALLBACK_LOCATION } from '../../src/domain/web-order-state.ts';
import type { WebOrderDoc, WebOrderEventDoc } from '../../src/domain/documents.ts';
import type {
  CustomerRow,
  MovementRow,
  RegisterDocRow,
  ProductRow,
  SaleRow,
  StoreSettingsRow,
  WebOrderRow,
  ReadModelDb,
} from '../../src/store/schema.ts';
import { pairKey } from './stock-levels.ts';

export interface BatchRows {
  products: ProductRow[];
  movements: MovementRow[];
  sales: SaleRow[];
  webOrders: WebOrderRow[];
  customers: CustomerRow[];
  storeSettings: StoreSettingsRow[];
  registerDocs: RegisterDocRow[];
  deleted: DeletedIds;
  /** Web orders whose stock movements (derived from their events) must be worked out again. */
  webOrderIds: string[];
  /** The store's settings changed (its default location): every order's movements are worked out again. */
  settingsChanged: boolean;
}

/** Keys to remove per table, derived from the deleted documents' ids (a deletion carries no body). */
export interface DeletedIds {
  products: string[]; // skus
  movements: string[];
  sales: string[];
  webOrders: string[];
  customers: string[];
  storeSettings: string[];
  registerDocs: string[];
}

/** The read model keeps the document as replicated, minus the revision (rows are not documents). */
function withoutRev<D extends { _rev?: string }>(doc: D): Omit<D, '_rev'> {
  const { _rev: _ignored, ...rest } = doc;
  return rest;
}

/**
 * What the projection accepts: the store's documents, the server's queue jobs (staff see the queue)
 * and its stock comparisons with the web stores.
 */
export type ProjectedDoc = StoreDoc | QueueJobDoc | StockDifferencesDoc;

export function rowsOfBatch(docs: readonly ProjectedDoc[], deletedIds: readonly string[]): BatchRows {
  const rows: BatchRows = {
    products: [],
    movements: [],
    sales: [],
    webOrders: [],
    customers: [],
    storeSettings: [],
    registerDocs: [],
    deleted: { products: [], movements: [], sales: [], webOrders: [], customers: [], storeSettings: [], registerDocs: [] },
    webOrderIds: [],
    settingsChanged: false,
  };
  const orders = new Set<string>();
  for (const doc of docs) {
    switch (doc.type) {
      case 'product':
        // Products are edited by managers (issue 7): the row keeps its revision so that an edit can name it.
        rows.products.push({ ...doc, nameTokens: nameTokens(doc.name) });
        break;
      case 'customer':
        // Customers are mutable: the row keeps its revision so that an edit can name it (customers.ts).
        rows.customers.push({ ...doc, nameTokens: customerSearchTokens(doc) });
        break;
      case 'stock_movement':
        rows.movements.push(withoutRev(doc));
        break;
      case 'sale':
        rows.sales.push(withoutRev(doc));
        // Sales are the only record of what they took off the shelf: their movements are derived here.
        for (const m of movementsOfSale(doc)) rows.movements.push({ ...m, type: 'stock_movement', derivedFrom: doc._id });
        break;
      case 'web_order':
        rows.webOrders.push(withoutRev(doc));
        orders.add(doc._id);
        break;
      case 'store_settings':
        rows.storeSettings.push(withoutRev(doc));
        rows.settingsChanged = true;
        break;
      case 'staff':
      case 'shift':
      case 'override':
      case 'cash_event':
      case 'void':
      case 'parked_sale':
      case 'z_report':
      case 'invoice_request':
      case 'invoice':
      // Outbound and mail jobs (written by the server): read by the sync screen's queue section.
      case 'outbound_job':
      // Every register's steps on web orders (issue 6): an order's state is their fold.
      case 'web_order_event':
      // How staff resolved oversell tasks (issue 7): joined with the tasks by reconcile-queries.ts.
      case 'oversell_resolution':
        rows.registerDocs.push(withoutRev(doc) as RegisterDocRow);
        if (doc.type === 'web_order_event') orders.add(doc.orderId);
        break;
      // The server's stock comparison with a web store (issue 7): one small document per platform.
      case 'stock_differences':
        rows.registerDocs.push(withoutRev(doc));
        break;
      // mail_request is a request to the server: valid, nothing to read back.
    }
  }
  for (const id of deletedIds) addDeletion(rows.deleted, id);
  rows.webOrderIds = [...orders, ...rows.deleted.webOrders];
  return rows;
}

const sameMovement = (a: MovementRow, b: MovementRow): boolean =>
  a.sku === b.sku && a.location === b.location && a.delta === b.delta && a.at === b.at && a.reason === b.reason && a.derivedFrom === b.derivedFrom;

/**
 * Issue 6: the stock movements a web order's events imply (shipped and handed-over units leave the
 * shelf, restocked returns come back: domain web-order-stock.ts), kept in the movements table with
 * derivedFrom = the order id, replaced as a whole whenever the order or one of its events changes
 * (a late event can change what an earlier "ship the rest" shipped). Must run inside the
 * projection's transaction, after the batch's rows are written and before the stock levels are
 * updated: returns the movements new to the table; pairs whose movements changed otherwise are
 * added to `refold`. Re-running it changes nothing (idempotent).
 */
export async function projectWebOrderStock(db: ReadModelDb, rows: BatchRows, refold: Set<string>): Promise<MovementRow[]> {
  const ids = new Set(rows.webOrderIds);
  // A deleted event names no order: its movements (ids start with the event id) do.
  for (const eventId of rows.deleted.registerDocs.filter((id) => id.startsWith('woevent:'))) {
    const derived = await db.movements.where('_id').startsWith(`${eventId}:`).toArray();
    for (const m of derived) if (m.derivedFrom !== undefined) ids.add(m.derivedFrom);
  }
  if (rows.settingsChanged) for (const id of await db.webOrders.toCollection().primaryKeys()) ids.add(id);
  if (ids.size === 0) return [];
  const orderIds = [...ids];
  const settings = await db.storeSettings.get('store:settings');
  const location = settings?.defaultLocation ?? FALLBACK_LOCATION;
  const orders = await db.webOrders.bulkGet(orderIds);
  const events = ((await db.registerDocs.where('type').equals('web_order_event').toArray()) as WebOrderEventDoc[]).filter((e) => ids.has(e.orderId));
  const fresh: MovementRow[] = [];
  orders.forEach((order: WebOrderDoc | undefined) => {
    if (order === undefined) return;
    for (const m of orderStockEffect(order, events, location).movements) fresh.push({ ...m, type: 'stock_movement', derivedFrom: order._id });
  });
  const existing = new Map((await db.movements.where('derivedFrom').anyOf(orderIds).toArray()).map((m) => [m._id, m]));
  const freshIds = new Set(fresh.map((m) => m._id));
  const stale = [...existing.values()].filter((m) => !freshIds.has(m._id));
  for (const m of stale) refold.add(pairKey(m.sku, m.location));
  await db.movements.bulkDelete(stale.map((m) => m._id));
  const added: MovementRow[] = [];
  const changed: MovementRow[] = [];
  for (const m of fresh) {
    const before = existing.get(m._id);
    if (before === undefined) added.push(m);
    else if (!sameMovement(before, m)) {
      changed.push(m);
      refold.add(pairKey(before.sku, before.location));
      refold.add(pairKey(m.sku, m.location));
    }
  }
  await db.movements.bulkPut([...added, ...changed]);
  return added;
}

function addDeletion(deleted: DeletedIds, id: string): void {
  const prefix = id.slice(0, id.indexOf(':'));
  switch (prefix) {
    case 'product':
      deleted.products.push(id.slice('product:'.length));
      break;
    case 'stock':
      deleted.movements.push(id);
      break;
    case 'sale':
      deleted.sales.push(id);
      break;
    case 'weborder':
      deleted.webOrders.push(id);
      break;
    case 'customer':
      deleted.customers.push(id);
      break;
    case 'store':
      deleted.storeSettings.push(id);
      break;
    case 'staff':
    case 'shift':
    case 'override':
    case 'cash':
    case 'void':
    case 'parked':
    case 'z':
    case 'invoicereq':
    case 'invoice':
    case 'outbound':
    case 'mail':
    case 'woevent':
    case 'reconcile':
    case 'oversellfix':
      deleted.registerDocs.push(id);
      break;
  }
}
