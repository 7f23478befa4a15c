/**
 * The outside world of the fulfilment acceptance tests (issue 6): the sync server with the demo store,
 * the loopback web stores of issue 4 linked to it in place of the demo links, and a real SMTP server
 * catching the customers' mail. Orders are placed on a mock platform and announced to the server with
 * a genuinely signed webhook, as the platform would.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { WebOrderDoc } from '../../src/domain/documents.ts';
import { createUlid, stockMovementId } from '../../src/domain/ids.ts';
import { startMockPlatform, type MockPlatform, type MockPlatformKind, type OrderSpec } from '../support/mock-platforms/index.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts';

export const STORE = 'demo';

/** Short queue timings so that a push follows the register's step within a second or two. */
const FAST_OUTBOUND_ENV: Record<string, string> = {
  OUTBOUND_POLL_MS: '100',
  OUTBOUND_COALESCE_MS: '300',
  OUTBOUND_BACKOFF_BASE_MS: '300',
  OUTBOUND_BACKOFF_MAX_MS: '3000',
  OUTBOUND_LEASE_MS: '10000',
  OUTBOUND_PUSH_TIMEOUT_MS: '5000',
};

export interface WebStore {
  server: RunningServer;
  smtp: SmtpSink;
  mocks: Partial<Record<MockPlatformKind, MockPlatform>>;
  mock(kind: MockPlatformKind): MockPlatform;
  /** Places an order on the platform, delivers its signed "created" webhook, waits for the server's document. */
  placeOrder(kind: MockPlatformKind, spec: OrderSpec): Promise<{ platformOrder: Record<string, unknown>; orderId: string; doc: WebOrderDoc }>;
  /** The server's copy of a document (admin), or null. */
  doc<T>(id: string): Promise<T | null>;
  stop(): Promise<void>;
}

const secretOf = (kind: MockPlatformKind): string => `${kind}-e2e-secret`;

export async function waitUntil<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

export async function startWebStore(kinds: readonly MockPlatformKind[]): Promise<WebStore> {
  const smtp = await startSmtpSink();
  const mocks: Partial<Record<MockPlatformKind, MockPlatform>> = {};
  for (const kind of kinds) mocks[kind] = await startMockPlatform(kind);
  const server = await startServer({
    seedDemo: true,
    staticDir: process.env['E2E_STATIC_DIR'] ?? path.resolve('dist'),
    env: { ...FAST_OUTBOUND_ENV, SMTP_URL: smtp.url, MAIL_FROM: 'Épicerie Comptoir <boutique@comptoir.test>' },
  });
  for (const kind of kinds) {
    const res = await server.adminFetch(`/api/admin/stores/${STORE}/platforms/${kind}`, { method: 'PUT', body: mocks[kind]!.linkConfig(secretOf(kind)) });
    if (!res.ok) throw new Error(`linking ${kind}: ${res.status} ${await res.text()}`);
  }
  const doc = async <T>(id: string): Promise<T | null> => {
    const res = await server.adminFetch(`/db/store-${STORE}/${encodeURIComponent(id)}`);
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(`GET ${id}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const mock = (kind: MockPlatformKind): MockPlatform => {
    const m = mocks[kind];
    if (!m) throw new Error(`${kind} is not part of this web store`);
    return m;
  };
  return {
    server,
    smtp,
    mocks,
    mock,
    doc,
    async placeOrder(kind, spec) {
      const m = mock(kind);
      const platformOrder = m.createOrder(spec);
      const delivery = await m.deliverWebhook(server.url, STORE, m.topics.create, platformOrder, { secret: secretOf(kind) });
      if (delivery.status !== 200) throw new Error(`webhook for a new ${kind} order answered ${delivery.status}`);
      const orderId = `weborder:${kind}:${m.shop}:${String(platformOrder['id'])}`;
      const created = await waitUntil(`${orderId} on the server`, () => doc<WebOrderDoc>(orderId));
      return { platformOrder, orderId, doc: created };
    },
    async stop() {
      await server.stop();
      for (const m of Object.values(mocks)) await m.close();
      await smtp.close();
    },
  };
}

/** Writes a document of the store's database on the server, as admin (a new one, or `doc._rev` given). */
export async function putServerDoc(ws: WebStore, doc: { _id: string } & Record<string, unknown>): Promise<void> {
  const res = await ws.server.adminFetch(`/db/store-${STORE}/${encodeURIComponent(doc._id)}`, { method: 'PUT', body: doc });
  if (res.status !== 201) throw new Error(`PUT ${doc._id}: ${res.status} ${await res.text()}`);
}

/** Gives the store these stock locations in its settings document, keeping everything else it holds. */
export async function setStoreLocations(ws: WebStore, locations: Array<{ id: string; name: string }>): Promise<void> {
  const settings = await ws.doc<{ _id: string } & Record<string, unknown>>('store:settings');
  if (!settings) throw new Error('the store has no settings document');
  await putServerDoc(ws, { ...settings, locations });
}

const serverUlid = createUlid(Date.now, (n) => new Uint8Array(randomBytes(n)));

/** A stock count made on the server (`stock:server:<ulid>`): `quantity` units of `sku` at `location` now. */
export async function countStock(ws: WebStore, sku: string, location: string, quantity: number): Promise<string> {
  const _id = stockMovementId('server', serverUlid());
  await putServerDoc(ws, { _id, type: 'stock_movement', sku, location, reason: 'count', quantity, at: new Date().toISOString() });
  return _id;
}

