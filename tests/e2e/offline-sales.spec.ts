import { test, expect } from '@playwright/test';
import path from 'node:path';
import { startServer, type RunningServer } from '../support/server.ts';
import type { ProductDoc, SaleDoc } from '../../src/domain/documents.ts';
import { pairReadyToSell, sellForCash, serverDocs, waitForServiceWorker } from './helpers.ts';

let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer({ seedDemo: true, staticDir: process.env['E2E_STATIC_DIR'] ?? path.resolve('dist') });
});

test.afterAll(async () => {
  await server?.stop();
});

test('three sales made offline survive a reload and reach the server exactly once', async ({ page, context }) => {
  const products = (await serverDocs<ProductDoc>(server, 'demo', 'product:')).slice(0, 4);
  const barcodes = products.map((p) => p.barcodes[0] ?? '');
  expect(barcodes.every((b) => b.length === 13)).toBe(true);

  const { registerId, pairingCode } = await server.createRegister('demo', 'Caisse e2e');
  await pairReadyToSell(page, server.url, pairingCode);
  await waitForServiceWorker(page);
  // The catalogue must be on the device before the network goes away.
  await page.getByTestId('search').fill(barcodes[3]!);
  await page.getByTestId('search').press('Enter');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await page.getByTestId('cart-remove').click();
  await expect(page.getByTestId('cart-line')).toHaveCount(0);

  await context.setOffline(true);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'offline');

  const labels: string[] = [];
  labels.push(await sellForCash(page, [barcodes[0]!]));
  labels.push(await sellForCash(page, [barcodes[1]!, barcodes[2]!]));
  labels.push(await sellForCash(page, [barcodes[0]!, barcodes[0]!]));
  expect(new Set(labels).size).toBe(3);
  await expect(page.getByTestId('pending-count')).toHaveText('3');

  // A reload with no network: the service worker opens the app, the replica still has the sales.
  await page.reload();
  await expect(page.getByTestId('search')).toBeVisible();
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'offline');
  await page.getByTestId('nav-sales').click();
  for (const label of labels) {
    await expect(page.getByTestId('sale-row').filter({ hasText: label })).toHaveCount(1);
  }
  expect(await serverDocs<SaleDoc>(server, 'demo', `sale:${registerId}:`)).toHaveLength(0);

  await context.setOffline(false);
  await expect(page.getByTestId('pending-count')).toHaveText('0', { timeout: 60_000 });
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');

  const onServer = await serverDocs<SaleDoc>(server, 'demo', `sale:${registerId}:`);
  expect(onServer.map((s) => s.receiptLabel).sort()).toEqual([...labels].sort());
  expect(onServer.map((s) => s.receiptNumber).sort()).toEqual([1, 2, 3]);
  const secondSale = onServer.find((s) => s.receiptLabel === labels[1]);
  expect(secondSale?.lines.map((l) => l.sku).sort()).toEqual([products[1]!.sku, products[2]!.sku].sort());
  const thirdSale = onServer.find((s) => s.receiptLabel === labels[2]);
  expect(thirdSale?.lines).toHaveLength(1);
  expect(thirdSale?.lines[0]?.quantity).toBe(2);
  expect(thirdSale?.totals.gross).toBe(products[0]!.price * 2);
});
