/** Locators and steps of the order detail screen, shared by the fulfilment specs. */
import type { Locator, Page } from '@playwright/test';

/** Scans a code into the pick box as a scanner would (the text, then Enter). */
export async function scanToPick(page: Page, code: string): Promise<void> {
  await page.getByTestId('pick-scan').fill(code);
  await page.getByTestId('pick-scan').press('Enter');
}

export const orderLine = (page: Page, sku: string): Locator => page.locator(`[data-testid="order-line"][data-sku="${sku}"]`);
export const orderStatus = (page: Page): Locator => page.getByTestId('order-status');
export const historyOf = (page: Page, kind: string): Locator => page.getByTestId('order-history-row').and(page.locator(`[data-kind="${kind}"]`));
