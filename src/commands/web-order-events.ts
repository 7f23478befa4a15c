/**
 * The counter's steps that prepare a web order and hand it over (issue 6): pick (scan by scan or
 * all at once), pack, allocate to locations, ship (a parcel, with its tracking), ready for pickup,
 * picked up; and the steps that only record something: a note, the staff member in charge, an
 * address corrected, a document printed. Each writes one event (web-order-step.ts); a refused step
 * writes nothing. The server pushes shipped / ready / picked up to the web store.
 */
import type { WebOrderAddress, WebOrderEventDoc } from '../domain/documents.ts';
import { err, ok } from '../domain/result.ts';
import type { OrderStep } from '../domain/web-order-state.ts';
import { findProductByCode } from '../store/queries.ts';
import { writeStep, type OrderStepDeps, type StepResult } from './web-order-step.ts';

export { type OrderStepDeps, type OrderStepRefusal, type StepDone, type StepResult } from './web-order-step.ts';

/** A manager's override and the document that authorised it. */
export interface OverrideOption {
  override?: boolean;
  overrideId?: string;
}

function overrideFields(o: OverrideOption): Pick<OrderStep, 'override' | 'overrideId'> {
  if (o.override !== true) return {};
  return { override: true, ...(o.overrideId !== undefined ? { overrideId: o.overrideId } : {}) };
}

const at = (location: string | undefined): Pick<OrderStep, 'location'> => (location !== undefined ? { location } : {});

/** One scan while picking: the code (barcode or SKU) must be a product on the order (of `location`), not yet picked in full. */
export function recordPick(orderId: string, scannedCode: string, options: { location?: string } = {}, deps?: Partial<OrderStepDeps>): Promise<StepResult> {
  return writeStep(
    orderId,
    async () => {
      const code = scannedCode.trim();
      const product = await findProductByCode(code);
      if (product === undefined) return err({ kind: 'unknown_code', code });
      return ok({ kind: 'picked', sku: product.sku, quantity: 1, ...at(options.location) });
    },
    deps,
  );
}

/** "Complete the pick without scanning": every stock line (of `location`) picked in full. */
export function completePickWithoutScanning(orderId: string, options: { location?: string } = {}, deps?: Partial<OrderStepDeps>): Promise<StepResult> {
  return writeStep(orderId, { kind: 'picked', all: true, ...at(options.location) }, deps);
}

/** Packed (the whole order, or one location's part): once picked in full, or with a manager's override. */
export function markPacked(orderId: string, options: { location?: string } & OverrideOption = {}, deps?: Partial<OrderStepDeps>): Promise<StepResult> {
  return writeStep(orderId, { kind: 'packed', ...at(options.location), ...overrideFields(options) }, deps);
}

/** Which location prepares which units (replaces the earlier allocation of the SKUs named). */
export function allocateOrder(orderId: string, allocation: NonNullable<WebOrderEventDoc['allocation']>, deps?: Partial<OrderStepDeps>): Promise<StepResult> {
  return writeStep(orderId, { kind: 'allocated', allocation: allocation.map((a) => ({ sku: a.sku, location: a.location, quantity: a.quantity })) }, deps);
}

export interface ShipOptions extends OverrideOption {
  tracking?: { carrier: string; number: string; url?: string };
  /** The units in this parcel (absent: everything not yet shipped, of `location` if set). */
  lines?: Array<{ sku: string; quantity: number }>;
  location?: string;
  parcel?: WebOrderEventDoc['parcel'];
}

function cleanTracking(t: NonNullable<ShipOptions['tracking']>): NonNullable<ShipOptions['tracking']> {
  const url = t.url?.trim();
  return { carrier: t.carrier.trim(), number: t.number.trim(), ...(url ? { url } : {}) };
}

/** Shipped (one parcel): needs the order paid and its part packed (or an override). */
export function markShipped(orderId: string, options: ShipOptions = {}, deps?: Partial<OrderStepDeps>): Promise<StepResult> {
  const step: OrderStep = {
    kind: 'shipped',
    ...at(options.location),
    ...overrideFields(options),
    ...(options.tracking !== undefined && options.tracking.number.trim() !== '' ? { tracking: cleanTracking(options.tracking) } : {}),
    ...(options.lines !== undefined ? { lines: options.lines.filter((l) => l.quantity !== 0) } : {}),
    ...(options.parcel !== undefined ? { parcel: options.parcel } : {}),
  };
  return writeStep(orderId, step, deps);
}

/** Ready for pickup (the customer is told): once packed, or with an override. */
export function markReadyForPickup(orderId: string, options: OverrideOption = {}, deps?: Partial<OrderStepDeps>): Promise<StepResult> {
  return writeStep(orderId, { kind: 'ready_for_pickup', ...overrideFields(options) }, deps);
}

/** Handed over to the customer: needs the order paid, and an override when not packed or flagged. */
export function markPickedUp(orderId: string, options: OverrideOption = {}, deps?: Partial<OrderStepDeps>): Promise<StepResult> {
  return writeStep(orderId, { kind: 'picked_up', ...overrideFields(options) }, deps);
}

/** A fulfilment note on the order. */
export function addOrderNote(orderId: string, text: string, deps?: Partial<OrderStepDeps>): Promise<StepResult> {
  return writeStep(orderId, { kind: 'note', text: text.trim() }, deps);
}

/** The staff member now in charge of the order (null: nobody). */
export function assignOrder(orderId: string, assignee: { id: string; name: string } | null, deps?: Partial<OrderStepDeps>): Promise<StepResult> {
  return writeStep(orderId, { kind: 'assigned', assignee: assignee === null ? null : { id: assignee.id, name: assignee.name } }, deps);
}

/** The shipping address and/or the customer's contact, as corrected before the label is printed. */
export function correctOrderAddress(
  orderId: string,
  correction: { address?: WebOrderAddress; customer?: { name: string; email?: string; phone?: string } },
  deps?: Partial<OrderStepDeps>,
): Promise<StepResult> {
  return writeStep(
    orderId,
    { kind: 'address_corrected', ...(correction.address !== undefined ? { address: correction.address } : {}), ...(correction.customer !== undefined ? { customer: correction.customer } : {}) },
    deps,
  );
}

/** A document printed for the order (kept in the history; reprints are allowed). */
export function recordOrderPrinted(orderId: string, what: NonNullable<WebOrderEventDoc['printed']>, deps?: Partial<OrderStepDeps>): Promise<StepResult> {
  return writeStep(orderId, { kind: 'printed', printed: what }, deps);
}
