/**
 * Resolving oversell tasks (issue 7) in Chromium against the real server, the demo store with a
 * warehouse, and a mock Shopify. The register sells the last unit of two items at the shop; a web
 * order then takes the same last units: after "Reconcile now" there is one task per item, naming
 * the sale and the order. The first is resolved by moving a unit from the warehouse (keyboard only),
 * the second by taking the item off the web order. Each task then shows as recovered / resolved,
 * with who did it; the server received exactly the transfer's two movements, exactly one order
 * change (refunded to the original payment) and one resolution record each — and nothing else.
 */
import { test, expect, type Locator } from '@playwright/test';
import type { ProductDoc, SaleDoc, StockMovementDoc, WebOrderDoc, WebOrderEventDoc } from '../../src/domain/documents.ts';
import type { OversellResolutionDoc } from '../../src/domain/reconcile/resolution-doc.ts';
import { DEMO_CASHIER, pairReadyToSell, sellForCash, serverDocs } from './helpers.ts';
import { countStock, setStoreLocations, startWebStore, STORE, type WebStore } from './web-store.ts';

const SHOP = 'shop';
const WAREHOUSE = 'warehouse';
let ws: WebStore;

test.beforeAll(async () => {
  ws = await startWebStore(['shopify']);
});

test.afterAll(async () => {
  await ws?.stop();
});

/** The register-written documents on the server, id → revision. */
async function serverState(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const prefix of ['sale:', 'stock:', 'woevent:', 'oversellfix:', 'override:']) {
    for (const d of await serverDocs<{ _id: string; _rev: string }>(ws.server, STORE, prefix)) out.set(d._id, d._rev);
  }
  return out;
}

/** What appeared on the server since `before` (nothing may have changed or gone). */
async function added(before: Map<string, string>): Promise<string[]> {
  const now = await serverState();
  for (const [id, rev] of before) expect(now.get(id), `${id} unchanged`).toBe(rev);
  return [...now.keys()].filter((id) => !before.has(id)).sort();
}

async function expectTouchTarget(target: Locator): Promise<void> {
  const box = await target.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(44);
  expect(box!.width).toBeGreaterThanOrEqual(44);
}

test('an oversell resolved by moving stock from the warehouse, another by cancelling the web line', async ({ page }) => {
  test.setTimeout(180_000);
  const seeded = new Set((await serverDocs<WebOrderDoc>(ws.server, STORE, 'weborder:')).flatMap((o) => o.lines.map((l) => l.sku)));
  const products = (await serverDocs<ProductDoc>(ws.server, STORE, 'product:')).filter((p) => p.stockTracked && p.barcodes.length > 0 && !seeded.has(p.sku));
  const [moved, cancelled] = products as [ProductDoc, ProductDoc];
  await setStoreLocations(ws, [{ id: SHOP, name: 'Boutique' }, { id: WAREHOUSE, name: 'Entrepôt' }]);
  for (const p of [moved, cancelled]) await countStock(ws, p.sku, SHOP, 1);
  await countStock(ws, moved.sku, WAREHOUSE, 5);

  const { pairingCode } = await ws.server.createRegister(STORE, 'Caisse 1');
  await pairReadyToSell(page, ws.server.url, pairingCode);
  // The register sells the last unit of both at the shop, then the web store takes them too.
  const receipt = await sellForCash(page, [moved.barcodes[0]!, cancelled.barcodes[0]!]);
  const placed = await ws.placeOrder('shopify', {
    firstName: 'Inès', lastName: 'Moreau', email: 'ines@example.test',
    lines: [{ sku: moved.sku, quantity: 1, price: '4.50' }, { sku: cancelled.sku, quantity: 1, price: '3.20' }],
  });

  await page.getByTestId('nav-stock').click();
  const task = (sku: string): Locator => page.locator(`[data-testid="oversell-task"][data-sku="${sku}"][data-location="${SHOP}"]`);
  await expect(async () => {
    await page.getByTestId('reconcile-now').click();
    await expect(page.getByTestId('reconcile-run')).toHaveAttribute('data-busy', 'false', { timeout: 30_000 });
    for (const sku of [moved.sku, cancelled.sku]) await expect(task(sku).getByTestId('oversell-claim')).toHaveCount(2, { timeout: 2_000 });
  }).toPass({ timeout: 90_000, intervals: [1_000, 2_000] });
  for (const sku of [moved.sku, cancelled.sku]) {
    await expect(task(sku)).toHaveAttribute('data-status', 'open');
    const labels = task(sku).getByTestId('oversell-claim-label');
    await expect.poll(async () => (await labels.allInnerTexts()).map((t) => t.trim()).sort()).toEqual([receipt, placed.doc.orderNumber].sort());
  }
  expect(await serverDocs(ws.server, STORE, 'oversellfix:')).toEqual([]);

  // 1. Move one unit from the warehouse: the warehouse is offered with what it has, the shortfall prefilled.
  let before = await serverState();
  const first = task(moved.sku);
  await first.getByTestId('oversell-move-open').focus();
  await page.keyboard.press('Enter');
  const source = first.getByTestId('oversell-move-source');
  await expect(source).toHaveCount(1);
  await expect(source).toHaveAttribute('data-location', WAREHOUSE);
  await expect(source).toHaveAttribute('data-available', '5');
  await expect(source).toBeFocused();
  const qty = first.getByTestId('oversell-move-qty');
  await expect(qty).toHaveValue('1');
  for (const target of [first.getByTestId('oversell-move-confirm'), first.getByTestId('oversell-move-close'), first.getByTestId('oversell-cancel-line')]) await expectTouchTarget(target);
  await qty.focus();
  await page.keyboard.press('Enter');
  await expect(first).toHaveAttribute('data-status', 'recovered', { timeout: 30_000 });
  await expect(first).toHaveAttribute('data-state', 'recovered');
  await expect(first.getByTestId('oversell-resolution')).toHaveAttribute('data-action', 'transfer');
  await expect(first.getByTestId('oversell-resolution')).toContainText(DEMO_CASHIER.name);
  await expect(first.getByTestId('oversell-move-open')).toHaveCount(0);

  let fixes: OversellResolutionDoc[] = [];
  await expect.poll(async () => (fixes = await serverDocs<OversellResolutionDoc>(ws.server, STORE, 'oversellfix:')).length, { timeout: 30_000 }).toBe(1);
  const transfer = fixes[0]!;
  expect(transfer).toMatchObject({ action: 'transfer', sku: moved.sku, location: SHOP, from: WAREHOUSE, quantity: 1, by: DEMO_CASHIER.name, taskId: await first.getAttribute('data-id') });
  const movements = (await serverDocs<StockMovementDoc>(ws.server, STORE, 'stock:')).filter((m) => m.ref === transfer.ref);
  expect(movements.map((m) => [m.sku, m.location, m.reason, m.delta]).sort()).toEqual([[moved.sku, SHOP, 'transfer', 1], [moved.sku, WAREHOUSE, 'transfer', -1]].sort());
  expect(await added(before)).toEqual([transfer._id, ...movements.map((m) => m._id)].sort());
  // The other task is untouched.
  await expect(task(cancelled.sku)).toHaveAttribute('data-status', 'open');

  // 2. Take the other item off the web order: a confirmation, refunded to the original payment.
  before = await serverState();
  const second = task(cancelled.sku);
  await second.locator('[data-testid="oversell-claim"][data-kind="web_order"]').getByTestId('oversell-cancel-line').click();
  const dialog = page.getByTestId('oversell-cancel-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('oversell-cancel-qty')).toHaveValue('1');
  await expect(dialog.getByTestId('oversell-cancel-refund')).toContainText(/3[.,]20/);
  await expectTouchTarget(dialog.getByTestId('oversell-cancel-confirm'));
  await dialog.getByTestId('oversell-cancel-confirm').click();
  await expect(dialog).toHaveCount(0, { timeout: 30_000 });
  // The order no longer holds the unit: the collision is gone, the task stays listed as resolved.
  await expect(second).toHaveAttribute('data-status', 'resolved', { timeout: 30_000 });
  await expect(second).toHaveAttribute('data-state', 'gone');
  await expect(second.getByTestId('oversell-resolution')).toHaveAttribute('data-action', 'cancel_line');
  await expect(second.getByTestId('oversell-resolution')).toContainText(placed.doc.orderNumber);

  await expect.poll(async () => (fixes = await serverDocs<OversellResolutionDoc>(ws.server, STORE, 'oversellfix:')).length, { timeout: 30_000 }).toBe(2);
  const cancelFix = fixes.find((f) => f.action === 'cancel_line')!;
  const changes = (await serverDocs<WebOrderEventDoc>(ws.server, STORE, 'woevent:')).filter((e) => e.orderId === placed.orderId);
  expect(changes).toHaveLength(1);
  expect(changes[0]).toMatchObject({ _id: cancelFix.ref, kind: 'changed', change: { sku: cancelled.sku, remove: 1 }, refund: { to: 'original', amount: 320 } });
  expect(cancelFix).toMatchObject({ sku: cancelled.sku, location: SHOP, orderId: placed.orderId, quantity: 1, by: DEMO_CASHIER.name });
  expect(await added(before)).toEqual([cancelFix._id, changes[0]!._id].sort());

  // Nothing else: the sale is still the one sale, the first task still recovered.
  expect((await serverDocs<SaleDoc>(ws.server, STORE, 'sale:')).map((s) => s.receiptLabel)).toEqual([receipt]);
  await expect(first).toHaveAttribute('data-status', 'recovered');
});

