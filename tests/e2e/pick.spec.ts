/**
 * Scan-to-pick offline (issue 6, first slice): open a seeded web order, go offline, scan its items
 * (one wrong item and one extra unit refused), reload in the middle, finish, mark packed; back
 * online the server holds each step's event document exactly once — and pushes none of them.
 */
import { test, expect } from '@playwright/test';
import path from 'node:path';
import { startServer, type RunningServer } from '../support/server.ts';
import type { ProductDoc, WebOrderEventDoc } from '../../src/domain/documents.ts';
import { pairThroughUi, serverDocs, waitForServiceWorker } from './helpers.ts';
import { scanToPick as scan, orderLine as line, openOrderRow } from './order-page.ts';

let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer({ seedDemo: true, staticDir: process.env['E2E_STATIC_DIR'] ?? path.resolve('dist') });
});

test.afterAll(async () => {
  await server?.stop();
});

test('a web order picked and packed offline, reloaded mid-pick, reaches the server once', async ({ page, context }) => {
  const products = await serverDocs<ProductDoc>(server, 'demo', 'product:');
  const barcode = (sku: string): string => {
    const code = products.find((p) => p.sku === sku)?.barcodes[0];
    if (!code) throw new Error(`no barcode for ${sku}`);
    return code;
  };
  // Shopify #1042: EPI-0001 × 2, EPI-0009 × 1 and a shipping line (not picked).
  const orderId = 'weborder:shopify:demo-shop.myshopify.com:5820394061';

  const { registerId, pairingCode } = await server.createRegister('demo', 'Caisse préparation');
  await pairThroughUi(page, server.url, pairingCode);
  await waitForServiceWorker(page);

  await page.getByTestId('nav-orders').click();
  await openOrderRow(page, orderId);
  await expect(page.getByTestId('order-line')).toHaveCount(2);
  // The shipping line is listed, but apart: it is not stock and is never picked.
  await expect(page.getByTestId('order-line-extra')).toHaveCount(1);
  await expect(page.getByTestId('pick-progress')).toHaveText('0/3');
  await expect(page.getByTestId('order-status')).toHaveAttribute('data-state', 'new');

  await context.setOffline(true);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'offline');

  await scan(page, barcode('EPI-0001'));
  await expect(line(page, 'EPI-0001').getByTestId('order-picked')).toHaveText('1');
  await expect(line(page, 'EPI-0001')).toHaveAttribute('data-state', 'partial');
  await expect(page.getByTestId('pick-progress')).toHaveText('1/3');

  // A wrong item is refused with a message, and nothing is written.
  await scan(page, barcode('BOI-0001'));
  await expect(page.getByTestId('pick-error')).toContainText('BOI-0001');
  await expect(page.getByTestId('pick-progress')).toHaveText('1/3');

  // Reload in the middle of the pick, still offline: the pick survives.
  await page.reload();
  await expect(page.getByTestId('order-detail')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'offline');
  await expect(line(page, 'EPI-0001').getByTestId('order-picked')).toHaveText('1');
  await expect(page.getByTestId('pick-progress')).toHaveText('1/3');

  await scan(page, barcode('EPI-0001'));
  await expect(line(page, 'EPI-0001')).toHaveAttribute('data-state', 'done');
  // An extra unit is refused.
  await scan(page, barcode('EPI-0001'));
  await expect(page.getByTestId('pick-error')).toContainText('EPI-0001');
  await expect(line(page, 'EPI-0001').getByTestId('order-picked')).toHaveText('2');

  await scan(page, barcode('EPI-0009'));
  await expect(line(page, 'EPI-0009')).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('pick-progress')).toHaveText('3/3');
  await expect(page.getByTestId('order-status')).toHaveAttribute('data-state', 'picked');

  await page.getByTestId('order-packed').click();
  await expect(page.getByTestId('order-status')).toHaveAttribute('data-state', 'packed');
  await expect(page.getByTestId('order-history-row')).toHaveCount(4);
  await expect(page.getByTestId('order-history-row').first()).toContainText('Camille');
  expect(await serverDocs<WebOrderEventDoc>(server, 'demo', `woevent:${registerId}:`)).toHaveLength(0);

  await context.setOffline(false);
  await expect(page.getByTestId('pending-count')).toHaveText('0', { timeout: 60_000 });
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');

  const events = await serverDocs<WebOrderEventDoc>(server, 'demo', `woevent:${registerId}:`);
  expect(events.every((e) => e.orderId === orderId && e.by === 'Camille')).toBe(true);
  const picks = events.filter((e) => e.kind === 'picked');
  expect(picks.map((e) => e.sku).sort()).toEqual(['EPI-0001', 'EPI-0001', 'EPI-0009']);
  expect(picks.every((e) => e.quantity === 1)).toBe(true);
  expect(events.filter((e) => e.kind === 'packed')).toHaveLength(1);
  expect(events).toHaveLength(4);
  expect(new Set(events.map((e) => e._id)).size).toBe(4);
});
