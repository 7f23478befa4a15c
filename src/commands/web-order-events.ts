/**
 * The counter's steps on a web order (issue 6): each one is checked against the order's merged state
 * (src/domain/web-order-state.ts) and, if allowed, written as ONE immutable event document
 * woevent:<registerId>:<ulid> through the port — offline too: the replica keeps it and replicates
 * it later. A refused step writes nothing. Picks, packing and notes stay on the counter's side;
 * the server's outbound queue only pushes shipped / ready / picked up / cancelled.
 */
import type { WebOrderEventDoc } from '../domain/documents.ts';
import { err, ok, type Result } from '../domain/result.ts';
import { orderState, transition, type OrderRefusal, type OrderState, type OrderStep } from '../domain/web-order-state.ts';
import { findProductByCode, getPairing } from '../store/queries.ts';
import { getWebOrder, getWebOrderEvents } from '../store/web-order-queries.ts';
import { withDefaults, type CommandDeps } from './deps.ts';
import { registerDocId } from './register-ids.ts';
import { currentStaff, type StaffSession } from './session.ts';

export type OrderStepRefusal =
  | { kind: 'not_paired' }
  | { kind: 'not_signed_in' }
  | { kind: 'order_not_found' }
  /** The scanned code is no product of the catalogue. */
  | { kind: 'unknown_code'; code: string }
  | { kind: 'not_saved'; message: string }
  | OrderRefusal;

export interface OrderStepDeps extends CommandDeps {
  currentStaff: () => Promise<StaffSession | null>;
}

export interface StepDone {
  event: WebOrderEventDoc;
}

function stepDeps(deps?: Partial<OrderStepDeps>): OrderStepDeps {
  return { currentStaff, ...withDefaults(deps), ...deps } as OrderStepDeps;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * Events this page wrote that the read model may not show yet (the worker projects them a moment
 * later): folded in so that two quick scans of the last unit are not both accepted.
 */
const written = new Map<string, WebOrderEventDoc[]>();
/** Steps on one order run one after the other (each sees the one before). */
const queues = new Map<string, Promise<unknown>>();

async function currentState(orderId: string): Promise<OrderState | undefined> {
  const order = await getWebOrder(orderId);
  if (order === undefined) return undefined;
  const events = await getWebOrderEvents(orderId);
  const seen = new Set(events.map((e) => e._id));
  const pending = (written.get(orderId) ?? []).filter((e) => !seen.has(e._id));
  written.set(orderId, pending);
  return orderState(order, [...events, ...pending]);
}

function write(orderId: string, step: Parameters<typeof writeNow>[1], partial?: Partial<OrderStepDeps>): Promise<Result<StepDone, OrderStepRefusal>> {
  const prev = queues.get(orderId) ?? Promise.resolve();
  const run = prev.then(() => writeNow(orderId, step, partial));
  const tail = run.catch(() => undefined);
  queues.set(orderId, tail);
  void tail.then(() => {
    if (queues.get(orderId) === tail) queues.delete(orderId);
  });
  return run;
}

async function writeNow(orderId: string, step: OrderStep | ((state: OrderState) => Promise<Result<OrderStep, OrderStepRefusal>>), partial?: Partial<OrderStepDeps>): Promise<Result<StepDone, OrderStepRefusal>> {
  const deps = stepDeps(partial);
  const pairing = await getPairing();
  if (pairing === null) return err({ kind: 'not_paired' });
  const staff = await deps.currentStaff();
  if (staff === null) return err({ kind: 'not_signed_in' });
  const state = await currentState(orderId);
  if (state === undefined) return err({ kind: 'order_not_found' });
  let resolved: OrderStep;
  if (typeof step === 'function') {
    const r = await step(state);
    if (!r.ok) return r;
    resolved = r.value;
  } else {
    resolved = step;
  }
  const next = transition(state, resolved);
  if (!next.ok) return err(next.error);
  const event: WebOrderEventDoc = {
    _id: registerDocId('woevent', pairing.registerId),
    type: 'web_order_event',
    orderId,
    kind: resolved.kind,
    ...(resolved.sku !== undefined ? { sku: resolved.sku } : {}),
    ...(resolved.quantity !== undefined ? { quantity: resolved.quantity } : {}),
    ...(resolved.all === true ? { all: true as const } : {}),
    ...(resolved.text !== undefined ? { text: resolved.text } : {}),
    ...(resolved.override !== undefined ? { override: resolved.override } : {}),
    at: deps.now().toISOString(),
    by: staff.name,
  };
  try {
    const { rev } = await deps.port().commit(event);
    written.set(orderId, [...(written.get(orderId) ?? []), event]);
    return ok({ event: { ...event, _rev: rev } });
  } catch (e) {
    return err({ kind: 'not_saved', message: messageOf(e) });
  }
}

/** One scan while picking: the code (barcode or SKU) must be a product on the order, not yet picked in full. */
export function recordPick(orderId: string, scannedCode: string, deps?: Partial<OrderStepDeps>): Promise<Result<StepDone, OrderStepRefusal>> {
  return write(
    orderId,
    async () => {
      const code = scannedCode.trim();
      const product = await findProductByCode(code);
      if (product === undefined) return err({ kind: 'unknown_code', code });
      return ok({ kind: 'picked', sku: product.sku, quantity: 1 });
    },
    deps,
  );
}

/** "Complete the pick without scanning": every stock line picked in full. */
export function completePickWithoutScanning(orderId: string, deps?: Partial<OrderStepDeps>): Promise<Result<StepDone, OrderStepRefusal>> {
  return write(orderId, { kind: 'picked', all: true }, deps);
}

/** Packed: once picked in full, or with `override` (a manager's decision, e.g. an item out of stock). */
export function markPacked(orderId: string, options: { override?: boolean } = {}, deps?: Partial<OrderStepDeps>): Promise<Result<StepDone, OrderStepRefusal>> {
  return write(orderId, { kind: 'packed', ...(options.override === true ? { override: true } : {}) }, deps);
}

/** A fulfilment note on the order. */
export function addOrderNote(orderId: string, text: string, deps?: Partial<OrderStepDeps>): Promise<Result<StepDone, OrderStepRefusal>> {
  return write(orderId, { kind: 'note', text: text.trim() }, deps);
}
