import { test, expect, type Page } from '@playwright/test';
import path from 'node:path';
import { startServer, type RunningServer } from '../support/server.ts';
import type { ProductDoc, SaleDoc } from '../../src/domain/documents.ts';
import type { CashEventDoc, ZReportDoc } from '../../src/domain/register-documents.ts';
import { EURO_DENOMINATIONS } from '../../src/domain/cash-count.ts';
import { pairThroughUi, serverDocs } from './helpers.ts';
import { openShiftThroughUi, sellItemsForCash } from './shift-helpers.ts';

let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer({ seedDemo: true, staticDir: process.env['E2E_STATIC_DIR'] ?? path.resolve('dist') });
});

test.afterAll(async () => {
  await server?.stop();
});

/** Notes and coins making up `amount` exactly, largest first. */
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

async function waitForServerDoc<T>(prefix: string, predicate: (docs: T[]) => boolean): Promise<T[]> {
  let docs: T[] = [];
  await expect
    .poll(async () => {
      docs = await serverDocs<T>(server, 'demo', prefix);
      return predicate(docs);
    }, { timeout: 60_000 })
    .toBe(true);
  return docs;
}

async function amountOf(page: Page, testid: string): Promise<number> {
  return Number(await page.getByTestId(testid).getAttribute('data-amount'));
}

test('a shift: float, two items sold for cash, a pay-out, close with a count → Z no. 1 on the server', async ({ page }) => {
  const products = (await serverDocs<ProductDoc>(server, 'demo', 'product:')).filter((p) => p.priceIncludesTax && (p.barcodes[0] ?? '').length === 13).slice(0, 2);
  expect(products).toHaveLength(2);
  await page.addInitScript(() => localStorage.setItem('comptoir.lang', 'fr'));
  const { registerId, pairingCode } = await server.createRegister('demo', 'Caisse shift');
  await pairThroughUi(page, server.url, pairingCode);

  const FLOAT = 15_000;
  const PAY_OUT = 1_250;
  await openShiftThroughUi(page, '150');
  await expect(page.getByTestId('shift-state')).toHaveAttribute('data-state', 'open');

  await page.getByTestId('nav-sell').click();
  const label = await sellItemsForCash(page, products.map((p) => p.barcodes[0]!));
  const salesTotal = products[0]!.price + products[1]!.price;

  await page.getByTestId('nav-shift').click();
  await page.getByTestId('payinout-kind-out').click();
  await page.getByTestId('payinout-amount').fill('12,50');
  await page.getByTestId('payinout-reason').fill('Timbres');
  await page.getByTestId('payinout-confirm').click();
  await expect(page.getByTestId('payinout-result')).toBeVisible();

  // X report at any time: the same figures, nothing stored.
  await page.getByTestId('x-report').click();
  await expect(page.getByTestId('x-report-view')).toBeVisible();
  await expect(page.getByTestId('z-sales-count')).toHaveText('1');
  await page.getByTestId('report-done').click();

  const expected = FLOAT + salesTotal - PAY_OUT;
  await page.getByTestId('z-close').click();
  await expect(page.getByTestId('cash-expected')).toBeVisible();
  const counts = countFor(expected + 100); // one euro over
  for (const [denomination, n] of Object.entries(counts)) await page.getByTestId(`count-${denomination}`).fill(String(n));
  await expect.poll(() => amountOf(page, 'cash-difference')).toBe(100);
  await page.getByTestId('z-confirm').click();

  await expect(page.getByTestId('z-report')).toBeVisible();
  await expect(page.getByTestId('z-number')).toHaveText('1');
  await expect(page.getByTestId('z-sales-count')).toHaveText('1');
  await expect(page.getByTestId('z-tender-cash')).toBeVisible();
  await page.getByTestId('report-done').click();
  await expect(page.getByTestId('shift-state')).toHaveAttribute('data-state', 'closed');

  const [z] = await waitForServerDoc<ZReportDoc>(`z:${registerId}:`, (docs) => docs.length === 1);
  expect(z).toMatchObject({ _id: `z:${registerId}:000001`, zNumber: 1, float: FLOAT, countedCash: expected + 100, difference: 100 });
  expect(z!.totals.expectedCash).toBe(FLOAT + salesTotal - PAY_OUT);
  expect(z!.totals).toMatchObject({ salesCount: 1, grossSales: salesTotal, payOuts: PAY_OUT, refunds: 0 });
  expect(z!.totals.tenders.find((t) => t.kind === 'cash')?.amount).toBe(salesTotal);
  expect(z!.journal.seq).toBeGreaterThanOrEqual(2);
  expect(z!.journal.hash).toMatch(/^[0-9a-f]{64}$/);

  const [sale] = await waitForServerDoc<SaleDoc>(`sale:${registerId}:`, (docs) => docs.length === 1);
  expect(sale!.receiptLabel).toBe(label);
  expect(z!.saleIds).toEqual([sale!._id]);
  expect(z!.shiftId).toBe(sale!.shiftId);
  expect(z!.journal.prev).toBe(sale!.journal?.hash);
  const payOuts = await waitForServerDoc<CashEventDoc>(`cash:${registerId}:`, (docs) => docs.length >= 1);
  expect(payOuts.find((e) => e.kind === 'pay_out')).toMatchObject({ amount: PAY_OUT, reason: 'Timbres', shiftId: z!.shiftId });

  // Selling needs an open shift again.
  await page.getByTestId('nav-sell').click();
  await page.getByTestId('search').fill(products[0]!.barcodes[0]!);
  await page.getByTestId('search').press('Enter');
  await page.getByTestId('pay-cash').click();
  await page.getByTestId('quick-cash').first().click();
  await page.getByTestId('complete-sale').click();
  await expect(page.getByTestId('no-open-shift')).toBeVisible();
  await page.getByTestId('no-open-shift-go').click();
  await expect(page.getByTestId('shift-state')).toHaveAttribute('data-state', 'closed');
  // The closed shift's Z stays listed and reprintable.
  await page.getByTestId('z-row').first().click();
  await expect(page.getByTestId('z-number')).toHaveText('1');
});
