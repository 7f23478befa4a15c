/**
 * The bulk bar's door to the commands (through actions.ts): each web-order step for ONE order as a
 * done-or-why outcome the runner lists, and the two prints that take all the orders at once, with
 * what happened to each order (printed, nothing to print for it, or refused and why).
 */
// The print commands are not re-exported by actions.ts (commands/order-documents.ts imports the
// commands index itself); the order detail reaches them the same way.
import { printLabelsFor, printPickListFor, type OrderDocumentRefusal } from '../../commands/order-documents.ts';
import { bulkMarkPacked, bulkMarkShipped, markOrdersPaid } from '../actions.ts';
import { t } from '../i18n/index.ts';
import { describeRefusal } from '../refusals.ts';
import type { StepOutcome } from './OrdersBulkRun.ts';

type StepRefusal = Parameters<ReturnType<typeof t>['orderDetail']['refusal']>[0];

/** A step's refusal as the order detail words it (one wording for the same refusal everywhere). */
function why(refusal: unknown): string {
  if (typeof refusal === 'object' && refusal !== null && 'kind' in refusal) {
    try {
      const text = t().orderDetail.refusal(refusal as StepRefusal);
      if (typeof text === 'string' && text !== '') return text;
    } catch {
      // a refusal the order detail does not word: fall through
    }
  }
  return describeRefusal(refusal);
}

type PerOrder = ReadonlyArray<{ orderId: string; result: { ok: true } | { ok: false; error: unknown } }>;

/** The outcome for `id` in a bulk command's per-order results. */
function outcomeFor(id: string, results: PerOrder): StepOutcome {
  const r = results.find((x) => x.orderId === id)?.result;
  if (r === undefined) return { ok: false, message: why({ kind: 'order_not_found' }) };
  return r.ok ? { ok: true } : { ok: false, message: why(r.error) };
}

export async function packOne(id: string): Promise<StepOutcome> {
  return outcomeFor(id, await bulkMarkPacked([id]));
}

export async function shipOne(id: string, carrier: string, tracking: string | undefined): Promise<StepOutcome> {
  return outcomeFor(id, await bulkMarkShipped([id], { carrier, ...(tracking !== undefined ? { trackingById: { [id]: tracking } } : {}) }));
}

export async function markOne(id: string, input: { method: 'bank_transfer' | 'cheque'; reference?: string }): Promise<StepOutcome> {
  return outcomeFor(id, await markOrdersPaid([id], input));
}

const refused = (r: OrderDocumentRefusal): StepOutcome => ({ ok: false, message: t().orders.printRefused(r) });

/** One combined pick list: orders with nothing left to pick are left off it (said per order). */
export async function printPickList(ids: string[]): Promise<Map<string, StepOutcome>> {
  const r = await printPickListFor(ids);
  if (!r.ok) return new Map(ids.map((id) => [id, refused(r.error)]));
  const onList = new Set(r.value.orderIds);
  return new Map(ids.map((id): [string, StepOutcome] => [id, onList.has(id) ? { ok: true } : { ok: true, note: t().orders.printSkipped.nothing_to_pick }]));
}

/** Every label: pickups and cancelled orders get none; a failed one does not stop the others. */
export async function printLabels(ids: string[]): Promise<Map<string, StepOutcome>> {
  const r = await printLabelsFor(ids);
  const out = new Map<string, StepOutcome>();
  if (r.ok) {
    for (const p of r.value.printed) for (const id of p.orderIds) out.set(id, { ok: true });
    for (const s of r.value.skipped) out.set(s.orderId, { ok: true, note: t().orders.printSkipped[s.reason] });
    return out;
  }
  if (r.error.kind === 'labels_failed') {
    for (const p of r.error.printed) for (const id of p.orderIds) out.set(id, { ok: true });
    for (const f of r.error.failed) out.set(f.orderId, refused(f.error));
    // The rest were skipped (pickups, cancelled): nothing to print for them.
    for (const id of ids) if (!out.has(id)) out.set(id, { ok: true, note: t().orders.printSkipped.pickup_order });
    return out;
  }
  for (const id of ids) out.set(id, refused(r.error));
  return out;
}
