/**
 * Two registers, both offline, are handed the same new item: each manager creates a quick product for
 * its unknown barcode, with a different name. Back online, the second creation reaches the server as a
 * conflicting revision; the register holding the conflict waits until its own creation is on the
 * server, then merges field-wise (ADR 0015). The server ends with one revision, no _conflicts, nothing
 * refused, and both registers sell the product under the merged name.
 */
import { test, expect, type Page } from '@playwright/test';
import path from 'node:path';
import { startServer, type RunningServer } from '../support/server.ts';
import { allOffline, MARC, readyToSell } from './customers-helpers.ts';

let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer({ seedDemo: true, staticDir: process.env['E2E_STATIC_DIR'] ?? path.resolve('dist') });
});

test.afterAll(async () => {
  await server?.stop();
});

const BARCODE = '3760999000012';
const ID = `product:QP-${BARCODE}`;

async function createQuickProduct(page: Page, name: string, price: string): Promise<void> {
  await page.getByTestId('search').fill(BARCODE);
  await page.getByTestId('search').press('Enter');
  await page.getByTestId('quick-product').click();
  await page.getByTestId('quick-product-name').fill(name);
  await page.getByTestId('quick-product-price').fill(price);
  await page.getByTestId('quick-product-save').click();
  await expect(page.getByTestId('quick-product-form')).toHaveCount(0);
}

test('the same quick product created on two offline registers: one product everywhere, no conflict, nothing refused', async ({ browser }) => {
  test.setTimeout(300_000);
  const contexts = [await browser.newContext(), await browser.newContext()];
  try {
    const pages: Page[] = [];
    for (const [i, context] of contexts.entries()) {
      const page = await context.newPage();
      await readyToSell(page, server, `Caisse ${i + 1}`, MARC);
      pages.push(page);
    }
    const [a, b] = pages as [Page, Page];

    await allOffline(contexts, pages);
    await createQuickProduct(a, 'Carnet kraft', '4.50');
    await createQuickProduct(b, 'Carnet kraft pointillé', '4.50');
    for (const context of contexts) await context.setOffline(false);

    const onServer = async (): Promise<Record<string, unknown>> => (await (await server.adminFetch(`/db/store-demo/${encodeURIComponent(ID)}?conflicts=true`)).json()) as Record<string, unknown>;
    await expect.poll(async () => {
      const doc = await onServer();
      return { name: doc['name'], price: doc['price'], conflicts: doc['_conflicts'] ?? null };
    }, { timeout: 120_000, intervals: [1_000, 2_000] }).toEqual({ name: 'Carnet kraft pointillé', price: 450, conflicts: null });
    const leaves = (await (await server.adminFetch(`/db/store-demo/${encodeURIComponent(ID)}?open_revs=all`)).json()) as Array<{ ok?: { _rev: string; _deleted?: boolean } }>;
    expect(leaves.flatMap((l) => (l.ok && l.ok._deleted !== true ? [l.ok._rev] : []))).toEqual([(await onServer())['_rev']]);

    // Both registers: everything acknowledged (nothing refused), and the product sells under the merged name.
    for (const page of pages) {
      await expect(page.getByTestId('pending-count')).toHaveText('0', { timeout: 60_000 });
      await page.getByTestId('search').fill('kraft');
      await page.getByTestId('search').press('Enter');
      // One product, under the merged name (a line already in a cart keeps the name it was rung up with).
      await expect(page.getByTestId('search-result')).toHaveCount(1, { timeout: 30_000 });
      await expect(page.getByTestId('search-result')).toContainText('Carnet kraft pointillé');
      await page.getByTestId('pending-count').click();
      await expect(page.locator('[data-testid="outbox-row"][data-state="rejected"]')).toHaveCount(0);
      await expect(page.locator(`[data-testid="outbox-row-acknowledged"][data-id="${ID}"]`).first()).toBeAttached();
    }
  } finally {
    for (const context of contexts) await context.close();
  }
});
