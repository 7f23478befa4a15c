/**
 * The order notes and refunds of the WooCommerce mock (woocommerce.ts), as REST v3 documents them:
 *
 *   POST /orders/{id}/notes {note, customer_note?}         GET /orders/{id}/notes
 *   POST /orders/{id}/refunds {amount, reason?, api_refund?, line_items?}   GET /orders/{id}/refunds
 *        (the refund is listed on the order as {id, reason, total:"-x"}; a refund of everything
 *        left turns the order "refunded", as WooCommerce does)
 */
import { decimal, toMinor, type MockRouter, type MonotonicClock } from './common.ts';

type Json = Record<string, unknown>;

export interface WooOrderState {
  orders: Map<string, Json>;
  notes: Map<string, Json[]>;
  refunds: Map<string, Json[]>;
  clock: MonotonicClock;
  nextId: () => number;
  gmt: (d: Date) => string;
}

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const invalidOrder = { status: 404, body: { code: 'woocommerce_rest_order_invalid_id', message: 'Invalid order ID.', data: { status: 404 } } };

export function wooOrderRoutes(router: MockRouter, base: string, st: WooOrderState): void {
  router.on('POST', `${base}/orders/:id/notes`, (req) => {
    if (!st.orders.has(req.params.id!)) return invalidOrder;
    const b = (req.body ?? {}) as Json;
    if (typeof b.note !== 'string' || b.note === '') return { status: 400, body: { code: 'rest_missing_callback_param', message: 'Missing parameter(s): note', data: { status: 400 } } };
    const note = { id: st.nextId(), author: 'WooCommerce', date_created_gmt: st.gmt(new Date()), note: b.note, customer_note: b.customer_note === true };
    st.notes.set(req.params.id!, [...(st.notes.get(req.params.id!) ?? []), note]);
    return { status: 201, body: note };
  });

  router.on('GET', `${base}/orders/:id/notes`, (req) => ({ status: 200, body: clone(st.notes.get(req.params.id!) ?? []) }));

  router.on('GET', `${base}/orders/:id/refunds`, (req) => (st.orders.has(req.params.id!) ? { status: 200, body: clone(st.refunds.get(req.params.id!) ?? []) } : invalidOrder));

  router.on('POST', `${base}/orders/:id/refunds`, (req) => {
    const id = req.params.id!;
    const o = st.orders.get(id);
    if (!o) return invalidOrder;
    const b = (req.body ?? {}) as Json;
    const amount = typeof b.amount === 'string' || typeof b.amount === 'number' ? toMinor(String(b.amount)) : NaN;
    const already = (st.refunds.get(id) ?? []).reduce((s, r) => s + toMinor(String(r.amount)), 0);
    const left = toMinor(String(o.total)) - already;
    if (!(amount > 0) || amount > left) {
      return { status: 400, body: { code: 'woocommerce_rest_cannot_create_order_refund', message: 'Invalid refund amount.', data: { status: 400 } } };
    }
    const refund = {
      id: st.nextId(), date_created_gmt: st.gmt(new Date()), amount: decimal(amount), reason: typeof b.reason === 'string' ? b.reason : '',
      refunded_by: 1, refunded_payment: b.api_refund !== false, line_items: [],
    };
    st.refunds.set(id, [...(st.refunds.get(id) ?? []), refund]);
    (o.refunds as Json[]).push({ id: refund.id, reason: refund.reason, total: `-${refund.amount}` });
    if (amount === left) o.status = 'refunded';
    o.date_modified_gmt = st.gmt(st.clock.next());
    o.date_modified = o.date_modified_gmt;
    return { status: 201, body: refund };
  });
}
