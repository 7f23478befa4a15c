/**
 * Printing a web order's documents through the durable print queue (issue 6), with the same device
 * choice as receipts and labels:
 * - packing slip and pick list: on the paired receipt printer (ESC/POS or StarPRNT bytes), or as an
 *   A4 page through the browser's print dialog when there is none or staff ask for A4;
 * - shipping label: the courier makes it for the printer at hand — ZPL for a paired label printer,
 *   printable HTML (4 × 6 in) through the dialog otherwise.
 * Jobs are prepared when queued (a retried job prints what the first attempt would have) and are
 * never idempotent: every print is a new job (reprints are allowed). Nothing here writes documents;
 * the commands (src/commands/order-documents.ts) record the 'printed' event.
 */
import type { Courier, CourierRefusal, CourierService, ParcelSpec, Shipment } from '../domain/courier.ts';
import type { StoreSettingsDoc } from '../domain/documents.ts';
import { err, ok, type Result } from '../domain/result.ts';
import { buildPackingSlipBytes } from '../documents/packing-slip-escpos.ts';
import { packingSlipFromOrder, type DocumentLang, type SlipOrder, type SlipOrderState } from '../documents/packing-slip-data.ts';
import { packingSlipHtml } from '../documents/packing-slip-html.ts';
import { buildPickList, type PickList, type PickListOrder } from '../documents/pick-list-data.ts';
import { buildPickListBytes } from '../documents/pick-list-escpos.ts';
import { pickListHtml } from '../documents/pick-list-html.ts';
import { couriers, type CourierRegistry } from '../couriers/registry.ts';
import type { DeviceRow } from '../store/schema.ts';
import { getStoreSettings } from '../store/queries.ts';
import { labelPrinter, takesZpl } from './label-printing.ts';
import { toBase64, type EnqueueInput, type PrintJob } from './print-queue.ts';
import { printerOptions, profileOf } from './printer-options.ts';
import { BROWSER_DIALOG, printing, receiptPrinter } from './printing.ts';

/** Where a document went: the receipt printer, the label printer, or the browser's print dialog. */
export type PrintTarget = 'receipt_printer' | 'label_printer' | 'browser';
/** What staff asked for; absent: the receipt printer when one is paired, else A4. */
export type Paper = 'receipt' | 'a4';

export interface QueuedDocument {
  job: PrintJob;
  target: PrintTarget;
}

export interface OrderPrintDeps {
  receiptPrinter: () => Promise<DeviceRow | undefined>;
  labelPrinter: () => Promise<DeviceRow | undefined>;
  enqueue: (input: EnqueueInput) => Promise<PrintJob>;
  settings: () => Promise<StoreSettingsDoc | undefined>;
  now: () => Date;
  couriers: CourierRegistry;
}

function withDefaults(deps: Partial<OrderPrintDeps> = {}): OrderPrintDeps {
  return {
    receiptPrinter,
    labelPrinter,
    enqueue: (input) => printing().queue.enqueue(input),
    settings: getStoreSettings,
    now: () => new Date(),
    couriers: deps.couriers ?? couriers(),
    ...deps,
  };
}

export function langOf(settings: Pick<StoreSettingsDoc, 'locale'> | undefined): DocumentLang {
  return settings?.locale === 'en' ? 'en' : 'fr';
}

function slipSettings(settings: StoreSettingsDoc | undefined): { name: string; address: string[]; defaultLocation: string; locations: StoreSettingsDoc['locations'] } {
  return { name: settings?.name ?? 'Comptoir', address: settings?.address ?? [], defaultLocation: settings?.defaultLocation ?? '', locations: settings?.locations ?? [] };
}

/** Bytes to the receipt printer, or the A4 page to the dialog (no printer, or A4 asked for). */
async function enqueueDocument(kind: string, ref: string, paper: Paper | undefined, bytes: (printer: DeviceRow) => Uint8Array, html: () => string, d: OrderPrintDeps): Promise<QueuedDocument> {
  const printer = paper === 'a4' ? undefined : await d.receiptPrinter();
  if (!printer) return { job: await d.enqueue({ kind, ref, deviceId: BROWSER_DIALOG, payload: { encoding: 'html', data: html() } }), target: 'browser' };
  return { job: await d.enqueue({ kind, ref, deviceId: printer.id, payload: { encoding: 'base64', data: toBase64(bytes(printer)) } }), target: 'receipt_printer' };
}

const profileFor = (printer: DeviceRow) => profileOf(printerOptions(printer.options));

/** One order's packing slip (or one location's part of it). */
export async function printPackingSlip(order: SlipOrder, state: SlipOrderState, options: { paper?: Paper; location?: string } = {}, deps?: Partial<OrderPrintDeps>): Promise<QueuedDocument> {
  const d = withDefaults(deps);
  const settings = await d.settings();
  const slip = packingSlipFromOrder(order, state, slipSettings(settings), langOf(settings), options.location);
  return enqueueDocument('packing-slip', order._id, options.paper, (p) => buildPackingSlipBytes(slip, profileFor(p)), () => packingSlipHtml(slip), d);
}

/** One combined pick list for several orders (grouped by location, then SKU). */
export async function printPickList(orders: readonly PickListOrder[], options: { paper?: Paper; location?: string } = {}, deps?: Partial<OrderPrintDeps>): Promise<QueuedDocument & { list: PickList }> {
  const d = withDefaults(deps);
  const settings = await d.settings();
  const list = buildPickList(orders, slipSettings(settings), { lang: langOf(settings), now: d.now().toISOString(), ...(options.location !== undefined ? { onlyLocation: options.location } : {}) });
  const ref = orders.map((o) => o.orderId).join(',');
  const queued = await enqueueDocument('pick-list', ref, options.paper, (p) => buildPickListBytes(list, profileFor(p)), () => pickListHtml(list), d);
  return { ...queued, list };
}

export type OrderLabelRefusal =
  | { kind: 'unknown_courier'; courierId: string }
  | { kind: 'courier'; refusal: CourierRefusal }
  /** The courier's label cannot go to any printer here (ZPL without a label printer, a PDF). */
  | { kind: 'unprintable_label'; format: string };

export interface LabelRequest {
  parcel: ParcelSpec;
  service: CourierService;
  /** Absent: the registry's default (the manual courier). */
  courierId?: string;
}

/** Asks the courier for a shipment and queues its label. The shipment's tracking (if any) is the caller's to record. */
export async function printOrderLabel(
  order: SlipOrder,
  state: Pick<SlipOrderState, 'shippingAddress' | 'customer'>,
  request: LabelRequest,
  deps?: Partial<OrderPrintDeps>,
): Promise<Result<QueuedDocument & { shipment: Shipment; courier: Courier }, OrderLabelRefusal>> {
  const d = withDefaults(deps);
  const courierId = request.courierId ?? d.couriers.defaultId;
  const courier = d.couriers.get(courierId);
  if (!courier) return err({ kind: 'unknown_courier', courierId });
  const [settings, printer] = await Promise.all([d.settings(), d.labelPrinter()]);
  const shop = slipSettings(settings);
  const made = await courier.createShipment({
    order: { id: order._id, orderNumber: order.orderNumber, shipTo: state.shippingAddress ?? order.shippingAddress, customer: state.customer ?? order.customer },
    parcel: request.parcel,
    service: request.service,
    shipFrom: { name: shop.name, address: shop.address },
    labelFormat: takesZpl(printer) ? 'zpl' : 'html',
    lang: langOf(settings),
  });
  if (!made.ok) return err({ kind: 'courier', refusal: made.error });
  const { label } = made.value;
  const base = { kind: 'label-shipping', ref: order._id };
  if (label.format === 'zpl') {
    if (!takesZpl(printer)) return err({ kind: 'unprintable_label', format: 'zpl' });
    const job = await d.enqueue({ ...base, deviceId: printer.id, payload: { encoding: 'base64', data: toBase64(new TextEncoder().encode(label.data)) } });
    return ok({ job, target: 'label_printer', shipment: made.value, courier });
  }
  // A PDF would need the browser's PDF viewer (a tab, not the hidden print frame): not offered yet.
  if (label.format !== 'html') return err({ kind: 'unprintable_label', format: label.format });
  const job = await d.enqueue({ ...base, deviceId: BROWSER_DIALOG, payload: { encoding: 'html', data: label.data } });
  return ok({ job, target: 'browser', shipment: made.value, courier });
}
