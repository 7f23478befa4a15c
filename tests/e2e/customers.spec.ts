/**
 * Customers end to end: created offline, the same email again becomes a merge proposal (never a
 * silent duplicate), a customer attached to a sale (the receipt names them), and once back online
 * the sale on the server carries the customer's id; the proposal is then merged.
 */
import { test, expect, type Page } from '@playwright/test';
import path from 'node:path';
import type { CustomerDoc, ProductDoc, SaleDoc } from '../../src/domain/documents.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { readyToSell } from './customers-helpers.ts';
import { serverDocs, waitForServiceWorker } from './helpers.ts';

let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer({ seedDemo: true, staticDir: process.env['E2E_STATIC_DIR'] ?? path.resolve('dist') });
});

// Several steps wait for replication; leave room on a loaded CI machine.
test.describe.configure({ timeout: 240_000 });

test.afterAll(async () => {
  await server?.stop();
});

async function createCustomer(page: Page, name: string, email: string, phone: string): Promise<void> {
  await page.getByTestId('customer-new').click();
  await page.getByTestId('customer-name').fill(name);
  await page.getByTestId('customer-email').fill(email);
  await page.getByTestId('customer-phone').fill(phone);
  await page.getByTestId('customer-save').click();
}

test('customers offline: create, same email → proposal, attach to a sale, synced with the sale, merged', async ({ page, context }) => {
  const product = (await serverDocs<ProductDoc>(server, 'demo', 'product:')).find((p) => p.priceIncludesTax && (p.barcodes[0] ?? '').length === 13)!;
  const registerId = await readyToSell(page, server, 'Caisse clients');
  await waitForServiceWorker(page);
  // The catalogue is on the device before the network goes.
  await page.getByTestId('search').fill(product.barcodes[0]!);
  await page.getByTestId('search').press('Enter');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);

  await context.setOffline(true);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'offline');

  // Created offline, found by name, email and phone.
  await page.getByTestId('nav-customers').click();
  await createCustomer(page, 'Marie Curie', 'Marie.Curie@Example.fr', '06 55 44 33 22');
  await expect(page.getByTestId('customer-row').filter({ hasText: 'Marie Curie' })).toHaveCount(1);
  for (const q of ['curie', 'marie.curie@ex', '06 55 44', '+33 6 55']) {
    await page.getByTestId('customer-search').fill(q);
    await expect(page.getByTestId('customer-row')).toHaveCount(1);
  }
  await page.getByTestId('customer-search').fill('');

  // The same email again: the existing profile is shown; creating anyway leaves a merge proposal.
  await createCustomer(page, 'M. Curie', ' MARIE.CURIE@example.fr', '');
  await expect(page.getByTestId('customer-existing')).toContainText('Marie Curie');
  await expect(page.getByTestId('customer-use-existing')).toBeVisible();
  await page.getByTestId('customer-create-anyway').click();
  await expect(page.getByTestId('merge-proposal')).toHaveCount(1);
  await page.getByTestId('customer-search').fill('curie');
  await expect(page.getByTestId('customer-row')).toHaveCount(2);

  // Attach the first profile to the sale in progress; the receipt names the customer.
  await page.getByTestId('nav-sell').click();
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await page.getByTestId('customer-attach').click();
  await page.getByTestId('customer-search').fill('06 55');
  await page.getByTestId('customer-row').filter({ hasText: 'Marie Curie' }).click();
  await expect(page.getByTestId('customer-attached')).toContainText('Marie Curie');
  await page.getByTestId('pay-cash').click();
  await page.getByTestId('quick-cash').first().click();
  await page.getByTestId('complete-sale').click();
  await expect(page.getByTestId('receipt-customer')).toHaveText('Marie Curie');
  const label = (await page.getByTestId('receipt-number').textContent())?.trim();
  await page.getByTestId('new-sale').click();
  await expect(page.getByTestId('customer-attached')).toHaveCount(0);

  // Nothing reached the server while offline; then everything does, the sale with its customer.
  const ours = async (): Promise<CustomerDoc[]> =>
    (await serverDocs<CustomerDoc>(server, 'demo', 'customer:')).filter((c) => c.email === 'marie.curie@example.fr');
  expect(await ours()).toHaveLength(0);
  await context.setOffline(false);
  await expect(page.getByTestId('pending-count')).toHaveText('0', { timeout: 60_000 });
  const customers = await ours();
  expect(customers).toHaveLength(2);
  const marie = customers.find((c) => c.name === 'Marie Curie')!;
  expect(marie.phone).toBe('+33655443322');
  const sale = (await serverDocs<SaleDoc>(server, 'demo', `sale:${registerId}:`)).find((s) => s.receiptLabel === label)!;
  expect(sale.customerId).toBe(marie._id);

  // The history shows the customer; merging leaves one profile, the other marked as merged into it.
  await page.getByTestId('nav-sales').click();
  await page.getByTestId('history-search').fill('curie');
  await expect(page.getByTestId('sale-row')).toHaveCount(1);
  await expect(page.getByTestId('sale-row')).toContainText('Marie Curie');
  await page.getByTestId('nav-customers').click();
  await page.getByTestId('merge-confirm').click();
  await expect(page.getByTestId('merge-proposal')).toHaveCount(0);
  await page.getByTestId('customer-search').fill('curie');
  await expect(page.getByTestId('customer-row')).toHaveCount(1);
  await expect(page.getByTestId('pending-count')).toHaveText('0', { timeout: 60_000 });
  const after = await ours();
  const kept = after.filter((c) => !c.mergedInto);
  expect(kept).toHaveLength(1);
  expect(after.find((c) => c.mergedInto)?.mergedInto).toBe(kept[0]!._id);
  expect(kept[0]!.phone).toBe('+33655443322');
});
