/**
 * Receipt printing end to end in Chromium, with a fake navigator.usb printer injected before the app
 * loads: pair it through the real devices screen, sell for cash through the real sell screen, and
 * decode the bytes the printer received with the ESC/POS interpreter. Then unplug the printer in the
 * middle of a receipt: the job fails visibly, prints once the printer is back, and the drawer is
 * kicked exactly once per sale.
 */
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { drawerKickBytes } from '../../src/documents/receipt-escpos.ts';
import type { ProductDoc } from '../../src/domain/documents.ts';
import { interpret, lastTextIndex, type PrinterOutput } from '../support/escpos/interpreter.ts';
import { installFakeUsb, type FakeUsbControl } from '../support/fake-usb.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { pairThroughUi, sellForCash, serverDocs } from './helpers.ts';
import { openShiftThroughUi } from './shift-helpers.ts';

let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer({ seedDemo: true, staticDir: process.env['E2E_STATIC_DIR'] ?? path.resolve('dist') });
});

test.afterAll(async () => {
  await server?.stop();
});

type FakeWindow = Window & { __fakeUsb: FakeUsbControl };
const printed = (page: Page): Promise<number[]> => page.evaluate(() => (window as unknown as FakeWindow).__fakeUsb.bytes('p1'));

/** How many ESC p (drawer kick) commands a raw byte stream holds, whatever else it contains. */
function kicksIn(bytes: number[]): number {
  let n = 0;
  for (let i = 0; i + 4 < bytes.length; i++) if (bytes[i] === 0x1b && bytes[i + 1] === 0x70 && (bytes[i + 2] === 0 || bytes[i + 2] === 1)) n++;
  return n;
}

function expectReceipt(out: PrinterOutput, label: string): void {
  const text = out.lines.join('\n');
  expect(text).toContain(label);
  expect(text).toMatch(/Espèces\s+\d+,\d\d €/);
  expect(text).toMatch(/Rendu\s+\d+,\d\d €/);
  expect(text).toMatch(/TOTAL\s+\d+,\d\d €/);
  expect(text).toContain('Merci de votre visite !');
  expect(text).not.toContain('?');
  expect(out.barcodes.map((b) => b.data)).toEqual([label]);
  expect(out.cuts).toHaveLength(1);
  expect(lastTextIndex(out)).toBeLessThan(out.events.indexOf(out.cuts[0]!));
}

test('pair a USB printer, sell for cash: receipt decoded from the bytes, drawer kicked once; unplugged mid-job it prints once back', async ({ page }) => {
  await page.addInitScript(installFakeUsb, {
    devices: [{ id: 'p1', vendorId: 0x04b8, productId: 0x0e28, serialNumber: 'TM20-0001', productName: 'TM-T20III', manufacturerName: 'EPSON' }],
  });
  const products = await serverDocs<ProductDoc>(server, 'demo', 'product:');
  const barcodes = products.filter((p) => p.barcodes[0]?.length === 13).map((p) => p.barcodes[0]!);
  const { pairingCode } = await server.createRegister('demo', 'Caisse imprimante');
  await pairThroughUi(page, server.url, pairingCode);
  await openShiftThroughUi(page, '150');

  // Pair through the real devices screen (the click is the user's gesture).
  await page.getByTestId('nav-devices').click();
  await expect(page.getByTestId('devices-none')).toBeVisible();
  await page.getByTestId('pair-usb').click();
  const card = page.getByTestId('device-card');
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId('device-name')).toHaveText('EPSON TM-T20III');
  await expect(card.getByTestId('device-status')).toHaveAttribute('data-state', 'connected');

  // A cash sale: the drawer job and the receipt job go to the printer after the sale is committed.
  await page.getByTestId('nav-sell').click();
  const label = await sellForCash(page, [barcodes[0]!, barcodes[1]!]);
  await page.getByTestId('nav-devices').click();
  await expect(page.getByTestId('print-job').and(page.locator('[data-kind="receipt"]'))).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('print-job').and(page.locator('[data-kind="drawer"]'))).toHaveAttribute('data-state', 'done');
  const first = await printed(page);
  const out = interpret(first);
  expectReceipt(out, label);
  expect(out.kicks).toEqual([{ type: 'kick', pin: 2, onMs: 100, offMs: 500, realtime: false }]);
  // The kick comes before the receipt: the cashier gives change while it prints.
  expect(out.events.indexOf(out.kicks[0]!)).toBeLessThan(lastTextIndex(out));

  // Second sale: the printer is pulled out 100 bytes into the receipt (after the drawer kick's bytes).
  await page.evaluate(() => {
    const fake = (window as unknown as FakeWindow).__fakeUsb;
    fake.clear('p1');
    fake.unplugAfter('p1', 100);
  });
  await page.getByTestId('nav-sell').click();
  const label2 = await sellForCash(page, [barcodes[2]!]);
  await page.getByTestId('nav-devices').click();
  // Job refs are sale ids (sale:<register>:<receipt number on 8 digits>): this is the register's 2nd sale.
  const receipt2 = page.getByTestId('print-job').and(page.locator('[data-kind="receipt"][data-ref$=":00000002"]'));
  await expect(receipt2).toHaveAttribute('data-state', 'failed');
  await expect(receipt2.getByTestId('print-job-reason')).not.toBeEmpty();
  await expect(page.getByTestId('device-status')).not.toHaveAttribute('data-state', 'connected');
  const partial = await printed(page);
  expect(partial).toHaveLength(100);

  // Plugged back: the failed receipt prints by itself, the drawer is not kicked again.
  await page.evaluate(() => (window as unknown as FakeWindow).__fakeUsb.replug('p1'));
  await expect(page.getByTestId('device-status')).toHaveAttribute('data-state', 'connected');
  await expect(receipt2).toHaveAttribute('data-state', 'done');
  const all = await printed(page);
  expect(kicksIn(all)).toBe(1);
  const kickLength = drawerKickBytes().length;
  expect(interpret(all.slice(0, kickLength)).kicks).toHaveLength(1);
  const reprinted = interpret(all.slice(100));
  expectReceipt(reprinted, label2);
  expect(reprinted.kicks).toHaveLength(0);
  await expect(page.getByTestId('print-job').and(page.locator('[data-kind="drawer"]'))).toHaveCount(2);
});
