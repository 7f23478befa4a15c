/**
 * The sell screen end to end against a real server: split tender (card + cash with change), a line
 * discount under the threshold, a discount above it authorised by the manager, park then resume after
 * a page load, and a void with its reason. Every step is checked in the documents the server holds.
 */
import { test, expect, type Page } from '@playwright/test';
import path from 'node:path';
import { startServer, type RunningServer } from '../support/server.ts';
import type { ProductDoc, SaleDoc } from '../../src/domain/documents.ts';
import type { OverrideDoc, ParkedSaleDoc, VoidDoc } from '../../src/domain/register-documents.ts';
import { serverDocs } from './helpers.ts';

let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer({ seedDemo: true, staticDir: process.env['E2E_STATIC_DIR'] ?? path.resolve('dist') });
});

test.afterAll(async () => {
  await server?.stop();
});

/** Amounts as typed in the English UI (Playwright's Chromium runs en-US). */
const typed = (cents: number): string => (cents / 100).toFixed(2);

async function scan(page: Page, code: string): Promise<void> {
  await page.getByTestId('search').fill(code);
  await page.getByTestId('search').press('Enter');
}

async function synced(page: Page): Promise<void> {
  await expect(page.getByTestId('pending-count')).toHaveText('0', { timeout: 60_000 });
}

/** Pairs through the pairing screen; the register then asks who is on it (the sign-in gate). */
async function pair(page: Page, code: string): Promise<void> {
  await page.goto(server.url + '/');
  await page.getByTestId('pair-code').fill(code);
  await page.getByTestId('pair-submit').click();
  await expect(page.getByTestId('connection-state')).not.toHaveAttribute('data-state', 'unpaired');
}

async function signIn(page: Page, name: string, pin: string): Promise<void> {
  await expect(page.getByTestId('signin-staff').filter({ hasText: name })).toBeVisible({ timeout: 90_000 });
  await page.getByTestId('signin-staff').filter({ hasText: name }).click();
  await page.getByTestId('signin-pin').fill(pin);
  await page.getByTestId('signin-submit').click();
  await expect(page.getByTestId('search')).toBeVisible();
}

async function managerApproves(page: Page, reason: string): Promise<void> {
  await expect(page.getByTestId('override-modal')).toBeVisible();
  await page.getByTestId('override-manager').filter({ hasText: 'Marc' }).click();
  await page.getByTestId('override-pin').fill('9876');
  await page.getByTestId('override-reason').fill(reason);
  await page.getByTestId('override-confirm').click();
  await expect(page.getByTestId('override-modal')).toHaveCount(0);
}

async function payExactCash(page: Page): Promise<SaleDoc['receiptLabel']> {
  await page.getByTestId('pay-cash').click();
  await page.getByTestId('quick-cash').first().click();
  await page.getByTestId('complete-sale').click();
  await expect(page.getByTestId('receipt')).toBeVisible();
  const label = (await page.getByTestId('receipt-number').textContent())?.trim() ?? '';
  await page.getByTestId('new-sale').click();
  return label;
}

test('split tender, discounts with and without a manager, park and resume, void', async ({ page }) => {
  test.setTimeout(360_000);
  const products = (await serverDocs<ProductDoc>(server, 'demo', 'product:')).filter((p) => p.priceIncludesTax && p.price >= 300 && p.price <= 5000);
  const [a, b, c] = products;
  expect(c).toBeDefined();
  const code = (p: ProductDoc): string => p.barcodes[0]!;

  page.on('pageerror', (e) => console.log('[pageerror]', e.message));
  const { registerId, pairingCode } = await server.createRegister('demo', 'Caisse vente');
  await pair(page, pairingCode);
  await signIn(page, 'Camille', '1234');

  // No open shift: the sale is refused with a way to the shift screen.
  await scan(page, code(a!));
  await page.getByTestId('pay-cash').click();
  await page.getByTestId('quick-cash').first().click();
  await page.getByTestId('complete-sale').click();
  await expect(page.getByTestId('no-open-shift')).toBeVisible();
  await page.getByTestId('no-open-shift-go').click();
  await page.getByTestId('shift-float').fill(typed(15000));
  await page.getByTestId('shift-open').click();
  await expect(page.getByTestId('shift-opened')).toBeVisible();
  await page.getByTestId('nav-sell').click();
  await expect(page.getByTestId('cart-line')).toHaveCount(1); // the cart survived the detour

  // 1. Split tender: 5,00 by card, the rest in cash with change.
  await scan(page, code(b!));
  const due = a!.price + b!.price;
  await expect(page.getByTestId('cart-total')).toContainText(typed(due));
  await page.getByTestId('pay-cash').click();
  await page.getByTestId('pay-card').click();
  await page.getByTestId('card-amount').fill(typed(500));
  await page.getByTestId('card-approval').fill('A1B2C3');
  await page.getByTestId('card-last4').fill('4242');
  await page.getByTestId('card-add').click();
  await expect(page.getByTestId('tender-row')).toHaveCount(1);
  await expect(page.getByTestId('remaining-due')).toContainText(typed(due - 500));
  await expect(page.getByTestId('complete-sale')).toBeDisabled();
  const cashIn = Math.ceil((due - 500 + 1) / 1000) * 1000;
  await page.getByTestId('cash-received').fill(typed(cashIn));
  await expect(page.getByTestId('change-due')).toContainText(typed(cashIn - (due - 500)));
  await page.getByTestId('complete-sale').click();
  await expect(page.getByTestId('receipt')).toBeVisible();
  await expect(page.getByTestId('receipt-tender').filter({ hasText: '4242' })).toHaveCount(1);
  const splitLabel = (await page.getByTestId('receipt-number').textContent())?.trim();
  // Printing once makes the next print a duplicate.
  await page.evaluate(() => { window.print = () => undefined; });
  await page.getByTestId('receipt-print').click();
  await expect(page.getByTestId('receipt-duplicate')).toBeVisible();
  await page.getByTestId('new-sale').click();

  // 2. A 5 % line discount: under the 10 % threshold, no manager.
  await scan(page, code(c!));
  await page.getByTestId('discount-line').click();
  await page.getByTestId('discount-kind-percent').click();
  await page.getByTestId('discount-value').fill('5');
  await page.getByTestId('discount-apply').click();
  await expect(page.getByTestId('override-modal')).toHaveCount(0);
  await expect(page.getByTestId('line-discount')).toBeVisible();
  const smallLabel = await payExactCash(page);

  // 3. A 20 % line discount needs the manager.
  await scan(page, code(c!));
  await page.getByTestId('discount-line').click();
  await page.getByTestId('discount-value').fill('20');
  await page.getByTestId('discount-apply').click();
  await managerApproves(page, 'Client fidèle');
  await expect(page.getByTestId('line-discount')).toBeVisible();
  const bigLabel = await payExactCash(page);

  await synced(page);
  const sales = await serverDocs<SaleDoc>(server, 'demo', `sale:${registerId}:`);
  const split = sales.find((s) => s.receiptLabel === splitLabel)!;
  expect(split.totals).toMatchObject({ gross: due, tendered: 500 + cashIn, change: cashIn - (due - 500) });
  expect(split.tenders).toEqual([
    { kind: 'card', amount: 500, card: { approvalCode: 'A1B2C3', last4: '4242' } },
    { kind: 'cash', amount: cashIn },
  ]);
  expect(split).toMatchObject({ cashier: 'Camille', shiftId: expect.stringMatching(/^shift:/) });
  const small = sales.find((s) => s.receiptLabel === smallLabel)!;
  const smallOff = Math.round((c!.price * 5) / 100);
  expect(small.lines[0]).toMatchObject({ total: c!.price - smallOff, discount: { kind: 'percent', value: 500, amount: smallOff } });
  expect(small.lines[0]!.overrideIds).toBeUndefined();
  const big = sales.find((s) => s.receiptLabel === bigLabel)!;
  const bigOff = Math.round((c!.price * 20) / 100);
  expect(big.lines[0]).toMatchObject({ total: c!.price - bigOff, discount: { kind: 'percent', value: 2000, amount: bigOff } });
  expect(big.lines[0]!.overrideIds).toHaveLength(1);
  const overrides = await serverDocs<OverrideDoc>(server, 'demo', `override:${registerId}:`);
  const discountOverride = overrides.find((o) => o._id === big.lines[0]!.overrideIds![0]);
  expect(discountOverride).toMatchObject({ action: 'discount_above_threshold', reason: 'Client fidèle' });

  // 4. Park, then resume after a page load.
  await scan(page, code(a!));
  await scan(page, code(b!));
  await page.getByTestId('park-sale').click();
  await page.getByTestId('park-label').fill('Mme Durand');
  await page.getByTestId('park-confirm').click();
  await expect(page.getByTestId('cart-line')).toHaveCount(0);
  // "Nothing pending" can be read before the park reached the outbox: wait for the server's copy itself.
  await expect
    .poll(() => serverDocs<ParkedSaleDoc>(server, 'demo', `parked:${registerId}:`), { timeout: 60_000 })
    .toEqual([expect.objectContaining({ label: 'Mme Durand', total: a!.price + b!.price })]);
  await page.reload();
  await expect(page.getByTestId('search')).toBeVisible();
  await page.getByTestId('parked-list').click();
  await page.getByTestId('parked-row').filter({ hasText: 'Mme Durand' }).getByTestId('parked-resume').click();
  await expect(page.getByTestId('cart-line')).toHaveCount(2);
  await expect(page.getByTestId('cart-total')).toContainText(typed(a!.price + b!.price));
  await expect.poll(() => serverDocs<ParkedSaleDoc>(server, 'demo', 'parked:'), { timeout: 60_000 }).toEqual([]);

  // 5. Void the resumed sale, with a reason and the manager's override.
  await page.getByTestId('void-sale').click();
  await page.getByTestId('void-reason').fill('Client parti');
  await page.getByTestId('void-confirm').click();
  await managerApproves(page, 'Client parti');
  await expect(page.getByTestId('cart-line')).toHaveCount(0);
  await synced(page);
  const voids = await serverDocs<VoidDoc>(server, 'demo', `void:${registerId}:`);
  expect(voids).toEqual([expect.objectContaining({ reason: 'Client parti', total: a!.price + b!.price, overrideId: expect.stringMatching(/^override:/) })]);
  expect(voids[0]!.lines).toHaveLength(2);
});
