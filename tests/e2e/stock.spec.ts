/**
 * The stock screens (issue 7) in Chromium against the real server with the demo store, given a second
 * location: stock per SKU and location with the web orders' pending units beside the shelf figure and
 * how fresh it is; a stock take by scanning with a variance, applied; goods received into the
 * reserve; a transfer from the reserve to the shop. Each time the figures on screen and the
 * movement documents the server holds.
 */
import { test, expect, type Page } from '@playwright/test';
import path from 'node:path';
import type { ProductDoc, StockMovementDoc } from '../../src/domain/documents.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { pairThroughUi, serverDocs } from './helpers.ts';

let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer({ seedDemo: true, staticDir: process.env['E2E_STATIC_DIR'] ?? path.resolve('dist') });
  // The demo shop gets a reserve beside its shop floor.
  const res = await server.adminFetch('/db/store-demo/store%3Asettings');
  const settings = (await res.json()) as Record<string, unknown>;
  const put = await server.adminFetch('/db/store-demo/store%3Asettings', { method: 'PUT', body: { ...settings, locations: [{ id: 'shop', name: 'Boutique' }, { id: 'reserve', name: 'Réserve' }] } });
  expect(put.status).toBe(201);
});

test.afterAll(async () => {
  await server?.stop();
});

const row = (page: Page, sku: string, location: string) => page.locator(`[data-testid="stock-row"][data-sku="${sku}"][data-location="${location}"]`);

async function scan(page: Page, field: string, code: string): Promise<void> {
  await page.getByTestId(field).fill(code);
  await page.getByTestId(field).press('Enter');
}

async function figures(page: Page, sku: string, location: string): Promise<[string, string, string]> {
  const r = row(page, sku, location);
  return [await r.getByTestId('stock-onhand').innerText(), await r.getByTestId('stock-pending').innerText(), await r.getByTestId('stock-available').innerText()];
}

async function searchStock(page: Page, text: string): Promise<void> {
  await page.getByTestId('nav-stock').click();
  await expect(page.getByTestId('stock-screen')).toBeVisible();
  await page.getByTestId('stock-search').fill(text);
}

test('stock levels, a stock take by scanning, a receipt and a transfer', async ({ page }) => {
  const products = await serverDocs<ProductDoc>(server, 'demo', 'product:');
  const counts = await serverDocs<StockMovementDoc>(server, 'demo', 'stock:server:');
  const barcode = (sku: string): string => products.find((p) => p.sku === sku)!.barcodes[0]!;
  const initial = (sku: string): number => counts.find((m) => m.sku === sku)!.quantity!;
  const { registerId, pairingCode } = await server.createRegister('demo', 'Caisse stock');
  await pairThroughUi(page, server.url, pairingCode);
  const mine = () => serverDocs<StockMovementDoc>(server, 'demo', `stock:${registerId}:`);

  // Levels: EPI-0001 is on the shop floor; the seeded Shopify order #1042 holds 2 of them.
  await searchStock(page, 'EPI-0001');
  await expect(row(page, 'EPI-0001', 'shop')).toBeVisible({ timeout: 30_000 });
  const start = initial('EPI-0001');
  await expect.poll(() => figures(page, 'EPI-0001', 'shop')).toEqual([String(start), '2', String(start - 2)]);
  await expect(row(page, 'EPI-0001', 'reserve').getByTestId('stock-onhand')).toHaveText('0');
  await expect(page.getByTestId('stock-freshness')).toHaveAttribute('data-kind', 'as_of');
  await expect(page.getByTestId('stock-freshness')).toContainText(/\d\d:\d\d/);

  // Stock take at the shop: three EPI-0002 scanned, one EPI-0003 scanned then corrected to 5.
  await page.getByTestId('stock-nav-take').click();
  await expect(page.getByTestId('stocktake-screen')).toBeVisible();
  await expect(page.getByTestId('stocktake-location')).toHaveValue('shop');
  for (let i = 0; i < 3; i++) await scan(page, 'stocktake-scan', barcode('EPI-0002'));
  await scan(page, 'stocktake-scan', barcode('EPI-0003'));
  await scan(page, 'stocktake-scan', '3760000000018');
  await expect(page.getByTestId('stocktake-scan-unknown')).toBeVisible();
  const takeLine = (sku: string) => page.locator(`[data-testid="stocktake-line"][data-sku="${sku}"]`);
  await expect(takeLine('EPI-0002').getByTestId('stocktake-counted')).toHaveValue('3');
  await expect(takeLine('EPI-0002').getByTestId('stocktake-expected')).toHaveText(String(initial('EPI-0002')));
  await expect(takeLine('EPI-0002').getByTestId('stocktake-variance')).toHaveAttribute('data-value', String(3 - initial('EPI-0002')));
  await takeLine('EPI-0003').getByTestId('stocktake-counted').fill('5');
  await takeLine('EPI-0003').getByTestId('stocktake-counted').press('Tab');
  await expect(takeLine('EPI-0003').getByTestId('stocktake-variance')).toHaveAttribute('data-value', String(5 - initial('EPI-0003')));
  // The take in progress survives a reload.
  await page.reload();
  await expect(takeLine('EPI-0003').getByTestId('stocktake-counted')).toHaveValue('5', { timeout: 30_000 });
  await page.getByTestId('stocktake-apply').click();
  await page.getByTestId('stocktake-confirm').click();
  await expect(page.getByTestId('stocktake-applied')).toBeVisible();
  await expect(page.getByTestId('stocktake-line')).toHaveCount(0);

  await expect.poll(async () => (await mine()).filter((m) => m.reason === 'count').map((m) => [m.sku, m.location, m.quantity]).sort(), { timeout: 30_000 })
    .toEqual([['EPI-0002', 'shop', 3], ['EPI-0003', 'shop', 5]]);
  const countDocs = (await mine()).filter((m) => m.reason === 'count');
  expect(new Set(countDocs.map((m) => m.ref))).toEqual(new Set([expect.stringMatching(new RegExp(`^stocktake:${registerId}:[0-9A-Z]{26}$`))]));

  await searchStock(page, 'EPI-0002');
  await expect(row(page, 'EPI-0002', 'shop').getByTestId('stock-onhand')).toHaveText('3');

  // Receiving at the reserve: two scans of EPI-0004, then the quantity typed as 10.
  await page.getByTestId('stock-nav-receive').click();
  await page.getByTestId('receive-location').selectOption('reserve');
  await page.getByTestId('receive-note').fill('BL-42');
  await scan(page, 'receive-scan', barcode('EPI-0004'));
  await scan(page, 'receive-scan', barcode('EPI-0004'));
  await expect(page.getByTestId('receive-qty')).toHaveValue('2');
  await page.getByTestId('receive-qty').fill('10');
  await page.getByTestId('receive-qty').press('Tab');
  await page.getByTestId('receive-apply').click();
  await expect(page.getByTestId('receive-done')).toBeVisible();
  await expect.poll(async () => (await mine()).filter((m) => m.reason === 'receipt').map((m) => [m.sku, m.location, m.delta, m.ref?.endsWith(':BL-42')]), { timeout: 30_000 })
    .toEqual([['EPI-0004', 'reserve', 10, true]]);

  // Transfer of 4 from the reserve to the shop.
  await page.getByTestId('stock-nav-transfer').click();
  await page.getByTestId('transfer-from').selectOption('reserve');
  await page.getByTestId('transfer-to').selectOption('shop');
  await scan(page, 'transfer-scan', barcode('EPI-0004'));
  await expect(page.getByTestId('transfer-at-from')).toHaveText('10');
  await page.getByTestId('transfer-qty').fill('4');
  await page.getByTestId('transfer-qty').press('Tab');
  await expect(page.getByTestId('transfer-short')).toHaveCount(0);
  await page.getByTestId('transfer-apply').click();
  await expect(page.getByTestId('transfer-done')).toBeVisible();
  await expect.poll(async () => (await mine()).filter((m) => m.reason === 'transfer').map((m) => [m.sku, m.location, m.delta]).sort(), { timeout: 30_000 })
    .toEqual([['EPI-0004', 'reserve', -4], ['EPI-0004', 'shop', 4]]);
  const transfers = (await mine()).filter((m) => m.reason === 'transfer');
  expect(transfers[0]!.ref).toBe(transfers[1]!.ref);
  expect(transfers[0]!.at).toBe(transfers[1]!.at);

  await searchStock(page, 'EPI-0004');
  await expect(row(page, 'EPI-0004', 'reserve').getByTestId('stock-onhand')).toHaveText('6');
  await expect(row(page, 'EPI-0004', 'shop').getByTestId('stock-onhand')).toHaveText(String(initial('EPI-0004') + 4));
  await expect(row(page, 'EPI-0004', 'shop').getByTestId('stock-onhand')).toHaveAttribute('title', /\d\d:\d\d/);

  // Offline, the figures say since when they may be missing other registers' and the web's changes.
  await page.context().setOffline(true);
  await expect(page.getByTestId('stock-freshness')).toHaveAttribute('data-kind', 'offline_since', { timeout: 30_000 });
  await expect(page.getByTestId('stock-freshness')).toContainText(/\d\d:\d\d/);
  await page.context().setOffline(false);
  await expect(page.getByTestId('stock-freshness')).toHaveAttribute('data-kind', 'as_of', { timeout: 60_000 });

  // Nothing was refused by the server, nothing waits.
  await page.getByTestId('nav-sync').click();
  await expect(page.getByTestId('pending-count')).toHaveText('0', { timeout: 30_000 });
  await expect(page.locator('[data-testid="outbox-row"][data-state="rejected"]')).toHaveCount(0);
});
