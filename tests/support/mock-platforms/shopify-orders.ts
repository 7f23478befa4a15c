/**
 * The order side of the Shopify mock (shopify.ts) — fulfilment orders, fulfilments, transactions,
 * risks, refunds and "mark as paid" — speaking the documented Admin API:
 *
 *   GET  orders/{id}/fulfillment_orders.json → {fulfillment_orders:[{id, status, assigned_location_id,
 *        assigned_location:{location_id, name}, line_items:[{id, line_item_id, quantity, fulfillable_quantity}]}]}
 *        (one per location holding lines, as Shopify splits them)
 *   POST fulfillments.json {fulfillment:{line_items_by_fulfillment_order:[{fulfillment_order_id,
 *        fulfillment_order_line_items?:[{id, quantity}]}], tracking_info, notify_customer}}
 *        (no line items: everything left of that fulfilment order); the order becomes "partial", then
 *        "fulfilled"; a fulfilment order "in_progress", then "closed"
 *   GET  orders/{id}/fulfillments.json       GET orders/{id}/transactions.json     GET orders/{id}/risks.json
 *   POST orders/{id}/refunds.json {refund:{currency, notify, note, transactions:[{parent_id, amount, kind, gateway}]}}
 *   GET  orders/{id}/refunds.json
 *   POST graphql.json  orderMarkAsPaid(input:{id}) only (a sale transaction for what is outstanding)
 */
import { decimal, isoSeconds, toMinor, type MockRouter, type MonotonicClock } from './common.ts';

type Json = Record<string, unknown>;

export const SHOPIFY_LOCATIONS = [
  { id: 7001, name: 'Boutique' },
  { id: 7002, name: 'Entrepôt' },
] as const;

/** The mock's location for a line: 'warehouse' / 'Entrepôt' / 7002 → the second one, anything else the first. */
export function shopifyLocationOf(location: string | undefined): (typeof SHOPIFY_LOCATIONS)[number] {
  return /^(warehouse|entrep[oô]t|7002)$/i.test(location ?? '') ? SHOPIFY_LOCATIONS[1] : SHOPIFY_LOCATIONS[0];
}

export interface ShopifyOrderState {
  orders: Map<string, Json>;
  fulfillmentOrders: Map<string, Json[]>;
  transactions: Map<string, Json[]>;
  risks: Map<string, Json[]>;
  clock: MonotonicClock;
  nextId: () => number;
}

const notFound = { status: 404, body: { errors: 'Not Found' } };
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** The fulfilment orders of a new order: one per location, with the lines that location holds. */
export function fulfillmentOrdersFor(order: Json, locations: Array<string | undefined>, nextId: () => number): Json[] {
  const byLocation = new Map<number, Json>();
  (order.line_items as Json[]).forEach((l, i) => {
    const loc = shopifyLocationOf(locations[i]);
    let fo = byLocation.get(loc.id);
    if (!fo) {
      fo = { id: nextId(), order_id: order.id, status: 'open', assigned_location_id: loc.id, assigned_location: { location_id: loc.id, name: loc.name }, line_items: [] };
      byLocation.set(loc.id, fo);
    }
    (fo.line_items as Json[]).push({ id: nextId(), fulfillment_order_id: fo.id, line_item_id: l.id, variant_id: l.variant_id, quantity: l.quantity, fulfillable_quantity: l.quantity });
  });
  return [...byLocation.values()];
}

function captured(txs: Json[]): number {
  return txs.filter((t) => ['sale', 'capture'].includes(String(t.kind)) && t.status === 'success').reduce((s, t) => s + toMinor(String(t.amount)), 0);
}

function refunded(txs: Json[]): number {
  return txs.filter((t) => t.kind === 'refund' && t.status === 'success').reduce((s, t) => s + toMinor(String(t.amount)), 0);
}

export function shopifyOrderRoutes(router: MockRouter, base: string, st: ShopifyOrderState): void {
  router.on('GET', `${base}/orders/:id/fulfillment_orders.json`, (req) => {
    if (!st.orders.has(req.params.id!)) return notFound;
    return { status: 200, body: { fulfillment_orders: clone(st.fulfillmentOrders.get(req.params.id!) ?? []) } };
  });

  router.on('POST', `${base}/fulfillments.json`, (req) => {
    const f = ((req.body as Json | undefined)?.fulfillment ?? {}) as Json;
    const groups = (f.line_items_by_fulfillment_order ?? []) as Json[];
    if (!Array.isArray(groups) || groups.length === 0) return { status: 422, body: { errors: ['line_items_by_fulfillment_order is required'] } };
    let orderId: string | null = null;
    const plan: Array<{ li: Json; quantity: number; fo: Json }> = [];
    for (const g of groups) {
      const hit = [...st.fulfillmentOrders].find(([, fos]) => fos.some((x) => String(x.id) === String(g.fulfillment_order_id)));
      if (!hit) return { status: 404, body: { errors: 'fulfillment order not found' } };
      if (orderId !== null && orderId !== hit[0]) return { status: 422, body: { errors: ['all fulfillment orders must belong to one order'] } };
      orderId = hit[0];
      const fo = hit[1].find((x) => String(x.id) === String(g.fulfillment_order_id))!;
      if (!['open', 'in_progress'].includes(String(fo.status))) return { status: 422, body: { errors: [`fulfillment order ${String(fo.id)} is ${String(fo.status)}`] } };
      const wanted = g.fulfillment_order_line_items as Json[] | undefined;
      const lines = fo.line_items as Json[];
      if (!wanted || wanted.length === 0) {
        for (const li of lines) if (Number(li.fulfillable_quantity) > 0) plan.push({ li, quantity: Number(li.fulfillable_quantity), fo });
        continue;
      }
      for (const w of wanted) {
        const li = lines.find((x) => String(x.id) === String(w.id));
        if (!li) return { status: 422, body: { errors: [`fulfillment order line item ${String(w.id)} is not on fulfillment order ${String(fo.id)}`] } };
        if (!(Number(w.quantity) > 0) || Number(w.quantity) > Number(li.fulfillable_quantity)) {
          return { status: 422, body: { errors: [`invalid quantity ${String(w.quantity)} for line item ${String(w.id)} (fulfillable ${String(li.fulfillable_quantity)})`] } };
        }
        plan.push({ li, quantity: Number(w.quantity), fo });
      }
    }
    if (plan.length === 0) return { status: 422, body: { errors: ['nothing to fulfill'] } };
    const o = st.orders.get(orderId!)!;
    for (const p of plan) {
      p.li.fulfillable_quantity = Number(p.li.fulfillable_quantity) - p.quantity;
      const line = (o.line_items as Json[]).find((l) => l.id === p.li.line_item_id);
      if (line) line.fulfillable_quantity = Math.max(0, Number(line.fulfillable_quantity) - p.quantity);
    }
    const fos = st.fulfillmentOrders.get(orderId!)!;
    for (const fo of fos) {
      const left = (fo.line_items as Json[]).some((li) => Number(li.fulfillable_quantity) > 0);
      if (plan.some((p) => p.fo === fo)) fo.status = left ? 'in_progress' : 'closed';
    }
    const tracking = (f.tracking_info ?? null) as Json | null;
    const at = isoSeconds(st.clock.next());
    const fulfillment = {
      id: st.nextId(),
      order_id: Number(orderId),
      status: 'success',
      location_id: plan[0]!.fo.assigned_location_id,
      tracking_company: tracking?.company ?? null,
      tracking_number: tracking?.number ?? null,
      tracking_numbers: tracking?.number ? [tracking.number] : [],
      tracking_url: tracking?.url ?? null,
      tracking_urls: tracking?.url ? [tracking.url] : [],
      line_items: plan.map((p) => {
        const line = (o.line_items as Json[]).find((l) => l.id === p.li.line_item_id);
        return { id: p.li.line_item_id, sku: line?.sku ?? '', quantity: p.quantity };
      }),
      created_at: at,
    };
    o.fulfillments = [...((o.fulfillments as Json[] | undefined) ?? []), fulfillment];
    o.fulfillment_status = fos.every((fo) => fo.status === 'closed') ? 'fulfilled' : 'partial';
    o.updated_at = at;
    return { status: 201, body: { fulfillment } };
  });

  router.on('GET', `${base}/orders/:id/fulfillments.json`, (req) => {
    const o = st.orders.get(req.params.id!);
    return o ? { status: 200, body: { fulfillments: clone((o.fulfillments as Json[] | undefined) ?? []) } } : notFound;
  });

  router.on('GET', `${base}/orders/:id/transactions.json`, (req) =>
    st.orders.has(req.params.id!) ? { status: 200, body: { transactions: clone(st.transactions.get(req.params.id!) ?? []) } } : notFound,
  );

  router.on('GET', `${base}/orders/:id/risks.json`, (req) => (st.orders.has(req.params.id!) ? { status: 200, body: { risks: clone(st.risks.get(req.params.id!) ?? []) } } : notFound));

  router.on('GET', `${base}/orders/:id/refunds.json`, (req) => {
    const o = st.orders.get(req.params.id!);
    return o ? { status: 200, body: { refunds: clone(o.refunds) } } : notFound;
  });

  router.on('POST', `${base}/orders/:id/refunds.json`, (req) => {
    const id = req.params.id!;
    const o = st.orders.get(id);
    if (!o) return notFound;
    const r = ((req.body as Json | undefined)?.refund ?? {}) as Json;
    const txs = st.transactions.get(id) ?? [];
    const wanted = (r.transactions ?? []) as Json[];
    if (!Array.isArray(wanted) || wanted.length === 0) return { status: 422, body: { errors: { transactions: ['are required for a refund of money'] } } };
    const made: Json[] = [];
    let total = 0;
    for (const w of wanted) {
      const parent = txs.find((t) => String(t.id) === String(w.parent_id) && ['sale', 'capture'].includes(String(t.kind)) && t.status === 'success');
      if (!parent) return { status: 422, body: { errors: { parent_id: [`${String(w.parent_id)} is not a captured transaction of this order`] } } };
      total += toMinor(String(w.amount));
      made.push({ id: st.nextId(), order_id: o.id, kind: 'refund', status: 'success', amount: decimal(toMinor(String(w.amount))), parent_id: parent.id, gateway: w.gateway ?? parent.gateway, created_at: isoSeconds(new Date()) });
    }
    if (total <= 0 || total > captured(txs) - refunded(txs)) return { status: 422, body: { errors: { amount: [`${decimal(total)} is more than what can be refunded`] } } };
    st.transactions.set(id, [...txs, ...made]);
    const refund = { id: st.nextId(), order_id: o.id, created_at: isoSeconds(new Date()), note: typeof r.note === 'string' ? r.note : null, refund_line_items: [], transactions: made };
    (o.refunds as Json[]).push(refund);
    const all = st.transactions.get(id)!;
    o.financial_status = refunded(all) >= captured(all) ? 'refunded' : 'partially_refunded';
    o.updated_at = isoSeconds(st.clock.next());
    return { status: 201, body: { refund } };
  });

  router.on('POST', `${base}/graphql.json`, (req) => {
    const body = (req.body ?? {}) as Json;
    if (typeof body.query !== 'string' || !body.query.includes('orderMarkAsPaid')) return { status: 400, body: { errors: [{ message: 'the mock speaks orderMarkAsPaid only' }] } };
    const gid = String(((body.variables as Json | undefined)?.input as Json | undefined)?.id ?? '');
    const id = gid.replace(/^gid:\/\/shopify\/Order\//, '');
    const o = st.orders.get(id);
    if (!o) return { status: 200, body: { data: { orderMarkAsPaid: { order: null, userErrors: [{ field: ['id'], message: 'Order does not exist' }] } } } };
    const txs = st.transactions.get(id) ?? [];
    const outstanding = toMinor(String(o.total_price)) - captured(txs);
    if (o.financial_status === 'paid' || outstanding <= 0) return { status: 200, body: { data: { orderMarkAsPaid: { order: null, userErrors: [{ field: ['id'], message: 'Order cannot be marked as paid.' }] } } } };
    for (const t of txs) if (t.status === 'pending') t.status = 'failure'; // the pending manual payment is settled by the sale below
    st.transactions.set(id, [...txs, { id: st.nextId(), order_id: o.id, kind: 'sale', status: 'success', amount: decimal(outstanding), gateway: 'manual', created_at: isoSeconds(new Date()) }]);
    o.financial_status = 'paid';
    o.updated_at = isoSeconds(st.clock.next());
    return { status: 200, body: { data: { orderMarkAsPaid: { order: { id: gid, displayFinancialStatus: 'PAID' }, userErrors: [] } } } };
  });
}
