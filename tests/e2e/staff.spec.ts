/**
 * Staff sign-in and manager overrides through the real screens, against a real server: the demo
 * cashier signs in with her PIN (a wrong PIN is refused), the session survives a reload, and a
 * manager's authorisation to open the drawer reaches the server with who and why.
 */
import { test, expect } from '@playwright/test';
import path from 'node:path';
import type { CashEventDoc, OverrideDoc, StaffDoc } from '../../src/domain/register-documents.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { DEMO_CASHIER, DEMO_MANAGER, serverDocs } from './helpers.ts';
import { openShiftThroughUi } from './shift-helpers.ts';

let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer({ seedDemo: true, staticDir: process.env['E2E_STATIC_DIR'] ?? path.resolve('dist') });
});

test.afterAll(async () => {
  await server?.stop();
});

test('the demo cashier signs in with her PIN, a wrong PIN is refused, the session survives a reload', async ({ page }) => {
  const { pairingCode } = await server.createRegister('demo', 'Caisse staff 1');
  await page.goto(server.url + '/');
  await page.getByTestId('pair-code').fill(pairingCode);
  await page.getByTestId('pair-submit').click();

  // Every register route needs someone signed in: the sign-in screen lists the replicated staff.
  const camille = page.getByTestId('signin-staff').filter({ hasText: DEMO_CASHIER.name });
  await expect(camille).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('signin-staff').filter({ hasText: DEMO_MANAGER.name })).toBeVisible();
  await expect(page.getByTestId('search')).toHaveCount(0);
  await camille.click();

  await page.getByTestId('signin-pin').fill('4321');
  await page.getByTestId('signin-submit').click();
  await expect(page.getByTestId('signin-error')).toBeVisible();
  await expect(page.getByTestId('signin-error')).toContainText(/incorrect|Wrong PIN/);
  await expect(page.getByTestId('staff-current')).toHaveCount(0);

  // The touch pad and the keyboard both type digits; Enter confirms.
  for (const d of DEMO_CASHIER.pin) await page.getByTestId(`pinpad-${d}`).click();
  await expect(page.getByTestId('signin-pin')).toHaveValue(DEMO_CASHIER.pin);
  await page.getByTestId('signin-pin').press('Enter');
  await expect(page.getByTestId('staff-current')).toContainText(DEMO_CASHIER.name);
  await expect(page.getByTestId('search')).toBeVisible();

  await page.reload();
  await expect(page.getByTestId('staff-current')).toContainText(DEMO_CASHIER.name);
  await expect(page.getByTestId('search')).toBeVisible();

  await page.getByTestId('signout').click();
  await expect(page.getByTestId('signin-staff').first()).toBeVisible();
  await page.goto(server.url + '/sales');
  await expect(page.getByTestId('signin-staff').first()).toBeVisible();
});

test('a manager override to open the drawer is recorded on the server with who and why', async ({ page }) => {
  const { registerId, pairingCode } = await server.createRegister('demo', 'Caisse staff 2');
  await page.goto(server.url + '/');
  await page.getByTestId('pair-code').fill(pairingCode);
  await page.getByTestId('pair-submit').click();
  await page.getByTestId('signin-staff').filter({ hasText: DEMO_CASHIER.name }).click({ timeout: 30_000 });
  await page.getByTestId('signin-pin').fill(DEMO_CASHIER.pin);
  await page.getByTestId('signin-submit').click();
  await expect(page.getByTestId('staff-current')).toContainText(DEMO_CASHIER.name);
  await openShiftThroughUi(page, '150');

  await page.getByTestId('drawer-open').click();
  const modal = page.getByTestId('override-modal');
  await expect(modal).toBeVisible();
  // Only managers are offered; a wrong manager PIN is refused and nothing is recorded.
  await expect(page.getByTestId('override-manager')).toHaveCount(1);
  await page.getByTestId('override-manager').filter({ hasText: DEMO_MANAGER.name }).click();
  await page.getByTestId('override-pin').fill('0000');
  await page.getByTestId('override-reason').fill('Monnaie pour le fond de caisse');
  await page.getByTestId('override-confirm').click();
  await expect(page.getByTestId('override-error')).toBeVisible();
  await page.getByTestId('override-pin').fill(DEMO_MANAGER.pin);
  await page.getByTestId('override-confirm').click();
  await expect(modal).toHaveCount(0);
  await expect(page.getByTestId('drawer-result')).toHaveAttribute('data-state', 'ok');

  const staff = await serverDocs<StaffDoc>(server, 'demo', 'staff:');
  const idOf = (name: string) => staff.find((s) => s.name === name)?._id;
  await expect.poll(async () => (await serverDocs<OverrideDoc>(server, 'demo', `override:${registerId}:`)).length, { timeout: 30_000 }).toBe(1);
  const [override] = await serverDocs<OverrideDoc>(server, 'demo', `override:${registerId}:`);
  expect(override).toMatchObject({
    action: 'drawer_open', managerId: idOf(DEMO_MANAGER.name), cashierId: idOf(DEMO_CASHIER.name), reason: 'Monnaie pour le fond de caisse', registerId,
  });
  expect(override?.shiftId).toMatch(new RegExp(`^shift:${registerId}:`));
  await expect.poll(async () => (await serverDocs<CashEventDoc>(server, 'demo', `cash:${registerId}:`)).filter((c) => c.kind === 'drawer_open').length, { timeout: 30_000 }).toBe(1);
  const cash = (await serverDocs<CashEventDoc>(server, 'demo', `cash:${registerId}:`)).find((c) => c.kind === 'drawer_open');
  expect(cash).toMatchObject({ amount: 0, overrideId: override?._id, by: idOf(DEMO_CASHIER.name), reason: 'Monnaie pour le fond de caisse' });

  // The journal screen lists the authorisation and verifies this register's (still empty) chain.
  await page.getByTestId('nav-journal').click();
  await expect(page.getByTestId('journal-status')).toHaveAttribute('data-state', 'ok');
  await expect(page.getByTestId('override-row').filter({ hasText: 'Monnaie pour le fond de caisse' })).toContainText(DEMO_MANAGER.name);

  // Cancelling the modal records nothing.
  await page.getByTestId('drawer-open').click();
  await page.getByTestId('override-cancel').click();
  await expect(page.getByTestId('override-modal')).toHaveCount(0);
  expect(await serverDocs<OverrideDoc>(server, 'demo', `override:${registerId}:`)).toHaveLength(1);
});
