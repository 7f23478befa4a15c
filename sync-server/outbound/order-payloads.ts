/**
 * What a web order event (woevent:…) asks of the web store, decided from the order's fold
 * (src/domain/web-order-state.ts) so that the push says what the registers see: which units a parcel
 * holds, whether the order is complete once it left, how much goes back to the customer. Pure: the
 * producer (order-jobs.ts) writes the jobs.
 *
 * The fold is taken up to and including the event (in the fold's own order: time, then id), so that
 * a first parcel is never "complete" because the second one replicated in the same batch. An event
 * the fold refused at its place (two registers shipping the same last unit) pushes nothing: it
 * changed nothing.
 */
import type { WebOrderDoc, WebOrderEventDoc } from '../../src/domain/documents.ts';
import { compareEvents, orderState } from '../../src/domain/web-order-state.ts';
import type { OrderEventPayload, OutboundKind } from './jobs.ts';

export type OrderPushKind = Exclude<OutboundKind, 'stock_level' | 'price'>;

/** The push an event kind may become; changed / returned only when they refund to the original tender. */
export function pushedKind(ev: Pick<WebOrderEventDoc, 'kind' | 'refund'>): OrderPushKind | undefined {
  switch (ev.kind) {
    case 'shipped':
      return 'fulfilment';
    case 'ready_for_pickup':
      return 'ready_for_pickup';
    case 'picked_up':
      return 'picked_up';
    case 'cancelled':
      return 'cancellation';
    case 'paid':
      return 'payment';
    case 'changed':
    case 'returned':
      return ev.refund?.to === 'original' && ev.refund.amount > 0 ? 'refund' : undefined;
    default:
      return undefined; // picked, packed, note, allocated, assigned, address_corrected, printed: the counter's own steps
  }
}

/** weborder:<platform>:<shop>:<orderId> → its parts, or null. */
export function parseWebOrderId(id: string): { platform: WebOrderDoc['platform']; shop: string; platformOrderId: string } | null {
  const m = /^weborder:(shopify|woocommerce|bigcommerce):([^:]+):([^:]+)$/.exec(id);
  return m ? { platform: m[1] as WebOrderDoc['platform'], shop: m[2]!, platformOrderId: m[3]! } : null;
}

/** Whether the customer paid on the platform (the money to give back is there). */
export function paidOnline(order: Pick<WebOrderDoc, 'payment'>): boolean {
  return order.payment?.state === 'paid';
}

export type EventPlan =
  | { push: true; kind: OrderPushKind; payload: OrderEventPayload; customerEmail?: string }
  /**
   * Nothing for the platform; `customerEmail` is still given for the mails that follow the event,
   * unless the fold refused it (`refused`: it changed nothing, nobody is told).
   */
  | { push: false; why: string; refused?: true; customerEmail?: string };

/**
 * The push for `ev` of `order`, given every event of the order known now (`events` may hold later
 * ones: they are left out of the fold).
 */
export function planEvent(ev: WebOrderEventDoc, order: WebOrderDoc, events: readonly WebOrderEventDoc[], defaultLocation: string): EventPlan {
  const upTo = events.filter((e) => e.orderId === order._id && e._id !== ev._id && compareEvents(e, ev) < 0);
  const state = orderState(order, [...upTo, ev], defaultLocation);
  const customerEmail = state.customer?.email ?? order.customer.email;
  const mail = customerEmail ? { customerEmail } : {};
  const entry = state.history.find((h) => h.eventId === ev._id);
  if (entry?.refused) return { push: false, refused: true, why: `the order's fold refused it (${entry.refused.kind}): it changed nothing` };
  const kind = pushedKind(ev);
  if (kind === undefined) return { push: false, why: `a "${ev.kind}" event is the counter's own step`, ...mail };
  const ref = parseWebOrderId(order._id);
  if (!ref) return { push: false, why: `"${order._id}" is not a web order id`, ...mail };
  const payload: OrderEventPayload = {
    orderId: order._id,
    platformOrderId: ref.platformOrderId,
    eventId: ev._id,
    ...(ev.tracking ? { tracking: ev.tracking } : {}),
    at: ev.at,
  };
  const complete = state.status === 'shipped' || state.status === 'picked_up';
  switch (kind) {
    case 'fulfilment': {
      const parcel = state.parcels.find((p) => p.eventId === ev._id);
      if (parcel) {
        payload.lines = parcel.lines
          .filter((l) => l.quantity > 0)
          .map((l) => {
            const line = order.lines.find((x) => x.sku === l.sku && x.platformLineId);
            return { sku: l.sku, quantity: l.quantity, ...(line?.platformLineId ? { platformLineId: line.platformLineId } : {}) };
          });
        if (parcel.location ?? ev.location) payload.location = (parcel.location ?? ev.location)!;
      }
      payload.complete = complete;
      break;
    }
    case 'picked_up':
      payload.complete = complete;
      break;
    case 'payment':
      // The platform already holds the money of an order paid online: nothing to mark.
      if (paidOnline(order)) return { push: false, why: 'the order was paid online: the platform already shows it paid', ...mail };
      if (ev.payment) {
        payload.payment = {
          amount: ev.payment.amount,
          method: ev.payment.method,
          ...(ev.payment.reference ? { reference: ev.payment.reference } : {}),
          ...(ev.payment.saleId ? { saleId: ev.payment.saleId } : {}),
        };
      }
      break;
    case 'refund':
    case 'cancellation': {
      const r = ev.refund;
      const throughPlatform = r?.to === 'original' && r.amount > 0 && paidOnline(order);
      if (throughPlatform) payload.refund = { amount: r.amount, currency: order.currency, ...(ev.reason ? { reason: ev.reason } : {}) };
      if (kind === 'refund' && !throughPlatform) {
        // Paid at the counter (or not at all): the register gives the money back, the platform has nothing to refund.
        return { push: false, why: 'the order was not paid online: the refund is given at the counter', ...mail };
      }
      if (kind === 'cancellation' && ev.reason) payload.reason = ev.reason;
      break;
    }
    case 'ready_for_pickup':
      break;
  }
  return { push: true, kind, payload, ...mail };
}
