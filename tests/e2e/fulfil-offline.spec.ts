/**
 * Issue 6 acceptance — the whole pick, pack and hand-over done offline: a WooCommerce pickup order
 * paid online is opened at the register, the network goes, the order is scan-picked with the page
 * reloaded in the middle, packed, made ready for pickup and handed over. Nothing reaches the server
 * or WooCommerce meanwhile. With the network back, WooCommerce hears "ready for pickup" (a note to
 * the customer), then "completed" (picked up), each exactly once and in that order; the server holds
 * each step once and the customer gets one "ready for pickup" mail.
 */
import { expect, test } from '@playwright/test';
import type { ProductDoc, WebOrderEventDoc } from '../../src/domain/documents.ts';
import type { OutboundJobDoc } from '../../src/domain/outbound-documents.ts';
import type { ReceivedRequest } from '../support/mock-platforms/index.ts';
import { pairThroughUi, serverDocs, waitForServiceWorker } from './helpers.ts';
import { STORE, startWebStore, waitUntil, type WebStore } from './web-store.ts';
import { scanToPick as scan, orderLine as line, orderStatus as status, historyOf, openOrderRow } from './order-page.ts';

let ws: WebStore;

test.beforeAll(async () => {
  ws = await startWebStore(['woocommerce']);
});

test.afterAll(async () => {
  await ws?.stop();
});

const CUSTOMER = { firstName: 'Hugo', lastName: 'Perrin', email: 'hugo.perrin@example.fr' } as const;

test('pick, pack, ready and hand-over offline with a reload mid-pick: back online, WooCommerce gets each status once, in order', async ({ page, context }) => {
  test.setTimeout(240_000);
  const products = await serverDocs<ProductDoc>(ws.server, STORE, 'product:');
  const barcode = (sku: string): string => {
    const code = products.find((p) => p.sku === sku)?.barcodes[0];
    if (!code) throw new Error(`no barcode for ${sku}`);
    return code;
  };

  const placed = await ws.placeOrder('woocommerce', {
    ...CUSTOMER,
    pickup: true,
    paid: true,
    lines: [
      { sku: 'EPI-0001', quantity: 2, price: '3.20' },
      { sku: 'BOI-0001', quantity: 1, price: '2.40' },
    ],
  });
  const { orderId } = placed;
  const wooId = String(placed.platformOrder['id']);
  expect(placed.doc.delivery).toBe('pickup');
  expect(placed.doc.payment.state).toBe('paid');

  const woo = ws.mock('woocommerce');
  const orderPath = `/wp-json/wc/v3/orders/${wooId}`;
  /** What the server wrote to this order on WooCommerce (reads left out). */
  const pushes = (): ReceivedRequest[] => woo.received.filter((r) => r.method !== 'GET' && (r.path === orderPath || r.path.startsWith(`${orderPath}/`)));

  const { registerId, pairingCode } = await ws.server.createRegister(STORE, 'Caisse retraits hors ligne');
  await pairThroughUi(page, ws.server.url, pairingCode);
  await waitForServiceWorker(page);

  await page.getByTestId('nav-orders').click();
  await page.getByTestId('orders-web-only').click();
  await page.getByTestId('orders-search').fill(CUSTOMER.lastName);
  await openOrderRow(page, orderId);
  await expect(status(page)).toHaveAttribute('data-state', 'new');
  await expect(page.getByTestId('order-payment')).toHaveAttribute('data-state', 'paid');
  await expect(page.getByTestId('pick-progress')).toHaveText('0/3');

  // The network goes.
  await context.setOffline(true);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'offline');

  await scan(page, barcode('EPI-0001'));
  await expect(line(page, 'EPI-0001').getByTestId('order-picked')).toHaveText('1');
  await expect(page.getByTestId('pick-progress')).toHaveText('1/3');

  // Reloaded in the middle of the pick, still offline: the pick is still there.
  await page.reload();
  await expect(page.getByTestId('order-detail')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'offline');
  await expect(line(page, 'EPI-0001').getByTestId('order-picked')).toHaveText('1', { timeout: 30_000 });
  await expect(page.getByTestId('pick-progress')).toHaveText('1/3');

  await scan(page, barcode('EPI-0001'));
  await expect(line(page, 'EPI-0001')).toHaveAttribute('data-state', 'done');
  await scan(page, barcode('BOI-0001'));
  await expect(line(page, 'BOI-0001')).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('pick-progress')).toHaveText('3/3');
  await expect(status(page)).toHaveAttribute('data-state', 'picked');

  await page.getByTestId('order-packed').click();
  await expect(status(page)).toHaveAttribute('data-state', 'packed');
  await page.getByTestId('order-ready').click();
  await expect(status(page)).toHaveAttribute('data-state', 'ready_for_pickup');
  // Paid online: nothing to take, the customer takes the order.
  await expect(page.getByTestId('order-balance')).toHaveCount(0);
  await page.getByTestId('order-picked-up').click();
  await expect(status(page)).toHaveAttribute('data-state', 'picked_up');
  await expect(page.getByTestId('balance-dialog')).toHaveCount(0);
  await expect(historyOf(page, 'ready_for_pickup')).toHaveCount(1);
  await expect(historyOf(page, 'picked_up')).toHaveCount(1);
  await expect(page.getByTestId('order-history-row').and(page.locator('[data-refused="true"]'))).toHaveCount(0);

  // Still offline: nothing reached the server, nothing reached WooCommerce.
  expect(await serverDocs<WebOrderEventDoc>(ws.server, STORE, `woevent:${registerId}:`)).toHaveLength(0);
  expect(pushes()).toHaveLength(0);

  // The network is back.
  await context.setOffline(false);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
  await expect(page.getByTestId('pending-count')).toHaveText('0', { timeout: 60_000 });

  // The server holds each step once.
  const events = (await serverDocs<WebOrderEventDoc>(ws.server, STORE, `woevent:${registerId}:`)).filter((e) => e.orderId === orderId);
  expect(new Set(events.map((e) => e._id)).size).toBe(events.length);
  expect(events.map((e) => e.kind).sort()).toEqual(['packed', 'picked', 'picked', 'picked', 'picked_up', 'ready_for_pickup']);
  expect(events.every((e) => e.by === 'Camille')).toBe(true);

  // Both pushes settle on the server…
  await waitUntil('the ready-for-pickup and picked-up pushes done', async () => {
    const jobs = (await serverDocs<OutboundJobDoc>(ws.server, STORE, 'outbound:woocommerce:')).filter((j) => (j.payload as { orderId?: string }).orderId === orderId);
    const kinds = jobs.map((j) => j.kind).sort();
    return kinds.join(',') === 'picked_up,ready_for_pickup' && jobs.every((j) => j.state === 'done');
  }, 60_000);

  // …and WooCommerce heard each status once, in order: ready for pickup (a note to the customer),
  // then completed (picked up, with its note).
  const heard = pushes().map((r) => {
    const body = (r.body ?? {}) as { note?: string; status?: string; customer_note?: boolean };
    return r.method === 'PUT' ? `status:${String(body.status)}` : /prête|ready/i.test(body.note ?? '') ? 'note:ready' : /retirée|picked up/i.test(body.note ?? '') ? 'note:picked_up' : `other:${r.method} ${r.path}`;
  });
  expect(heard).toEqual(['note:ready', 'status:completed', 'note:picked_up']);
  expect(woo.statusOf(wooId)).toBe('completed');

  // The customer was told once that the order was ready.
  await waitUntil('a mail to the customer', async () => ws.smtp.recipients.some((to) => to.includes(CUSTOMER.email)), 60_000);
  await waitUntil('the ready-for-pickup mail job done', async () => {
    const mails = await serverDocs<OutboundJobDoc>(ws.server, STORE, `mail:ready_for_pickup:${registerId}:`);
    return mails.length === 1 && mails[0]!.state === 'done';
  });
  const toCustomer = ws.smtp.messages.filter((_m, i) => ws.smtp.recipients[i]?.includes(CUSTOMER.email));
  expect(toCustomer).toHaveLength(1);
  expect(toCustomer[0]!.subject).toContain(placed.doc.orderNumber);
});
