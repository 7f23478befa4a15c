/**
 * Stock reconciliation with a web store, seen at the register (issue 7): the real server with the
 * demo store and a mock Shopify whose stock for a SKU was changed in its back office. The server's
 * comparison (run as the periodic run does: compare and push) reaches the register by replication;
 * the stock screen's "Web stores" section shows the SKU with Comptoir's figure and Shopify's, when it
 * was compared, and that a correction was sent; the stock table shows Shopify's figure beside the
 * row. Once the correction landed, "Compare now" at the register makes the difference go away.
 */
import { test, expect, type Page } from '@playwright/test';
import { mockStockOf, setMockStock } from '../support/mock-platforms/stock.ts';
import { pairThroughUi } from './helpers.ts';
import { countStock, startWebStore, STORE, type WebStore } from './web-store.ts';

const SKU = 'EPI-0007';
let ws: WebStore;

test.beforeAll(async () => {
  ws = await startWebStore(['shopify']);
});

test.afterAll(async () => {
  await ws?.stop();
});

const store = (page: Page) => page.locator('[data-testid="platform-stock-store"][data-platform="shopify"]');

test('a SKU whose web store stock differs is listed with both figures, corrected, then gone after the next comparison', async ({ page }) => {
  test.setTimeout(120_000);
  const shopify = ws.mock('shopify');
  shopify.addProduct({ sku: SKU, name: 'Produit de la boutique', price: '4.50', stock: 0 });

  // Comptoir counts 7 on the shelf; the queue pushes that level to Shopify.
  await countStock(ws, SKU, 'shop', 7);
  await expect.poll(() => mockStockOf(shopify, SKU), { timeout: 30_000 }).toBe(7);
  // Someone changes it in Shopify's back office.
  await setMockStock(shopify, SKU, 2);

  const { pairingCode } = await ws.server.createRegister(STORE, 'Caisse stock');
  await pairThroughUi(page, ws.server.url, pairingCode);
  await page.getByTestId('nav-stock').click();
  await expect(page.getByTestId('platform-stock')).toBeVisible();
  await expect(page.getByTestId('platform-stock-never')).toBeVisible({ timeout: 30_000 });

  // The server's run: compare and queue a forced push of Comptoir's figure.
  const res = await ws.server.adminFetch(`/api/stores/${STORE}/stock-differences/fix?platform=shopify`, { method: 'POST' });
  expect(res.status).toBe(200);
  const run = (await res.json()) as { queued: number; platforms: Array<{ asOf: string; compared: number; differences: Array<{ sku: string }> }> };
  expect(run.queued).toBe(1);
  expect(run.platforms[0]!.differences.map((d) => d.sku)).toEqual([SKU]);

  const shop = store(page);
  const row = shop.locator(`[data-testid="platform-stock-diff"][data-sku="${SKU}"]`);
  await expect(row).toBeVisible({ timeout: 30_000 });
  await expect(row.getByTestId('platform-stock-comptoir')).toHaveAttribute('data-value', '7');
  await expect(row.getByTestId('platform-stock-theirs')).toHaveAttribute('data-value', '2');
  await expect(shop).toHaveAttribute('data-state', 'differences');
  await expect(shop.getByTestId('platform-stock-asof')).toHaveAttribute('data-as-of', run.platforms[0]!.asOf);
  await expect(shop.getByTestId('platform-stock-asof')).toHaveText(/\d{2}:\d{2}/);
  await expect(shop.getByTestId('platform-stock-compared')).toHaveAttribute('data-value', String(run.platforms[0]!.compared));
  await expect(shop.getByTestId('platform-stock-correction')).toHaveAttribute('data-state', 'sent');
  await expect(shop.getByTestId('platform-stock-correction')).toContainText(/\d{2}:\d{2}/);
  // Beside the SKU's row in the stock table: what Shopify shows.
  await page.getByTestId('stock-search').fill(SKU);
  const badge = page.locator(`[data-testid="stock-row"][data-sku="${SKU}"]`).getByTestId('stock-platform-badge');
  await expect(badge).toHaveAttribute('data-value', '2');
  await expect(badge).toContainText('Shopify');

  // The forced push lands; the next comparison, asked from the register, finds nothing left.
  await expect.poll(() => mockStockOf(shopify, SKU), { timeout: 30_000 }).toBe(7);
  const compare = page.getByTestId('platform-stock-compare');
  expect((await compare.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await compare.click();
  await expect(page.getByTestId('platform-stock-notice')).toHaveAttribute('data-kind', 'ok', { timeout: 30_000 });
  await expect(shop).toHaveAttribute('data-state', 'same', { timeout: 30_000 });
  await expect(shop.getByTestId('platform-stock-diff')).toHaveCount(0);
  await expect(shop.getByTestId('platform-stock-count')).toHaveAttribute('data-value', '0');
  await expect(shop.getByTestId('platform-stock-last-fix')).toBeVisible();
  await expect(badge).toHaveCount(0);
});
