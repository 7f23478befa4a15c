/**
 * The order detail screen at the counter (issue 6), in Chromium against a real sync server and a fake
 * USB receipt printer: a pickup order to be paid in the shop is picked, packed, made ready; when the
 * customer comes, handing it over first takes the balance in cash (one drawer kick, the receipt
 * decoded from the printer's bytes), then it is picked up. Then a paid order cancelled before
 * shipping, its units put back in stock and the money refunded to the original payment.
 */
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import type { SaleDoc, WebOrderDoc, WebOrderEventDoc } from '../../src/domain/documents.ts';
import { interpret, type PrinterOutput } from '../support/escpos/interpreter.ts';
import { installFakeUsb, type FakeUsbControl } from '../support/fake-usb.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { pairThroughUi, serverDocs } from './helpers.ts';
import { openShiftThroughUi } from './shift-helpers.ts';
import { orderStatus as status, historyOf, openOrderRow } from './order-page.ts';

let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer({ seedDemo: true, staticDir: process.env['E2E_STATIC_DIR'] ?? path.resolve('dist') });
});

test.afterAll(async () => {
  await server?.stop();
});

type FakeWindow = Window & { __fakeUsb: FakeUsbControl };
const printed = (page: Page): Promise<number[]> => page.evaluate(() => (window as unknown as FakeWindow).__fakeUsb.bytes('p1'));

/** Shopify #1043: pickup, to be paid in the shop (BOI-0001 × 6, FRA-0008 × 1). */
const PICKUP_TO_PAY = 'weborder:shopify:demo-shop.myshopify.com:5820417733';
/** Shopify #1042: shipping, paid online (EPI-0001 × 2, EPI-0009 × 1, a shipping line). */
const PAID_SHIPPING = 'weborder:shopify:demo-shop.myshopify.com:5820394061';

async function openOrder(page: Page, orderId: string): Promise<void> {
  await page.getByTestId('nav-orders').click();
  await openOrderRow(page, orderId);
  await expect(page.getByTestId('order-status')).toBeVisible();
}

function kicksIn(out: PrinterOutput): number {
  return out.kicks.length;
}

test('pickup order paid at the counter: ready, balance taken in cash (drawer kicked once, receipt printed), picked up', async ({ page }) => {
  await page.addInitScript(installFakeUsb, {
    devices: [{ id: 'p1', vendorId: 0x04b8, productId: 0x0e28, serialNumber: 'TM20-0002', productName: 'TM-T20III', manufacturerName: 'EPSON' }],
  });
  const { registerId, pairingCode } = await server.createRegister('demo', 'Caisse retraits');
  await pairThroughUi(page, server.url, pairingCode);
  await openShiftThroughUi(page, '150');
  await page.getByTestId('nav-devices').click();
  await page.getByTestId('pair-usb').click();
  await expect(page.getByTestId('device-status')).toHaveAttribute('data-state', 'connected');

  await openOrder(page, PICKUP_TO_PAY);
  await expect(status(page)).toHaveAttribute('data-state', 'new');
  await expect(page.getByTestId('order-payment')).toHaveAttribute('data-state', 'to_pay');
  await expect(page.getByTestId('order-customer-note')).not.toBeEmpty();

  await page.getByTestId('pick-complete').click();
  await expect(status(page)).toHaveAttribute('data-state', 'picked');
  await expect(page.getByTestId('order-line').and(page.locator('[data-state="done"]'))).toHaveCount(2);
  await page.getByTestId('order-packed').click();
  await expect(status(page)).toHaveAttribute('data-state', 'packed');
  await page.getByTestId('order-ready').click();
  await expect(status(page)).toHaveAttribute('data-state', 'ready_for_pickup');
  await expect(page.getByTestId('order-balance')).toBeVisible();

  // The customer comes: handing over first takes the balance, cash preselected (paid "in the shop").
  await page.getByTestId('order-picked-up').click();
  await expect(page.getByTestId('balance-dialog')).toHaveAttribute('data-preselected', 'cash');
  const quick = page.getByTestId('quick-cash');
  await expect(quick.first()).toBeVisible();
  // A rounded-up amount when one is offered: the cashier gives change.
  await quick.nth((await quick.count()) > 1 ? 1 : 0).click();
  await page.getByTestId('complete-sale').click();
  await expect(page.getByTestId('balance-dialog')).toHaveCount(0);
  await expect(status(page)).toHaveAttribute('data-state', 'picked_up', { timeout: 15_000 });
  await expect(page.getByTestId('order-payment')).toHaveAttribute('data-state', 'paid');
  await expect(page.getByTestId('order-flash')).toBeVisible();
  await expect(historyOf(page, 'paid')).toHaveCount(1);
  await expect(historyOf(page, 'picked_up')).toHaveCount(1);
  await expect(page.getByTestId('order-history-row').and(page.locator('[data-refused="true"]'))).toHaveCount(0);
  await expect(page.getByTestId('order-picked-up')).toHaveCount(0);

  // The receipt printed and the drawer opened exactly once.
  await page.getByTestId('nav-devices').click();
  await expect(page.getByTestId('print-job').and(page.locator('[data-kind="receipt"]'))).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('print-job').and(page.locator('[data-kind="drawer"]'))).toHaveCount(1);
  await expect(page.getByTestId('print-job').and(page.locator('[data-kind="drawer"]'))).toHaveAttribute('data-state', 'done');

  await expect(page.getByTestId('pending-count')).toHaveText('0', { timeout: 60_000 });
  const sales = (await serverDocs<SaleDoc>(server, 'demo', `sale:${registerId}:`)).filter((s) => s.webOrderId === PICKUP_TO_PAY);
  expect(sales).toHaveLength(1);
  const sale = sales[0]!;
  const [order] = (await serverDocs<WebOrderDoc>(server, 'demo', PICKUP_TO_PAY)).filter((o) => o._id === PICKUP_TO_PAY);
  expect(sale.totals.gross).toBe(order!.total);
  expect(sale.tenders.map((t) => t.kind)).toEqual(['cash']);
  expect(sale.totals.change).toBeGreaterThanOrEqual(0);

  const out = interpret(await printed(page));
  expect(kicksIn(out)).toBe(1);
  const text = out.lines.join('\n');
  expect(text).toContain(sale.receiptLabel);
  expect(text).toMatch(/Espèces\s+\d+,\d\d €/);
  expect(text).toMatch(/Rendu\s+\d+,\d\d €/);
  expect(out.cuts).toHaveLength(1);

  const events = (await serverDocs<WebOrderEventDoc>(server, 'demo', `woevent:${registerId}:`)).filter((e) => e.orderId === PICKUP_TO_PAY);
  expect(events.map((e) => e.kind)).toEqual(['picked', 'packed', 'ready_for_pickup', 'paid', 'picked_up']);
  const paid = events.find((e) => e.kind === 'paid')!;
  expect(paid.payment?.saleId).toBe(sale._id);
  expect(paid.payment?.amount).toBe(sale.totals.gross);
});

test('a paid order cancelled before shipping: reason, restock, refund to the original payment', async ({ page }) => {
  const { registerId, pairingCode } = await server.createRegister('demo', 'Caisse annulations');
  await pairThroughUi(page, server.url, pairingCode);

  await openOrder(page, PAID_SHIPPING);
  await expect(page.getByTestId('order-payment')).toHaveAttribute('data-state', 'paid');
  await page.getByTestId('pick-complete').click();
  await expect(status(page)).toHaveAttribute('data-state', 'picked');

  await page.getByTestId('order-cancel').click();
  const dialog = page.getByTestId('cancel-dialog');
  await expect(dialog).toBeVisible();
  // No reason: refused, nothing written.
  await dialog.getByTestId('cancel-confirm').click();
  await expect(dialog.getByTestId('order-dialog-error')).not.toBeEmpty();
  await dialog.getByTestId('cancel-preset').nth(1).click();
  await expect(dialog.getByTestId('order-restock')).toBeChecked();
  await expect(dialog.getByTestId('refund-original')).toHaveAttribute('aria-checked', 'true');
  await dialog.getByTestId('cancel-confirm').click();

  await expect(dialog).toHaveCount(0);
  await expect(status(page)).toHaveAttribute('data-state', 'cancelled');
  await expect(historyOf(page, 'cancelled')).toHaveCount(1);
  await expect(page.getByTestId('order-refund')).toHaveAttribute('data-to', 'original');
  await expect(page.getByTestId('order-cancel')).toHaveCount(0);
  await expect(page.getByTestId('order-ship')).toHaveCount(0);
  await expect(page.getByTestId('pick-scan')).toHaveCount(0);

  await expect(page.getByTestId('pending-count')).toHaveText('0', { timeout: 60_000 });
  const events = (await serverDocs<WebOrderEventDoc>(server, 'demo', `woevent:${registerId}:`)).filter((e) => e.orderId === PAID_SHIPPING);
  expect(events.map((e) => e.kind)).toEqual(['picked', 'cancelled']);
  const cancelled = events[1]!;
  const [order] = (await serverDocs<WebOrderDoc>(server, 'demo', PAID_SHIPPING)).filter((o) => o._id === PAID_SHIPPING);
  expect(cancelled.restock).toBe(true);
  expect(cancelled.reason ?? '').not.toBe('');
  expect(cancelled.refund).toMatchObject({ to: 'original', amount: order!.total });
});
