/**
 * The customer display: a second window of the same browser (two pages of one context, as a second
 * screen would be) follows the sell screen over BroadcastChannel: the lines and the total while items
 * are scanned, then the change and a thank-you once the sale is committed — and it keeps the thank-you
 * while the cashier clears the screen for the next customer. The display page is opened after the
 * first item, so it must ask for the current state rather than wait for the next change.
 */
import { test, expect, type Page } from '@playwright/test';
import path from 'node:path';
import type { ProductDoc } from '../../src/domain/documents.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { pairThroughUi, serverDocs } from './helpers.ts';
import { openShiftThroughUi } from './shift-helpers.ts';

let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer({ seedDemo: true, staticDir: process.env['E2E_STATIC_DIR'] ?? path.resolve('dist') });
});

test.afterAll(async () => {
  await server?.stop();
});

async function scan(page: Page, code: string): Promise<void> {
  await page.getByTestId('search').fill(code);
  await page.getByTestId('search').press('Enter');
}

test('the display follows the cart, then shows the change and a thank-you', async ({ page, context }) => {
  test.setTimeout(240_000);
  const products = (await serverDocs<ProductDoc>(server, 'demo', 'product:')).filter((p) => p.priceIncludesTax && p.price >= 300 && p.price <= 3000);
  const [a, b] = products;
  expect(b).toBeDefined();
  const { pairingCode } = await server.createRegister('demo', 'Caisse écran client');
  await pairThroughUi(page, server.url, pairingCode);
  await openShiftThroughUi(page, '150.00');
  await page.getByTestId('nav-sell').click();

  await scan(page, a!.barcodes[0]!);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);

  // The sell screen's button opens /display in a new window; the test opens the same page in the
  // same context (a popup is the same thing to BroadcastChannel) and checks the button works too.
  const popupPromise = page.waitForEvent('popup');
  await page.getByTestId('open-customer-display').click();
  const popup = await popupPromise;
  await expect(popup.getByTestId('customer-display')).toBeVisible();
  const display = await context.newPage();
  await display.goto(server.url + '/display');
  for (const screen of [popup, display]) {
    await expect(screen.getByTestId('customer-display')).toHaveAttribute('data-phase', 'cart');
    await expect(screen.getByTestId('display-line-name')).toHaveText([a!.name]);
  }

  await scan(page, b!.barcodes[0]!);
  await scan(page, b!.barcodes[0]!);
  await expect(display.getByTestId('display-line')).toHaveCount(2);
  await expect(display.getByTestId('display-line-name')).toHaveText([a!.name, b!.name]);
  // Both scans of b counted before the total is read (the display follows the cart it is sent).
  await expect(display.getByTestId('display-line').nth(1)).toContainText('2×');
  const total = (await page.getByTestId('cart-total').textContent())?.trim() ?? '';
  expect(total).not.toBe('');
  await expect(display.getByTestId('display-total')).toHaveText(total);

  // Pay 100.00 in cash: the display shows the total, the change and the thank-you.
  await page.getByTestId('pay-cash').click();
  await page.getByTestId('cash-received').fill('100.00');
  const change = (await page.getByTestId('change-due').textContent())?.trim() ?? '';
  expect(change).not.toBe('');
  await page.getByTestId('complete-sale').click();
  await expect(page.getByTestId('receipt')).toBeVisible();
  await expect(display.getByTestId('customer-display')).toHaveAttribute('data-phase', 'paid');
  await expect(display.getByTestId('display-change')).toHaveText(change);
  await expect(display.getByTestId('display-total')).toHaveText(total);
  await expect(display.getByTestId('display-thanks')).toBeVisible();

  // Next customer: the cleared cart keeps the thank-you; the first item brings the cart back.
  await page.getByTestId('new-sale').click();
  await expect(page.getByTestId('cart-line')).toHaveCount(0);
  await expect(display.getByTestId('display-thanks')).toBeVisible();
  await scan(page, a!.barcodes[0]!);
  await expect(display.getByTestId('customer-display')).toHaveAttribute('data-phase', 'cart');
  await expect(display.getByTestId('display-line-name')).toHaveText([a!.name]);
});
