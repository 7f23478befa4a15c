/** Setup shared by the customers and history specs: a register paired, Camille signed in, a shift open. */
import { expect, type Page } from '@playwright/test';
import type { RunningServer } from '../support/server.ts';

/** Pairs, signs Camille in and opens a shift: the register is ready to sell. */
export async function readyToSell(page: Page, server: RunningServer, registerName: string): Promise<string> {
  await page.addInitScript(() => localStorage.setItem('comptoir.lang', 'en'));
  const { registerId, pairingCode } = await server.createRegister('demo', registerName);
  await page.goto(server.url + '/');
  await page.getByTestId('pair-code').fill(pairingCode);
  await page.getByTestId('pair-submit').click();
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online', { timeout: 60_000 });
  await expect(page.getByTestId('signin-staff').filter({ hasText: 'Camille' })).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('signin-staff').filter({ hasText: 'Camille' }).click();
  await page.getByTestId('signin-pin').fill('1234');
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('nav-shift').click();
  await page.getByTestId('shift-float').fill('150');
  await page.getByTestId('shift-open').click();
  await expect(page.getByTestId('shift-state')).toHaveAttribute('data-state', 'open');
  await page.getByTestId('nav-sell').click();
  await expect(page.getByTestId('search')).toBeVisible();
  return registerId;
}
