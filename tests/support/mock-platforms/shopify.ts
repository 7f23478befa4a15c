/**
 * A Shopify Admin REST API subset on loopback (version 2025-01):
 *   GET  /admin/api/2025-01/orders.json?status=any&created_at_min&created_at_max&updated_at_min&updated_at_max&limit&page_info
 *        (cursor paging: `Link: <…page_info=…>; rel="next"`; filters only on the first page, as Shopify)
 *   GET  /admin/api/2025-01/orders/{id}.json                    → {order}
 *   PUT  /admin/api/2025-01/orders/{id}.json  {order:{note?, tags?}}
 *   POST /admin/api/2025-01/orders/{id}/cancel.json
 *   fulfilment orders, fulfilments, transactions, risks, refunds, orderMarkAsPaid: shopify-orders.ts
 *   GET  /admin/api/2025-01/products.json?limit&page_info        → {products} (variants carry sku, barcode, inventory_item_id)
 *   GET  /admin/api/2025-01/locations.json                       → {locations}
 *   POST /admin/api/2025-01/inventory_levels/set.json {location_id, inventory_item_id, available}
 *   PUT  variants/{id}.json {variant:{id, price}}, PUT products/{id}.json {product:{id, title}}: shopify-catalog.ts
 * Auth: `X-Shopify-Access-Token`. Webhooks: X-Shopify-Hmac-Sha256 = base64 HMAC-SHA256(raw body, secret).
 */
import {
  clone, decimal, hmacBase64, isoSeconds, MockRouter, MonotonicClock, newDeliveryId, postWebhook, startHttpMock, toMinor, webhookUrl,
  type DeliverOptions, type MockPlatform, type OrderSpec,
} from './common.ts';
import { shopifyCatalog } from './shopify-catalog.ts';
import { fulfillmentOrdersFor, SHOPIFY_LOCATIONS, shopifyOrderRoutes } from './shopify-orders.ts';

export const SHOPIFY_API_VERSION = '2025-01';

export interface ShopifyMockOptions {
  shop?: string;
  accessToken?: string;
  /** Page size cap (Shopify: 250). Small values exercise paging. */
  maxLimit?: number;
}

type Json = Record<string, unknown>;

export async function startShopifyMock(opts: ShopifyMockOptions = {}): Promise<MockPlatform> {
  const shop = opts.shop ?? 'comptoir-test.myshopify.com';
  const accessToken = opts.accessToken ?? 'shpat_mock_token';
  const maxLimit = opts.maxLimit ?? 250;
  const clock = new MonotonicClock();
  const orders = new Map<string, Json>();
  const products = new Map<string, Json>();
  const inventory = new Map<string, number>(); // inventory_item_id → available
  const fulfillmentOrders = new Map<string, Json[]>();
  const transactions = new Map<string, Json[]>();
  const risks = new Map<string, Json[]>();
  let nextOrderId = 5_820_000_001;
  let nextOrderNumber = 1001;
  let nextId = 9_000_001;
  const base = `/admin/api/${SHOPIFY_API_VERSION}`;
  const router = new MockRouter();

  const cursors = new Map<string, { ids: string[]; offset: number; limit: number; kind: 'orders' | 'products' }>();

  function page(kind: 'orders' | 'products', ids: string[], offset: number, limit: number, httpUrl: string): { ids: string[]; link?: string } {
    const slice = ids.slice(offset, offset + limit);
    if (offset + limit >= ids.length) return { ids: slice };
    const token = Buffer.from(newDeliveryId()).toString('base64url');
    cursors.set(token, { ids, offset: offset + limit, limit, kind });
    return { ids: slice, link: `<${httpUrl}${base}/${kind}.json?limit=${limit}&page_info=${token}>; rel="next"` };
  }

  const t = (q: Json, k: string): number | null => (typeof q[k] === 'string' ? Date.parse(q[k] as string) : null);

  router.on('GET', `${base}/orders.json`, (req) => {
    const limit = Math.min(Number(req.query.limit ?? 50), maxLimit);
    let ids: string[];
    let offset = 0;
    if (req.query.page_info) {
      const extra = Object.keys(req.query).filter((k) => !['page_info', 'limit', 'fields'].includes(k));
      if (extra.length > 0) return { status: 400, body: { errors: { [extra[0]!]: `${extra[0]} cannot be passed when page_info is present` } } };
      const c = cursors.get(req.query.page_info);
      if (!c || c.kind !== 'orders') return { status: 400, body: { errors: { page_info: 'Invalid value.' } } };
      ids = c.ids;
      offset = c.offset;
    } else {
      const q = req.query as Json;
      const [cMin, cMax, uMin, uMax] = [t(q, 'created_at_min'), t(q, 'created_at_max'), t(q, 'updated_at_min'), t(q, 'updated_at_max')];
      const status = req.query.status ?? 'open';
      ids = [...orders.values()]
        .filter((o) => {
          const c = Date.parse(o.created_at as string);
          const u = Date.parse(o.updated_at as string);
          if (cMin !== null && c < cMin) return false;
          if (cMax !== null && c > cMax) return false;
          if (uMin !== null && u < uMin) return false;
          if (uMax !== null && u > uMax) return false;
          if (status === 'open' && o.cancelled_at) return false;
          if (status === 'cancelled' && !o.cancelled_at) return false;
          return true;
        })
        .sort((a, b) => Number(a.id) - Number(b.id))
        .map((o) => String(o.id));
    }
    const p = page('orders', ids, offset, limit, mock.url);
    return { status: 200, body: { orders: p.ids.map((id) => clone(orders.get(id))) }, ...(p.link ? { headers: { Link: p.link } } : {}) };
  });

  router.on('GET', `${base}/orders/:id.json`, (req) => {
    const o = orders.get(req.params.id!);
    return o ? { status: 200, body: { order: clone(o) } } : { status: 404, body: { errors: 'Not Found' } };
  });

  router.on('PUT', `${base}/orders/:id.json`, (req) => {
    const o = orders.get(req.params.id!);
    if (!o) return { status: 404, body: { errors: 'Not Found' } };
    const patch = ((req.body as Json | undefined)?.order ?? {}) as Json;
    for (const k of ['note', 'tags', 'email']) if (k in patch) o[k] = patch[k];
    o.updated_at = isoSeconds(clock.next());
    return { status: 200, body: { order: clone(o) } };
  });

  router.on('POST', `${base}/orders/:id/cancel.json`, (req) => {
    const o = orders.get(req.params.id!);
    if (!o) return { status: 404, body: { errors: 'Not Found' } };
    if (!o.cancelled_at) {
      const at = isoSeconds(clock.next());
      o.cancelled_at = at;
      o.cancel_reason = ((req.body as Json | undefined)?.reason as string | undefined) ?? 'other';
      o.updated_at = at;
    }
    return { status: 200, body: { order: clone(o) } };
  });

  router.on('GET', `${base}/products.json`, (req) => {
    const limit = Math.min(Number(req.query.limit ?? 50), maxLimit);
    let ids = [...products.keys()];
    let offset = 0;
    if (req.query.page_info) {
      const c = cursors.get(req.query.page_info);
      if (!c || c.kind !== 'products') return { status: 400, body: { errors: { page_info: 'Invalid value.' } } };
      ids = c.ids;
      offset = c.offset;
    }
    const p = page('products', ids, offset, limit, mock.url);
    const list = p.ids.map((id) => {
      const prod = clone(products.get(id)!);
      for (const v of prod.variants as Json[]) v.inventory_quantity = inventory.get(String(v.inventory_item_id)) ?? 0;
      return prod;
    });
    return { status: 200, body: { products: list }, ...(p.link ? { headers: { Link: p.link } } : {}) };
  });

  router.on('GET', `${base}/locations.json`, () => ({ status: 200, body: { locations: SHOPIFY_LOCATIONS.map((l) => ({ ...l, active: true })) } }));

  router.on('POST', `${base}/inventory_levels/set.json`, (req) => {
    const b = (req.body ?? {}) as Json;
    if (b.location_id === undefined || b.inventory_item_id === undefined || typeof b.available !== 'number') {
      return { status: 422, body: { errors: 'location_id, inventory_item_id and available are required' } };
    }
    inventory.set(String(b.inventory_item_id), b.available);
    return { status: 200, body: { inventory_level: { inventory_item_id: b.inventory_item_id, location_id: b.location_id, available: b.available, updated_at: isoSeconds(clock.next()) } } };
  });

  shopifyOrderRoutes(router, base, { orders, fulfillmentOrders, transactions, risks, clock, nextId: () => nextId++ });
  const catalog = shopifyCatalog(router, base, { products, inventory, clock, nextId: () => nextId++ });

  const http = await startHttpMock(router, (req) =>
    req.headers['x-shopify-access-token'] === accessToken ? null : { status: 401, body: { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' } },
  );

  function buildOrder(spec: OrderSpec): Json {
    const id = String(spec.id ?? nextOrderId++);
    const number = nextOrderNumber++;
    const now = isoSeconds(clock.next());
    const currency = spec.currency ?? 'EUR';
    const lineItems = spec.lines.map((l) => ({
      id: nextId++, variant_id: nextId++, product_id: nextId++, sku: l.sku ?? '', title: l.name ?? `Article ${l.sku ?? ''}`.trim(),
      quantity: l.quantity, price: l.price, fulfillable_quantity: l.quantity, requires_shipping: !spec.pickup,
    }));
    const shippingPrice = spec.pickup ? '0.00' : spec.shippingPrice ?? '4.90';
    const subtotal = lineItems.reduce((s, l) => s + toMinor(l.price) * l.quantity, 0);
    const total = subtotal + toMinor(shippingPrice);
    const paid = spec.paid ?? true;
    const address = { first_name: spec.firstName ?? 'Camille', last_name: spec.lastName ?? 'Martin', address1: '3 place Bellecour', address2: '', city: 'Lyon', province: '', zip: '69002', country_code: 'FR', phone: spec.phone ?? '' };
    transactions.set(id, [paid
      ? { id: nextId++, order_id: Number(id), kind: 'sale', status: 'success', amount: decimal(total), gateway: spec.gateway ?? 'shopify_payments', created_at: now,
        payment_details: { avs_result_code: spec.avs ?? 'Y', cvv_result_code: spec.cvv ?? 'M', credit_card_bin: '424242', credit_card_company: 'Visa', credit_card_number: '•••• •••• •••• 4242' } }
      : { id: nextId++, order_id: Number(id), kind: 'sale', status: 'pending', amount: decimal(total), gateway: spec.gateway ?? 'Cash on Delivery (COD)', created_at: now }]);
    risks.set(id, paid ? [{ id: nextId++, order_id: Number(id), source: 'External', score: spec.risk === 'cancel' ? '1.0' : spec.risk === 'investigate' ? '0.5' : '0.0', recommendation: spec.risk ?? 'accept', display: true, message: 'Shopify fraud analysis', cause_cancel: spec.risk === 'cancel' }] : []);
    return {
      id: Number(id), admin_graphql_api_id: `gid://shopify/Order/${id}`, name: `#${number}`, order_number: number,
      email: spec.email === undefined ? 'camille.martin@example.fr' : spec.email, created_at: now, updated_at: now, cancelled_at: null, cancel_reason: null,
      currency, taxes_included: spec.taxesIncluded ?? true,
      total_price: decimal(total), subtotal_price: decimal(subtotal), total_tax: decimal(Math.round(total / 6)), total_discounts: '0.00',
      financial_status: paid ? 'paid' : 'pending', fulfillment_status: null,
      payment_gateway_names: [spec.gateway ?? (paid ? 'shopify_payments' : 'Cash on Delivery (COD)')],
      line_items: lineItems,
      shipping_lines: spec.pickup ? [] : [{ id: nextId++, title: 'Colissimo', code: 'colissimo', price: shippingPrice }],
      customer: spec.email === null ? null : { id: nextId++, email: spec.email ?? 'camille.martin@example.fr', first_name: spec.firstName ?? 'Camille', last_name: spec.lastName ?? 'Martin' },
      billing_address: address, shipping_address: spec.pickup ? null : address,
      note: spec.note ?? null, tags: '', refunds: [], fulfillments: [],
    };
  }

  function snapshot(id: string): Json {
    const o = orders.get(id);
    if (!o) throw new Error(`mock shopify: no order ${id}`);
    return clone(o);
  }

  function updateOrder(id: string, change: (o: Json) => void): Json {
    const o = orders.get(id);
    if (!o) throw new Error(`mock shopify: no order ${id}`);
    change(o);
    o.updated_at = isoSeconds(clock.next());
    return snapshot(id);
  }

  function signedHeaders(rawBody: string, topic: string, secret: string, deliveryId?: string): Record<string, string> {
    return {
      'Content-Type': 'application/json',
      'X-Shopify-Topic': topic,
      'X-Shopify-Hmac-Sha256': hmacBase64(secret, rawBody),
      'X-Shopify-Shop-Domain': shop,
      'X-Shopify-API-Version': SHOPIFY_API_VERSION,
      'X-Shopify-Webhook-Id': newDeliveryId(),
      'X-Shopify-Event-Id': deliveryId ?? newDeliveryId(),
      'X-Shopify-Triggered-At': new Date().toISOString(),
    };
  }

  const mock: MockPlatform = {
    kind: 'shopify',
    url: http.url,
    apiUrl: `${http.url}${base}`,
    shop,
    credentials: { accessToken },
    orders,
    products,
    received: http.received,
    topics: { create: 'orders/create', update: 'orders/updated', paid: 'orders/paid', cancelled: 'orders/cancelled' },
    createOrder(spec) {
      const o = buildOrder(spec);
      const id = String(o.id);
      orders.set(id, o);
      fulfillmentOrders.set(id, fulfillmentOrdersFor(o, spec.lines.map((l) => l.location), () => nextId++));
      return snapshot(id);
    },
    updateOrder,
    markPaid: (id) => updateOrder(id, (o) => {
      o.financial_status = 'paid';
      o.payment_gateway_names = ['shopify_payments'];
      const txs = transactions.get(id) ?? [];
      for (const t of txs) if (t.status === 'pending') t.status = 'failure';
      transactions.set(id, [...txs, { id: nextId++, order_id: o.id, kind: 'sale', status: 'success', amount: o.total_price, gateway: 'shopify_payments', created_at: isoSeconds(new Date()), payment_details: { avs_result_code: 'Y', cvv_result_code: 'M' } }]);
    }),
    cancel: (id) => updateOrder(id, (o) => {
      o.cancelled_at = isoSeconds(new Date());
      o.cancel_reason = 'customer';
    }),
    refund: (id, amount) => updateOrder(id, (o) => {
      const refunds = o.refunds as Json[];
      const tx = { id: nextId++, order_id: o.id, kind: 'refund', status: 'success', amount, gateway: 'shopify_payments', created_at: isoSeconds(new Date()) };
      refunds.push({ id: nextId++, order_id: o.id, created_at: isoSeconds(new Date()), note: 'refund', refund_line_items: [], transactions: [tx] });
      transactions.set(id, [...(transactions.get(id) ?? []), tx]);
      o.financial_status = toMinor(amount) >= toMinor(o.total_price as string) ? 'refunded' : 'partially_refunded';
    }),
    addProduct: catalog.addProduct,
    catalogOf: catalog.catalogOf,
    async deliverWebhook(serverUrl, storeId, topic, order, o: DeliverOptions) {
      if (o.duplicateOf) return postWebhook(webhookUrl(serverUrl, 'shopify', storeId), o.duplicateOf.rawBody, { ...o.duplicateOf.headers, 'X-Shopify-Webhook-Id': newDeliveryId() }, o.duplicateOf.deliveryId);
      const raw = JSON.stringify(order);
      const id = o.deliveryId ?? newDeliveryId();
      const headers = signedHeaders(raw, topic, o.forge ? `${o.secret}-forged` : o.secret, id);
      return postWebhook(webhookUrl(serverUrl, 'shopify', storeId), raw, headers, id);
    },
    async deliverRaw(serverUrl, storeId, rawBody, headers) {
      return postWebhook(webhookUrl(serverUrl, 'shopify', storeId), rawBody, headers, headers['X-Shopify-Event-Id'] ?? '');
    },
    signedHeaders,
    shipmentsOf: (id) =>
      ((orders.get(id)?.fulfillments as Json[] | undefined) ?? []).map((f) => ({
        id: String(f.id),
        ...(f.tracking_number ? { tracking: { carrier: String(f.tracking_company ?? ''), number: String(f.tracking_number), ...(f.tracking_url ? { url: String(f.tracking_url) } : {}) } } : {}),
        lines: ((f.line_items ?? []) as Json[]).map((l) => ({ sku: String(l.sku), quantity: Number(l.quantity) })),
        at: String(f.created_at),
      })),
    statusOf: (id) => {
      const o = orders.get(id);
      if (!o) throw new Error(`mock shopify: no order ${id}`);
      return `${String(o.financial_status)}/${String(o.fulfillment_status ?? 'unfulfilled')}${o.cancelled_at ? '/cancelled' : ''}`;
    },
    refundsOf: (id) =>
      ((orders.get(id)?.refunds as Json[] | undefined) ?? []).map((r) => ({
        id: String(r.id),
        amount: decimal(((r.transactions ?? []) as Json[]).reduce((sum, t) => sum + toMinor(String(t.amount)), 0)),
        ...(typeof r.note === 'string' ? { reason: r.note } : {}),
      })),
    linkConfig: (webhookSecret) => ({ shop, apiUrl: `${http.url}${base}`, credentials: { accessToken }, webhookSecret }),
    close: () => http.close(),
  };
  return mock;
}
