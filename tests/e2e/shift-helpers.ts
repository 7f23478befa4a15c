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
