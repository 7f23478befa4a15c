/**
 * The Dexie database of one device: the read model (projected from the PouchDB replica, droppable and
 * rebuildable at any time) and device-local tables (never replicated, never touched by a rebuild).
 * The sync worker writes the read model; the main thread reads it through queries.ts and liveQuery,
 * which Dexie keeps live across the worker/window boundary.
 */
import { Dexie, type Table } from 'dexie';
import type {
  CustomerDoc,
  ProductDoc,
  SaleDoc,
  StockMovementDoc,
  StoreSettingsDoc,
  WebOrderDoc,
  WebOrderEventDoc,
} from '../domain/documents.ts';
import type { QueueJobDoc } from '../domain/outbound-documents.ts';
import type { OversellTask, StockDifference, StockFigure } from '../domain/reconcile/types.ts';
import type { RegisterDoc, StaffRole } from '../domain/register-documents.ts';
import type { StockDifferencesDoc } from '../domain/stock-differences.ts';
import type { Pairing, SyncStatus } from './sync-port.ts';

/**
 * PouchDB prefixes its IndexedDB databases with "_pouch_": a name without that prefix can never
 * collide with a replica, whatever the store or register is called.
 */
export const READ_MODEL_DB_NAME = 'comptoir-readmodel';

export interface ProductRow extends ProductDoc {
  /** nameTokens(name): the multi-entry index behind prefix search. */
  nameTokens: string[];
}

export interface MovementRow extends StockMovementDoc {
  /** Set when the row was derived from a sale (not a replicated document): the sale's _id. */
  derivedFrom?: string;
}

export interface StockLevelRow {
  sku: string;
  location: string;
  onHand: number;
  /** The count the level starts from (latest by time, then id); lets the projection add deltas without refolding. */
  baseline: { at: string; _id: string } | null;
}

export type SaleRow = SaleDoc;
export type WebOrderRow = WebOrderDoc;
export type StoreSettingsRow = StoreSettingsDoc;

/**
 * Every register document (staff, shifts, Z reports, overrides, cash events, voids, parked sales,
 * invoices…) in one table: few rows, read by type, register and shift. The server's outbound and
 * mail jobs (type "outbound_job") live here too, so staff see the queue offline, and every register's
 * web-order events (type "web_order_event", issue 6), folded into an order's state by web-order-queries.ts,
 * and the server's stock comparison with each web store (type "stock_differences", issue 7).
 */
export type RegisterDocRow = (RegisterDoc | QueueJobDoc | WebOrderEventDoc | StockDifferencesDoc) & { registerId?: string; shiftId?: string | null };

export interface CustomerRow extends CustomerDoc {
  nameTokens: string[];
}

export interface StaffSessionValue {
  staffId: string;
  name: string;
  role: StaffRole;
  signedInAt: string; // ISO 8601
}

/** Device-local key/value rows; `key` names what is stored. */
export type PersistenceAnswer = {
  persisted: boolean;
  /** When the answer was obtained (ISO 8601). */
  at: string;
  usage: number | null;
  quota: number | null;
};
export type SettingRow =
  | { key: 'pairing'; value: Pairing }
  | { key: 'persistence'; value: PersistenceAnswer }
  /** Who is signed in on this register (device-local: never replicated, survives reloads and rebuilds). */
  | { key: 'session'; value: StaffSessionValue };

/** pending: durable locally, not yet confirmed by the server; rejected carries the server's reason. */
export type OutboxState = 'pending' | 'sending' | 'acknowledged' | 'rejected';

export interface OutboxRow {
  id: string; // the document's _id
  rev: string;
  docType: string;
  state: OutboxState;
  at: string; // last state change (ISO 8601)
  reason?: string;
}

export interface SyncStateRow extends SyncStatus {
  key: 'status';
}

export interface SkippedDoc {
  id: string;
  seq: number | string;
  reason: string;
}

export type ProjectionRow =
  | { key: 'checkpoint'; seq: number | string; replica: string | null }
  | { key: 'skipped'; docs: SkippedDoc[] };

/**
 * A piece of hardware paired on this device (never replicated). `role` says what it is used for;
 * `match` is what getDevices()/getPorts() must report for it to be reconnected without a prompt.
 */
export interface DeviceRow {
  id: string;
  role: 'receipt_printer' | 'label_printer' | 'scanner' | 'pole_display' | 'drawer';
  kind: 'usb' | 'serial' | 'hid' | 'network' | 'browser';
  name: string;
  match: Record<string, string | number>;
  /** Transport and printer options (baud rate, columns, code page, drawer pin, pulse…). */
  options: Record<string, unknown>;
  addedAt: string;
}

/** pending → printing → done | failed (with the reason); a failed job is retried when the device returns. */
export type PrintJobState = 'pending' | 'printing' | 'done' | 'failed';

export interface PrintJobRow {
  id: string;
  /** receipt, drawer kick, packing slip, label, test page… */
  kind: string;
  /** The document the job prints (a sale id…): with kind, makes a retried job idempotent. */
  ref: string;
  deviceId: string | null;
  state: PrintJobState;
  attempts: number;
  createdAt: string;
  updatedAt: string;
  reason?: string;
  /** What to send, prepared when the job was created (bytes as base64, or HTML for the browser). */
  payload: { encoding: 'base64' | 'html'; data: string };
  /** Drawer kicks: when the bytes were handed to the transport; from then on never sent again. */
  handedAt?: string;
}

/**
 * Issue 7, results of the reconciliation worker (workers/reconcile): derived from the read model,
 * rewritten by every run, each row stamped with the run and the moment its facts were read (asOf).
 */
export interface ReconcileStamp {
  runId: string;
  /** When the run read the read model (ISO 8601): what "as of 14:32" shows. */
  asOf: string;
}
export type StockFigureRow = StockFigure & ReconcileStamp;
export type StockDifferenceRow = StockDifference & ReconcileStamp;
export type OversellTaskRow = OversellTask & ReconcileStamp;

export type ReconcilePhase = 'reading_events' | 'reading_orders' | 'reading_movements' | 'folding' | 'writing' | 'done' | 'failed';

/** One row per kind of reconciliation: its progress while it runs, its summary once done. */
export interface ReconcileRunRow {
  kind: 'stock';
  runId: string;
  phase: ReconcilePhase;
  /** Rows read (while reading) or result rows written (while writing), out of total. */
  done: number;
  total: number;
  startedAt: string;
  asOf: string;
  finishedAt: string | null;
  /** The sync status when the run started: with asOf, how fresh the figures are ("offline since 09:10"). */
  sync: { state: string; lastSyncedAt: string | null } | null;
  counts?: { movements: number; skipped: number; webOrders: number; openOrders: number; events: number; reservations: number; figures: number; differences: number; oversells: number };
  error?: string;
}

export class ReadModelDb extends Dexie {
  products!: Table<ProductRow, string>;
  movements!: Table<MovementRow, string>;
  stockLevels!: Table<StockLevelRow, [string, string]>;
  sales!: Table<SaleRow, string>;
  webOrders!: Table<WebOrderRow, string>;
  customers!: Table<CustomerRow, string>;
  storeSettings!: Table<StoreSettingsRow, string>;
  settings!: Table<SettingRow, string>;
  outbox!: Table<OutboxRow, string>;
  syncState!: Table<SyncStateRow, string>;
  projection!: Table<ProjectionRow, string>;
  registerDocs!: Table<RegisterDocRow, string>;
  devices!: Table<DeviceRow, string>;
  printJobs!: Table<PrintJobRow, string>;
  stockFigures!: Table<StockFigureRow, [string, string]>;
  stockDifferences!: Table<StockDifferenceRow, string>;
  oversellTasks!: Table<OversellTaskRow, string>;
  reconcileRuns!: Table<ReconcileRunRow, string>;

  constructor(name: string = READ_MODEL_DB_NAME) {
    super(name);
    this.version(1).stores({
      products: 'sku, *barcodes, *nameTokens, category',
      // derivedFrom finds the rows of a sale again when it is deleted or re-projected.
      movements: '_id, [sku+location], derivedFrom',
      stockLevels: '[sku+location], sku',
      sales: '_id, createdAt, receiptNumber, registerId',
      webOrders: '_id, status, createdAt',
      customers: '_id, email, *nameTokens',
      storeSettings: '_id',
      settings: 'key',
      outbox: 'id, state, at',
      syncState: 'key',
      projection: 'key',
    });
    // Issue 3: register documents, and sales searchable by label, customer, shift and amount.
    this.version(2).stores({
      sales: '_id, createdAt, receiptNumber, registerId, receiptLabel, customerId, shiftId, totals.gross',
      registerDocs: '_id, type, registerId, shiftId, [type+registerId]',
    });
    // Issue 5, device-local: hardware paired on this device and its durable print/drawer jobs.
    this.version(3).stores({
      devices: 'id, role, kind',
      printJobs: 'id, state, createdAt, deviceId, [ref+kind]',
    });
    // Issue 7: what the reconciliation worker found (stock per SKU and location, differences with the
    // web stores, oversell tasks) and its progress. Derived, like the read model: rebuilt by a run.
    this.version(4).stores({
      stockFigures: '[sku+location], sku, available',
      stockDifferences: 'id, sku, source',
      oversellTasks: 'id, [sku+location], state, startedAt',
      reconcileRuns: 'kind',
    });
  }
}

/** Tables a rebuild clears; everything else on the device survives it. */
export const READ_MODEL_TABLES = [
  'products',
  'movements',
  'stockLevels',
  'sales',
  'webOrders',
  'customers',
  'storeSettings',
  'registerDocs',
] as const satisfies readonly (keyof ReadModelDb)[];

let shared: ReadModelDb | undefined;

/** One connection per JavaScript context (window or worker); opened lazily on first use. */
export function readModelDb(): ReadModelDb {
  shared ??= new ReadModelDb();
  return shared;
}
