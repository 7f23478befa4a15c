/**
 * The server SIGKILLed while a burst of webhook deliveries is being stored and processed, restarted on
 * the same DATA_DIR and port; the platform retries what was not acknowledged (as Shopify does). Every
 * order must end up exactly once, in its newest version, with nothing left pending or failed.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startMockPlatform, type Delivery, type MockPlatform } from '../../support/mock-platforms/index.ts';
import { startServer, type RunningServer } from '../../support/server.ts';
import { inbox, inboxDrained, linkedStore, orderDocId, webOrders } from './helpers.ts';

const ORDERS = 40;
const SECRET = 'crash-webhook-secret';
let server: RunningServer;
let shop: MockPlatform;

beforeAll(async () => {
  shop = await startMockPlatform('shopify');
  server = await startServer({ env: { POLL_INTERVAL_MS: '0', INBOX_RETRY_BASE_MS: '100' } });
  await linkedStore(server, 'crash', shop, SECRET);
});

afterAll(async () => {
  await server?.stop();
  await shop?.close();
});

it('loses no order and doubles none across a SIGKILL during processing', { timeout: 60_000 }, async () => {
  // Each order: created (unpaid), then paid; each delivery is also sent twice (at-least-once).
  const sends: Array<{ topic: string; order: Record<string, unknown>; eventId: string }> = [];
  const finalIds: string[] = [];
  for (let i = 0; i < ORDERS; i++) {
    const created = shop.createOrder({ lines: [{ sku: 'EPI-0001', quantity: 1 + (i % 3), price: '4.20' }, { sku: 'NOPE-1', quantity: 1, price: '1.00' }], paid: false, email: `client${i}@example.fr` });
    const id = String(created.id);
    const paid = shop.markPaid(id);
    finalIds.push(id);
    sends.push({ topic: 'orders/create', order: created, eventId: `create-${id}` }, { topic: 'orders/paid', order: paid, eventId: `paid-${id}` });
  }
  const all = [...sends, ...sends]; // every delivery twice
  const unacknowledged: typeof sends = [];
  const acked: Delivery[] = [];
  let killed: Promise<void> | null = null;
  const firstPid = server.pid();

  // Fire in bursts of 10; kill the process once a third of the deliveries have been acknowledged.
  for (let i = 0; i < all.length; i += 10) {
    const burst = all.slice(i, i + 10);
    const results = await Promise.all(
      burst.map((s) =>
        shop.deliverWebhook(server.url, 'crash', s.topic, s.order, { secret: SECRET, deliveryId: s.eventId }).then(
          (d) => ({ s, d }),
          () => ({ s, d: null }),
        ),
      ),
    );
    for (const { s, d } of results) {
      if (d && d.status === 200) acked.push(d);
      else unacknowledged.push(s);
    }
    if (!killed && acked.length >= all.length / 3) killed = server.kill('SIGKILL');
  }
  await killed;
  expect(killed).not.toBeNull();
  expect(unacknowledged.length).toBeGreaterThan(0);

  await server.restart();
  expect(server.pid()).not.toBe(firstPid);
  // The platform retries every unacknowledged delivery with the same event id.
  for (const s of unacknowledged) {
    const d = await shop.deliverWebhook(server.url, 'crash', s.topic, s.order, { secret: SECRET, deliveryId: s.eventId });
    expect(d.status).toBe(200);
  }
  await inboxDrained(server, 'crash', 30_000);

  const docs = await webOrders(server, 'crash');
  expect(docs.length).toBe(ORDERS);
  expect(new Set(docs.map((d) => d._id))).toEqual(new Set(finalIds.map((id) => orderDocId(shop, id))));
  for (const d of docs) {
    expect(d.payment.state, d._id).toBe('paid');
    expect(d.problems).toEqual(['unknown_sku:NOPE-1']);
  }
  const entries = await inbox(server, 'crash');
  expect(entries.length).toBe(sends.length); // one entry per distinct delivery id
  expect(entries.filter((e) => e.state !== 'done')).toEqual([]);

  // One customer per e-mail, never two.
  const res = await server.adminFetch('/db/store-crash/_all_docs?include_docs=true&startkey=%22customer%3A%22&endkey=%22customer%3A%EF%BF%B0%22');
  const customers = ((await res.json()) as { rows: Array<{ doc: { email: string } }> }).rows.map((r) => r.doc.email);
  expect(customers.length).toBe(ORDERS);
  expect(new Set(customers).size).toBe(ORDERS);
});
