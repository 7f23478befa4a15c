/**
 * Turns validated replica documents into read-model rows, table by table. Pure: no Dexie, no I/O,
 * so the projection's transaction only does IndexedDB work.
 */
import { nameTokens } from '../../src/domain/catalog.ts';
import { customerSearchTokens } from '../../src/domain/customer.ts';
import type { StoreDoc } from '../../src/domain/documents.ts';
import type { QueueJobDoc } from '../../src/domain/outbound-documents.ts';
import { movementsOfSale } from '../../src/domain/stock.ts';
import type {
  CustomerRow,
  MovementRow,
  RegisterDocRow,
  ProductRow,
  SaleRow,
  StoreSettingsRow,
  WebOrderRow,
} from '../../src/store/schema.ts';

export interface BatchRows {
  products: ProductRow[];
  movements: MovementRow[];
  sales: SaleRow[];
  webOrders: WebOrderRow[];
  customers: CustomerRow[];
  storeSettings: StoreSettingsRow[];
  registerDocs: RegisterDocRow[];
  deleted: DeletedIds;
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

/** What the projection accepts: the store's documents and the server's queue jobs (staff see the queue). */
export type ProjectedDoc = StoreDoc | QueueJobDoc;

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
  };
  for (const doc of docs) {
    switch (doc.type) {
      case 'product':
        rows.products.push({ ...withoutRev(doc), nameTokens: nameTokens(doc.name) });
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
        break;
      case 'store_settings':
        rows.storeSettings.push(withoutRev(doc));
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
        rows.registerDocs.push(withoutRev(doc) as RegisterDocRow);
        break;
      // mail_request is a request to the server: valid, nothing to read back.
    }
  }
  for (const id of deletedIds) addDeletion(rows.deleted, id);
  return rows;
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
      deleted.registerDocs.push(id);
      break;
  }
}
