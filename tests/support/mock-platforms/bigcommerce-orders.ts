/**
 * The order side of the BigCommerce mock (bigcommerce.ts), as the API documents it:
 *
 *   GET  /v2/orders/{id}/shipments (204 when none)
 *   POST /v2/orders/{id}/shipments {order_address_id, items:[{order_product_id, quantity}], tracking_number,
 *        shipping_provider, tracking_carrier?, comments?} — each item at most what is left to ship; the
 *        order then shows Partially Shipped (3) or Shipped (2)
 *   GET  /v3/orders/{id}/transactions → {data:[{event, method, amount, gateway, status, fraud_review,
 *        avs_result:{code, message, street_match, postal_match}, cvv_result:{code, message}}]} (204 when none)
 *   POST /v3/orders/{id}/payment_actions/refund_quotes {items:[{item_type:"ORDER", item_id, amount}]}
 *        → {data:{total_refund_amount, refund_methods:[[{provider_id, provider_description, amount, offline}]]}}
 *   POST /v3/orders/{id}/payment_actions/refunds {items, payments:[{provider_id, amount, offline}]}
 *        (the payments must add up to the items); the order shows Refunded (4) or Partially Refunded (14)
 *   GET  /v3/orders/{id}/payment_actions/refunds → {data:[…]}
 */
import { decimal, toMinor, type MockRouter, type MonotonicClock } from './common.ts';

type Json = Record<string, unknown>;

export const BC_STATUS_NAMES: Record<number, string> = {
  0: 'Incomplete', 1: 'Pending', 2: 'Shipped', 3: 'Partially Shipped', 4: 'Refunded', 5: 'Cancelled', 6: 'Declined', 7: 'Awaiting Payment',
  8: 'Awaiting Pickup', 9: 'Awaiting Shipment', 10: 'Completed', 11: 'Awaiting Fulfillment', 12: 'Manual Verification Required', 13: 'Disputed', 14: 'Partially Refunded',
};

export interface BigCommerceOrderState {
  orders: Map<string, Json>;
  shipments: Map<string, Json[]>;
  transactions: Map<string, Json[]>;
  refunds: Map<string, Json[]>;
  clock: MonotonicClock;
  nextId: () => number;
  rfc2822: (d: Date) => string;
}

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const notFound = { status: 404, body: [{ status: 404, message: 'The requested resource was not found.' }] };
const v3NotFound = { status: 404, body: { status: 404, title: 'The requested resource was not found.' } };
const bad = (title: string) => ({ status: 422, body: { status: 422, title } });

function setStatus(o: Json, statusId: number): void {
  o.status_id = statusId;
  o.status = BC_STATUS_NAMES[statusId] ?? 'Unknown';
}

function refundable(st: BigCommerceOrderState, id: string, o: Json): number {
  const captured = (st.transactions.get(id) ?? []).filter((t) => t.status === 'ok').reduce((s, t) => s + toMinor(String(t.amount)), 0);
  const done = (st.refunds.get(id) ?? []).reduce((s, r) => s + toMinor(String(r.total_amount)), 0);
  return Math.min(captured, toMinor(String(o.total_inc_tax))) - done;
}

/** The refund items' total (minor units), or an error title. */
function itemsTotal(id: string, items: unknown): number | string {
  if (!Array.isArray(items) || items.length === 0) return 'items are required';
  let total = 0;
  for (const it of items as Json[]) {
    if (it.item_type !== 'ORDER' || String(it.item_id) !== id) return 'the mock refunds whole-order amounts only (item_type ORDER, item_id = order id)';
    total += toMinor(String(it.amount));
  }
  return total;
}

export function bigcommerceOrderRoutes(router: MockRouter, base: string, st: BigCommerceOrderState): void {
  router.on('GET', `${base}/v2/orders/:id/shipments`, (req) => {
    if (!st.orders.has(req.params.id!)) return notFound;
    const list = st.shipments.get(req.params.id!) ?? [];
    return list.length === 0 ? { status: 204 } : { status: 200, body: clone(list) };
  });

  router.on('POST', `${base}/v2/orders/:id/shipments`, (req) => {
    const o = st.orders.get(req.params.id!);
    if (!o) return notFound;
    const b = (req.body ?? {}) as Json;
    const items = b.items as Json[] | undefined;
    if (typeof b.order_address_id !== 'number' || !Array.isArray(items) || items.length === 0) {
      return { status: 400, body: [{ status: 400, message: 'order_address_id and items are required' }] };
    }
    const lines = o.products as Json[];
    for (const it of items) {
      const line = lines.find((l) => l.id === it.order_product_id);
      if (!line) return { status: 400, body: [{ status: 400, message: `order_product_id ${String(it.order_product_id)} is not on this order` }] };
      if (!(Number(it.quantity) > 0) || Number(line.quantity_shipped) + Number(it.quantity) > Number(line.quantity)) {
        return { status: 400, body: [{ status: 400, message: `quantity ${String(it.quantity)} of order_product_id ${String(it.order_product_id)} is more than is left to ship` }] };
      }
    }
    for (const it of items) {
      const line = lines.find((l) => l.id === it.order_product_id)!;
      line.quantity_shipped = Number(line.quantity_shipped) + Number(it.quantity);
    }
    const shipment = {
      id: st.nextId(), order_id: o.id, order_address_id: b.order_address_id, tracking_number: b.tracking_number ?? '', shipping_provider: b.shipping_provider ?? '',
      tracking_carrier: b.tracking_carrier ?? '', comments: b.comments ?? '', items, date_created: st.rfc2822(new Date()),
    };
    st.shipments.set(String(o.id), [...(st.shipments.get(String(o.id)) ?? []), shipment]);
    setStatus(o, lines.every((l) => Number(l.quantity_shipped) >= Number(l.quantity)) ? 2 : 3);
    o.date_modified = st.rfc2822(st.clock.next());
    return { status: 201, body: shipment };
  });

  router.on('GET', `${base}/v3/orders/:id/transactions`, (req) => {
    if (!st.orders.has(req.params.id!)) return v3NotFound;
    const list = st.transactions.get(req.params.id!) ?? [];
    return list.length === 0 ? { status: 204 } : { status: 200, body: { data: clone(list), meta: {} } };
  });

  router.on('POST', `${base}/v3/orders/:id/payment_actions/refund_quotes`, (req) => {
    const id = req.params.id!;
    const o = st.orders.get(id);
    if (!o) return v3NotFound;
    const total = itemsTotal(id, ((req.body ?? {}) as Json).items);
    if (typeof total === 'string') return bad(total);
    if (total <= 0 || total > refundable(st, id, o)) return bad(`${decimal(total)} is more than can be refunded`);
    const gateway = String((st.transactions.get(id) ?? [])[0]?.gateway ?? 'stripe');
    return {
      status: 201,
      body: {
        data: {
          order_id: Number(id), total_refund_amount: Number(decimal(total)), total_refund_tax_amount: 0, rounding: 0, adjustment: 0, tax_inclusive: true,
          refund_methods: [[{ provider_id: gateway, provider_description: gateway, amount: Number(decimal(total)), offline: false, offline_provider: false, offline_reason: '' }]],
        },
        meta: {},
      },
    };
  });

  router.on('POST', `${base}/v3/orders/:id/payment_actions/refunds`, (req) => {
    const id = req.params.id!;
    const o = st.orders.get(id);
    if (!o) return v3NotFound;
    const b = (req.body ?? {}) as Json;
    const total = itemsTotal(id, b.items);
    if (typeof total === 'string') return bad(total);
    const payments = (b.payments ?? []) as Json[];
    const paid = payments.reduce((s, p) => s + toMinor(String(p.amount)), 0);
    if (paid !== total) return bad('the refund had invalid split payment: payments must add up to the items');
    if (total <= 0 || total > refundable(st, id, o)) return bad(`${decimal(total)} is more than can be refunded`);
    const refund = {
      id: st.nextId(), order_id: Number(id), user_id: 0, created: new Date().toISOString(), reason: '', total_amount: Number(decimal(total)), total_tax: 0, uses_merchant_override_values: false,
      payments: payments.map((p) => ({ id: st.nextId(), provider_id: p.provider_id, amount: p.amount, offline: p.offline === true, is_declined: false, declined_message: '' })),
      items: (b.items as Json[]).map((it) => ({ item_type: it.item_type, item_id: it.item_id, quantity: null, requested_amount: it.amount, reason: it.reason ?? '' })),
    };
    st.refunds.set(id, [...(st.refunds.get(id) ?? []), refund]);
    const all = (st.refunds.get(id) ?? []).reduce((s, r) => s + toMinor(String(r.total_amount)), 0);
    o.refunded_amount = decimal(all);
    setStatus(o, all >= toMinor(String(o.total_inc_tax)) ? 4 : 14);
    o.date_modified = st.rfc2822(st.clock.next());
    return { status: 201, body: { data: refund, meta: {} } };
  });

  router.on('GET', `${base}/v3/orders/:id/payment_actions/refunds`, (req) =>
    st.orders.has(req.params.id!) ? { status: 200, body: { data: clone(st.refunds.get(req.params.id!) ?? []), meta: {} } } : v3NotFound,
  );
}

/** The captured payment of a new paid order, with its security results. */
export function purchaseTransaction(orderId: number, amount: string, currency: string, gateway: string, nextId: () => number, checks: { risk?: string; avs?: string; cvv?: string }): Json {
  const avs = (checks.avs ?? 'Y').toUpperCase();
  const street = ['Y', 'X', 'D', 'F', 'M', 'A', 'B'].includes(avs) ? 'Y' : ['N', 'Z', 'W', 'P', 'C'].includes(avs) ? 'N' : 'U';
  const postal = ['Y', 'X', 'D', 'F', 'M', 'Z', 'W', 'P'].includes(avs) ? 'Y' : ['N', 'A', 'B', 'C'].includes(avs) ? 'N' : 'U';
  return {
    id: nextId(), order_id: String(orderId), event: 'purchase', method: 'credit_card', amount: Number(amount), currency, gateway: gateway.toLowerCase(),
    gateway_transaction_id: `ch_${orderId}`, date_created: new Date().toISOString(), test: true, status: 'ok',
    fraud_review: checks.risk !== undefined && checks.risk !== 'accept',
    avs_result: { code: avs, message: '', street_match: street, postal_match: postal },
    cvv_result: { code: (checks.cvv ?? 'M').toUpperCase(), message: '' },
    credit_card: { card_type: 'visa', card_iin: '424242', card_last4: '4242' },
  };
}
