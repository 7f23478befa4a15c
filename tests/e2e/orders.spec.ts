/**
 * The orders screen ("recall orders", issue 6): the demo's web orders and a parked sale in one list;
 * the Web quick filter, platform, pickup and to-pay filters; search by customer and by SKU; the
 * keyboard (F2, arrows, Enter) opens an order; and a new order placed on the web store, announced by
 * its signed webhook while the register is open, shows in the header's badge with a chime.
 */
import { test, expect, type Page } from '@playwright/test';
import path from 'node:path';
import type { ProductDoc, WebOrderDoc } from '../../src/domain/documents.ts';
import { startMockPlatform, type MockPlatform, type OrderSpec } from '../support/mock-platforms/index.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { pairThroughUi, serverDocs } from './helpers.ts';

const STORE = 'demo';
const SECRET = 'shopify-orders-secret';
let server: RunningServer;
let shopify: MockPlatform;

test.beforeAll(async () => {
  shopify = await startMockPlatform('shopify');
  server = await startServer({ seedDemo: true, staticDir: process.env['E2E_STATIC_DIR'] ?? path.resolve('dist') });
  const res = await server.adminFetch(`/api/admin/stores/${STORE}/platforms/shopify`, { method: 'PUT', body: shopify.linkConfig(SECRET) });
  if (!res.ok) throw new Error(`linking shopify: ${res.status} ${await res.text()}`);
});

test.afterAll(async () => {
  await server?.stop();
  await shopify?.close();
});

/** Places an order on the mock Shopify and delivers its signed "created" webhook; waits for the server's document. */
async function placeOrder(spec: OrderSpec): Promise<{ orderId: string; doc: WebOrderDoc }> {
  const order = shopify.createOrder(spec);
  const delivery = await shopify.deliverWebhook(server.url, STORE, shopify.topics.create, order, { secret: SECRET });
  expect(delivery.status).toBe(200);
  const orderId = `weborder:shopify:${shopify.shop}:${String(order['id'])}`;
  let doc: WebOrderDoc | undefined;
  await expect
    .poll(async () => {
      const r = await server.adminFetch(`/db/store-${STORE}/${encodeURIComponent(orderId)}`);
      doc = r.ok ? ((await r.json()) as WebOrderDoc) : undefined;
      return doc !== undefined;
    }, { timeout: 30_000 })
    .toBe(true);
  return { orderId, doc: doc! };
}

const rows = (page: Page) => page.getByTestId('order-row');
const numbers = async (page: Page): Promise<string[]> => (await page.getByTestId('order-number').allTextContents()).map((s) => s.trim());

async function expectNumbers(page: Page, expected: string[]): Promise<void> {
  await expect.poll(async () => (await numbers(page)).sort(), { timeout: 15_000 }).toEqual([...expected].sort());
}

test('recall orders: filters, search, keyboard, and a new web order announced at the register', async ({ page }) => {
  const products = await serverDocs<ProductDoc>(server, STORE, 'product:');
  const barcode = products.find((p) => p.sku === 'BOI-0001')?.barcodes[0];
  if (!barcode) throw new Error('no barcode for BOI-0001');

  const { pairingCode } = await server.createRegister(STORE, 'Caisse commandes');
  await pairThroughUi(page, server.url, pairingCode);
  const badge = page.getByTestId('orders-badge');
  // The demo's four new web orders have not been seen on this register yet.
  await expect(badge).toHaveAttribute('data-count', '4', { timeout: 30_000 });
  await expect(badge).toBeVisible();
  // What was there when the page opened is no arrival: no chime.
  await expect(badge).toHaveAttribute('data-chimes', '0');

  // A parked sale is an open order too.
  await page.getByTestId('search').fill(barcode);
  await page.getByTestId('search').press('Enter');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await page.getByTestId('park-sale').click();
  await page.getByTestId('park-label').fill('Mme Durand');
  await page.getByTestId('park-confirm').click();
  await expect(page.getByTestId('cart-line')).toHaveCount(0);

  await page.getByTestId('nav-orders').click();
  await expectNumbers(page, ['#1042', '#1043', '731', '118', 'Mme Durand']);
  // Shown here = seen on this register: the badge goes, the rows stay marked new.
  await expect(badge).toBeHidden();
  await expect(page.locator('[data-testid="order-row"][data-unseen="true"]')).toHaveCount(4);

  // "Web" quick filter: the parked sale goes.
  await page.getByTestId('orders-web-only').click();
  await expect(page.getByTestId('orders-web-only')).toHaveAttribute('aria-pressed', 'true');
  await expectNumbers(page, ['#1042', '#1043', '731', '118']);
  // Platform.
  await page.getByTestId('orders-platform').selectOption('woocommerce');
  await expectNumbers(page, ['731']);
  await page.getByTestId('orders-platform').selectOption('');
  // Pickup, then pickup and to pay.
  await page.getByTestId('orders-delivery').selectOption('pickup');
  await expectNumbers(page, ['#1043', '731']);
  await expect(rows(page).first().getByTestId('order-delivery')).toHaveText(/Retrait|pickup/);
  await page.getByTestId('orders-payment').selectOption('to_pay');
  await expectNumbers(page, ['#1043']);
  await expect(rows(page).first().getByTestId('order-payment')).toHaveAttribute('data-state', 'to_pay');
  // To pay across channels: the unpaid web orders and the parked sale.
  await page.getByTestId('orders-delivery').selectOption('');
  await page.getByTestId('orders-web-only').click();
  await expectNumbers(page, ['#1043', '118', 'Mme Durand']);
  await page.getByTestId('orders-clear').click();
  await expectNumbers(page, ['#1042', '#1043', '731', '118', 'Mme Durand']);

  // Search: customer (accents optional), e-mail, SKU.
  await page.getByTestId('orders-search').fill('lefevre');
  await expectNumbers(page, ['118']);
  await page.getByTestId('orders-search').fill('lucas.bernard@');
  await expectNumbers(page, ['#1043']);
  await page.getByTestId('orders-search').fill('MAI-0001');
  await expectNumbers(page, ['731']);
  await page.getByTestId('orders-search').fill('BOI-0001');
  await expectNumbers(page, ['#1043', 'Mme Durand']);
  await page.getByTestId('orders-search').fill('');

  // Keyboard: F2 to the search, ↓ into the list, ↓ to the next order, Enter opens it.
  await page.getByTestId('orders-web-only').click();
  await expectNumbers(page, ['#1042', '#1043', '731', '118']);
  await page.keyboard.press('F2');
  await expect(page.getByTestId('orders-search')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(rows(page).nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(rows(page).nth(1)).toBeFocused();
  const second = await rows(page).nth(1).getAttribute('data-order-id');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('order-detail')).toBeVisible();
  expect(decodeURIComponent(new URL(page.url()).pathname)).toBe(`/orders/${second}`);

  // Back on the sell screen, a customer orders on the web store: the register announces it.
  await page.getByTestId('nav-sell').click();
  await expect(badge).toBeHidden();
  const placed = await placeOrder({
    firstName: 'Nina',
    lastName: 'Roux',
    email: 'nina.roux@example.fr',
    lines: [{ sku: 'EPI-0001', quantity: 1, price: '3.20' }],
  });
  await expect(badge).toBeVisible({ timeout: 30_000 });
  await expect(badge).toHaveAttribute('data-count', '1');
  await expect(badge).toHaveAttribute('data-chimes', '1');

  // On the orders screen it is the new one, found by its customer; the badge goes again.
  await page.getByTestId('nav-orders').click();
  await page.getByTestId('orders-search').fill('nina');
  await expectNumbers(page, [placed.doc.orderNumber]);
  await expect(rows(page).first()).toHaveAttribute('data-unseen', 'true');
  await expect(badge).toBeHidden();
  await page.getByTestId('orders-search').press('Enter'); // the only match opens
  await expect(page.getByTestId('order-detail')).toBeVisible();
  expect(decodeURIComponent(new URL(page.url()).pathname)).toBe(`/orders/${placed.orderId}`);
});

const row = (page: Page, number: string) => page.getByTestId('order-row').filter({ has: page.getByTestId('order-number').getByText(number, { exact: true }) });
const outcome = (page: Page, number: string) => page.getByTestId('bulk-outcome').filter({ hasText: number });

test('bulk work: several orders marked paid by cheque, packing refused per order, one combined pick list', async ({ page }) => {
  const { registerId, pairingCode } = await server.createRegister(STORE, 'Caisse lot');
  await pairThroughUi(page, server.url, pairingCode);
  await page.getByTestId('nav-orders').click();
  await page.getByTestId('orders-clear').click();
  await page.getByTestId('orders-web-only').click();
  await expect(row(page, '118')).toBeVisible({ timeout: 30_000 });

  // Tick with a tap on the box, and with the keyboard (Space on the focused row).
  await row(page, '#1043').getByTestId('order-select').check();
  await row(page, '118').getByTestId('order-select').check();
  await row(page, '#1042').focus();
  await page.keyboard.press(' ');
  await expect(row(page, '#1042').getByTestId('order-select')).toBeChecked();
  await expect(page.getByTestId('bulk-count')).toContainText('3');

  // Mark paid: two cheques received; #1042 was paid online, nothing is due on it.
  await page.getByTestId('bulk-paid').click();
  await page.getByTestId('bulk-method-cheque').check();
  await page.getByTestId('bulk-reference').fill('CHQ-881');
  await page.getByTestId('bulk-confirm').click();
  await expect(page.getByTestId('bulk-run')).toHaveAttribute('data-finished', 'true');
  await expect(page.getByTestId('bulk-progress')).toHaveAttribute('value', '3');
  await expect(page.getByTestId('bulk-outcome')).toHaveCount(3);
  await expect(outcome(page, '#1043')).toHaveAttribute('data-ok', 'true');
  await expect(outcome(page, '118')).toHaveAttribute('data-ok', 'true');
  await expect(outcome(page, '#1042')).toHaveAttribute('data-ok', 'false');
  await page.getByTestId('bulk-run-close').click();
  await expect(row(page, '118').getByTestId('order-payment')).toHaveAttribute('data-state', 'paid');
  await expect(row(page, '#1043').getByTestId('order-payment')).toHaveAttribute('data-state', 'paid');
  // Not everything went: the selection stays for another try.
  await expect(page.getByTestId('bulk-count')).toContainText('3');

  // Packing before picking is refused, order by order, and nothing is written.
  await page.getByTestId('bulk-packed').click();
  await expect(page.getByTestId('bulk-run')).toHaveAttribute('data-finished', 'true');
  await expect(page.locator('[data-testid="bulk-outcome"][data-ok="false"]')).toHaveCount(3);
  await page.getByTestId('bulk-run-close').click();

  // One combined pick list for the three.
  await page.getByTestId('bulk-pick-list').click();
  await expect(page.getByTestId('bulk-run')).toHaveAttribute('data-finished', 'true');
  await expect(page.locator('[data-testid="bulk-outcome"][data-ok="true"]')).toHaveCount(3);
  await page.getByTestId('bulk-run-close').click();
  await expect(page.getByTestId('orders-bulk-bar')).toBeHidden(); // all done: the selection is cleared

  // The server got one 'paid' event per cheque, and no 'packed' one.
  await expect(page.getByTestId('pending-count')).toHaveText('0', { timeout: 60_000 });
  const events = await serverDocs<{ kind: string; orderId: string; payment?: { method: string; reference?: string } }>(server, STORE, `woevent:${registerId}:`);
  const paid = events.filter((e) => e.kind === 'paid');
  expect(paid.map((e) => e.orderId).sort()).toEqual(['weborder:bigcommerce:store-x7k2m9qd:118', 'weborder:shopify:demo-shop.myshopify.com:5820417733']);
  expect(paid.every((e) => e.payment?.method === 'cheque' && e.payment.reference === 'CHQ-881')).toBe(true);
  expect(events.filter((e) => e.kind === 'packed')).toHaveLength(0);
  expect(events.filter((e) => e.kind === 'printed')).toHaveLength(3);
});
