/**
 * How every counter step on a web order is written (issue 6): checked against the order's merged
 * state (src/domain/web-order-state.ts) and, if allowed, written as ONE immutable event document
 * woevent:<registerId>:<ulid> through the port — offline too: the replica keeps it and replicates it
 * later. A refused step writes nothing. Steps on one order run one after the other, each seeing the
 * one before (even before the read model shows it).
 */
import type { WebOrderEventDoc } from '../domain/documents.ts';
import { err, ok, type Result } from '../domain/result.ts';
import { orderState, transition, type OrderRefusal, type OrderState, type OrderStep } from '../domain/web-order-state.ts';
import { getPairing } from '../store/queries.ts';
import { getDefaultLocation, getWebOrder, getWebOrderEvents } from '../store/web-order-queries.ts';
import type { WebOrderRow } from '../store/schema.ts';
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

export type StepResult = Result<StepDone, OrderStepRefusal>;

/** A step, or how to work it out from the order's state (a scan needs the catalogue, a refund the paid amount). */
export type StepSource = OrderStep | ((state: OrderState, order: WebOrderRow) => Promise<Result<OrderStep, OrderStepRefusal>> | Result<OrderStep, OrderStepRefusal>);

export function stepDeps(deps?: Partial<OrderStepDeps>): OrderStepDeps {
  return { currentStaff, ...withDefaults(deps), ...deps } as OrderStepDeps;
}

export const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * Events this page wrote that the read model may not show yet (the worker projects them a moment
 * later): folded in so that two quick scans of the last unit are not both accepted.
 */
const written = new Map<string, WebOrderEventDoc[]>();
/** Steps on one order run one after the other (each sees the one before). */
const queues = new Map<string, Promise<unknown>>();

/** The order and its state as this register knows it now (read model + its own fresh writes). */
export async function currentOrder(orderId: string): Promise<{ order: WebOrderRow; state: OrderState } | undefined> {
  const order = await getWebOrder(orderId);
  if (order === undefined) return undefined;
  const events = await getWebOrderEvents(orderId);
  const seen = new Set(events.map((e) => e._id));
  const pending = (written.get(orderId) ?? []).filter((e) => !seen.has(e._id));
  written.set(orderId, pending);
  return { order, state: orderState(order, [...events, ...pending], await getDefaultLocation()) };
}

/** Runs `task` after every earlier task on the same order (a failure does not block the queue). */
export function onOrderQueue<T>(orderId: string, task: () => Promise<T>): Promise<T> {
  const prev = queues.get(orderId) ?? Promise.resolve();
  const run = prev.then(task);
  const tail = run.catch(() => undefined);
  queues.set(orderId, tail);
  void tail.then(() => {
    if (queues.get(orderId) === tail) queues.delete(orderId);
  });
  return run;
}

/** The event document of a step: its own fields only (the fold's bookkeeping stays out). */
function eventOf(id: string, orderId: string, step: OrderStep, at: string, by: string): WebOrderEventDoc {
  const { eventId: _e, at: _a, by: _b, kind, ...fields } = step;
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  return { _id: id, type: 'web_order_event', orderId, kind, ...defined, at, by };
}

/** Checks and writes one step, outside the queue (callers already in it: takeOrderBalance). */
export async function writeStepNow(orderId: string, source: StepSource, partial?: Partial<OrderStepDeps>): Promise<StepResult> {
  const deps = stepDeps(partial);
  const pairing = await getPairing();
  if (pairing === null) return err({ kind: 'not_paired' });
  const staff = await deps.currentStaff();
  if (staff === null) return err({ kind: 'not_signed_in' });
  const current = await currentOrder(orderId);
  if (current === undefined) return err({ kind: 'order_not_found' });
  const resolved = typeof source === 'function' ? await source(current.state, current.order) : ok(source);
  if (!resolved.ok) return resolved;
  const id = registerDocId('woevent', pairing.registerId);
  const at = deps.now().toISOString();
  const next = transition(current.state, { ...resolved.value, eventId: id, at, by: staff.name });
  if (!next.ok) return err(next.error);
  const event = eventOf(id, orderId, resolved.value, at, staff.name);
  try {
    const { rev } = await deps.port().commit(event);
    written.set(orderId, [...(written.get(orderId) ?? []), event]);
    return ok({ event: { ...event, _rev: rev } });
  } catch (e) {
    return err({ kind: 'not_saved', message: messageOf(e) });
  }
}

/** Checks and writes one step, in the order's queue. */
export function writeStep(orderId: string, source: StepSource, deps?: Partial<OrderStepDeps>): Promise<StepResult> {
  return onOrderQueue(orderId, () => writeStepNow(orderId, source, deps));
}

/** One result per order of a bulk action, in the order given (each order in its own queue). */
export async function perOrder(orderIds: readonly string[], run: (orderId: string) => Promise<StepResult>): Promise<Array<{ orderId: string; result: StepResult }>> {
  const out: Array<{ orderId: string; result: StepResult }> = [];
  for (const orderId of [...new Set(orderIds)]) out.push({ orderId, result: await run(orderId) });
  return out;
}
