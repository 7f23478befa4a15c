/** Steps the shift and returns specs share (the whole-day test can reuse them). */
import { expect, type Page } from '@playwright/test';

/** Opens a shift on /shift with `float` typed as the cashier would (e.g. "150" or "150,00"). */
export async function openShiftThroughUi(page: Page, float: string): Promise<void> {
  await page.getByTestId('nav-shift').click();
  await expect(page.getByTestId('shift-state')).toHaveAttribute('data-state', 'closed');
  await page.getByTestId('shift-float').fill(float);
  await page.getByTestId('shift-open').click();
  await expect(page.getByTestId('shift-state')).toHaveAttribute('data-state', 'open');
}

/**
 * Scans different products one at a time (each scan waits for its cart line, so a slow lookup under
 * load never swallows the next scan), pays cash with the exact amount, returns the receipt label.
 */
export async function sellItemsForCash(page: Page, barcodes: string[]): Promise<string> {
  for (const [i, code] of barcodes.entries()) {
    await page.getByTestId('search').fill(code);
    await page.getByTestId('search').press('Enter');
    await expect(page.getByTestId('cart-line')).toHaveCount(i + 1, { timeout: 30_000 });
  }
  await page.getByTestId('pay-cash').click();
  await page.getByTestId('quick-cash').first().click();
  await page.getByTestId('complete-sale').click();
  await expect(page.getByTestId('receipt')).toBeVisible();
  const label = (await page.getByTestId('receipt-number').textContent())?.trim() ?? '';
  expect(label).not.toBe('');
  await page.getByTestId('new-sale').click();
  await expect(page.getByTestId('cart-line')).toHaveCount(0);
  return label;
}
