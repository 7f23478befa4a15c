/**
 * A store linked to the three loopback web stores, for the fulfilment pushes of issue 6: orders are
 * placed on a mock platform and announced with a genuinely signed webhook (so the importer runs),
 * the register writes its steps as woevent documents, and the tests read what each platform shows.
 */
import type { StoreSettingsDoc, WebOrderDoc } from '../../../src/domain/documents.ts';
import { startMockPlatform, type MockPlatform, type MockPlatformKind, type OrderSpec } from '../../support/mock-platforms/index.ts';
import { startServer, type Pairing, type RunningServer } from '../../support/server.ts';
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink.ts';
import { adminPut, FAST_OUTBOUND_ENV, linkPlatforms, outboundJobs, productDoc, registerPut, stockCount, waitFor, type JobView } from '../outbound/helpers.ts';

export const KINDS = ['shopify', 'woocommerce', 'bigcommerce'] as const;
export const secretOf = (kind: MockPlatformKind): string => `${kind}-fulfilment-secret`;

export interface Shop {
  storeId: string;
  server: RunningServer;
  reg: Pairing;
  smtp: SmtpSink;
  mocks: Record<MockPlatformKind, MockPlatform>;
  stop(): Promise<void>;
}

export const PRODUCTS = [
  { sku: 'EPI-0001', name: "Confiture d'abricot 370 g", price: '2.50', minor: 250 },
  { sku: 'EPI-0002', name: 'Miel de lavande 250 g', price: '7.90', minor: 790 },
] as const;

/** A server with one store linked to the three mocks, the two products, 20 of each on the shelf, and a real SMTP server. */
export async function openShop(storeId: string, env: Record<string, string> = {}): Promise<Shop> {
  const smtp = await startSmtpSink();
  const mocks = {} as Record<MockPlatformKind, MockPlatform>;
  for (const kind of KINDS) {
    mocks[kind] = await startMockPlatform(kind);
    for (const p of PRODUCTS) mocks[kind].addProduct({ sku: p.sku, name: p.name, price: p.price, stock: 20 });
  }
  const server = await startServer({ env: { ...FAST_OUTBOUND_ENV, OUTBOUND_AUTO_CANCEL_INTERVAL_MS: '300', SMTP_URL: smtp.url, MAIL_FROM: 'Épicerie Comptoir <boutique@comptoir.test>', ...env } });
  await server.createStore(storeId, 'Épicerie Comptoir');
  await linkPlatforms(server, storeId, KINDS.map((k) => [k, mocks[k].linkConfig(secretOf(k))]));
  const reg = await server.pairNewRegister(storeId, 'Caisse 1');
  for (const p of PRODUCTS) {
    await adminPut(server, storeId, productDoc(p.sku, p.name, p.minor));
    await registerPut(reg, stockCount(reg.registerId, p.sku, 20, new Date(Date.now() - 3600_000).toISOString()));
  }
  return {
    storeId,
    server,
    reg,
    smtp,
    mocks,
    async stop() {
      await server.stop();
      for (const k of KINDS) await mocks[k].close();
      await smtp.close();
    },
  };
}

export async function getDoc<T>(shop: Shop, id: string): Promise<(T & { _rev: string }) | null> {
  const res = await shop.server.adminFetch(`/db/store-${shop.storeId}/${encodeURIComponent(id)}`);
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`GET ${id}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T & { _rev: string };
}

export async function updateSettings(shop: Shop, patch: Partial<StoreSettingsDoc>): Promise<void> {
  const cur = await getDoc<StoreSettingsDoc>(shop, 'store:settings');
  if (!cur) throw new Error('no store settings');
  const res = await shop.server.adminFetch(`/db/store-${shop.storeId}/store%3Asettings`, { method: 'PUT', body: { ...cur, ...patch } });
  if (res.status !== 201) throw new Error(`PUT settings: ${res.status} ${await res.text()}`);
}

/**
 * Places an order on the platform (`adjust` changes its platform JSON first, e.g. an older creation
 * date), delivers its signed "created" webhook and waits for the server's document.
 */
export async function placeOrder(shop: Shop, kind: MockPlatformKind, spec: OrderSpec, adjust?: (o: Record<string, unknown>) => void): Promise<{ platformOrderId: string; orderId: string; doc: WebOrderDoc }> {
  const mock = shop.mocks[kind];
  let order = mock.createOrder(spec);
  if (adjust) order = mock.updateOrder(String(order.id), adjust);
  const d = await mock.deliverWebhook(shop.server.url, shop.storeId, mock.topics.create, order, { secret: secretOf(kind) });
  if (d.status !== 200) throw new Error(`${kind} webhook answered ${d.status}: ${JSON.stringify(d.body)}`);
  const orderId = `weborder:${kind}:${mock.shop}:${String(order.id)}`;
  const doc = await waitFor(`${orderId} imported`, () => getDoc<WebOrderDoc>(shop, orderId));
  return { platformOrderId: String(order.id), orderId, doc };
}

/** The queue job made for a register event, once it is in `state` (default done). */
export async function jobOf(shop: Shop, kind: MockPlatformKind, jobKind: string, event: Record<string, unknown>, state = 'done'): Promise<JobView> {
  const id = `outbound:${kind}:${jobKind}:${String(event._id).slice('woevent:'.length)}`;
  return waitFor(`${id} ${state}`, async () => (await outboundJobs(shop.server, shop.storeId)).jobs.find((j) => j.id === id && j.state === state), 20_000);
}

/** The queue's jobs about one web order. */
export async function jobsOfOrder(shop: Shop, orderId: string): Promise<JobView[]> {
  return (await outboundJobs(shop.server, shop.storeId)).jobs.filter((j) => j.payload.orderId === orderId || j.payload.sourceId === orderId);
}

export const mailTo = (m: { to?: unknown }): string => (m.to as { text?: string } | undefined)?.text ?? '';
