/**
 * Sales history end to end: search by receipt label and by amount, a repeat order fills the cart,
 * and an invoice requested for a sale gets number 1 from the server, shown on the A4 page.
 */
import { test, expect } from '@playwright/test';
import path from 'node:path';
import type { ProductDoc } from '../../src/domain/documents.ts';
import type { InvoiceDoc } from '../../src/domain/register-documents.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { readyToSell } from './customers-helpers.ts';
import { sellForCash, serverDocs } from './helpers.ts';

let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer({ seedDemo: true, staticDir: process.env['E2E_STATIC_DIR'] ?? path.resolve('dist') });
});

// Several steps wait for replication; leave room on a loaded CI machine.
test.describe.configure({ timeout: 240_000 });

test.afterAll(async () => {
  await server?.stop();
});

/** As typed in the English UI. */
const typed = (cents: number): string => (cents / 100).toFixed(2);

test('history: search by label and amount, repeat order, invoice numbered by the server', async ({ page }) => {
  const all = (await serverDocs<ProductDoc>(server, 'demo', 'product:')).filter((p) => p.priceIncludesTax && (p.barcodes[0] ?? '').length === 13);
  // Three products with distinct prices, so that each sale has its own amount.
  const byPrice = new Map(all.map((p) => [p.price, p]));
  const [a, b, c] = [...byPrice.values()];
  expect(c).toBeDefined();
  await readyToSell(page, server, 'Caisse historique');

  const labels = [
    await sellForCash(page, [a!.barcodes[0]!]),
    await sellForCash(page, [b!.barcodes[0]!, c!.barcodes[0]!]),
    await sellForCash(page, [c!.barcodes[0]!]),
  ];

  await page.getByTestId('nav-sales').click();
  await expect(page.getByTestId('sale-row')).toHaveCount(3);
  // "?" lists this screen's shortcuts.
  await page.locator('h1').click();
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcut-help')).toContainText('F2');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcut-help')).toHaveCount(0);
  // Newest first.
  await expect(page.getByTestId('sale-row').first()).toContainText(labels[2]!);

  // By receipt label (any case, a prefix is enough).
  await page.getByTestId('history-search').fill(labels[1]!.toLowerCase());
  await expect(page.getByTestId('sale-row')).toHaveCount(1);
  await expect(page.getByTestId('sale-row')).toContainText(labels[1]!);
  await page.getByTestId('history-search').fill('');

  // By exact amount, then by a range, then by tender.
  await page.getByTestId('history-amount').fill(typed(c!.price));
  await expect(page.getByTestId('sale-row')).toHaveCount(1);
  await expect(page.getByTestId('sale-row')).toContainText(labels[2]!);
  await page.getByTestId('history-amount').fill(`${typed(Math.min(a!.price, c!.price))}-${typed(b!.price + c!.price)}`);
  await expect(page.getByTestId('sale-row')).toHaveCount(3);
  await page.getByTestId('history-tender').selectOption('card');
  await expect(page.getByTestId('sale-row')).toHaveCount(0);
  await page.getByTestId('history-clear').click();
  await expect(page.getByTestId('sale-row')).toHaveCount(3);

  // Repeat order: the two-product sale fills the cart on the sell screen.
  await page.getByTestId('sale-row').filter({ hasText: labels[1]! }).click();
  await expect(page.getByTestId('sale-detail')).toBeVisible();
  await expect(page.getByTestId('receipt-number')).toHaveText(labels[1]!);
  await page.getByTestId('sale-repeat').click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('cart-line')).toHaveCount(2);
  await expect(page.getByTestId('cart-total')).toContainText(typed(b!.price + c!.price));

  // Refund goes to the returns screen with the sale preselected.
  await page.getByTestId('nav-sales').click();
  await page.getByTestId('sale-row').filter({ hasText: labels[0]! }).click();
  await page.getByTestId('sale-refund').click();
  await expect(page).toHaveURL(/\/returns\?sale=sale%3A|\/returns\?sale=sale:/);

  // Invoice for the first sale: pending until the server numbers it, then no. 1 on the A4 page.
  await page.getByTestId('nav-sales').click();
  await page.getByTestId('sale-row').filter({ hasText: labels[0]! }).click();
  await page.getByTestId('sale-invoice').click();
  await page.getByTestId('invoice-customer-name').fill('ACME SARL');
  await page.getByTestId('invoice-customer-address').fill('1 rue de la Paix\n75002 Paris');
  await page.getByTestId('invoice-request').click();
  await expect(page.getByTestId('invoice-page')).toBeVisible();
  await expect(page.getByTestId('invoice-page')).toContainText('ACME SARL');
  await expect(page.getByTestId('invoice-number')).toHaveAttribute('data-state', 'issued', { timeout: 60_000 });
  await expect(page.getByTestId('invoice-number')).toHaveText('F-00000001');
  await expect(page.getByTestId('invoice-reference')).toContainText(labels[0]!);
  await expect(page.getByTestId('invoice-total')).toContainText(typed(a!.price));
  await expect(page.getByTestId('invoice-line')).toHaveCount(1);
  // The same page in French: HT / TVA / TTC.
  await page.locator('.lang-switch button[lang="fr"]').click();
  await expect(page.getByTestId('invoice-page')).toContainText('Total TTC');
  await expect(page.getByTestId('invoice-page')).toContainText('Facture');

  const invoices = await serverDocs<InvoiceDoc>(server, 'demo', 'invoice:demo:');
  expect(invoices.map((i) => i.number)).toEqual([1]);
  expect(invoices[0]).toMatchObject({ customer: { name: 'ACME SARL', address: ['1 rue de la Paix', '75002 Paris'] }, total: a!.price });
});
