/**
 * The print side of the order documents' tests: a real PrintQueue on a fresh database, a recording
 * receipt printer and label printer, and the OrderPrintDeps that point the code at them.
 */
import 'fake-indexeddb/auto';
import { createCourierRegistry } from '../../src/couriers/registry.ts';
import type { Courier } from '../../src/domain/courier.ts';
import type { DocumentOrderState, OrderDocumentDeps } from '../../src/commands/order-documents.ts';
import type { StoreSettingsDoc, WebOrderDoc } from '../../src/domain/documents.ts';
import type { OrderPrintDeps } from '../../src/hardware/order-printing.ts';
import { PrintQueue, payloadBytes } from '../../src/hardware/print-queue.ts';
import type { DeviceRow, PrintJobRow } from '../../src/store/schema.ts';
import { freshDb } from '../unit/store/fixtures.ts';
import { FakeTransport } from './fake-transport.ts';
import { device, settings as defaultSettings } from './order-documents-fixtures.ts';

export interface PrintHarness {
  deps: OrderPrintDeps;
  receipt: FakeTransport;
  label: FakeTransport;
  jobs: () => Promise<PrintJobRow[]>;
  /** Sends what is pending to the fake printers. */
  run: () => Promise<void>;
  /** The text of the job's payload (HTML, or ZPL bytes as text). */
  text: (job: PrintJobRow) => string;
}

export function printHarness(options: { receiptPrinter?: DeviceRow | null; labelPrinter?: DeviceRow | null; settings?: StoreSettingsDoc; couriers?: Courier[] } = {}): PrintHarness {
  const db = freshDb();
  const receipt = new FakeTransport();
  const label = new FakeTransport();
  const receiptRow = options.receiptPrinter === undefined ? device('p1', 'receipt_printer') : options.receiptPrinter;
  const labelRow = options.labelPrinter === undefined ? device('l1', 'label_printer') : options.labelPrinter;
  const queue = new PrintQueue({ db, transportFor: (id) => (id === receiptRow?.id ? receipt : id === labelRow?.id ? label : null) });
  const registry = createCourierRegistry();
  for (const c of options.couriers ?? []) registry.register(c);
  const deps: OrderPrintDeps = {
    receiptPrinter: async () => receiptRow ?? undefined,
    labelPrinter: async () => labelRow ?? undefined,
    enqueue: (input) => queue.enqueue(input),
    settings: async () => options.settings ?? defaultSettings,
    now: () => new Date('2026-11-28T10:00:00.000Z'),
    couriers: registry,
  };
  return {
    deps,
    receipt,
    label,
    jobs: async () => (await db.printJobs.toArray()).sort((a, b) => a.id.localeCompare(b.id)),
    run: () => queue.run(),
    text: (job) => new TextDecoder().decode(payloadBytes(job.payload)),
  };
}

export interface CommandHarness {
  deps: Partial<OrderDocumentDeps>;
  /** Every 'printed' event the commands asked for, in order. */
  recorded: Array<{ orderId: string; what: string }>;
  /** Make the next recordPrinted calls fail. */
  failRecording: (yes: boolean) => void;
}

export function commandHarness(orders: ReadonlyArray<{ order: WebOrderDoc; state: DocumentOrderState }>, print: OrderPrintDeps, online = true): CommandHarness {
  const recorded: CommandHarness['recorded'] = [];
  let failing = false;
  return {
    recorded,
    failRecording: (yes) => {
      failing = yes;
    },
    deps: {
      getOrder: async (id) => orders.find((o) => o.order._id === id)?.order,
      getState: async (id) => orders.find((o) => o.order._id === id)?.state,
      recordPrinted: async (orderId, what) => {
        if (failing) return { ok: false };
        recorded.push({ orderId, what });
        return { ok: true };
      },
      isOnline: () => online,
      print,
    },
  };
}
