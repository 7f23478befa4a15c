/** Locators and steps of the order detail screen, shared by the fulfilment specs. */
import { expect, type Locator, type Page } from '@playwright/test';

/** Scans a code into the pick box as a scanner would (the text, then Enter). */
export async function scanToPick(page: Page, code: string): Promise<void> {
  await page.getByTestId('pick-scan').fill(code);
  await page.getByTestId('pick-scan').press('Enter');
}

export const orderLine = (page: Page, sku: string): Locator => page.locator(`[data-testid="order-line"][data-sku="${sku}"]`);
export const orderStatus = (page: Page): Locator => page.getByTestId('order-status');
export const historyOf = (page: Page, kind: string): Locator => page.getByTestId('order-history-row').and(page.locator(`[data-kind="${kind}"]`));

/** Opens an order listed on the orders screen as a counter PC user does: focus its row, press Enter. */
export async function openOrderRow(page: Page, orderId: string): Promise<void> {
  const row = page.locator(`[data-testid="order-row"][data-order-id="${orderId}"]`);
  await expect(row).toBeVisible({ timeout: 30_000 });
  await row.focus();
  await row.press('Enter');
  await expect(page.getByTestId('order-detail')).toBeVisible();
}
