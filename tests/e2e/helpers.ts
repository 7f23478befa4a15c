/**
 * What the browser tests share: a real sync server serving the built app, pairing through the real
 * pairing screen, selling through the real sell screen, and admin reads of what the server holds.
 */
import { expect, type Page } from '@playwright/test';
import type { RunningServer } from '../support/server.ts';

interface AllDocs<T> {
  rows: Array<{ id: string; doc: T }>;
}

/** Documents of the store database whose id starts with `prefix`, read on the server as admin. */
export async function serverDocs<T>(server: RunningServer, storeId: string, prefix: string): Promise<T[]> {
  const start = encodeURIComponent(JSON.stringify(prefix));
  const end = encodeURIComponent(JSON.stringify(prefix + '\ufff0'));
  const response = await server.adminFetch(`/db/store-${storeId}/_all_docs?include_docs=true&startkey=${start}&endkey=${end}`);
  if (!response.ok) throw new Error(`reading ${prefix}* on the server: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as AllDocs<T>;
  return body.rows.map((row) => row.doc);
}

/** The demo store's staff (sync-server/seed/demo-staff.ts, README). */
export const DEMO_CASHIER = { name: 'Camille', pin: '1234' } as const;
export const DEMO_MANAGER = { name: 'Marc', pin: '9876' } as const;

/** Signs in on the sign-in screen every register route shows until someone is signed in. */
export async function signInAs(page: Page, staff: { name: string; pin: string } = DEMO_CASHIER): Promise<void> {
  const button = page.getByTestId('signin-staff').filter({ hasText: staff.name });
  await expect(button).toBeVisible({ timeout: 60_000 }); // staff documents replicate right after pairing
  await button.click();
  await page.getByTestId('signin-pin').fill(staff.pin);
  await page.getByTestId('signin-submit').click();
  // The PIN hash check (PBKDF2) takes seconds on a loaded machine.
  await expect(page.getByTestId('staff-current')).toContainText(staff.name, { timeout: 60_000 });
}

/** Pairs the page's register through the real pairing screen, signs the demo cashier in, waits until online. */
export async function pairThroughUi(page: Page, baseUrl: string, code: string, staff: { name: string; pin: string } = DEMO_CASHIER): Promise<void> {
  await page.goto(baseUrl + '/');
  await expect(page.getByTestId('pair-code')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('pair-server')).toHaveValue(baseUrl);
  await page.getByTestId('pair-code').fill(code);
  await page.getByTestId('pair-submit').click();
  await signInAs(page, staff);
  await expect(page.getByTestId('search')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online', { timeout: 60_000 });
}

/** Pairs, signs the demo cashier in and opens a shift with a float, ready to sell; back on the sell screen. */
export async function pairReadyToSell(page: Page, baseUrl: string, code: string, float = '100'): Promise<void> {
  await pairThroughUi(page, baseUrl, code);
  await page.getByTestId('nav-shift').click();
  await expect(page.getByTestId('shift-state')).toHaveAttribute('data-state', 'closed');
  await page.getByTestId('shift-float').fill(float);
  await page.getByTestId('shift-open').click();
  await expect(page.getByTestId('shift-state')).toHaveAttribute('data-state', 'open');
  await page.getByTestId('nav-sell').click();
  await expect(page.getByTestId('search')).toBeVisible();
}

/** Waits until the service worker controls the page, so a reload works without the network. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.active !== null && navigator.serviceWorker.controller !== null;
  }, undefined, { timeout: 30_000 });
}

async function unitsInCart(page: Page): Promise<number> {
  const quantities = await page.getByTestId('cart-qty').allTextContents();
  return quantities.reduce((sum, q) => sum + Number(q.trim()), 0);
}

/** Scans barcodes into the search box, pays with the first quick-cash button, returns the receipt label. */
export async function sellForCash(page: Page, barcodes: string[]): Promise<string> {
  for (const [i, code] of barcodes.entries()) {
    await page.getByTestId('search').fill(code);
    await page.getByTestId('search').press('Enter');
    // Each scan is one more unit in the cart before the next one is typed (a busy machine is slow).
    await expect.poll(async () => unitsInCart(page), { timeout: 30_000 }).toBe(i + 1);
  }
  await expect(page.getByTestId('cart-line')).toHaveCount(new Set(barcodes).size);
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
