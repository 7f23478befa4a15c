/**
 * A WooCommerce REST API v3 subset on loopback, under /wp-json/wc/v3, HTTP Basic (consumer key/secret):
 *   GET  /orders?after&before&modified_after&modified_before&per_page&page  (X-WP-Total, X-WP-TotalPages)
 *   GET  /orders/{id}             PUT /orders/{id} {status?, customer_note?, …}
 *   notes and refunds: woocommerce-orders.ts
 *   products and variations: woocommerce-catalog.ts
 * Dates: `*_gmt` fields are UTC without an offset ("2026-11-28T18:14:53"), as WooCommerce prints them.
 * Webhooks: X-WC-Webhook-Signature = base64 HMAC-SHA256(raw body, secret); a creation ping is the
 * unsigned form body `webhook_id=N`.
 */
import {
  clone, decimal, hmacBase64, MockRouter, MonotonicClock, paginate, postWebhook, startHttpMock, toMinor, webhookUrl,
  type DeliverOptions, type MockPlatform, type OrderSpec,
} from './common.ts';
import { wooCatalog } from './woocommerce-catalog.ts';
import { wooOrderRoutes } from './woocommerce-orders.ts';

export interface WooCommerceMockOptions {
  shop?: string;
  consumerKey?: string;
  consumerSecret?: string;
  /** Largest per_page (WooCommerce: 100). */
  maxPerPage?: number;
}

type Json = Record<string, unknown>;

/** "2026-11-28T18:14:53" (UTC, no offset), as WooCommerce's *_gmt fields. */
function gmt(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, '');
}

function parseQueryDate(s: string | undefined): number | null {
  if (!s) return null;
  return Date.parse(/(Z|[+-]\d{2}:\d{2})$/.test(s) ? s : `${s}Z`);
}

export async function startWooCommerceMock(opts: WooCommerceMockOptions = {}): Promise<MockPlatform> {
  const shop = opts.shop ?? 'woo-test.example';
  const consumerKey = opts.consumerKey ?? 'ck_mock_key';
  const consumerSecret = opts.consumerSecret ?? 'cs_mock_secret';
  const maxPerPage = opts.maxPerPage ?? 100;
  const clock = new MonotonicClock();
  const orders = new Map<string, Json>();
  const products = new Map<string, Json>();
  const notes = new Map<string, Json[]>();
  const refunds = new Map<string, Json[]>();
  let nextOrderId = 731;
  let nextId = 4001;
  let nextDelivery = 1;
  const webhookId = 17;
  const base = '/wp-json/wc/v3';
  const router = new MockRouter();
  const expectedAuth = `Basic ${Buffer.from(`${consumerKey}:${consumerSecret}`).toString('base64')}`;

  function list<T>(items: T[], q: Record<string, string>): { status: number; body: T[]; headers: Record<string, string> } {
    const perPage = Math.min(Number(q.per_page ?? 10), maxPerPage);
    const pageNo = Math.max(1, Number(q.page ?? 1));
    const { slice, totalPages } = paginate(items, pageNo, perPage);
    return { status: 200, body: slice, headers: { 'X-WP-Total': String(items.length), 'X-WP-TotalPages': String(items.length === 0 ? 0 : totalPages) } };
  }

  router.on('GET', `${base}/orders`, (req) => {
    const q = req.query;
    const [after, before, mAfter, mBefore] = [q.after, q.before, q.modified_after, q.modified_before].map(parseQueryDate);
    const items = [...orders.values()]
      .filter((o) => {
        const c = Date.parse(`${o.date_created_gmt as string}Z`);
        const m = Date.parse(`${o.date_modified_gmt as string}Z`);
        if (after !== null && after !== undefined && c <= after) return false;
        if (before !== null && before !== undefined && c >= before) return false;
        if (mAfter !== null && mAfter !== undefined && m <= mAfter) return false;
        if (mBefore !== null && mBefore !== undefined && m >= mBefore) return false;
        if (q.status && q.status !== 'any' && !q.status.split(',').includes(o.status as string)) return false;
        return o.status !== 'trash' || q.status === 'trash';
      })
      .sort((a, b) => Number(b.id) - Number(a.id))
      .map((o) => clone(o));
    return list(items, q);
  });

  router.on('GET', `${base}/orders/:id`, (req) => {
    const o = orders.get(req.params.id!);
    return o ? { status: 200, body: clone(o) } : { status: 404, body: { code: 'woocommerce_rest_shop_order_invalid_id', message: 'Invalid ID.', data: { status: 404 } } };
  });

  router.on('PUT', `${base}/orders/:id`, (req) => {
    const o = orders.get(req.params.id!);
    if (!o) return { status: 404, body: { code: 'woocommerce_rest_shop_order_invalid_id', message: 'Invalid ID.', data: { status: 404 } } };
    const patch = (req.body ?? {}) as Json;
    for (const k of ['status', 'customer_note', 'transaction_id', 'set_paid']) {
      if (!(k in patch)) continue;
      if (k === 'set_paid') {
        // As WC_Order::payment_complete(): an order waiting for its payment goes to processing.
        if (patch.set_paid === true && ['pending', 'on-hold', 'failed', 'cancelled'].includes(String(o.status))) {
          o.date_paid_gmt = gmt(new Date());
          o.status = 'processing';
        }
      } else {
        o[k] = patch[k];
      }
    }
    if (patch.status === 'completed') o.date_completed_gmt = gmt(new Date());
    o.date_modified_gmt = gmt(clock.next());
    o.date_modified = o.date_modified_gmt;
    return { status: 200, body: clone(o) };
  });

  wooOrderRoutes(router, base, { orders, notes, refunds, clock, nextId: () => nextId++, gmt });

  const catalog = wooCatalog(router, base, { products, clock, nextId: () => nextId++, gmt, list });

  const http = await startHttpMock(router, (req) => {
    const q = req.query;
    const viaQuery = q.consumer_key === consumerKey && q.consumer_secret === consumerSecret;
    return req.headers.authorization === expectedAuth || viaQuery
      ? null
      : { status: 401, body: { code: 'woocommerce_rest_cannot_view', message: 'Sorry, you cannot list resources.', data: { status: 401 } } };
  });
  const shopUrl = `${http.url}/`;

  function buildOrder(spec: OrderSpec): Json {
    const id = Number(spec.id ?? nextOrderId++);
    const now = gmt(clock.next());
    const paid = spec.paid ?? true;
    const shippingTotal = spec.pickup ? '0.00' : spec.shippingPrice ?? '4.90';
    const lineItems = spec.lines.map((l) => ({
      id: nextId++, name: l.name ?? `Article ${l.sku ?? ''}`.trim(), product_id: nextId++, variation_id: 0, quantity: l.quantity, sku: l.sku ?? '',
      price: Number(l.price), subtotal: decimal(toMinor(l.price) * l.quantity), total: decimal(toMinor(l.price) * l.quantity),
    }));
    const total = lineItems.reduce((s, l) => s + toMinor(l.total), 0) + toMinor(shippingTotal);
    const person = { first_name: spec.firstName ?? 'Léa', last_name: spec.lastName ?? 'Dubois', company: '', address_1: '8 rue Mercière', address_2: '', city: 'Lyon', state: '', postcode: '69002', country: 'FR', phone: spec.phone ?? '' };
    const method = spec.gateway ?? (paid ? 'stripe' : 'cod');
    return {
      id, parent_id: 0, number: String(id), order_key: `wc_order_${id}`, created_via: 'checkout', status: paid ? 'processing' : 'on-hold',
      currency: spec.currency ?? 'EUR', prices_include_tax: spec.taxesIncluded ?? true,
      date_created: now, date_created_gmt: now, date_modified: now, date_modified_gmt: now, date_paid_gmt: paid ? now : null, date_completed_gmt: null,
      discount_total: '0.00', shipping_total: shippingTotal, total: decimal(total), total_tax: decimal(Math.round(total / 6)),
      customer_id: 0, customer_note: spec.note ?? '',
      billing: { ...person, email: spec.email === undefined ? 'lea.dubois@example.fr' : spec.email ?? '' },
      shipping: spec.pickup ? { ...person, address_1: '', city: '', postcode: '' } : person,
      payment_method: method, payment_method_title: method === 'stripe' ? 'Carte bancaire (Stripe)' : method === 'cod' ? 'Paiement à la livraison' : method,
      transaction_id: paid ? `ch_${id}` : '',
      line_items: lineItems,
      shipping_lines: [spec.pickup
        ? { id: nextId++, method_title: 'Retrait en boutique', method_id: 'local_pickup', total: '0.00' }
        : { id: nextId++, method_title: 'Colissimo', method_id: 'flat_rate', total: shippingTotal }],
      refunds: [],
    };
  }

  function snapshot(id: string): Json {
    const o = orders.get(id);
    if (!o) throw new Error(`mock woocommerce: no order ${id}`);
    return clone(o);
  }

  function updateOrder(id: string, change: (o: Json) => void): Json {
    const o = orders.get(id);
    if (!o) throw new Error(`mock woocommerce: no order ${id}`);
    change(o);
    o.date_modified_gmt = gmt(clock.next());
    o.date_modified = o.date_modified_gmt;
    return snapshot(id);
  }

  function signedHeaders(rawBody: string, topic: string, secret: string, deliveryId?: string): Record<string, string> {
    const [resource = 'order', event = 'updated'] = topic.split('.');
    return {
      'Content-Type': 'application/json',
      'User-Agent': 'WooCommerce/9.4.0 Hookshot (WordPress/6.7)',
      'X-WC-Webhook-Source': shopUrl,
      'X-WC-Webhook-Topic': topic,
      'X-WC-Webhook-Resource': resource,
      'X-WC-Webhook-Event': event,
      'X-WC-Webhook-Signature': hmacBase64(secret, rawBody),
      'X-WC-Webhook-ID': String(webhookId),
      'X-WC-Webhook-Delivery-ID': deliveryId ?? String(nextDelivery++),
    };
  }

  const mock: MockPlatform = {
    kind: 'woocommerce',
    url: http.url,
    apiUrl: `${http.url}${base}`,
    shop,
    credentials: { consumerKey, consumerSecret },
    orders,
    products,
    received: http.received,
    topics: { create: 'order.created', update: 'order.updated', paid: 'order.updated', cancelled: 'order.updated' },
    createOrder(spec) {
      const o = buildOrder(spec);
      orders.set(String(o.id), o);
      return snapshot(String(o.id));
    },
    updateOrder,
    markPaid: (id) => updateOrder(id, (o) => {
      o.status = 'processing';
      o.date_paid_gmt = gmt(new Date());
      o.payment_method = 'stripe';
      o.payment_method_title = 'Carte bancaire (Stripe)';
      o.transaction_id = `ch_${id}`;
    }),
    cancel: (id) => updateOrder(id, (o) => {
      o.status = 'cancelled';
    }),
    refund: (id, amount) => updateOrder(id, (o) => {
      (o.refunds as Json[]).push({ id: nextId++, reason: 'refund', total: `-${amount}` });
      if (toMinor(amount) >= toMinor(o.total as string)) o.status = 'refunded';
    }),
    addProduct: catalog.addProduct,
    catalogOf: catalog.catalogOf,
    async deliverWebhook(serverUrl, storeId, topic, order, o: DeliverOptions) {
      const url = webhookUrl(serverUrl, 'woocommerce', storeId);
      if (o.duplicateOf) return postWebhook(url, o.duplicateOf.rawBody, o.duplicateOf.headers, o.duplicateOf.deliveryId);
      const raw = JSON.stringify(order);
      const id = o.deliveryId ?? String(nextDelivery++);
      return postWebhook(url, raw, signedHeaders(raw, topic, o.forge ? `${o.secret}-forged` : o.secret, id), id);
    },
    async deliverRaw(serverUrl, storeId, rawBody, headers) {
      return postWebhook(webhookUrl(serverUrl, 'woocommerce', storeId), rawBody, headers, headers['X-WC-Webhook-Delivery-ID'] ?? '');
    },
    signedHeaders,
    shipmentsOf: (id) =>
      (notes.get(id) ?? [])
        .filter((n) => /suivi|tracking|expédi|shipped/i.test(String(n.note)))
        .map((n) => {
          const m = /avec (.+?), suivi (\S+?)(?: (https?:\/\/\S+))?(?: \(|\.)/.exec(String(n.note));
          return { id: String(n.id), ...(m ? { tracking: { carrier: m[1]!, number: m[2]!, ...(m[3] ? { url: m[3] } : {}) } } : {}), lines: [], at: String(n.date_created_gmt), text: String(n.note) };
        }),
    statusOf: (id) => {
      const o = orders.get(id);
      if (!o) throw new Error(`mock woocommerce: no order ${id}`);
      return String(o.status);
    },
    refundsOf: (id) => (refunds.get(id) ?? []).map((r) => ({ id: String(r.id), amount: String(r.amount), ...(r.reason ? { reason: String(r.reason) } : {}) })),
    linkConfig: (webhookSecret) => ({ shop, apiUrl: `${http.url}${base}`, credentials: { consumerKey, consumerSecret }, webhookSecret }),
    close: () => http.close(),
  };
  return mock;
}
