/**
 * Plumbing shared by the mock platforms: a loopback HTTP server with a tiny router, a log of every
 * request it received, a monotonic clock, and signing helpers (HMAC-SHA256 base64, Standard Webhooks).
 * Products and their catalogue routes: catalog.ts and <platform>-catalog.ts.
 */
import { createHmac, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MockCatalogEntry, MockProductSpec } from './catalog.ts';

export interface ReceivedRequest {
  method: string;
  /** Path without the query string, e.g. "/admin/api/2025-01/orders.json". */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** Parsed JSON when the body was JSON, the raw text otherwise, undefined when empty. */
  body: unknown;
  at: string;
}

export interface MockRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  params: Record<string, string>;
}

export interface MockResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type RouteHandler = (req: MockRequest) => MockResponse;

interface Route {
  method: string;
  re: RegExp;
  names: string[];
  handler: RouteHandler;
}

export class MockRouter {
  private routes: Route[] = [];

  on(method: string, pattern: string, handler: RouteHandler): void {
    const names: string[] = [];
    const re = new RegExp(
      `^${pattern.replace(/[.]/g, '\\.').replace(/:([a-zA-Z_]+)/g, (_m, name: string) => {
        names.push(name);
        return '([^/]+?)';
      })}$`,
    );
    this.routes.push({ method, re, names, handler });
  }

  handle(req: Omit<MockRequest, 'params'>): MockResponse {
    for (const r of this.routes) {
      if (r.method !== req.method) continue;
      const m = r.re.exec(req.path);
      if (!m) continue;
      const params: Record<string, string> = {};
      r.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1] ?? '')));
      return r.handler({ ...req, params });
    }
    return { status: 404, body: { errors: `mock: no route for ${req.method} ${req.path}` } };
  }
}

export interface HttpMock {
  url: string;
  received: ReceivedRequest[];
  close(): Promise<void>;
}

/** Starts a loopback server; `authorize` returns an error response when credentials are wrong. */
export async function startHttpMock(router: MockRouter, authorize: (req: Omit<MockRequest, 'params'>) => MockResponse | null): Promise<HttpMock> {
  const received: ReceivedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Uint8Array[] = [];
    req.on('data', (c: Buffer) => chunks.push(new Uint8Array(c)));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://mock');
      const query: Record<string, string> = {};
      u.searchParams.forEach((v, k) => (query[k] = v));
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = undefined;
      if (text !== '') {
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
        }
      }
      const request = { method: req.method ?? 'GET', path: decodeURIComponent(u.pathname), query, headers, body };
      received.push({ ...request, at: new Date().toISOString() });
      let answer: MockResponse;
      try {
        answer = authorize(request) ?? router.handle(request);
      } catch (err) {
        answer = { status: 500, body: { errors: String(err) } };
      }
      const payload = answer.body === undefined ? '' : JSON.stringify(answer.body);
      res.writeHead(answer.status, {
        ...(payload === '' ? {} : { 'Content-Type': 'application/json; charset=utf-8' }),
        ...answer.headers,
      });
      res.end(payload);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A clock that follows real time but never repeats or goes back (one second per mutation at least). */
export class MonotonicClock {
  private last = 0;
  /** Seconds resolution, like the platforms' timestamps. */
  next(): Date {
    const now = Math.floor(Date.now() / 1000) * 1000;
    this.last = Math.max(now, this.last + 1000);
    return new Date(this.last);
  }
}

export function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function hmacBase64(secret: string | Uint8Array, data: string | Uint8Array): string {
  return createHmac('sha256', secret).update(data).digest('base64');
}

/** Standard Webhooks key: "whsec_<base64>" is decoded, any other secret is used as its UTF-8 bytes. */
export function standardWebhooksKey(secret: string): Uint8Array {
  return new Uint8Array(secret.startsWith('whsec_') ? Buffer.from(secret.slice('whsec_'.length), 'base64') : Buffer.from(secret, 'utf8'));
}

export function newDeliveryId(): string {
  return randomUUID();
}

/** Result of posting a webhook to the server under test. */
export interface Delivery {
  status: number;
  /** Parsed JSON answer (or text). */
  body: unknown;
  /** The delivery/event id the platform put in its headers (the dedupe key). */
  deliveryId: string;
  rawBody: string;
  headers: Record<string, string>;
}

export async function postWebhook(url: string, rawBody: string, headers: Record<string, string>, deliveryId: string): Promise<Delivery> {
  const res = await fetch(url, { method: 'POST', headers, body: rawBody });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, body, deliveryId, rawBody, headers };
}

export interface DeliverOptions {
  /** The webhook secret to sign with (the one configured on the server for this store/platform). */
  secret: string;
  /** Re-send a previous delivery as the platform does on a retry: same id, same body. */
  duplicateOf?: Delivery;
  /** Sign with a wrong secret (the server must answer 401). */
  forge?: boolean;
  /** Explicit delivery / event id. */
  deliveryId?: string;
}

/** Money as the platforms print it: "12.50". */
export function decimal(minor: number): string {
  return (minor / 100).toFixed(2);
}

export function toMinor(text: string): number {
  return Math.round(Number(text) * 100);
}

export interface OrderLineSpec {
  sku: string | null;
  name?: string;
  quantity: number;
  /** Unit price as a decimal string, e.g. "4.20". */
  price: string;
  /**
   * Where the platform expects this line to ship from (Shopify: the fulfilment order's assigned
   * location — "warehouse" is the mock's second location, anything else its first).
   */
  location?: string;
}

/** What a test says about an order; each mock turns it into its platform's JSON. */
export interface OrderSpec {
  id?: string | number;
  email?: string | null;
  firstName?: string;
  lastName?: string;
  phone?: string;
  lines: OrderLineSpec[];
  currency?: string;
  /** Paid online through a gateway (default true). */
  paid?: boolean;
  /** Gateway / payment method name; default per platform. */
  gateway?: string;
  /** Collected at the shop instead of shipped (default false). */
  pickup?: boolean;
  note?: string;
  shippingPrice?: string;
  taxesIncluded?: boolean;
  /**
   * The payment's security results as the platform reports them (paid orders only): the fraud
   * verdict (Shopify risk recommendation; BigCommerce fraud_review when not "accept"), the AVS
   * letter and the CVV letter. Default: accept, "Y", "M".
   */
  risk?: 'accept' | 'investigate' | 'cancel';
  avs?: string;
  cvv?: string;
}

/** A parcel as the platform shows it (Shopify fulfilment, BigCommerce shipment, WooCommerce tracking note). */
export interface MockShipment {
  id: string;
  tracking?: { carrier: string; number: string; url?: string };
  /** The units it holds (WooCommerce notes hold none: the lines stay in the note's text). */
  lines: Array<{ sku: string; quantity: number }>;
  at: string;
  /** WooCommerce: the note's text. */
  text?: string;
}

/** A refund made through the platform's API. */
export interface MockRefund {
  id: string;
  /** Decimal string, e.g. "4.20". */
  amount: string;
  reason?: string;
}

export function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

export function paginate<T>(items: T[], page: number, perPage: number): { slice: T[]; totalPages: number } {
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  return { slice: items.slice((page - 1) * perPage, page * perPage), totalPages };
}

export type MockPlatformKind = 'shopify' | 'woocommerce' | 'bigcommerce';

export type { MockCatalogEntry, MockProductSpec, MockVariantSpec } from './catalog.ts';

/** A running mock platform. Orders are kept in the platform's own JSON shape. */
export interface MockPlatform {
  kind: MockPlatformKind;
  /** Root URL of the loopback server. */
  url: string;
  /** The API base URL to configure on the sync server (apiUrl). */
  apiUrl: string;
  /** The shop identifier to configure on the sync server (shop). */
  shop: string;
  /** API credentials the mock accepts (configure them on the sync server). */
  credentials: Record<string, string>;
  /** Mutable state: orders by id, in platform JSON (BigCommerce: with `products` and `shipping_addresses`). */
  orders: Map<string, Record<string, unknown>>;
  /** Mutable state: products by id, in platform JSON. */
  products: Map<string, Record<string, unknown>>;
  /** Every request the mock received, in order (for asserting pushes). */
  received: ReceivedRequest[];
  /** Topic names of this platform for the usual events. */
  topics: { create: string; update: string; paid: string; cancelled: string };
  /** Adds an order (state) and returns a snapshot of it. */
  createOrder(spec: OrderSpec): Record<string, unknown>;
  /** Changes an order in place, bumps its modification time, returns a snapshot. */
  updateOrder(id: string, change: (order: Record<string, unknown>) => void): Record<string, unknown>;
  markPaid(id: string): Record<string, unknown>;
  cancel(id: string): Record<string, unknown>;
  /** Records a refund of `amount` ("4.20") on the order; returns the order snapshot. */
  refund(id: string, amount: string): Record<string, unknown>;
  /** Adds a product (with `variants`: a product whose variants have their own SKUs) and returns it. */
  addProduct(spec: MockProductSpec): Record<string, unknown>;
  /** What the web store shows for a SKU: its listing's title and its price (null: not sold). */
  catalogOf(sku: string): MockCatalogEntry | null;
  /** Posts a correctly signed webhook (or a forged one) for `order` to serverUrl/webhooks/<kind>/<storeId>. */
  deliverWebhook(serverUrl: string, storeId: string, topic: string, order: Record<string, unknown>, opts: DeliverOptions): Promise<Delivery>;
  /** Posts any body with any headers to the webhook URL (malformed deliveries). */
  deliverRaw(serverUrl: string, storeId: string, rawBody: string, headers: Record<string, string>): Promise<Delivery>;
  /** Headers a genuine delivery of rawBody would carry. */
  signedHeaders(rawBody: string, topic: string, secret: string, deliveryId?: string): Record<string, string>;
  /** What the platform shows as shipped for an order, oldest first (for assertions). */
  shipmentsOf(id: string): MockShipment[];
  /**
   * The order's status as the platform shows it: Shopify "<financial_status>/<fulfillment_status or
   * unfulfilled>[/cancelled]", WooCommerce its status, BigCommerce its status name ("Partially Shipped").
   */
  statusOf(id: string): string;
  /** Refunds made through the API (Shopify refunds, WooCommerce refunds, BigCommerce payment-action refunds). */
  refundsOf(id: string): MockRefund[];
  /** Body for PUT /api/admin/stores/:storeId/platforms/<kind>. */
  linkConfig(webhookSecret: string): { shop: string; apiUrl: string; credentials: Record<string, string>; webhookSecret: string };
  close(): Promise<void>;
}

export function webhookUrl(serverUrl: string, kind: MockPlatformKind, storeId: string): string {
  return `${serverUrl.replace(/\/+$/, '')}/webhooks/${kind}/${encodeURIComponent(storeId)}`;
}
