/**
 * Issue 3's acceptance: a whole register day, partly offline. Open a shift, sell with split tenders,
 * park and resume, a discount with the manager's override, a refund with its receipt, an exchange, a
 * pay-out, close the shift. The Z report must hold exactly what this test computes from the sales it
 * made (product prices and the tenders it typed), and the register's journal must verify on the server.
 */
import { test, expect, type Page } from '@playwright/test';
import path from 'node:path';
import { startServer, type RunningServer } from '../support/server.ts';
import type { ProductDoc, SaleDoc } from '../../src/domain/documents.ts';
import type { ZReportDoc } from '../../src/domain/register-documents.ts';
import { EURO_DENOMINATIONS } from '../../src/domain/cash-count.ts';
import { DEMO_MANAGER, pairThroughUi, serverDocs } from './helpers.ts';

let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer({ seedDemo: true, staticDir: process.env['E2E_STATIC_DIR'] ?? path.resolve('dist') });
});

test.afterAll(async () => {
  await server?.stop();
});

/** Amounts as typed in the English UI. */
const typed = (cents: number): string => (cents / 100).toFixed(2);

async function scan(page: Page, code: string, linesAfter: number): Promise<void> {
  await page.getByTestId('search').fill(code);
  await page.getByTestId('search').press('Enter');
  await expect(page.getByTestId('cart-line')).toHaveCount(linesAfter, { timeout: 30_000 });
}

/** Pays what is due in cash with the exact-amount button; returns the receipt label. */
async function payExactCash(page: Page): Promise<string> {
  await page.getByTestId('pay-cash').click();
  if (await page.getByTestId('complete-sale').isDisabled()) await page.getByTestId('quick-cash').first().click();
  await page.getByTestId('complete-sale').click();
  await expect(page.getByTestId('receipt')).toBeVisible();
  const label = (await page.getByTestId('receipt-number').textContent())?.trim() ?? '';
  expect(label).not.toBe('');
  await page.getByTestId('new-sale').click();
  await expect(page.getByTestId('cart-line')).toHaveCount(0);
  return label;
}

async function managerApproves(page: Page, reason: string): Promise<void> {
  await expect(page.getByTestId('override-modal')).toBeVisible();
  await page.getByTestId('override-manager').filter({ hasText: DEMO_MANAGER.name }).click();
  await page.getByTestId('override-pin').fill(DEMO_MANAGER.pin);
  await page.getByTestId('override-reason').fill(reason);
  await page.getByTestId('override-confirm').click();
  await expect(page.getByTestId('override-modal')).toHaveCount(0);
}

/** Puts one unit of `sku` from the sale with `label` into the cart as a return (restocked). */
async function returnOne(page: Page, label: string, sku: string): Promise<void> {
  await page.getByTestId('nav-returns').click();
  await page.getByTestId('return-search').fill(label);
  await page.getByTestId('return-search').press('Enter');
  const line = page.locator(`[data-testid="return-line"][data-sku="${sku}"]`);
  await line.getByTestId('return-qty').fill('1');
  await page.getByTestId('return-to-cart').click();
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
}

function countFor(amount: number): Record<string, number> {
  const counts: Record<string, number> = {};
  let left = amount;
  for (const d of EURO_DENOMINATIONS) {
    const n = Math.floor(left / d);
    if (n > 0) counts[String(d)] = n;
    left -= n * d;
  }
  return counts;
}

test('a whole day: split tender, park, manager discount, refund, exchange, pay-out, Z that adds up', async ({ page, context }) => {
  test.setTimeout(600_000);
  const catalogue = (await serverDocs<ProductDoc>(server, 'demo', 'product:'))
    .filter((p) => p.priceIncludesTax && p.stockTracked && p.price >= 300 && p.price <= 4000 && (p.barcodes[0] ?? '').length === 13);
  const [a, b, c] = catalogue;
  const d = catalogue.find((p) => p.price > c!.price + 100 && p.sku !== a!.sku && p.sku !== b!.sku);
  expect(d).toBeDefined();
  const code = (p: ProductDoc): string => p.barcodes[0]!;
  const FLOAT = 15000;
  const CARD = 500;
  const PAY_OUT = 1000;

  const { registerId, pairingCode } = await server.createRegister('demo', 'Caisse journée');
  await pairThroughUi(page, server.url, pairingCode);

  // Morning: open the shift with a float.
  await page.getByTestId('nav-shift').click();
  await page.getByTestId('shift-float').fill(typed(FLOAT));
  await page.getByTestId('shift-open').click();
  await expect(page.getByTestId('shift-state')).toHaveAttribute('data-state', 'open');
  await page.getByTestId('nav-sell').click();

  // 1. Split tender: 5.00 on the card terminal, the rest in cash with change.
  await scan(page, code(a!), 1);
  await scan(page, code(b!), 2);
  const due1 = a!.price + b!.price;
  await page.getByTestId('pay-cash').click();
  await page.getByTestId('pay-card').click();
  await page.getByTestId('card-amount').fill(typed(CARD));
  await page.getByTestId('card-approval').fill('A1B2C3');
  await page.getByTestId('card-last4').fill('4242');
  await page.getByTestId('card-add').click();
  const handed = Math.ceil((due1 - CARD + 1) / 1000) * 1000;
  await page.getByTestId('cash-received').fill(typed(handed));
  await expect(page.getByTestId('change-due')).toContainText(typed(handed - (due1 - CARD)));
  await page.getByTestId('complete-sale').click();
  await expect(page.getByTestId('receipt')).toBeVisible();
  await page.getByTestId('new-sale').click();

  // The network goes down: the day goes on.
  await context.setOffline(true);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'offline');

  // 2. Park a customer's basket, serve the next customer, then resume and sell the parked basket.
  await scan(page, code(c!), 1);
  await page.getByTestId('park-sale').click();
  await page.getByTestId('park-label').fill('Mme Durand');
  await page.getByTestId('park-confirm').click();
  await expect(page.getByTestId('cart-line')).toHaveCount(0);
  await scan(page, code(a!), 1);
  const sale2 = await payExactCash(page);
  await page.getByTestId('parked-list').click();
  await page.getByTestId('parked-row').filter({ hasText: 'Mme Durand' }).getByTestId('parked-resume').click();
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  const sale3 = await payExactCash(page);

  // 3. A 20 % discount is above the store's 10 % threshold: the manager approves it, offline.
  await scan(page, code(c!), 1);
  await page.getByTestId('discount-line').click();
  await page.getByTestId('discount-kind-percent').click();
  await page.getByTestId('discount-value').fill('20');
  await page.getByTestId('discount-apply').click();
  await managerApproves(page, 'Client fidèle');
  await payExactCash(page);
  const off = Math.round((c!.price * 20) / 100);

  // 4. A refund with the receipt: one unit of A from sale 2, back to cash.
  await returnOne(page, sale2, a!.sku);
  await payExactCash(page);

  // 5. An exchange: C from sale 3 comes back, D goes out; the customer pays the difference.
  await returnOne(page, sale3, c!.sku);
  await scan(page, code(d!), 2);
  await payExactCash(page);

  // The network is back; a pay-out for stamps.
  await context.setOffline(false);
  await page.getByTestId('nav-shift').click();
  await page.getByTestId('payinout-kind-out').click();
  await page.getByTestId('payinout-amount').fill(typed(PAY_OUT));
  await page.getByTestId('payinout-reason').fill('Timbres');
  await page.getByTestId('payinout-confirm').click();
  await expect(page.getByTestId('payinout-result')).toBeVisible();
  await expect(page.getByTestId('pending-count')).toHaveText('0', { timeout: 90_000 });

  // What the test expects, from the prices it scanned and the tenders it typed.
  const gross = [due1, a!.price, c!.price, c!.price - off, d!.price];
  const refunds = a!.price + c!.price;
  const cashNet = (due1 - CARD) + a!.price + c!.price + (c!.price - off) - a!.price + (d!.price - c!.price);
  const expectedCash = FLOAT + cashNet - PAY_OUT;

  // Evening: count the drawer and close.
  await page.getByTestId('z-close').click();
  await expect(page.getByTestId('cash-expected')).toBeVisible();
  for (const [denomination, n] of Object.entries(countFor(expectedCash))) await page.getByTestId(`count-${denomination}`).fill(String(n));
  await expect.poll(async () => Number(await page.getByTestId('cash-difference').getAttribute('data-amount'))).toBe(0);
  await page.getByTestId('z-confirm').click();
  await expect(page.getByTestId('z-report')).toBeVisible();
  await expect(page.getByTestId('z-number')).toHaveText('1');
  await expect(page.getByTestId('z-sales-count')).toHaveText('5');

  let z: ZReportDoc | undefined;
  await expect.poll(async () => {
    [z] = await serverDocs<ZReportDoc>(server, 'demo', `z:${registerId}:`);
    return z !== undefined;
  }, { timeout: 90_000 }).toBe(true);
  expect(z!.totals).toMatchObject({
    salesCount: 5,
    refundsCount: 1,
    grossSales: gross.reduce((x, y) => x + y, 0),
    refunds,
    discounts: off,
    payOuts: PAY_OUT,
    payIns: 0,
    expectedCash,
  });
  expect(z!.totals.tenders.find((t) => t.kind === 'card')?.amount).toBe(CARD);
  expect(z!.totals.tenders.find((t) => t.kind === 'cash')?.amount).toBe(cashNet);
  expect(z!).toMatchObject({ countedCash: expectedCash, difference: 0, float: FLOAT });

  // Every sale and refund of the day is on the server once, in the Z, and the journal verifies.
  const sales = await serverDocs<SaleDoc>(server, 'demo', `sale:${registerId}:`);
  expect(sales.map((s) => s.receiptNumber)).toEqual([1, 2, 3, 4, 5, 6]);
  expect([...z!.saleIds].sort()).toEqual(sales.map((s) => s._id).sort());
  const verify = await (await server.adminFetch('/api/admin/stores/demo/journal/verify')).json() as { ok: boolean; registers: Array<{ registerId: string; ok: boolean; entries?: number }> };
  expect(verify.registers.find((r) => r.registerId === registerId)).toMatchObject({ ok: true, entries: 7 });
});
