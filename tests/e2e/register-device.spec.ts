import { test, expect } from '@playwright/test';
import path from 'node:path';
import { startServer, type RunningServer } from '../support/server.ts';
import type { ProductDoc } from '../../src/domain/documents.ts';
import { pairReadyToSell, pairThroughUi, sellForCash, serverDocs } from './helpers.ts';

let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer({ seedDemo: true, staticDir: process.env['E2E_STATIC_DIR'] ?? path.resolve('dist') });
});

test.afterAll(async () => {
  await server?.stop();
});

test('one active register per device: a second tab says so and can take over', async ({ page, context }) => {
  const { pairingCode } = await server.createRegister('demo', 'Caisse onglets');
  await pairThroughUi(page, server.url, pairingCode);

  const second = await context.newPage();
  await second.goto(server.url + '/');
  await expect(second.getByTestId('register-locked')).toBeVisible();
  await expect(second.getByTestId('search')).toHaveCount(0);

  await second.getByTestId('take-over').click();
  await expect(second.getByTestId('search')).toBeVisible();
  await expect(page.getByTestId('register-locked')).toBeVisible();
  await expect(second.getByTestId('connection-state')).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
});

test('the read model is rebuilt from the replica with nothing lost', async ({ page }) => {
  const [product] = await serverDocs<ProductDoc>(server, 'demo', 'product:');
  const { pairingCode } = await server.createRegister('demo', 'Caisse rebuild');
  await pairReadyToSell(page, server.url, pairingCode);
  const label = await sellForCash(page, [product!.barcodes[0]!]);

  await page.getByTestId('nav-sync').click();
  await page.getByTestId('rebuild-read-model').click();
  // Every replicated document is projected again: the demo catalogue alone is ~300 documents.
  await expect(page.getByTestId('rebuild-result')).toContainText(/\d{3,}/, { timeout: 60_000 });

  await page.getByTestId('nav-sales').click();
  await expect(page.getByTestId('sale-row').filter({ hasText: label })).toHaveCount(1);
  await page.getByTestId('nav-sell').click();
  await page.getByTestId('search').fill(product!.barcodes[0]!);
  await page.getByTestId('search').press('Enter');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
});
