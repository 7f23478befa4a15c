/**
 * Issue 6 acceptance — an import of web orders by date range, run twice, brings no duplicate. Orders
 * are created on the loopback Shopify and WooCommerce with no webhook (as if every delivery had been
 * lost), plus one Shopify order placed long before the range. The register's import screen imports
 * the range: its progress shows the orders imported, the orders screen lists each once and the server
 * holds one web order document per platform order. The same range imported again reports nothing
 * new, and changes neither the list nor the server's documents.
 */
import { expect, test, type Page } from '@playwright/test';
import type { WebOrderDoc } from '../../src/domain/documents.ts';
import { webImportEn } from '../../src/ui/i18n/web-import.en.ts';
import { pairThroughUi, serverDocs } from './helpers.ts';
import { STORE, startWebStore, type WebStore } from './web-store.ts';

let ws: WebStore;

// The screen speaks the browser's language: English here, so its sentences are the English ones.
test.use({ locale: 'en-US' });

test.beforeAll(async () => {
  ws = await startWebStore(['shopify', 'woocommerce']);
});

test.afterAll(async () => {
  await ws?.stop();
});

/** The register's web orders on the server, by platform order id, for one platform link. */
async function serverOrders(kind: 'shopify' | 'woocommerce'): Promise<WebOrderDoc[]> {
  return serverDocs<WebOrderDoc>(ws.server, STORE, `weborder:${kind}:${ws.mock(kind).shop}:`);
}

/** Runs the import of the range shown on the screen and waits for its summary. */
async function runImport(page: Page, summary: string): Promise<void> {
  const form = page.getByTestId('import-form');
  await form.locator('button[type="submit"]').click();
  const progress = page.getByTestId('import-progress');
  await expect(progress).toBeVisible();
  await expect(progress).toContainText(summary, { timeout: 60_000 });
  await expect(progress).toHaveAttribute('data-state', 'done');
  await expect(form.locator('button[type="submit"]')).toBeEnabled();
}

const DOMAIN = 'import-range.example';

test('an import by date range run twice brings no duplicate', async ({ page }) => {
  test.setTimeout(240_000);
  const shopify = ws.mock('shopify');
  const woo = ws.mock('woocommerce');
  // Created on the platforms only: no webhook reaches the server.
  const s1 = shopify.createOrder({ firstName: 'Aline', lastName: 'Morel', email: `aline.morel@${DOMAIN}`, lines: [{ sku: 'EPI-0001', quantity: 1, price: '3.20' }] });
  const s2 = shopify.createOrder({ firstName: 'Bruno', lastName: 'Faure', email: `bruno.faure@${DOMAIN}`, pickup: true, paid: false, lines: [{ sku: 'BOI-0001', quantity: 3, price: '2.40' }] });
  const w1 = woo.createOrder({ id: 2048, firstName: 'Chloé', lastName: 'Roussel', email: `chloe.roussel@${DOMAIN}`, lines: [{ sku: 'EPI-0009', quantity: 2, price: '6.90' }] });
  // Placed two months ago: outside the range.
  const old = shopify.createOrder({ firstName: 'Denis', lastName: 'Vidal', email: `denis.vidal@${DOMAIN}`, lines: [{ sku: 'EPI-0001', quantity: 1, price: '3.20' }] });
  shopify.updateOrder(String(old['id']), (o) => {
    o['created_at'] = new Date(Date.now() - 60 * 24 * 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  });
  const numbers = [String(s1['name']), String(s2['name']), String(w1['number'])];
  const oldNumber = String(old['name']);
  expect(await serverOrders('shopify')).toHaveLength(0);
  expect(await serverOrders('woocommerce')).toHaveLength(0);

  const { pairingCode } = await ws.server.createRegister(STORE, 'Caisse import');
  await pairThroughUi(page, ws.server.url, pairingCode);
  await page.getByTestId('nav-orders').click();
  await page.getByTestId('orders-search').fill(DOMAIN);
  await expect(page.getByTestId('orders-empty')).toBeVisible();

  // The import screen, over yesterday and today (the register's own calendar).
  await page.getByTestId('import-link').click();
  const form = page.getByTestId('import-form');
  await expect(form).toBeVisible();
  const [yesterday, today] = await page.evaluate(() => {
    const day = (d: Date): string => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
    return [day(new Date(Date.now() - 24 * 3600_000)), day(new Date())];
  });
  const dates = form.locator('input[type="date"]');
  await dates.nth(1).fill(today);
  await dates.nth(0).fill(yesterday);
  await expect(form).toContainText(webImportEn.range(yesterday, today));

  // First run: the three orders of the range are imported, progress shown.
  await runImport(page, webImportEn.summary(3, 0));
  await expect(page.getByTestId('import-progress')).toContainText(webImportEn.progress(3, 3));
  await expect(page.getByTestId('import-progress').locator('progress')).toHaveAttribute('value', '3');

  const afterFirst = [...(await serverOrders('shopify')), ...(await serverOrders('woocommerce'))];
  expect(afterFirst.map((o) => o.orderNumber).sort()).toEqual([...numbers].sort());
  expect(afterFirst.map((o) => o.platformOrderId).sort()).toEqual([String(s1['id']), String(s2['id']), String(w1['id'])].sort());

  // The orders screen lists each of them once (and not the old one).
  await page.getByTestId('nav-orders').click();
  await page.getByTestId('orders-search').fill(DOMAIN);
  const listed = async (): Promise<string[]> => (await page.getByTestId('order-number').allTextContents()).map((s) => s.trim()).sort();
  await expect.poll(listed, { timeout: 30_000 }).toEqual([...numbers].sort());
  for (const o of afterFirst) await expect(page.locator(`[data-testid="order-row"][data-order-id="${o._id}"]`)).toHaveCount(1);

  // Second run over the same range: nothing new.
  await page.getByTestId('import-link').click();
  await dates.nth(1).fill(today);
  await dates.nth(0).fill(yesterday);
  await runImport(page, webImportEn.summary(0, 3));
  await expect(page.getByTestId('import-progress')).toContainText(webImportEn.progress(3, 3));

  // One document per platform order, untouched by the second run.
  const afterSecond = [...(await serverOrders('shopify')), ...(await serverOrders('woocommerce'))];
  expect(afterSecond).toHaveLength(3);
  expect(new Map(afterSecond.map((o) => [o._id, o._rev]))).toEqual(new Map(afterFirst.map((o) => [o._id, o._rev])));
  expect(afterSecond.some((o) => o.orderNumber === oldNumber)).toBe(false);

  await page.getByTestId('nav-orders').click();
  await page.getByTestId('orders-search').fill(DOMAIN);
  await expect.poll(listed, { timeout: 30_000 }).toEqual([...numbers].sort());
  await expect(page.getByTestId('order-row')).toHaveCount(3);
});
