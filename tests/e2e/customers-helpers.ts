/** Setup shared by the customers, history and quick-product specs: a register paired, someone signed in, a shift open. */
import { expect, type BrowserContext, type Page } from '@playwright/test';
import type { RunningServer } from '../support/server.ts';

/** Who signs in (the demo store's staff): Camille sells; Marc is a manager. */
export interface DemoStaff {
  name: string;
  pin: string;
}

export const CAMILLE: DemoStaff = { name: 'Camille', pin: '1234' };
export const MARC: DemoStaff = { name: 'Marc', pin: '9876' };

/** Pairs, signs Camille (or `staff`) in and opens a shift: the register is ready to sell. */
export async function readyToSell(page: Page, server: RunningServer, registerName: string, staff: DemoStaff = CAMILLE): Promise<string> {
  await page.addInitScript(() => localStorage.setItem('comptoir.lang', 'en'));
  const { registerId, pairingCode } = await server.createRegister('demo', registerName);
  await page.goto(server.url + '/');
  await page.getByTestId('pair-code').fill(pairingCode);
  await page.getByTestId('pair-submit').click();
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online', { timeout: 60_000 });
  await expect(page.getByTestId('signin-staff').filter({ hasText: staff.name })).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('signin-staff').filter({ hasText: staff.name }).click();
  await page.getByTestId('signin-pin').fill(staff.pin);
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('nav-shift').click();
  await page.getByTestId('shift-float').fill('150');
  await page.getByTestId('shift-open').click();
  await expect(page.getByTestId('shift-state')).toHaveAttribute('data-state', 'open');
  await page.getByTestId('nav-sell').click();
  await expect(page.getByTestId('search')).toBeVisible();
  return registerId;
}

/** Takes every register's network away and waits until each one says it is offline. */
export async function allOffline(contexts: readonly BrowserContext[], pages: readonly Page[]): Promise<void> {
  for (const context of contexts) await context.setOffline(true);
  for (const page of pages) await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'offline', { timeout: 30_000 });
}
