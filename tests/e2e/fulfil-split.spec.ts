/**
 * A BigCommerce order split across two locations (issue 6 acceptance), in Chromium against the demo
 * server linked to the loopback BigCommerce and a real SMTP sink. The shop has a shop floor and a
 * warehouse; one of the two items ordered is only in the warehouse. The order is allocated with the
 * suggestion (one line per location); the shop packs and ships its part with its own tracking — the
 * order is partially shipped and BigCommerce holds one shipment with that part's items only — then
 * the warehouse ships the rest with another tracking: the order is fulfilled, BigCommerce holds a
 * second shipment and shows the order shipped. Each parcel is pushed once, and the customer is
 * mailed for each.
 */
import { expect, test, type Page } from '@playwright/test';
import type { ProductDoc, WebOrderEventDoc } from '../../src/domain/documents.ts';
import type { ReceivedRequest } from '../support/mock-platforms/index.ts';
import { pairThroughUi, serverDocs } from './helpers.ts';
import { countStock, setStoreLocations, startWebStore, STORE, waitUntil, type WebStore } from './web-store.ts';
import { orderStatus as status, openOrderRow } from './order-page.ts';

let ws: WebStore;

// Two parts picked, packed and shipped in one test, on a loaded machine: more than the default two minutes.
test.setTimeout(300_000);

const SHOP = 'shop';
const WAREHOUSE = 'entrepot';
/** On the shop floor (demo stock). */
const SHOP_SKU = 'EPI-0001';
/** Only in the warehouse. */
const WAREHOUSE_SKU = 'EPI-0009';
const TRACKING_A = '6A12345678901';
const TRACKING_B = '6A98765432109';

test.beforeAll(async () => {
  ws = await startWebStore(['bigcommerce']);
  await setStoreLocations(ws, [{ id: SHOP, name: 'Boutique' }, { id: WAREHOUSE, name: 'Entrepôt' }]);
  await countStock(ws, WAREHOUSE_SKU, SHOP, 0);
  await countStock(ws, WAREHOUSE_SKU, WAREHOUSE, 5);
});

test.afterAll(async () => {
  await ws?.stop();
});

const part = (page: Page, location: string) => page.locator(`[data-testid="order-part"][data-location="${location}"]`);
const cell = (page: Page, sku: string, location: string) =>
  page.locator(`[data-testid="allocation-row"][data-sku="${sku}"] [data-testid="allocation-qty"][data-location="${location}"]`);

async function packAndShip(page: Page, location: string, sku: string, quantity: number, tracking: string): Promise<void> {
  await page.locator(`[data-testid="order-part-choice"][data-location="${location}"]`).click();
  await expect(page.locator(`[data-testid="order-part-choice"][data-location="${location}"]`)).toHaveAttribute('aria-checked', 'true');
  await page.getByTestId('pick-complete').click();
  await expect(part(page, location)).toHaveAttribute('data-state', 'picked');
  await page.getByTestId('order-packed').click();
  await expect(part(page, location)).toHaveAttribute('data-state', 'packed');

  await page.getByTestId('order-ship').click();
  const dialog = page.getByTestId('ship-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('ship-location')).toHaveValue(location);
  // The parcel holds this part's units only, and the carrier the customer chose is proposed.
  await expect(dialog.getByTestId('ship-line')).toHaveCount(1);
  await expect(dialog.getByTestId('ship-line')).toHaveAttribute('data-sku', sku);
  await expect(dialog.getByTestId('ship-qty')).toHaveValue(String(quantity));
  await expect(dialog.getByTestId('ship-carrier')).toHaveValue('Colissimo');
  await dialog.getByTestId('ship-tracking').fill(tracking);
  await dialog.getByTestId('ship-confirm').click();
  await expect(dialog).toHaveCount(0);
  await expect(part(page, location)).toHaveAttribute('data-state', 'shipped');
  await expect(page.locator(`[data-testid="order-parcel"][data-tracking="${tracking}"]`)).toHaveCount(1);
}

test('a BigCommerce order split across the shop and the warehouse: each part packed and shipped with its own tracking', async ({ page }) => {
  const bc = ws.mock('bigcommerce');
  const products = await serverDocs<ProductDoc>(ws.server, STORE, 'product:');
  const price = (sku: string): string => {
    const p = products.find((x) => x.sku === sku);
    if (!p) throw new Error(`no product ${sku}`);
    return (p.price / 100).toFixed(2);
  };

  const email = 'margot.perrin@example.fr';
  const placed = await ws.placeOrder('bigcommerce', {
    id: 240,
    firstName: 'Margot',
    lastName: 'Perrin',
    email,
    lines: [
      { sku: SHOP_SKU, quantity: 2, price: price(SHOP_SKU) },
      { sku: WAREHOUSE_SKU, quantity: 1, price: price(WAREHOUSE_SKU) },
    ],
  });
  const bcId = String(placed.platformOrder['id']);
  expect(placed.doc.payment.state).toBe('paid');
  expect(bc.statusOf(bcId)).toBe('Awaiting Fulfillment');

  const { registerId, pairingCode } = await ws.server.createRegister(STORE, 'Caisse expéditions');
  await pairThroughUi(page, ws.server.url, pairingCode);

  await page.getByTestId('nav-orders').click();
  await openOrderRow(page, placed.orderId);
  await expect(status(page)).toHaveAttribute('data-state', 'new');
  await expect(page.getByTestId('order-payment')).toHaveAttribute('data-state', 'paid');

  // Allocation: the suggestion sends each SKU where its stock is — one line per location.
  const allocation = page.getByTestId('order-allocation');
  await expect(allocation).toBeVisible({ timeout: 30_000 });
  await expect(allocation.getByTestId('allocation-row')).toHaveCount(2);
  await allocation.getByTestId('allocation-suggest').click();
  await expect(cell(page, SHOP_SKU, SHOP)).toHaveValue('2');
  await expect(cell(page, SHOP_SKU, WAREHOUSE)).toHaveValue('0');
  await expect(cell(page, WAREHOUSE_SKU, SHOP)).toHaveValue('0');
  await expect(cell(page, WAREHOUSE_SKU, WAREHOUSE)).toHaveValue('1');
  await allocation.getByTestId('allocation-save').click();
  await expect(page.getByTestId('order-part')).toHaveCount(2);
  await expect(part(page, SHOP).getByTestId('order-line')).toHaveCount(1);
  await expect(part(page, SHOP).getByTestId('order-line')).toHaveAttribute('data-sku', SHOP_SKU);
  await expect(part(page, WAREHOUSE).getByTestId('order-line')).toHaveCount(1);
  await expect(part(page, WAREHOUSE).getByTestId('order-line')).toHaveAttribute('data-sku', WAREHOUSE_SKU);

  // The shop packs and ships its part: the order is only partially shipped.
  await packAndShip(page, SHOP, SHOP_SKU, 2, TRACKING_A);
  await expect(status(page)).toHaveAttribute('data-state', 'partially_shipped');
  await expect(part(page, WAREHOUSE)).toHaveAttribute('data-state', 'new');

  const shipmentPosts = (): ReceivedRequest[] => bc.received.filter((r) => r.method === 'POST' && r.path.endsWith(`/v2/orders/${bcId}/shipments`));
  const statusPuts = (): ReceivedRequest[] => bc.received.filter((r) => r.method === 'PUT' && r.path.endsWith(`/v2/orders/${bcId}`));
  await waitUntil('the first shipment on BigCommerce', async () => bc.shipmentsOf(bcId).length === 1, 30_000);
  const [first] = bc.shipmentsOf(bcId);
  expect(first!.tracking?.number).toBe(TRACKING_A);
  expect(first!.lines).toEqual([{ sku: SHOP_SKU, quantity: 2 }]);
  expect(bc.statusOf(bcId)).toBe('Partially Shipped');
  expect(statusPuts().filter((r) => (r.body as { status_id?: number } | undefined)?.status_id === 2)).toHaveLength(0);
  const mailA = await ws.smtp.waitFor((m) => (m.text ?? '').includes(TRACKING_A), 30_000);
  expect(ws.smtp.recipients[ws.smtp.messages.indexOf(mailA)]).toEqual([email]);

  // The warehouse ships the rest: the order is fulfilled.
  await packAndShip(page, WAREHOUSE, WAREHOUSE_SKU, 1, TRACKING_B);
  await expect(status(page)).toHaveAttribute('data-state', 'shipped');
  await expect(page.getByTestId('order-parcel')).toHaveCount(2);
  await expect(page.getByTestId('order-ship')).toHaveCount(0);

  await waitUntil('the second shipment on BigCommerce', async () => bc.shipmentsOf(bcId).length === 2, 30_000);
  const second = bc.shipmentsOf(bcId)[1]!;
  expect(second.tracking?.number).toBe(TRACKING_B);
  expect(second.lines).toEqual([{ sku: WAREHOUSE_SKU, quantity: 1 }]);
  await waitUntil('BigCommerce showing the order shipped', async () => ['Shipped', 'Completed'].includes(bc.statusOf(bcId)), 30_000);
  const mailB = await ws.smtp.waitFor((m) => (m.text ?? '').includes(TRACKING_B), 30_000);
  expect(ws.smtp.recipients[ws.smtp.messages.indexOf(mailB)]).toEqual([email]);

  // Each parcel pushed once; the shipments carry their own tracking, nothing else was changed.
  await expect(page.getByTestId('pending-count')).toHaveText('0', { timeout: 60_000 });
  expect(shipmentPosts()).toHaveLength(2);
  expect(shipmentPosts().map((r) => (r.body as { tracking_number?: string }).tracking_number)).toEqual([TRACKING_A, TRACKING_B]);
  // Besides the two shipments, at most the final status was set — after the second one, never "shipped" early.
  const writes = bc.received.filter((r) => r.method !== 'GET' && r.path.includes(`/orders/${bcId}`));
  expect(writes.filter((r) => !shipmentPosts().includes(r)).every((r) => statusPuts().includes(r))).toBe(true);
  expect(statusPuts().length).toBeLessThanOrEqual(1);
  for (const put of statusPuts()) {
    expect([2, 10]).toContain((put.body as { status_id?: number }).status_id);
    expect(writes.indexOf(put)).toBeGreaterThan(writes.indexOf(shipmentPosts()[1]!));
  }
  expect(ws.smtp.messages.filter((m) => /expédiée|shipped/i.test(m.subject ?? '') && (m.subject ?? '').includes(placed.doc.orderNumber))).toHaveLength(2);

  const events = (await serverDocs<WebOrderEventDoc>(ws.server, STORE, `woevent:${registerId}:`)).filter((e) => e.orderId === placed.orderId);
  const shipped = events.filter((e) => e.kind === 'shipped');
  expect(shipped.map((e) => [e.location, e.tracking?.number])).toEqual([[SHOP, TRACKING_A], [WAREHOUSE, TRACKING_B]]);
  expect(events.filter((e) => e.kind === 'allocated')).toHaveLength(1);
  expect(events.filter((e) => e.kind === 'packed').map((e) => e.location).sort()).toEqual([WAREHOUSE, SHOP].sort());
});
