/**
 * A WooCommerce pickup order to be paid in the shop (issue 6 acceptance), in Chromium against the
 * demo server linked to the loopback WooCommerce, a real SMTP sink and a fake USB receipt printer:
 * the order arrives by its signed webhook, is recalled, picked, packed and made ready (the customer
 * is mailed); when the customer comes, handing it over takes the balance in cash (cash preselected,
 * the drawer opens once, the receipt prints), then it is picked up — and WooCommerce shows the order
 * paid and completed, each push made once.
 */
import { expect, test, type Page } from '@playwright/test';
import type { ProductDoc, SaleDoc, WebOrderEventDoc } from '../../src/domain/documents.ts';
import { interpret } from '../support/escpos/interpreter.ts';
import { installFakeUsb, type FakeUsbControl } from '../support/fake-usb.ts';
import type { ReceivedRequest } from '../support/mock-platforms/index.ts';
import { pairThroughUi, serverDocs } from './helpers.ts';
import { openShiftThroughUi } from './shift-helpers.ts';
import { startWebStore, STORE, waitUntil, type WebStore } from './web-store.ts';
import { orderStatus as status, historyOf, openOrderRow } from './order-page.ts';

let ws: WebStore;

// A whole day's counter work in one test, on a loaded machine: more than the default two minutes.
test.setTimeout(300_000);

test.beforeAll(async () => {
  ws = await startWebStore(['woocommerce']);
});

test.afterAll(async () => {
  await ws?.stop();
});

type FakeWindow = Window & { __fakeUsb: FakeUsbControl };
const printed = (page: Page): Promise<number[]> => page.evaluate(() => (window as unknown as FakeWindow).__fakeUsb.bytes('p1'));

/** "12,34 €" as the receipt prints an amount in minor units (any space before the sign). */
const euros = (minor: number): RegExp => new RegExp(`${Math.floor(minor / 100)},${String(minor % 100).padStart(2, '0')}\\s*€`);

test('a WooCommerce pickup order paid in the shop: ready (customer mailed), balance in cash (one drawer kick, receipt), picked up — completed on WooCommerce', async ({ page }) => {
  const woo = ws.mock('woocommerce');
  const products = await serverDocs<ProductDoc>(ws.server, STORE, 'product:');
  const price = (sku: string): string => {
    const p = products.find((x) => x.sku === sku);
    if (!p) throw new Error(`no product ${sku}`);
    return (p.price / 100).toFixed(2);
  };

  await page.addInitScript(installFakeUsb, {
    devices: [{ id: 'p1', vendorId: 0x04b8, productId: 0x0e28, serialNumber: 'TM20-0031', productName: 'TM-T20III', manufacturerName: 'EPSON' }],
  });
  const { registerId, pairingCode } = await ws.server.createRegister(STORE, 'Caisse retraits web');
  await pairThroughUi(page, ws.server.url, pairingCode);
  await openShiftThroughUi(page, '150');
  await page.getByTestId('nav-devices').click();
  await page.getByTestId('pair-usb').click();
  await expect(page.getByTestId('device-status')).toHaveAttribute('data-state', 'connected');

  // The customer orders on the web store: collected at the shop, paid there ("cash on pickup").
  const email = 'ines.garnier@example.fr';
  const placed = await ws.placeOrder('woocommerce', {
    id: 952,
    firstName: 'Inès',
    lastName: 'Garnier',
    email,
    pickup: true,
    paid: false,
    gateway: 'cod',
    note: 'Je passe vendredi après 17 h',
    lines: [
      { sku: 'EPI-0001', quantity: 2, price: price('EPI-0001') },
      { sku: 'EPI-0009', quantity: 1, price: price('EPI-0009') },
    ],
  });
  const wooId = String(placed.platformOrder['id']);
  expect(woo.statusOf(wooId)).toBe('on-hold');
  expect(placed.doc.delivery).toBe('pickup');
  expect(placed.doc.payment.state).toBe('to_pay');

  // Recall it from the orders screen.
  await page.getByTestId('nav-orders').click();
  await openOrderRow(page, placed.orderId);
  await expect(status(page)).toHaveAttribute('data-state', 'new');
  await expect(page.getByTestId('order-payment')).toHaveAttribute('data-state', 'to_pay');
  await expect(page.getByTestId('order-customer-note')).toContainText('vendredi');

  await page.getByTestId('pick-complete').click();
  await expect(status(page)).toHaveAttribute('data-state', 'picked');
  await page.getByTestId('order-packed').click();
  await expect(status(page)).toHaveAttribute('data-state', 'packed');
  await page.getByTestId('order-ready').click();
  await expect(status(page)).toHaveAttribute('data-state', 'ready_for_pickup');

  // The customer is told the order waits for them.
  const mail = await ws.smtp.waitFor((m) => (m.subject ?? '').includes(placed.doc.orderNumber) && /retir|pickup/i.test(m.subject ?? ''), 30_000);
  expect(mail.subject).toContain('prête à être retirée');
  expect(ws.smtp.recipients[ws.smtp.messages.indexOf(mail)]).toEqual([email]);
  expect(mail.text ?? '').toContain('12 rue des Halles');

  // The customer arrives: handing over first takes the balance, cash preselected (chosen online).
  await page.getByTestId('order-picked-up').click();
  const balance = page.getByTestId('balance-dialog');
  await expect(balance).toHaveAttribute('data-preselected', 'cash');
  const quick = page.getByTestId('quick-cash');
  await expect(quick.first()).toBeVisible();
  // A rounded-up note when one is offered: the cashier gives change.
  await quick.nth((await quick.count()) > 1 ? 1 : 0).click();
  await page.getByTestId('complete-sale').click();
  await expect(balance).toHaveCount(0);
  await expect(status(page)).toHaveAttribute('data-state', 'picked_up', { timeout: 30_000 });
  await expect(page.getByTestId('order-payment')).toHaveAttribute('data-state', 'paid');
  await expect(historyOf(page, 'paid')).toHaveCount(1);
  await expect(historyOf(page, 'picked_up')).toHaveCount(1);
  await expect(page.getByTestId('order-history-row').and(page.locator('[data-refused="true"]'))).toHaveCount(0);
  await expect(page.getByTestId('order-picked-up')).toHaveCount(0);

  // The drawer opened once and the receipt printed.
  await page.getByTestId('nav-devices').click();
  await expect(page.getByTestId('print-job').and(page.locator('[data-kind="receipt"]'))).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(page.getByTestId('print-job').and(page.locator('[data-kind="drawer"]'))).toHaveCount(1);
  await expect(page.getByTestId('print-job').and(page.locator('[data-kind="drawer"]'))).toHaveAttribute('data-state', 'done');

  await expect(page.getByTestId('pending-count')).toHaveText('0', { timeout: 60_000 });
  const sales = (await serverDocs<SaleDoc>(ws.server, STORE, `sale:${registerId}:`)).filter((s) => s.webOrderId === placed.orderId);
  expect(sales).toHaveLength(1);
  const sale = sales[0]!;
  expect(sale.totals.gross).toBe(placed.doc.total);
  expect(sale.tenders.map((t) => t.kind)).toEqual(['cash']);

  const out = interpret(await printed(page));
  expect(out.kicks).toHaveLength(1);
  const text = out.lines.join('\n');
  expect(text).toContain(sale.receiptLabel);
  expect(text).toMatch(new RegExp(`TOTAL\\s+${euros(sale.totals.gross).source}`));
  expect(text).toMatch(/Espèces\s+\d+,\d\d\s*€/);
  expect(text).toMatch(/Rendu\s+\d+,\d\d\s*€/);
  expect(out.cuts).toHaveLength(1);

  const events = (await serverDocs<WebOrderEventDoc>(ws.server, STORE, `woevent:${registerId}:`)).filter((e) => e.orderId === placed.orderId);
  expect(events.map((e) => e.kind)).toEqual(['picked', 'packed', 'ready_for_pickup', 'paid', 'picked_up']);
  expect(events.find((e) => e.kind === 'paid')?.payment).toMatchObject({ saleId: sale._id, amount: sale.totals.gross });

  // WooCommerce: the order is completed, marked paid, and every step reached it once.
  await waitUntil(`order ${wooId} completed on WooCommerce`, async () => woo.statusOf(wooId) === 'completed', 30_000);
  const orderPath = `/wp-json/wc/v3/orders/${wooId}`;
  const pushes = (): ReceivedRequest[] => woo.received.filter((r) => r.method !== 'GET' && r.path.startsWith(orderPath));
  const bodies = (r: ReceivedRequest): Record<string, unknown> => (r.body ?? {}) as Record<string, unknown>;
  const notes = (): string[] => pushes().filter((r) => r.method === 'POST' && r.path === `${orderPath}/notes`).map((r) => String(bodies(r)['note']));
  // The payment's note follows its status change; wait until the last push landed.
  await waitUntil('the payment and pickup notes on WooCommerce', async () => notes().some((n) => /Commande retirée|Order picked up/.test(n)) && notes().some((n) => /Paiement reçu|Payment received/i.test(n)), 30_000);

  const statusPuts = pushes().filter((r) => r.method === 'PUT' && r.path === orderPath);
  expect(statusPuts.filter((r) => bodies(r)['set_paid'] === true)).toHaveLength(1);
  expect(statusPuts.filter((r) => bodies(r)['status'] === 'completed')).toHaveLength(1);
  expect(statusPuts).toHaveLength(2);
  // Paid first (on-hold → processing), then completed.
  expect(bodies(statusPuts[0]!)['set_paid']).toBe(true);
  expect(woo.orders.get(wooId)?.['date_paid_gmt']).toBeTruthy();

  const allNotes = notes();
  expect(allNotes.filter((n) => /prête à être retirée|ready for pickup/i.test(n))).toHaveLength(1);
  const paidNotes = allNotes.filter((n) => /Paiement reçu|Payment received/i.test(n));
  expect(paidNotes).toHaveLength(1);
  expect(paidNotes[0]).toContain((sale.totals.gross / 100).toFixed(2));
  expect(paidNotes[0]).toMatch(/cash/);
  expect(allNotes.filter((n) => /Commande retirée|Order picked up/.test(n))).toHaveLength(1);
  expect(allNotes).toHaveLength(3);
  // Nothing refunded, nothing shipped.
  expect(woo.refundsOf(wooId)).toEqual([]);
  expect(pushes().filter((r) => r.path.endsWith('/refunds'))).toHaveLength(0);
});
