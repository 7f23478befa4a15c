/**
 * Web order pushes to WooCommerce (REST API v3):
 *
 *   shipped           POST /orders/{id}/notes {note:"…tracking…", customer_note:true} for each parcel
 *                     (WooCommerce has no shipment object: the note carries the parcel's tracking),
 *                     then PUT /orders/{id} {status:"completed"} once the order is fully shipped
 *                     (the payload's `complete`, from the order's fold) — an order shipped in two
 *                     parcels stays "processing" after the first
 *   ready for pickup  a note (WooCommerce has no such status)
 *   picked up         PUT /orders/{id} {status:"completed"} + a note
 *   paid              PUT /orders/{id} {set_paid:true} while the order waits for its payment
 *                     (pending, on-hold, failed: WooCommerce then moves it to processing), and a
 *                     private note with what was taken and how
 *   refund            POST /orders/{id}/refunds {amount, reason, api_refund:true} (through the gateway)
 *   cancellation      its refund (if any), then PUT /orders/{id} {status:"refunded"} when money went
 *                     back, else {status:"cancelled"}; the reason as a private note
 *
 * Idempotent on a retry: statuses are compared first; notes and refunds carry this job's marker and
 * are looked for (GET …/notes, GET …/refunds) before being written again.
 */
import type { WebOrderDoc } from '../../../src/domain/documents.ts';
import type { OrderEventPayload } from '../../outbound/jobs.ts';
import { decimalPrice, refMarker, type OrderEventKind, type PushContext, type PushOutcome } from '../../outbound/push-types.ts';

type Json = Record<string, unknown>;

const AWAITING_PAYMENT = ['pending', 'on-hold', 'failed'];
const orderPath = (id: string): string => `/orders/${encodeURIComponent(id)}`;

async function getOrder(ctx: PushContext, id: string): Promise<Json> {
  return (await ctx.api.call('GET', orderPath(id))).body as Json;
}

async function setStatus(ctx: PushContext, id: string, status: string, out: string[]): Promise<void> {
  const current = String((await getOrder(ctx, id)).status ?? '');
  if (current === status) {
    out.push(`status already ${status}`);
    return;
  }
  await ctx.api.call('PUT', orderPath(id), { body: { status }, idempotencyKey: ctx.key('status') });
  out.push(`status ${current || '?'} → ${status}`);
}

async function addNote(ctx: PushContext, id: string, text: string, out: string[], customerNote = true): Promise<void> {
  const marker = refMarker(ctx.job.idempotencyKey);
  const res = await ctx.api.call('GET', `${orderPath(id)}/notes`);
  const notes = Array.isArray(res.body) ? (res.body as Json[]) : [];
  if (notes.some((n) => typeof n.note === 'string' && n.note.includes(marker))) {
    out.push('note already present');
    return;
  }
  await ctx.api.call('POST', `${orderPath(id)}/notes`, { body: { note: `${text} ${marker}`, customer_note: customerNote }, idempotencyKey: ctx.key('note') });
  out.push('note added');
}

function units(lines: OrderEventPayload['lines']): string {
  return (lines ?? []).map((l) => `${l.quantity} × ${l.sku}`).join(', ');
}

export function trackingNote(tracking: OrderEventPayload['tracking'], lines?: OrderEventPayload['lines']): string {
  const what = lines && lines.length > 0 ? ` (${units(lines)})` : '';
  if (!tracking) return `Commande expédiée${what}. / Order shipped${what}.`;
  return `Colis expédié avec ${tracking.carrier}, suivi ${tracking.number}${tracking.url ? ` ${tracking.url}` : ''}${what}. / Parcel shipped with ${tracking.carrier}, tracking ${tracking.number}${what}.`;
}

async function refund(ctx: PushContext, id: string, r: NonNullable<OrderEventPayload['refund']>, out: string[]): Promise<void> {
  const marker = refMarker(ctx.job.idempotencyKey);
  const res = await ctx.api.call('GET', `${orderPath(id)}/refunds`);
  const refunds = Array.isArray(res.body) ? (res.body as Json[]) : [];
  if (refunds.some((x) => typeof x.reason === 'string' && x.reason.includes(marker))) {
    out.push('refund already present');
    return;
  }
  const amount = decimalPrice(r.amount, r.currency);
  await ctx.api.call('POST', `${orderPath(id)}/refunds`, {
    body: { amount, reason: `${r.reason ?? 'Remboursement / Refund'} ${marker}`, api_refund: true },
    idempotencyKey: ctx.key('refund'),
  });
  out.push(`refund of ${amount} ${r.currency} created`);
}

async function markPaid(ctx: PushContext, id: string, payload: OrderEventPayload, currency: string, out: string[]): Promise<void> {
  const current = String((await getOrder(ctx, id)).status ?? '');
  if (AWAITING_PAYMENT.includes(current)) {
    await ctx.api.call('PUT', orderPath(id), { body: { set_paid: true }, idempotencyKey: ctx.key('paid') });
    out.push(`set_paid (was ${current})`);
  } else {
    out.push(`status already ${current}`);
  }
  const p = payload.payment;
  if (p) {
    const what = `${decimalPrice(p.amount, currency)} ${currency} (${p.method}${p.reference ? ` ${p.reference}` : ''})`;
    await addNote(ctx, id, `Paiement reçu en boutique : ${what}. / Payment received at the shop: ${what}.`, out, false);
  }
}

export async function woocommerceOrderEvent(ctx: PushContext, kind: OrderEventKind, payload: OrderEventPayload, order: WebOrderDoc | null): Promise<PushOutcome> {
  const id = payload.platformOrderId;
  const out: string[] = [];
  switch (kind) {
    case 'fulfilment':
      await addNote(ctx, id, trackingNote(payload.tracking, payload.lines), out);
      // Jobs made before parcels existed carry no `complete`: they shipped everything.
      if (payload.complete !== false) await setStatus(ctx, id, 'completed', out);
      break;
    case 'ready_for_pickup':
      await addNote(ctx, id, 'Votre commande est prête à être retirée en boutique. / Your order is ready for pickup.', out);
      break;
    case 'picked_up':
      await setStatus(ctx, id, 'completed', out);
      await addNote(ctx, id, 'Commande retirée en boutique. / Order picked up at the shop.', out);
      break;
    case 'payment':
      await markPaid(ctx, id, payload, order?.currency ?? 'EUR', out);
      break;
    case 'refund':
      if (payload.refund) await refund(ctx, id, payload.refund, out);
      else out.push('no refund through WooCommerce: already nothing to do');
      break;
    case 'cancellation':
      if (payload.refund) await refund(ctx, id, payload.refund, out);
      await setStatus(ctx, id, payload.refund ? 'refunded' : 'cancelled', out);
      if (payload.reason) await addNote(ctx, id, `Commande annulée : ${payload.reason}. / Order cancelled: ${payload.reason}.`, out, false);
      break;
  }
  return { result: `order ${id}: ${out.join(', ')}`, skipped: out.every((o) => o.includes('already')) };
}
