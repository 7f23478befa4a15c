/** Shared helpers for the outbound queue integration tests (server, mock platforms, documents). */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createUlid } from '../../../src/domain/ids.ts';
import type { MockPlatform } from '../../support/mock-platforms/index.ts';
import type { FaultProxy } from '../../support/fault-proxy.ts';
import type { Pairing, RunningServer } from '../../support/server.ts';

/** Fast queue timings for tests. */
export const FAST_OUTBOUND_ENV: Record<string, string> = {
  OUTBOUND_POLL_MS: '50',
  OUTBOUND_COALESCE_MS: '400',
  OUTBOUND_BACKOFF_BASE_MS: '200',
  OUTBOUND_BACKOFF_MAX_MS: '2000',
  OUTBOUND_MAX_ATTEMPTS: '4',
  OUTBOUND_LEASE_MS: '4000',
  OUTBOUND_PUSH_TIMEOUT_MS: '3000',
};

export const ulid = createUlid(Date.now, (n) => new Uint8Array(randomBytes(n)));

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitFor<T>(what: string, fn: () => Promise<T | null | undefined | false> | T | null | undefined | false, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await sleep(100);
  }
}

export interface LinkBody {
  shop: string;
  apiUrl: string;
  credentials: Record<string, string>;
  webhookSecret: string;
}

/** The mock's link config with the API URL routed through a fault proxy. */
export function proxiedLink(mock: MockPlatform, proxy: FaultProxy, secret = `${mock.kind}-test-secret`): LinkBody {
  const link = mock.linkConfig(secret);
  return { ...link, apiUrl: `${proxy.url}${new URL(mock.apiUrl).pathname}` };
}

/**
 * Links platforms to a store: through the admin API when the server has it
 * (PUT /api/admin/stores/:storeId/platforms/:platform), else by writing the private system file
 * while the server is stopped.
 */
export async function linkPlatforms(server: RunningServer, storeId: string, links: Array<[MockPlatform['kind'], LinkBody]>): Promise<void> {
  const probe = await server.adminFetch(`/api/admin/stores/${storeId}/platforms/${links[0]![0]}`, { method: 'PUT', body: links[0]![1] });
  if (probe.status !== 404) {
    if (!probe.ok) throw new Error(`linking ${links[0]![0]} failed: ${probe.status} ${await probe.text()}`);
    for (const [platform, body] of links.slice(1)) {
      const res = await server.adminFetch(`/api/admin/stores/${storeId}/platforms/${platform}`, { method: 'PUT', body });
      if (!res.ok) throw new Error(`linking ${platform} failed: ${res.status} ${await res.text()}`);
    }
    return;
  }
  await server.kill('SIGTERM');
  const file = path.join(server.dataDir, 'comptoir-system.json');
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { platformLinks?: unknown[] };
  data.platformLinks = [
    ...((data.platformLinks ?? []) as Array<{ storeId: string; platform: string }>).filter((l) => !(l.storeId === storeId && links.some(([p]) => p === l.platform))),
    ...links.map(([platform, body]) => ({ storeId, platform, ...body, updatedAt: new Date().toISOString() })),
  ];
  fs.writeFileSync(file, JSON.stringify(data, null, 2));
  await server.restart();
}

export async function registerPut(p: Pairing, doc: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${p.serverUrl}/db/${p.dbName}/${encodeURIComponent(String(doc._id))}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${p.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(doc),
  });
  if (res.status !== 201) throw new Error(`register PUT ${String(doc._id)}: ${res.status} ${await res.text()}`);
}

export async function adminPut(server: RunningServer, storeId: string, doc: Record<string, unknown>): Promise<void> {
  const res = await server.adminFetch(`/db/store-${storeId}/${encodeURIComponent(String(doc._id))}`, { method: 'PUT', body: doc });
  if (res.status !== 201) throw new Error(`admin PUT ${String(doc._id)}: ${res.status} ${await res.text()}`);
}

export interface JobView {
  id: string;
  channel: 'platform' | 'mail';
  kind: string;
  platform?: string;
  state: string;
  attempts: number;
  lastError?: string;
  blocked?: string;
  result?: string;
  idempotencyKey: string;
  payload: Record<string, unknown>;
  history: Array<{ at: string; outcome: string; detail: string }>;
}

export async function outboundJobs(server: RunningServer, storeId: string, auth?: string): Promise<{ counts: Record<string, number>; blocked: number; jobs: JobView[] }> {
  const res = await fetch(`${server.url}/api/stores/${storeId}/outbound?limit=1000`, { headers: { Authorization: auth ?? server.adminAuth } });
  if (!res.ok) throw new Error(`GET outbound: ${res.status} ${await res.text()}`);
  return (await res.json()) as { counts: Record<string, number>; blocked: number; jobs: JobView[] };
}

export function stockCount(registerId: string, sku: string, quantity: number, at = new Date().toISOString()): Record<string, unknown> {
  return { _id: `stock:${registerId}:${ulid()}`, type: 'stock_movement', sku, location: 'shop', reason: 'count', quantity, at };
}

export function stockDelta(registerId: string, sku: string, delta: number, at = new Date().toISOString()): Record<string, unknown> {
  return { _id: `stock:${registerId}:${ulid()}`, type: 'stock_movement', sku, location: 'shop', reason: 'adjustment', delta, at };
}

export function productDoc(sku: string, name: string, price = 250): Record<string, unknown> {
  return {
    _id: `product:${sku}`, type: 'product', sku, name, barcodes: [], price, priceIncludesTax: true, vatRate: 550, currency: 'EUR',
    category: 'épicerie', stockTracked: true, updatedAt: '2026-01-05T10:00:00.000Z',
  };
}

export function webOrderDoc(platform: string, shop: string, platformOrderId: string, opts: { email?: string; sku?: string; quantity?: number; delivery?: 'shipping' | 'pickup'; orderNumber?: string } = {}): Record<string, unknown> {
  return {
    _id: `weborder:${platform}:${shop}:${platformOrderId}`,
    type: 'web_order',
    platform,
    shop,
    platformOrderId,
    orderNumber: opts.orderNumber ?? `#${platformOrderId}`,
    createdAt: '2026-01-05T10:00:00.000Z',
    updatedAt: '2026-01-05T10:00:00.000Z',
    status: 'packed',
    delivery: opts.delivery ?? 'shipping',
    customer: { name: 'Camille Martin', ...(opts.email ? { email: opts.email } : {}) },
    currency: 'EUR',
    pricesIncludeTax: true,
    lines: [{ sku: opts.sku ?? 'EPI-0001', name: "Confiture d'abricot 370 g", quantity: opts.quantity ?? 1, unitPrice: 420 }],
    total: 420 * (opts.quantity ?? 1),
    payment: { state: 'paid', processor: 'shopify_payments' },
  };
}

export function woEvent(registerId: string, orderId: string, kind: 'shipped' | 'ready_for_pickup' | 'picked_up' | 'cancelled', tracking?: { carrier: string; number: string; url?: string }): Record<string, unknown> {
  return { _id: `woevent:${registerId}:${ulid()}`, type: 'web_order_event', orderId, kind, ...(tracking ? { tracking } : {}), at: new Date().toISOString(), by: 'Marie' };
}

/** Any web order event (issue 6 kinds and fields), written now by `registerId`. */
export function orderEvent(registerId: string, orderId: string, kind: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { _id: `woevent:${registerId}:${ulid()}`, type: 'web_order_event', orderId, kind, ...fields, at: new Date().toISOString(), by: 'Marie' };
}

/** Picks everything (of `location`, if given) and packs it: what the counter does before shipping or handing over. */
export async function prepare(reg: Pairing, orderId: string, location?: string): Promise<void> {
  const where = location ? { location } : {};
  await registerPut(reg, orderEvent(reg.registerId, orderId, 'picked', { all: true, ...where }));
  await registerPut(reg, orderEvent(reg.registerId, orderId, 'packed', where));
}

/** Requests of the mock that changed something (not GETs). */
export function writes(mock: MockPlatform): MockPlatform['received'] {
  return mock.received.filter((r) => r.method !== 'GET');
}
