/**
 * A BigCommerce REST subset on loopback, under /stores/{hash}, auth `X-Auth-Token`:
 *   GET  /v2/orders?min_date_created&max_date_created&min_date_modified&max_date_modified&page&limit&sort
 *        (204 No Content when a page is empty, as BigCommerce)
 *   GET  /v2/orders/{id}   PUT /v2/orders/{id} {status_id?, staff_notes?, customer_message?}
 *   GET  /v2/orders/{id}/products   GET /v2/orders/{id}/shipping_addresses
 *   shipments, transactions, refunds: bigcommerce-orders.ts
 *   catalogue (products, variants, absolute inventory): bigcommerce-catalog.ts
 * Dates are RFC 2822 ("Sat, 28 Nov 2026 18:14:53 +0000"). Webhooks are thin
 * ({scope, store_id, data:{type, id}, hash, created_at, producer}), carry the shared-secret header set
 * when the hook was created (X-Comptoir-Webhook-Secret) and a Standard Webhooks signature
 * (webhook-id, webhook-timestamp, webhook-signature: "v1,<base64 HMAC-SHA256 of id.timestamp.body>").
 */
import { createHash } from 'node:crypto';
import {
  clone, decimal, hmacBase64, MockRouter, MonotonicClock, newDeliveryId, paginate, postWebhook, standardWebhooksKey, startHttpMock, toMinor, webhookUrl,
  type DeliverOptions, type MockPlatform, type OrderSpec,
} from './common.ts';
import { bigcommerceCatalog } from './bigcommerce-catalog.ts';
import { BC_STATUS_NAMES, bigcommerceOrderRoutes, purchaseTransaction } from './bigcommerce-orders.ts';

export const BIGCOMMERCE_SECRET_HEADER = 'X-Comptoir-Webhook-Secret';

export interface BigCommerceMockOptions {
  storeHash?: string;
  shop?: string;
  accessToken?: string;
  maxLimit?: number;
}

type Json = Record<string, unknown>;

const STATUS_NAMES = BC_STATUS_NAMES;

export function rfc2822(d: Date): string {
  return d.toUTCString().replace('GMT', '+0000');
}

function parseQueryDate(s: string | undefined): number | null {
  if (!s) return null;
  const n = Date.parse(s);
  return Number.isNaN(n) ? null : n;
}

export async function startBigCommerceMock(opts: BigCommerceMockOptions = {}): Promise<MockPlatform> {
  const storeHash = opts.storeHash ?? 'abc123xyz';
  const shop = opts.shop ?? `store-${storeHash}`;
  const accessToken = opts.accessToken ?? 'bc_mock_token';
  const maxLimit = opts.maxLimit ?? 250;
  const clock = new MonotonicClock();
  const orders = new Map<string, Json>();
  const products = new Map<string, Json>();
  const shipments = new Map<string, Json[]>();
  const transactions = new Map<string, Json[]>();
  const refunds = new Map<string, Json[]>();
  let nextOrderId = 118;
  let nextId = 301;
  const base = `/stores/${storeHash}`;
  const router = new MockRouter();

  const publicOrder = (o: Json): Json => {
    const { products: _p, shipping_addresses: _s, ...rest } = clone(o);
    return {
      ...rest,
      products: { url: `${mock.apiUrl}/v2/orders/${String(o.id)}/products`, resource: `/orders/${String(o.id)}/products` },
      shipping_addresses: { url: `${mock.apiUrl}/v2/orders/${String(o.id)}/shipping_addresses`, resource: `/orders/${String(o.id)}/shipping_addresses` },
    };
  };
  const notFound = { status: 404, body: [{ status: 404, message: 'The requested resource was not found.' }] };

  router.on('GET', `${base}/v2/orders`, (req) => {
    const q = req.query;
    const [cMin, cMax, mMin, mMax] = [q.min_date_created, q.max_date_created, q.min_date_modified, q.max_date_modified].map(parseQueryDate);
    const limit = Math.min(Number(q.limit ?? 50), maxLimit);
    const pageNo = Math.max(1, Number(q.page ?? 1));
    const items = [...orders.values()]
      .filter((o) => {
        const c = Date.parse(o.date_created as string);
        const m = Date.parse(o.date_modified as string);
        if (cMin !== null && cMin !== undefined && c < cMin) return false;
        if (cMax !== null && cMax !== undefined && c > cMax) return false;
        if (mMin !== null && mMin !== undefined && m < mMin) return false;
        if (mMax !== null && mMax !== undefined && m > mMax) return false;
        return true;
      })
      .sort((a, b) => Number(a.id) - Number(b.id));
    const { slice } = paginate(items, pageNo, limit);
    return slice.length === 0 ? { status: 204 } : { status: 200, body: slice.map(publicOrder) };
  });

  router.on('GET', `${base}/v2/orders/:id`, (req) => {
    const o = orders.get(req.params.id!);
    return o ? { status: 200, body: publicOrder(o) } : notFound;
  });

  router.on('PUT', `${base}/v2/orders/:id`, (req) => {
    const o = orders.get(req.params.id!);
    if (!o) return notFound;
    const patch = (req.body ?? {}) as Json;
    if (typeof patch.status_id === 'number') {
      o.status_id = patch.status_id;
      o.status = STATUS_NAMES[patch.status_id] ?? 'Unknown';
    }
    for (const k of ['staff_notes', 'customer_message']) if (typeof patch[k] === 'string') o[k] = patch[k];
    o.date_modified = rfc2822(clock.next());
    return { status: 200, body: publicOrder(o) };
  });

  router.on('GET', `${base}/v2/orders/:id/products`, (req) => {
    const o = orders.get(req.params.id!);
    return o ? { status: 200, body: clone(o.products) } : notFound;
  });

  router.on('GET', `${base}/v2/orders/:id/shipping_addresses`, (req) => {
    const o = orders.get(req.params.id!);
    return o ? { status: 200, body: clone(o.shipping_addresses) } : notFound;
  });

  bigcommerceOrderRoutes(router, base, { orders, shipments, transactions, refunds, clock, nextId: () => nextId++, rfc2822 });

  const catalog = bigcommerceCatalog(router, base, { products, nextId: () => nextId++, maxLimit });

  const http = await startHttpMock(router, (req) =>
    req.headers['x-auth-token'] === accessToken ? null : { status: 401, body: [{ status: 401, message: 'You are not authorized to access this resource.' }] },
  );

  function buildOrder(spec: OrderSpec): Json {
    const id = Number(spec.id ?? nextOrderId++);
    const now = rfc2822(clock.next());
    const paid = spec.paid ?? true;
    const lines = spec.lines.map((l) => ({
      id: nextId++, order_id: id, product_id: nextId++, sku: l.sku ?? '', name: l.name ?? `Article ${l.sku ?? ''}`.trim(), quantity: l.quantity,
      price_inc_tax: l.price, price_ex_tax: decimal(Math.round(toMinor(l.price) / 1.2)), quantity_shipped: 0, order_address_id: 0,
    }));
    const shippingCost = spec.pickup ? '0.0000' : spec.shippingPrice ?? '3.90';
    const total = lines.reduce((s, l) => s + toMinor(l.price_inc_tax) * l.quantity, 0) + toMinor(shippingCost);
    const person = { first_name: spec.firstName ?? 'Hugo', last_name: spec.lastName ?? 'Lefèvre', company: '', street_1: '21 quai Saint-Antoine', street_2: '', city: 'Lyon', state: '', zip: '69002', country: 'France', country_iso2: 'FR', phone: spec.phone ?? '', email: spec.email === undefined ? 'hugo.lefevre@example.fr' : spec.email ?? '' };
    const addressId = nextId++;
    for (const l of lines) l.order_address_id = addressId;
    return {
      id, status_id: paid ? 11 : 7, status: paid ? STATUS_NAMES[11] : STATUS_NAMES[7], customer_id: 0,
      date_created: now, date_modified: now, date_shipped: '',
      subtotal_inc_tax: decimal(total - toMinor(shippingCost)), shipping_cost_inc_tax: shippingCost, total_inc_tax: decimal(total), total_ex_tax: decimal(Math.round(total / 1.2)), total_tax: decimal(total - Math.round(total / 1.2)),
      currency_code: spec.currency ?? 'EUR', prices_include_tax: spec.taxesIncluded ?? true,
      payment_method: spec.gateway ?? (paid ? 'Stripe' : 'Pay in Store'), payment_status: paid ? 'captured' : 'pending', refunded_amount: '0.0000',
      customer_message: spec.note ?? '', staff_notes: '',
      billing_address: person,
      products: lines,
      shipping_addresses: [{ id: addressId, order_id: id, ...person, shipping_method: spec.pickup ? 'Pickup In Store' : 'Colissimo', cost_inc_tax: shippingCost, items_total: lines.reduce((s, l) => s + l.quantity, 0) }],
    };
  }

  function snapshot(id: string): Json {
    const o = orders.get(id);
    if (!o) throw new Error(`mock bigcommerce: no order ${id}`);
    return clone(o);
  }

  function updateOrder(id: string, change: (o: Json) => void): Json {
    const o = orders.get(id);
    if (!o) throw new Error(`mock bigcommerce: no order ${id}`);
    change(o);
    o.status = STATUS_NAMES[o.status_id as number] ?? o.status;
    o.date_modified = rfc2822(clock.next());
    return snapshot(id);
  }

  function signedHeaders(rawBody: string, _topic: string, secret: string, deliveryId?: string): Record<string, string> {
    const id = deliveryId ?? `msg_${newDeliveryId()}`;
    const timestamp = String(Math.floor(Date.now() / 1000));
    return {
      'Content-Type': 'application/json',
      [BIGCOMMERCE_SECRET_HEADER]: secret,
      'webhook-id': id,
      'webhook-timestamp': timestamp,
      'webhook-signature': `v1,${hmacBase64(standardWebhooksKey(secret), `${id}.${timestamp}.${rawBody}`)}`,
    };
  }

  function thinPayload(scope: string, order: Json): string {
    const data: Json = { type: 'order', id: Number(order.id) };
    if (scope === 'store/order/statusUpdated') data.status = { previous_status_id: 0, new_status_id: order.status_id };
    return JSON.stringify({
      scope, store_id: '1025646', data, hash: createHash('sha1').update(JSON.stringify(data)).digest('hex'), created_at: Math.floor(Date.now() / 1000), producer: `stores/${storeHash}`,
    });
  }

  const mock: MockPlatform = {
    kind: 'bigcommerce',
    url: http.url,
    apiUrl: `${http.url}${base}`,
    shop,
    credentials: { accessToken },
    orders,
    products,
    received: http.received,
    topics: { create: 'store/order/created', update: 'store/order/updated', paid: 'store/order/statusUpdated', cancelled: 'store/order/statusUpdated' },
    createOrder(spec) {
      const o = buildOrder(spec);
      orders.set(String(o.id), o);
      if (spec.paid ?? true) transactions.set(String(o.id), [purchaseTransaction(Number(o.id), String(o.total_inc_tax), String(o.currency_code), String(o.payment_method), () => nextId++, spec)]);
      return snapshot(String(o.id));
    },
    updateOrder,
    markPaid: (id) => updateOrder(id, (o) => {
      o.status_id = 11;
      o.payment_status = 'captured';
      o.payment_method = 'Stripe';
    }),
    cancel: (id) => updateOrder(id, (o) => {
      o.status_id = 5;
    }),
    refund: (id, amount) => updateOrder(id, (o) => {
      o.refunded_amount = amount;
      o.status_id = toMinor(amount) >= toMinor(o.total_inc_tax as string) ? 4 : 14;
    }),
    addProduct: catalog.addProduct,
    catalogOf: catalog.catalogOf,
    async deliverWebhook(serverUrl, storeId, topic, order, o: DeliverOptions) {
      const url = webhookUrl(serverUrl, 'bigcommerce', storeId);
      if (o.duplicateOf) {
        // A retry: same webhook-id and body, signed again with a fresh timestamp (Standard Webhooks).
        const headers = signedHeaders(o.duplicateOf.rawBody, topic, o.secret, o.duplicateOf.deliveryId);
        return postWebhook(url, o.duplicateOf.rawBody, headers, o.duplicateOf.deliveryId);
      }
      const raw = thinPayload(topic, order);
      const id = o.deliveryId ?? `msg_${newDeliveryId()}`;
      const headers = signedHeaders(raw, topic, o.secret, id);
      if (o.forge) headers['webhook-signature'] = `v1,${hmacBase64(standardWebhooksKey(`${o.secret}-forged`), `${id}.${headers['webhook-timestamp']}.${raw}`)}`;
      return postWebhook(url, raw, headers, id);
    },
    async deliverRaw(serverUrl, storeId, rawBody, headers) {
      return postWebhook(webhookUrl(serverUrl, 'bigcommerce', storeId), rawBody, headers, headers['webhook-id'] ?? '');
    },
    signedHeaders,
    shipmentsOf: (id) => {
      const products = (orders.get(id)?.products ?? []) as Json[];
      return (shipments.get(id) ?? []).map((sh) => ({
        id: String(sh.id),
        ...(sh.tracking_number ? { tracking: { carrier: String(sh.tracking_carrier || sh.shipping_provider || ''), number: String(sh.tracking_number) } } : {}),
        lines: ((sh.items ?? []) as Json[]).map((it) => ({ sku: String(products.find((p) => p.id === it.order_product_id)?.sku ?? ''), quantity: Number(it.quantity) })),
        at: String(sh.date_created),
      }));
    },
    statusOf: (id) => {
      const o = orders.get(id);
      if (!o) throw new Error(`mock bigcommerce: no order ${id}`);
      return STATUS_NAMES[Number(o.status_id)] ?? String(o.status);
    },
    refundsOf: (id) =>
      (refunds.get(id) ?? []).map((r) => ({
        id: String(r.id),
        amount: decimal(toMinor(String(r.total_amount))),
        ...(((r.items ?? []) as Json[])[0]?.reason ? { reason: String(((r.items as Json[])[0]!).reason) } : {}),
      })),
    linkConfig: (webhookSecret) => ({ shop, apiUrl: `${http.url}${base}`, credentials: { accessToken }, webhookSecret }),
    close: () => http.close(),
  };
  return mock;
}
