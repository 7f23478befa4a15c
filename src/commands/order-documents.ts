/**
 * The UI's print actions on web orders (issue 6): packing slip, combined pick list, shipping labels
 * (one, or all the selected orders'). Each reads the order and its merged state, queues the print
 * (src/hardware/order-printing.ts) and then records a 'printed' event in the order's history.
 * Queued is what "printed" means here: the print queue keeps the job, shows a failure and retries
 * it, so the event is not held back waiting for paper. A failed 'printed' event never undoes a print
 * (`recorded: false` says so).
 */
import { serviceChoices, type CourierRefusal, type CourierService, type ParcelSpec, type Shipment } from '../domain/courier.ts';
import type { WebOrderDoc, WebOrderEventDoc } from '../domain/documents.ts';
import { err, ok, type Result } from '../domain/result.ts';
import type { SlipOrderState } from '../documents/packing-slip-data.ts';
import { leftToPick } from '../documents/pick-list-data.ts';
import { couriers as sharedCouriers } from '../couriers/registry.ts';
import { printOrderLabel, printPackingSlip, printPickList, type OrderPrintDeps, type Paper, type PrintTarget } from '../hardware/order-printing.ts';
import type { PrintJob } from '../hardware/print-queue.ts';
import { getStoreSettings } from '../store/queries.ts';
import { getOrderState, getWebOrder } from '../store/web-order-queries.ts';
import { recordOrderPrinted } from './web-order-events.ts';

type Printed = NonNullable<WebOrderEventDoc['printed']>;

/** The part of an order's folded state these commands read (OrderState fits). */
export interface DocumentOrderState extends SlipOrderState {
  status: string;
  parcels?: ReadonlyArray<{ parcel?: WebOrderEventDoc['parcel'] }>;
}

export type OrderDocumentRefusal =
  | { kind: 'order_not_found'; orderId: string }
  | { kind: 'no_orders' }
  | { kind: 'order_cancelled'; orderId: string }
  /** Every selected order is picked, shipped or cancelled: the list would be blank. */
  | { kind: 'nothing_to_pick' }
  /** A pickup order gets no shipping label. */
  | { kind: 'pickup_order'; orderId: string }
  /** Bulk labels: every selected order is a pickup or cancelled. */
  | { kind: 'nothing_to_label' }
  | { kind: 'no_service'; orderId: string }
  | { kind: 'unknown_courier'; courierId: string }
  | { kind: 'courier'; orderId: string; refusal: CourierRefusal }
  | { kind: 'unprintable_label'; format: string }
  /** The job could not be queued (storage full or unavailable). */
  | { kind: 'not_queued'; message: string }
  /** Bulk labels: some orders got theirs, these did not. */
  | { kind: 'labels_failed'; failed: Array<{ orderId: string; error: OrderDocumentRefusal }>; printed: LabelPrinted[] };

export interface DocumentPrinted {
  orderIds: string[];
  job: PrintJob;
  target: PrintTarget;
  /** The 'printed' event was written for every order. */
  recorded: boolean;
}

export interface LabelPrinted extends DocumentPrinted {
  shipment: Shipment;
  courierId: string;
  parcel: ParcelSpec;
}

export interface OrderDocumentDeps {
  getOrder: (id: string) => Promise<WebOrderDoc | undefined>;
  getState: (id: string) => Promise<DocumentOrderState | undefined>;
  recordPrinted: (orderId: string, what: Printed) => Promise<{ ok: boolean }>;
  isOnline: () => boolean;
  print: Partial<OrderPrintDeps>;
}

function withDefaults(deps: Partial<OrderDocumentDeps> = {}): OrderDocumentDeps {
  return {
    getOrder: getWebOrder,
    getState: getOrderState,
    recordPrinted: (orderId, what) => recordOrderPrinted(orderId, what),
    isOnline: () => typeof navigator === 'undefined' || navigator.onLine,
    print: {},
    ...deps,
  };
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const CLOSED = new Set(['cancelled', 'shipped', 'picked_up']);

async function load(id: string, d: OrderDocumentDeps): Promise<Result<{ order: WebOrderDoc; state: DocumentOrderState }, OrderDocumentRefusal>> {
  const [order, state] = await Promise.all([d.getOrder(id), d.getState(id)]);
  if (order === undefined || state === undefined) return err({ kind: 'order_not_found', orderId: id });
  return ok({ order, state });
}

async function record(ids: readonly string[], what: Printed, d: OrderDocumentDeps): Promise<boolean> {
  const results = await Promise.all(ids.map((id) => d.recordPrinted(id, what).catch(() => ({ ok: false }))));
  return results.every((r) => r.ok);
}

/** The packing slip of one order (or of one location's part), on the receipt printer or A4. */
export async function printPackingSlipFor(orderId: string, options: { paper?: Paper; location?: string } = {}, deps?: Partial<OrderDocumentDeps>): Promise<Result<DocumentPrinted, OrderDocumentRefusal>> {
  const d = withDefaults(deps);
  const loaded = await load(orderId, d);
  if (!loaded.ok) return loaded;
  const { order, state } = loaded.value;
  if (state.status === 'cancelled') return err({ kind: 'order_cancelled', orderId });
  try {
    const { job, target } = await printPackingSlip(order, state, options, d.print);
    return ok({ orderIds: [orderId], job, target, recorded: await record([orderId], 'packing_slip', d) });
  } catch (e) {
    return err({ kind: 'not_queued', message: messageOf(e) });
  }
}

/**
 * One combined pick list for the selected orders. Shipped, picked-up and cancelled orders are left
 * out (nothing to take from the shelves for them) and get no 'printed' event.
 */
export async function printPickListFor(orderIds: readonly string[], options: { paper?: Paper; location?: string } = {}, deps?: Partial<OrderDocumentDeps>): Promise<Result<DocumentPrinted, OrderDocumentRefusal>> {
  const d = withDefaults(deps);
  const ids = [...new Set(orderIds)];
  if (ids.length === 0) return err({ kind: 'no_orders' });
  const open: Array<{ order: WebOrderDoc; state: DocumentOrderState }> = [];
  for (const id of ids) {
    const loaded = await load(id, d);
    if (!loaded.ok) return loaded;
    if (!CLOSED.has(loaded.value.state.status)) open.push(loaded.value);
  }
  const fallback = (await (d.print.settings ?? getStoreSettings)())?.defaultLocation;
  const wanted = open.filter(({ state }) => state.lines.some((l) => leftToPick(l) > 0 && (options.location === undefined || (l.location ?? fallback) === options.location)));
  if (wanted.length === 0) return err({ kind: 'nothing_to_pick' });
  try {
    const { job, target } = await printPickList(
      wanted.map(({ order, state }) => ({ orderId: order._id, orderNumber: order.orderNumber, lines: state.lines })),
      options,
      d.print,
    );
    const printedIds = wanted.map(({ order }) => order._id);
    return ok({ orderIds: printedIds, job, target, recorded: await record(printedIds, 'pick_list', d) });
  } catch (e) {
    return err({ kind: 'not_queued', message: messageOf(e) });
  }
}

export interface LabelChoices {
  couriers: Array<{ id: string; name: string; online: boolean }>;
  courierId: string;
  services: CourierService[];
  /** From the shipping method the customer chose on the web store; null when nothing matches. */
  preselected: CourierService | null;
  /** The last parcel recorded for this order, to prefill weight and size. */
  parcel: ParcelSpec;
  /** The carrier gives no tracking number: staff type or scan it when marking shipped. */
  needsManualTracking: boolean;
}

function registry(d: OrderDocumentDeps) {
  return d.print.couriers ?? sharedCouriers();
}

function choicesOf(order: WebOrderDoc, state: DocumentOrderState, courierId: string | undefined, d: OrderDocumentDeps): Result<LabelChoices, OrderDocumentRefusal> {
  if (state.delivery === 'pickup') return err({ kind: 'pickup_order', orderId: order._id });
  const reg = registry(d);
  const id = courierId ?? reg.defaultId;
  const courier = reg.get(id);
  if (!courier) return err({ kind: 'unknown_courier', courierId: id });
  const choices = serviceChoices(courier, order.shippingMethod);
  const last = [...(state.parcels ?? [])].reverse().find((p) => p.parcel !== undefined)?.parcel;
  const { service: _service, ...parcel } = last ?? {};
  return ok({
    couriers: reg.list({ online: d.isOnline() }).map((c) => ({ id: c.id, name: c.name, online: c.online })),
    courierId: id,
    ...choices,
    parcel,
    needsManualTracking: courier.anyService === true,
  });
}

/** What the label dialog offers for an order: couriers usable now, services, the preselected one. */
export async function labelChoicesFor(orderId: string, courierId?: string, deps?: Partial<OrderDocumentDeps>): Promise<Result<LabelChoices, OrderDocumentRefusal>> {
  const d = withDefaults(deps);
  const loaded = await load(orderId, d);
  if (!loaded.ok) return loaded;
  return choicesOf(loaded.value.order, loaded.value.state, courierId, d);
}

export interface LabelOptions {
  parcel?: ParcelSpec;
  /** A service code of the courier (or of the order's own method, for the manual courier); absent: the preselected one. */
  serviceCode?: string;
  courierId?: string;
}

async function labelFor(orderId: string, options: LabelOptions, d: OrderDocumentDeps): Promise<Result<LabelPrinted, OrderDocumentRefusal>> {
  const loaded = await load(orderId, d);
  if (!loaded.ok) return loaded;
  const { order, state } = loaded.value;
  if (state.status === 'cancelled') return err({ kind: 'order_cancelled', orderId });
  const choices = choicesOf(order, state, options.courierId, d);
  if (!choices.ok) return choices;
  const { services, preselected, courierId } = choices.value;
  const service = options.serviceCode !== undefined ? services.find((s) => s.code === options.serviceCode) : (preselected ?? services[0]);
  if (service === undefined) return err({ kind: 'no_service', orderId });
  const parcel = options.parcel ?? choices.value.parcel;
  let made: Awaited<ReturnType<typeof printOrderLabel>>;
  try {
    made = await printOrderLabel(order, state, { parcel, service, courierId }, d.print);
  } catch (e) {
    return err({ kind: 'not_queued', message: messageOf(e) });
  }
  if (!made.ok) return err(made.error.kind === 'courier' ? { kind: 'courier', orderId, refusal: made.error.refusal } : made.error);
  const { job, target, shipment } = made.value;
  return ok({ orderIds: [orderId], job, target, shipment, courierId, parcel, recorded: await record([orderId], 'label', d) });
}

/** One order's shipping label: the parcel as weighed, the service (preselected when absent). */
export function printLabelFor(orderId: string, options: LabelOptions = {}, deps?: Partial<OrderDocumentDeps>): Promise<Result<LabelPrinted, OrderDocumentRefusal>> {
  return labelFor(orderId, options, withDefaults(deps));
}

export interface LabelsPrinted {
  printed: LabelPrinted[];
  /** Selected orders that need no label: pickups and cancelled orders. */
  skipped: Array<{ orderId: string; reason: 'pickup_order' | 'order_cancelled' }>;
}

/**
 * Every selected order's label, one job each, with each order's preselected service (and its own
 * parcel when given). Pickup and cancelled orders are skipped (said in `skipped`). Ok when every
 * other order's label was queued; otherwise `labels_failed` lists who did not get one, and the
 * labels that did print.
 */
export async function printLabelsFor(orderIds: readonly string[], options: { courierId?: string; parcels?: Record<string, ParcelSpec> } = {}, deps?: Partial<OrderDocumentDeps>): Promise<Result<LabelsPrinted, OrderDocumentRefusal>> {
  const d = withDefaults(deps);
  const ids = [...new Set(orderIds)];
  if (ids.length === 0) return err({ kind: 'no_orders' });
  const printed: LabelPrinted[] = [];
  const skipped: LabelsPrinted['skipped'] = [];
  const failed: Array<{ orderId: string; error: OrderDocumentRefusal }> = [];
  for (const id of ids) {
    const parcel = options.parcels?.[id];
    const r = await labelFor(id, { ...(options.courierId !== undefined ? { courierId: options.courierId } : {}), ...(parcel !== undefined ? { parcel } : {}) }, d);
    if (r.ok) printed.push(r.value);
    else if (r.error.kind === 'pickup_order' || r.error.kind === 'order_cancelled') skipped.push({ orderId: id, reason: r.error.kind });
    else failed.push({ orderId: id, error: r.error });
  }
  if (failed.length > 0) return err({ kind: 'labels_failed', failed, printed });
  if (printed.length === 0) return err({ kind: 'nothing_to_label' });
  return ok({ printed, skipped });
}
