/**
 * Resolving an oversell task (issue 7): staff keep a web order as a backorder, move units from
 * another location, or take the colliding units off a web order. Each decision writes what changes
 * the stock through the existing commands (a note on the order, a transfer plan, the order's
 * 'changed' event with its refund to the original payment), then ONE immutable resolution document
 * `oversellfix:<registerId>:<ulid>` (domain/reconcile/resolution-doc.ts) naming the task, who, what
 * and when — offline too. When stock changed, the reconciliation runs again once the read model
 * holds the documents written, so that the task on screen reflects them.
 *
 * Retrying is safe: a transfer is planned once (movement and resolution ids fixed in the plan) and
 * applying the same plan again writes nothing twice; a resolution already written is not written again.
 */
import { cancelLineOption, type CancelLineBlock } from '../domain/reconcile/resolutions.ts';
import { RESOLUTION_ID_PREFIX, type OversellAction, type OversellResolutionDoc } from '../domain/reconcile/resolution-doc.ts';
import { err, ok, type Result } from '../domain/result.ts';
import type { StockPlan } from '../domain/stock-ops.ts';
import { getReconcilePort } from '../store/reconcile-client.ts';
import type { ReconcilePort } from '../store/reconcile-port.ts';
import { getStockFigure, whenInReadModel } from '../store/reconcile-queries.ts';
import { getPairing } from '../store/queries.ts';
import { reconcileStock } from './reconcile.ts';
import { registerDocId } from './register-ids.ts';
import { applyStockPlan, planStockTransfer, type PlanRefusal } from './stock-ops.ts';
import { addOrderNote } from './web-order-events.ts';
import { changeOrder } from './web-order-changes.ts';
import { currentOrder, messageOf, stepDeps, type OrderStepDeps, type OrderStepRefusal } from './web-order-step.ts';

/** What a resolution needs to know of the task (a row of the oversell tasks). */
export interface OversellTaskRef {
  id: string;
  sku: string;
  location: string;
  /** Units short now, as the reconciliation computed them. */
  shortNow: number;
}

/** The web order a backorder or a cancelled line is about. */
export interface OversellOrderRef {
  id: string;
  /** As the customer knows it ("#1042"), kept in the resolution for the history. */
  number?: string;
}

export type ResolutionRefusal =
  | { kind: 'not_paired' }
  | { kind: 'not_signed_in' }
  | { kind: 'bad_quantity'; max: number }
  /** The source location no longer has that many units available (as of the reconciliation). */
  | { kind: 'source_short'; location: string; available: number }
  | { kind: 'plan'; refusal: PlanRefusal }
  | { kind: 'cancel_blocked'; block: CancelLineBlock }
  | { kind: 'order'; refusal: OrderStepRefusal }
  /**
   * Could not be written to the device. `resolution`: the change itself is done, only its record is
   * missing — recordOversellResolution(resolution) finishes it.
   */
  | { kind: 'not_saved'; message: string; resolution?: OversellResolutionDoc };

export interface ResolutionDone {
  resolution: OversellResolutionDoc;
  /** Whether the reconciliation ran again after the change (false for a backorder: nothing moved). */
  reconciled: boolean;
}

export type ResolutionResult = Result<ResolutionDone, ResolutionRefusal>;

/** The documents written, which the reconciliation must see: stock movements, register documents. */
export interface WrittenIds {
  movements?: readonly string[];
  registerDocs?: readonly string[];
}

export interface OversellDeps extends OrderStepDeps {
  reconcile: () => ReconcilePort;
  /** Resolves true once the read model holds them (false: not in time). */
  projected: (ids: WrittenIds) => Promise<boolean>;
}

/** How long a resolution waits for the read model to show what it wrote before reconciling anyway. */
const PROJECTED_WITHIN_MS = 15_000;

function oversellDeps(deps?: Partial<OversellDeps>): OversellDeps {
  return { reconcile: getReconcilePort, projected: (ids: WrittenIds) => whenInReadModel(ids, PROJECTED_WITHIN_MS), ...stepDeps(deps), ...deps } as OversellDeps;
}

const isConflict = (e: unknown): boolean => typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'ConflictError';

/** The resolution document for `task`, by the signed-in staff member on this register. */
async function resolutionOf(
  task: OversellTaskRef,
  action: OversellAction,
  fields: { quantity: number; order?: OversellOrderRef; from?: string; ref?: string },
  d: OversellDeps,
): Promise<Result<OversellResolutionDoc, ResolutionRefusal>> {
  const pairing = await getPairing();
  if (pairing === null) return err({ kind: 'not_paired' });
  const staff = await d.currentStaff();
  if (staff === null) return err({ kind: 'not_signed_in' });
  return ok({
    _id: registerDocId(RESOLUTION_ID_PREFIX, pairing.registerId),
    type: 'oversell_resolution',
    registerId: pairing.registerId,
    taskId: task.id,
    sku: task.sku,
    location: task.location,
    action,
    quantity: fields.quantity,
    ...(fields.order !== undefined ? { orderId: fields.order.id } : {}),
    ...(fields.order?.number !== undefined ? { orderNumber: fields.order.number } : {}),
    ...(fields.from !== undefined ? { from: fields.from } : {}),
    ...(fields.ref !== undefined ? { ref: fields.ref } : {}),
    by: staff.name,
    staffId: staff.staffId,
    at: d.now().toISOString(),
  });
}

/** Writes a resolution; one already written (a retry) counts as written. */
export async function recordOversellResolution(resolution: OversellResolutionDoc, deps?: Partial<OversellDeps>): Promise<Result<OversellResolutionDoc, ResolutionRefusal>> {
  const d = oversellDeps(deps);
  try {
    const { rev } = await d.port().commit(resolution);
    return ok({ ...resolution, _rev: rev });
  } catch (e) {
    if (isConflict(e)) return ok(resolution);
    return err({ kind: 'not_saved', message: messageOf(e), resolution });
  }
}

/**
 * Runs the reconciliation once the read model shows what was just written. A run already going
 * started reading before: its result is joined, then one more run is made. False when the documents
 * did not show in time or the run failed (the resolution stands; "Reconcile now" catches up).
 */
async function reconcileAfterWrite(written: WrittenIds, d: OversellDeps): Promise<boolean> {
  try {
    const projected = await d.projected(written);
    const since = d.now().toISOString();
    const first = await reconcileStock({}, { port: d.reconcile });
    if (first.startedAt < since) await reconcileStock({}, { port: d.reconcile });
    return projected;
  } catch {
    return false;
  }
}

const wholeUnits = (n: number, max: number): boolean => Number.isSafeInteger(n) && n >= 1 && n <= max;

/** The web order is kept and waits for restock: a note on the order, and the resolution. */
export async function backorderOversell(task: OversellTaskRef, order: OversellOrderRef, quantity: number, note: string, deps?: Partial<OversellDeps>): Promise<ResolutionResult> {
  const d = oversellDeps(deps);
  if (!wholeUnits(quantity, Number.MAX_SAFE_INTEGER)) return err({ kind: 'bad_quantity', max: Math.max(1, task.shortNow) });
  // Checked before the note is written: a refused resolution writes nothing.
  const draft = await resolutionOf(task, 'backorder', { quantity, order }, d);
  if (!draft.ok) return draft;
  const noted = await addOrderNote(order.id, note, d);
  if (!noted.ok) return err({ kind: 'order', refusal: noted.error });
  const recorded = await recordOversellResolution({ ...draft.value, ref: noted.value.event._id }, d);
  return recorded.ok ? ok({ resolution: recorded.value, reconciled: false }) : recorded;
}

export interface OversellTransferPlan {
  stock: StockPlan;
  resolution: OversellResolutionDoc;
}

/**
 * Plans moving `quantity` units of the task's SKU from `from` to the task's location: the transfer's
 * movements and the resolution, ids fixed. Refused when `from` does not have them available.
 */
export async function planOversellTransfer(task: OversellTaskRef, from: string, quantity: number, deps?: Partial<OversellDeps>): Promise<Result<OversellTransferPlan, ResolutionRefusal>> {
  const d = oversellDeps(deps);
  const available = (await getStockFigure(task.sku, from))?.available ?? 0;
  if (!wholeUnits(quantity, Number.MAX_SAFE_INTEGER)) return err({ kind: 'bad_quantity', max: Math.max(1, available) });
  if (from === task.location || quantity > available) return err({ kind: 'source_short', location: from, available: from === task.location ? 0 : available });
  const stock = await planStockTransfer({ from, to: task.location, lines: [{ sku: task.sku, quantity }] }, d);
  if (!stock.ok) return err({ kind: 'plan', refusal: stock.error });
  const resolution = await resolutionOf(task, 'transfer', { quantity, from, ref: stock.value.ref }, d);
  return resolution.ok ? ok({ stock: stock.value, resolution: resolution.value }) : resolution;
}

/** Writes a planned transfer and its resolution (again, after an interruption: nothing twice), then reconciles. */
export async function applyOversellTransfer(plan: OversellTransferPlan, deps?: Partial<OversellDeps>): Promise<ResolutionResult> {
  const d = oversellDeps(deps);
  const applied = await applyStockPlan(plan.stock, d);
  if (!applied.ok) return err({ kind: 'not_saved', message: applied.error.message });
  const recorded = await recordOversellResolution(plan.resolution, d);
  if (!recorded.ok) return recorded;
  const written = { movements: plan.stock.movements.map((m) => m._id), registerDocs: [plan.resolution._id] };
  return ok({ resolution: recorded.value, reconciled: await reconcileAfterWrite(written, d) });
}

/**
 * Takes `quantity` units of the task's SKU off a web order before it ships (changeOrder: the refund,
 * if it was paid, goes to the original payment), records the resolution, then reconciles. Refused
 * when the order shipped or was cancelled, or when the units would come off another location.
 */
export async function cancelOversoldLine(task: OversellTaskRef, order: OversellOrderRef, quantity: number, deps?: Partial<OversellDeps>): Promise<ResolutionResult> {
  const d = oversellDeps(deps);
  const draft = await resolutionOf(task, 'cancel_line', { quantity, order }, d);
  if (!draft.ok) return draft;
  const current = await currentOrder(order.id);
  if (current === undefined) return err({ kind: 'cancel_blocked', block: { kind: 'unknown_order' } });
  const option = cancelLineOption(current.state, task.sku, task.location);
  if (!option.ok) return err({ kind: 'cancel_blocked', block: option.block });
  if (!wholeUnits(quantity, option.units)) return err({ kind: 'bad_quantity', max: option.units });
  const changed = await changeOrder(order.id, { sku: task.sku, remove: quantity }, { refundTo: 'original' }, d);
  if (!changed.ok) return err({ kind: 'order', refusal: changed.error });
  const recorded = await recordOversellResolution({ ...draft.value, ref: changed.value.event._id, at: changed.value.event.at }, d);
  if (!recorded.ok) return recorded;
  const written = { registerDocs: [changed.value.event._id, recorded.value._id] };
  return ok({ resolution: recorded.value, reconciled: await reconcileAfterWrite(written, d) });
}
