/**
 * Keyboard-wedge scanning on the real sell screen: a scan is a fast burst of keys ending in Enter
 * (8 ms apart). It adds exactly one item, leaves no characters behind in the search
 * box, works on an AZERTY layout (digits arrive as & é " ' ( - è _ ç à with their Digit codes: real
 * key events through the DevTools protocol) and with the cursor in another field (the customer
 * search). A person typing 150 ms apart is not a scanner: the text stays, and Enter searches as usual.
 */
import { test, expect, type Page } from '@playwright/test';
import path from 'node:path';
import type { ProductDoc } from '../../src/domain/documents.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { pairThroughUi, serverDocs } from './helpers.ts';

let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer({ seedDemo: true, staticDir: process.env['E2E_STATIC_DIR'] ?? path.resolve('dist') });
});

test.afterAll(async () => {
  await server?.stop();
});

const AZERTY: Record<string, string> = { '1': '&', '2': 'é', '3': '"', '4': "'", '5': '(', '6': '-', '7': 'è', '8': '_', '9': 'ç', '0': 'à' };

/** Waits until the product has been projected into this device's read model. */
async function waitForProduct(page: Page, code: string): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(
          (barcode) =>
            new Promise<boolean>((resolve) => {
              const open = indexedDB.open('comptoir-readmodel');
              open.onerror = () => resolve(false);
              open.onsuccess = () => {
                const db = open.result;
                try {
                  const q = db.transaction('products').objectStore('products').index('barcodes').count(barcode);
                  q.onsuccess = () => resolve(q.result > 0);
                  q.onerror = () => resolve(false);
                } catch {
                  resolve(false);
                } finally {
                  db.close();
                }
              };
            }),
          code,
        ),
      { timeout: 60_000 },
    )
    .toBe(true);
}

interface Stroke {
  key: string;
  code: string;
  vk: number;
}

const qwertyDigits = (code: string): Stroke[] => [...code].map((d) => ({ key: d, code: `Digit${d}`, vk: 48 + Number(d) }));
const azertyDigits = (code: string): Stroke[] => [...code].map((d) => ({ key: AZERTY[d] as string, code: `Digit${d}`, vk: 48 + Number(d) }));
const letters = (text: string): Stroke[] => [...text].map((ch) => ({ key: ch, code: `Key${ch.toUpperCase()}`, vk: ch.toUpperCase().charCodeAt(0) }));
const ENTER: Stroke = { key: 'Enter', code: 'Enter', vk: 13 };

/**
 * Real (trusted) key events through the DevTools protocol, each stamped with the time the keyboard or
 * scanner produced it, `gapMs` apart: the page sees the same KeyboardEvent.timeStamp gaps a scanner
 * (8 ms) or a person (150 ms) would give, however busy the test machine is when they are delivered.
 */
async function typeKeys(page: Page, strokes: Stroke[], gapMs: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const t0 = Date.now() / 1000;
  // Sent without waiting for each answer (the protocol keeps their order), so that they also arrive
  // close together: a scanner's keys reach the page back to back.
  const sent: Array<Promise<unknown>> = [];
  for (const [i, s] of strokes.entries()) {
    const text = s.key === 'Enter' ? '\r' : s.key;
    const common = { key: s.key, code: s.code, windowsVirtualKeyCode: s.vk, timestamp: t0 + (i * gapMs) / 1000 };
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', text, unmodifiedText: text, ...common }));
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...common, timestamp: common.timestamp + 0.002 }));
    // A person's keys also arrive a person's pace apart.
    if (gapMs >= 100) await Promise.all(sent.splice(0)).then(() => new Promise((r) => setTimeout(r, gapMs)));
  }
  await Promise.all(sent);
  await cdp.detach();
}

const line = (page: Page, sku: string) => page.locator(`[data-testid="cart-line"][data-sku="${sku}"]`);

test('fast bursts are scans (QWERTY, AZERTY, inside another field); slow typing is not', async ({ page }) => {
  test.setTimeout(240_000);
  page.on('pageerror', (e) => console.log('[pageerror]', e.message));
  const products = (await serverDocs<ProductDoc>(server, 'demo', 'product:')).filter((p) => p.barcodes.length > 0);
  const [a, b, c] = products;
  expect(c).toBeDefined();
  const { pairingCode } = await server.createRegister('demo', 'Caisse scan');
  await pairThroughUi(page, server.url, pairingCode);
  await waitForProduct(page, c!.barcodes[0]!);
  const search = page.getByTestId('search');
  await expect(search).toBeFocused();

  // 1. A QWERTY scan typed into the focused search box: one line, nothing left in the box.
  await typeKeys(page, [...qwertyDigits(a!.barcodes[0]!), ENTER], 8);
  await expect(line(page, a!.sku)).toHaveCount(1);
  await expect(line(page, a!.sku).getByTestId('cart-qty')).toHaveText('1');
  await expect(search).toHaveValue('');
  await expect(page.getByTestId('product-unknown')).toHaveCount(0);

  // The same item again: exactly one more (the search box's Enter never adds it a second time).
  await typeKeys(page, [...qwertyDigits(a!.barcodes[0]!), ENTER], 8);
  await expect(line(page, a!.sku).getByTestId('cart-qty')).toHaveText('2');
  await expect(search).toHaveValue('');

  // 2. A person typing the same code, 150 ms per key: it stays in the box, nothing is added…
  await search.click();
  await typeKeys(page, qwertyDigits(a!.barcodes[0]!), 150);
  await expect(search).toHaveValue(a!.barcodes[0]!);
  await page.waitForTimeout(300);
  await expect(line(page, a!.sku).getByTestId('cart-qty')).toHaveText('2');
  // …until Enter, which takes the usual search path and adds it once.
  await page.keyboard.press('Enter');
  await expect(line(page, a!.sku).getByTestId('cart-qty')).toHaveText('3');
  await expect(search).toHaveValue('');

  // 3. AZERTY: the digits arrive as & é " ' ( - è _ ç à; the product is found all the same.
  await search.click();
  await typeKeys(page, [...azertyDigits(b!.barcodes[0]!), ENTER], 8);
  await expect(line(page, b!.sku)).toHaveCount(1);
  await expect(search).toHaveValue('');
  await expect(page.getByTestId('product-unknown')).toHaveCount(0);

  // 4. With the cursor in the customer search (text already typed there), a scan still lands in the
  //    cart and leaves the customer search as it was.
  await page.getByTestId('customer-attach').click();
  const customerSearch = page.getByTestId('customer-search');
  await customerSearch.click();
  await typeKeys(page, letters('dup'), 150);
  await typeKeys(page, [...qwertyDigits(c!.barcodes[0]!), ENTER], 8);
  await expect(line(page, c!.sku)).toHaveCount(1);
  await expect(customerSearch).toHaveValue('dup');
  await expect(page.getByTestId('cart-line')).toHaveCount(3);
});
