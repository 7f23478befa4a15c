import { test, expect } from '@playwright/test';
import path from 'node:path';
import { startServer, type RunningServer } from '../support/server.ts';
import type { ProductDoc, SaleDoc, StockMovementDoc } from '../../src/domain/documents.ts';
import { movementsOfSale, stockOnHand } from '../../src/domain/stock.ts';
import { pairThroughUi, serverDocs } from './helpers.ts';
import { openShiftThroughUi, sellItemsForCash } from './shift-helpers.ts';

let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer({ seedDemo: true, staticDir: process.env['E2E_STATIC_DIR'] ?? path.resolve('dist') });
});

test.afterAll(async () => {
  await server?.stop();
});

/** On hand of a SKU at a location as the server's documents say (movements + what sales imply). */
async function onHandOnServer(sku: string, location: string): Promise<number> {
  const movements = await serverDocs<StockMovementDoc>(server, 'demo', 'stock:');
  const sales = await serverDocs<SaleDoc>(server, 'demo', 'sale:');
  return stockOnHand([...movements, ...sales.flatMap((s) => movementsOfSale(s))]).get(`${sku}@${location}`) ?? 0;
}

test('refund one line of a previous sale by scanning its receipt: back in stock, negative totals, original tender', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('comptoir.lang', 'fr'));
  const products = (await serverDocs<ProductDoc>(server, 'demo', 'product:'))
    .filter((p) => p.priceIncludesTax && p.stockTracked && (p.barcodes[0] ?? '').length === 13)
    .slice(0, 2);
  expect(products).toHaveLength(2);
  const [returned, kept] = products as [ProductDoc, ProductDoc];
  const { registerId, pairingCode } = await server.createRegister('demo', 'Caisse retours');
  await pairThroughUi(page, server.url, pairingCode);
  await openShiftThroughUi(page, '100');

  await page.getByTestId('nav-sell').click();
  const label = await sellItemsForCash(page, [returned.barcodes[0]!, kept.barcodes[0]!]);
  let original: SaleDoc | undefined;
  await expect.poll(async () => {
    original = (await serverDocs<SaleDoc>(server, 'demo', `sale:${registerId}:`)).find((s) => s.receiptLabel === label);
    return original !== undefined;
  }, { timeout: 60_000 }).toBe(true);
  const location = original!.location;
  const before = await onHandOnServer(returned.sku, location);

  // Scan the receipt's barcode (its label) on the returns screen.
  await page.getByTestId('nav-returns').click();
  await page.getByTestId('return-search').fill(label);
  await page.getByTestId('return-search').press('Enter');
  await expect(page.getByTestId('return-line')).toHaveCount(2);
  const line = page.locator(`[data-testid="return-line"][data-sku="${returned.sku}"]`);
  await line.getByTestId('return-qty').fill('1');
  await expect(line.getByTestId('return-restock')).toBeChecked();
  await page.getByTestId('return-to-cart').click();

  // The sell screen holds the return line; it refunds to the original tender (cash).
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await page.getByTestId('pay-cash').click();
  await expect(page.getByTestId('tender-panel')).toBeVisible();
  // The refund defaults to the original tender; otherwise the exact amount is one tap.
  if (await page.getByTestId('complete-sale').isDisabled()) await page.getByTestId('quick-cash').first().click();
  await page.getByTestId('complete-sale').click();
  await expect(page.getByTestId('receipt')).toBeVisible();
  await page.getByTestId('new-sale').click();

  // The same line cannot be returned twice.
  await page.getByTestId('nav-returns').click();
  await page.getByTestId('return-search').fill(label);
  await page.getByTestId('return-search').press('Enter');
  await expect(page.locator(`[data-testid="return-line"][data-sku="${returned.sku}"]`).getByTestId('return-qty')).toBeDisabled();

  let refund: SaleDoc | undefined;
  await expect.poll(async () => {
    refund = (await serverDocs<SaleDoc>(server, 'demo', `sale:${registerId}:`)).find((s) => s.kind === 'refund');
    return refund !== undefined;
  }, { timeout: 60_000 }).toBe(true);
  expect(refund!.totals.gross).toBe(-returned.price);
  expect(refund!.totals.net).toBeLessThan(0);
  expect(refund!.tenders).toEqual([expect.objectContaining({ kind: 'cash', amount: -returned.price })]);
  expect(refund!.lines).toEqual([expect.objectContaining({ sku: returned.sku, quantity: -1, total: -returned.price, restock: true, returnOf: { saleId: original!._id, line: original!.lines.findIndex((l) => l.sku === returned.sku) } })]);
  expect(refund!.shiftId).toBe(original!.shiftId);
  expect(await onHandOnServer(returned.sku, location)).toBe(before + 1);
});

test('a return without a receipt needs a manager, then takes the product from the catalogue', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('comptoir.lang', 'fr'));
  const [product] = (await serverDocs<ProductDoc>(server, 'demo', 'product:')).filter((p) => p.priceIncludesTax && (p.barcodes[0] ?? '').length === 13).slice(2, 3);
  expect(product).toBeDefined();
  const { registerId, pairingCode } = await server.createRegister('demo', 'Caisse sans ticket');
  await pairThroughUi(page, server.url, pairingCode);
  await openShiftThroughUi(page, '50');

  await page.getByTestId('nav-returns').click();
  await page.getByTestId('return-no-receipt').click();
  await expect(page.getByTestId('override-modal')).toBeVisible();
  await page.getByTestId('override-manager').filter({ hasText: 'Marc' }).click();
  await page.getByTestId('override-pin').fill('9876');
  await page.getByTestId('override-reason').fill('Cadeau sans ticket');
  await page.getByTestId('override-confirm').click();
  await expect(page.getByTestId('no-receipt-return')).toBeVisible();
  await page.getByTestId('no-receipt-search').fill(product!.barcodes[0]!);
  await page.getByTestId('no-receipt-search').press('Enter');
  await expect(page.getByTestId('return-line')).toHaveCount(1);
  await page.getByTestId('return-restock').uncheck();
  await page.getByTestId('return-to-cart').click();

  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await page.getByTestId('pay-cash').click();
  await expect(page.getByTestId('tender-panel')).toBeVisible();
  if (await page.getByTestId('complete-sale').isDisabled()) await page.getByTestId('quick-cash').first().click();
  await page.getByTestId('complete-sale').click();
  await expect(page.getByTestId('receipt')).toBeVisible();

  let refund: SaleDoc | undefined;
  await expect.poll(async () => {
    refund = (await serverDocs<SaleDoc>(server, 'demo', `sale:${registerId}:`)).find((s) => s.kind === 'refund');
    return refund !== undefined;
  }, { timeout: 60_000 }).toBe(true);
  const overrideId = refund!.lines[0]?.returnOf?.saleId ?? '';
  expect(overrideId).toMatch(new RegExp(`^override:${registerId}:`));
  expect(refund!.lines[0]).toMatchObject({ sku: product!.sku, quantity: -1, total: -product!.price, restock: false });
  expect(movementsOfSale(refund!)).toEqual([]);
  await expect.poll(async () => (await serverDocs<{ _id: string; action: string }>(server, 'demo', overrideId)).map((o) => o.action), { timeout: 60_000 }).toEqual(['refund_without_receipt']);
});
