/** Shared setup for the platform integration tests: a store with a small catalogue, linked to a mock. */
import type { WebOrderDoc } from '../../../src/domain/documents.ts';
import type { MockPlatform } from '../../support/mock-platforms/index.ts';
import type { RunningServer } from '../../support/server.ts';

export const CATALOGUE_CSV = [
  'sku;name;price;vat;barcode;stock',
  'EPI-0001;Confiture abricot;4,20;5,5;;20',
  'EPI-0002;Miel de lavande;9,90;5,5;;12',
  'BOI-0001;Limonade artisanale;2,50;20;;48',
].join('\n');

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** Creates a store with the test catalogue and links it to the mock platform. */
export async function linkedStore(server: RunningServer, storeId: string, mock: MockPlatform, secret: string): Promise<void> {
  await server.createStore(storeId, storeId);
  const csv = await fetch(`${server.url}/api/admin/stores/${storeId}/import-csv`, { method: 'POST', headers: { Authorization: server.adminAuth, 'Content-Type': 'text/csv' }, body: CATALOGUE_CSV });
  if (csv.status !== 200) throw new Error(`csv import: ${csv.status} ${await csv.text()}`);
  const res = await server.adminFetch(`/api/admin/stores/${storeId}/platforms/${mock.kind}`, { method: 'PUT', body: mock.linkConfig(secret) });
  if (res.status !== 200) throw new Error(`link: ${res.status} ${await res.text()}`);
}

export function orderDocId(mock: MockPlatform, orderId: string): string {
  return `weborder:${mock.kind}:${mock.shop}:${orderId}`;
}

export async function getDoc<T = Record<string, unknown>>(server: RunningServer, storeId: string, id: string): Promise<(T & { _rev: string }) | null> {
  const res = await server.adminFetch(`/db/store-${storeId}/${encodeURIComponent(id)}`);
  if (res.status === 404) return null;
  if (res.status !== 200) throw new Error(`GET ${id}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T & { _rev: string };
}

export async function webOrders(server: RunningServer, storeId: string): Promise<Array<WebOrderDoc & { _rev: string }>> {
  const res = await server.adminFetch(`/db/store-${storeId}/_all_docs?include_docs=true&startkey=%22weborder%3A%22&endkey=%22weborder%3A%EF%BF%B0%22`);
  const body = (await res.json()) as { rows: Array<{ doc: WebOrderDoc & { _rev: string } }> };
  return body.rows.map((r) => r.doc);
}

/** Waits until the order document satisfies `check`. */
export function waitForOrder(server: RunningServer, storeId: string, id: string, check: (d: WebOrderDoc & { _rev: string }) => boolean, timeoutMs = 10_000) {
  return waitFor(`order ${id}`, async () => {
    const d = await getDoc<WebOrderDoc>(server, storeId, id);
    return d && check(d) ? d : null;
  }, timeoutMs);
}

export interface InboxSummary {
  entries: Array<{ _id: string; state: string; result?: string; lastError?: string; attempts: number }>;
}

export async function inbox(server: RunningServer, storeId: string, state?: string): Promise<InboxSummary['entries']> {
  const res = await server.adminFetch(`/api/admin/stores/${storeId}/inbox${state ? `?state=${state}` : ''}`);
  return ((await res.json()) as InboxSummary).entries;
}

/** Waits until the store's inbox has no pending entry. */
export function inboxDrained(server: RunningServer, storeId: string, timeoutMs = 15_000) {
  return waitFor(`inbox of ${storeId} drained`, async () => (await inbox(server, storeId, 'pending')).length === 0, timeoutMs);
}
