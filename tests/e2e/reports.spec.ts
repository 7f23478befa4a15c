/**
 * Issue 7, reports and the till reconciliation, through the real screens: a few sales (cash and
 * card), the sales report's totals, its CSV download, then the shift closed and a sale of that shift
 * reaching the register after its Z was printed — shown as a difference against the Z.
 *
 * The late sale: a register's own device cannot produce one (everything it sells is in its read model
 * before the Z), so the test delivers it the way ADR 0009 describes it arriving — from the server,
 * as a restored replica would: a copy of one of the shift's sales under a new receipt number,
 * written on the server and replicated down. Nothing in the register is bypassed to see it.
 */
import { test, expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, type RunningServer } from '../support/server.ts';
import type { ProductDoc, SaleDoc } from '../../src/domain/documents.ts';
import type { ZReportDoc } from '../../src/domain/register-documents.ts';
import { EURO_DENOMINATIONS } from '../../src/domain/cash-count.ts';
import { decimalAmount, decodeCsv, UTF8_BOM } from '../../src/domain/reports/csv.ts';
import { pairReadyToSell, sellForCash, serverDocs } from './helpers.ts';

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

async function amountOf(page: Page, testid: string): Promise<number> {
  return Number(await page.getByTestId(testid).first().getAttribute('data-amount'));
}

/** Scans one product and pays the whole amount by card on the external terminal. */
async function sellByCard(page: Page, barcode: string, price: number): Promise<void> {
  await page.getByTestId('search').fill(barcode);
  await page.getByTestId('search').press('Enter');
  await expect(page.getByTestId('cart-line')).toHaveCount(1, { timeout: 30_000 });
  await page.getByTestId('pay-cash').click();
  await page.getByTestId('pay-card').click();
  await page.getByTestId('card-amount').fill((price / 100).toFixed(2));
  await page.getByTestId('card-approval').fill('XK42Q7');
  await page.getByTestId('card-last4').fill('4242');
  await page.getByTestId('card-add').click();
  await page.getByTestId('complete-sale').click();
  await expect(page.getByTestId('receipt')).toBeVisible();
  await page.getByTestId('new-sale').click();
  await expect(page.getByTestId('cart-line')).toHaveCount(0);
}

test('sales report: totals by tender and category, CSV download; a sale synced after its Z shows as a Z difference', async ({ page }) => {
  const products = (await serverDocs<ProductDoc>(server, 'demo', 'product:'))
    .filter((p) => p.priceIncludesTax && (p.barcodes[0] ?? '').length === 13)
    .slice(0, 3);
  expect(products).toHaveLength(3);
  const [a, b, c] = products as [ProductDoc, ProductDoc, ProductDoc];
  await page.addInitScript(() => localStorage.setItem('comptoir.lang', 'fr'));
  const { registerId, pairingCode } = await server.createRegister('demo', 'Caisse rapports');
  await pairReadyToSell(page, server.url, pairingCode, '100');

  // Two cash sales and one card sale.
  await sellForCash(page, [a.barcodes[0]!]);
  await sellForCash(page, [b.barcodes[0]!, c.barcodes[0]!]);
  await sellByCard(page, a.barcodes[0]!, a.price);
  const cash = a.price + b.price + c.price;
  const total = cash + a.price;

  // The report of today, aggregated in the worker.
  await page.getByTestId('nav-reports').click();
  await expect(page.getByTestId('report-summary')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => amountOf(page, 'report-total'), { timeout: 30_000 }).toBe(total);
  await expect(page.getByTestId('report-documents')).toHaveText('3');
  const tender = (key: string) => page.getByTestId('report-tenders-row').and(page.locator(`[data-key="${key}"]`)).getByTestId('row-amount');
  await expect(tender('cash')).toHaveAttribute('data-amount', String(cash));
  await expect(tender('card')).toHaveAttribute('data-amount', String(a.price));
  // Categories from the catalogue: each product's category carries its lines.
  const byCategory = new Map<string, number>();
  for (const p of [a, b, c, a]) byCategory.set(p.category, (byCategory.get(p.category) ?? 0) + p.price);
  for (const [category, amount] of byCategory) {
    await expect(page.getByTestId('report-categories-row').and(page.locator(`[data-key="${category}"]`)).getByTestId('row-amount')).toHaveAttribute('data-amount', String(amount));
  }
  const channel = page.getByTestId('report-channels-row').and(page.locator('[data-key="store"]'));
  await expect(channel.getByTestId('row-amount')).toHaveAttribute('data-amount', String(total));
  // Charts are SVG images with a title.
  // One day: the chart's own title and its one bar's.
  await expect(page.getByTestId('chart-days').locator('svg[role="img"] title')).toHaveCount(2);
  await expect(page.getByTestId('chart-tenders').locator('g.chart-bar')).toHaveCount(2);

  // CSV: BOM, ';' in French, the total and the tenders as spreadsheet numbers.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-csv').click()]);
  expect(download.suggestedFilename()).toMatch(/^ventes_\d{4}-\d{2}-\d{2}\.csv$/);
  const text = fs.readFileSync((await download.path())!, 'utf8');
  expect(text.startsWith(UTF8_BOM)).toBe(true);
  const rows = decodeCsv(text, ';');
  expect(rows[0]).toEqual(['Rubrique', 'Clé', 'Libellé', 'Nombre', 'Montant', 'Devise']);
  expect(rows.find((r) => r[0] === 'Total')).toEqual(['Total', '', 'Total des ventes', '3', decimalAmount(total, 'EUR', ','), 'EUR']);
  expect(rows.find((r) => r[0] === 'Paiement' && r[1] === 'cash')?.[4]).toBe(decimalAmount(cash, 'EUR', ','));
  expect(rows.find((r) => r[0] === 'Paiement' && r[1] === 'card')?.[4]).toBe(decimalAmount(a.price, 'EUR', ','));
  expect(rows.filter((r) => r[0] === 'Jour').reduce((s, r) => s + Number((r[4] ?? '').replace(',', '.')), 0)).toBeCloseTo(total / 100, 2);

  // Close the shift, counting exactly what the drawer should hold.
  await page.getByTestId('nav-shift').click();
  await page.getByTestId('z-close').click();
  await expect(page.getByTestId('cash-expected')).toBeVisible();
  for (const [denomination, n] of Object.entries(countFor(10_000 + cash))) await page.getByTestId(`count-${denomination}`).fill(String(n));
  await expect.poll(() => amountOf(page, 'cash-difference')).toBe(0);
  await page.getByTestId('z-confirm').click();
  await expect(page.getByTestId('z-number')).toHaveText('1');
  await page.getByTestId('report-done').click();

  // The reconciliation agrees with the Z.
  await page.getByTestId('nav-reports').click();
  await page.getByTestId('report-tab-shifts').click();
  const row = page.getByTestId('shift-row').and(page.locator('[data-z="1"]'));
  await expect(row).toBeVisible({ timeout: 30_000 });
  await expect(row.getByTestId('shift-diff')).toHaveAttribute('data-amount', '0');
  await expect(page.getByTestId('card-row')).toHaveCount(1);
  await expect(page.getByTestId('card-net')).toHaveAttribute('data-amount', String(a.price));

  // A sale of that shift reaches the register after its Z (see the header).
  let sales: SaleDoc[] = [];
  await expect.poll(async () => (sales = await serverDocs<SaleDoc>(server, 'demo', `sale:${registerId}:`)).length, { timeout: 60_000 }).toBe(3);
  await expect.poll(async () => (await serverDocs<ZReportDoc>(server, 'demo', `z:${registerId}:`))[0]?.saleIds.length, { timeout: 60_000 }).toBe(3);
  const model = sales.find((s) => s.tenders.every((t) => t.kind === 'cash')) as SaleDoc;
  const { _rev: _r, journal: _j, ...rest } = model as SaleDoc & { _rev?: string };
  const late: SaleDoc = {
    ...rest,
    _id: `sale:${registerId}:00000900`,
    receiptNumber: 900,
    receiptLabel: `${model.receiptLabel.replace(/\d+$/, '')}000900`,
    createdAt: new Date(Date.parse(model.createdAt) + 1000).toISOString(),
  };
  const put = await server.adminFetch(`/db/store-demo/${encodeURIComponent(late._id)}`, { method: 'PUT', body: late });
  expect(put.ok, await put.text()).toBe(true);

  await expect
    .poll(async () => {
      await page.getByTestId('report-run').click();
      await expect(page.getByTestId('report-run')).toBeEnabled();
      return Number(await row.getByTestId('shift-diff').getAttribute('data-amount'));
    }, { timeout: 60_000, intervals: [1000] })
    .toBe(late.totals.gross);
  const discrepancy = page.getByTestId('discrepancy').and(page.locator('[data-kind="z_difference"]'));
  await expect(discrepancy).toHaveCount(1);
  await expect(discrepancy).toHaveAttribute('data-amount', String(late.totals.gross));
  await row.getByTestId('shift-toggle').click();
  await expect(page.getByTestId('late-sale')).toHaveAttribute('data-sale-id', late._id);

  // The sales report counts it too (a sale of the day, whenever it arrived).
  await page.getByTestId('report-tab-sales').click();
  await expect.poll(() => amountOf(page, 'report-total'), { timeout: 30_000 }).toBe(total + late.totals.gross);
});
