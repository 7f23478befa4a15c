/**
 * The issue 6 commands against an in-memory port and the read model: one event per step, nothing
 * written when refused, the balance taken as a real sale, bulk actions with one result per order.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SaleDeps } from '../../../src/commands/complete-sale.ts';
import {
  allocateOrder, assignOrder, bulkMarkPacked, bulkMarkShipped, cancelOrder, changeOrder, completePickWithoutScanning, correctOrderAddress,
  markOrdersPaid, markPacked, markPickedUp, markReadyForPickup, markShipped, recordOrderPrinted, recordPick, returnWebOrderItems, takeOrderBalance,
} from '../../../src/commands/index.ts';
import type { OrderStepDeps } from '../../../src/commands/web-order-step.ts';
import type { SaleDoc, WebOrderDoc, WebOrderEventDoc } from '../../../src/domain/documents.ts';
import { money } from '../../../src/domain/money.ts';
import type { ShiftDoc } from '../../../src/domain/register-documents.ts';
import { parseStoreDoc } from '../../../src/domain/validate.ts';
import { savePairing } from '../../../src/store/device-settings.ts';
import { readModelDb } from '../../../src/store/schema.ts';
import { getOrderState, listOrderStates, getAllocationSuggestion } from '../../../src/store/web-order-queries.ts';
import { MemoryPort } from '../commands/memory-port.ts';
import { webOrder } from './web-order-fixtures.ts';

const shift: ShiftDoc = { _id: 'shift:R1:01JSHIFT', type: 'shift', storeId: 'demo', registerId: 'R1', openedAt: '2026-11-28T08:00:00.000Z', openedBy: 'staff:camille', float: money(10000) };
const camille = { staffId: 'staff:camille', name: 'Camille', role: 'cashier' as const };
let port: MemoryPort;
let n = 0;
const deps = (): Partial<OrderStepDeps & SaleDeps> => ({ port: () => port, now: () => new Date('2026-11-28T10:00:00.000Z'), currentStaff: async () => camille, openShift: async () => shift });

/** A fresh order (its own id: the commands remember what this page wrote per order). */
async function newOrder(over: Partial<WebOrderDoc> = {}): Promise<string> {
  n += 1;
  const doc = webOrder({ _id: `weborder:bigcommerce:demo-store:${2000 + n}`, platformOrderId: String(2000 + n), orderNumber: `#${2000 + n}`, ...over });
  await readModelDb().webOrders.put(doc);
  return doc._id;
}
const written = (kind?: WebOrderEventDoc['kind']): WebOrderEventDoc[] =>
  [...port.docs.values()].filter((d): d is WebOrderEventDoc => d.type === 'web_order_event' && (kind === undefined || d.kind === kind));

beforeEach(async () => {
  port = new MemoryPort();
  const db = readModelDb();
  await savePairing({ serverUrl: 'http://srv', storeId: 'demo', registerId: 'R1', registerName: 'Till 1', token: 't', dbName: 'store-demo' });
  await db.storeSettings.put({ _id: 'store:settings', type: 'store_settings', storeId: 'demo', name: 'Demo', address: [], currency: 'EUR', locale: 'fr-FR', defaultLocation: 'shop', locations: [{ id: 'shop', name: 'Boutique' }, { id: 'depot', name: 'Dépôt' }] });
  const product = (sku: string, vatRate: number) => ({ _id: `product:${sku}`, type: 'product' as const, sku, name: sku, barcodes: [`BC${sku}`], price: money(1000), priceIncludesTax: true, vatRate, currency: 'EUR', category: 'x', stockTracked: true, updatedAt: '2026-01-01T00:00:00.000Z', nameTokens: [] });
  await db.products.bulkPut([product('A', 550), product('B', 2000), product('Z', 2000)]);
});

describe('preparing an order', () => {
  it('scan-to-pick writes one valid event per scan and refuses a wrong item without writing', async () => {
    const id = await newOrder();
    const scan = await recordPick(id, 'BCA', {}, deps());
    expect(scan.ok && scan.value.event).toMatchObject({ kind: 'picked', sku: 'A', quantity: 1, orderId: id, by: 'Camille' });
    expect(parseStoreDoc(written()[0]).ok).toBe(true);
    expect(await recordPick(id, 'BCZ', {}, deps())).toEqual({ ok: false, error: { kind: 'not_on_order', sku: 'Z' } });
    expect(await recordPick(id, 'nope', {}, deps())).toEqual({ ok: false, error: { kind: 'unknown_code', code: 'nope' } });
    expect(written()).toHaveLength(1);
  });

  it('picks, packs and ships a paid order (the steps see each other before the read model does)', async () => {
    const id = await newOrder();
    expect((await markShipped(id, {}, deps())).ok).toBe(false);
    expect((await completePickWithoutScanning(id, {}, deps())).ok).toBe(true);
    expect((await markPacked(id, {}, deps())).ok).toBe(true);
    const shipped = await markShipped(id, { tracking: { carrier: 'UPS', number: ' 1Z999 ' }, parcel: { weightGrams: 800 } }, deps());
    expect(shipped.ok && shipped.value.event).toMatchObject({ kind: 'shipped', tracking: { carrier: 'UPS', number: '1Z999' }, parcel: { weightGrams: 800 } });
    expect(written().every((e) => parseStoreDoc(e).ok)).toBe(true);
  });

  it('splits an order over two locations, each packing and shipping its part', async () => {
    const id = await newOrder();
    expect((await allocateOrder(id, [{ sku: 'A', location: 'shop', quantity: 2 }, { sku: 'B', location: 'depot', quantity: 1 }], deps())).ok).toBe(true);
    expect(await markPacked(id, { location: 'depot' }, deps())).toEqual({ ok: false, error: { kind: 'not_picked' } });
    await completePickWithoutScanning(id, { location: 'depot' }, deps());
    await markPacked(id, { location: 'depot' }, deps());
    expect((await markShipped(id, { location: 'depot', tracking: { carrier: 'DHL', number: 'D1' } }, deps())).ok).toBe(true);
    await readModelDb().registerDocs.bulkPut(written());
    expect((await getOrderState(id))?.status).toBe('partially_shipped');
  });

  it('records assignee, address correction and printing; pickup needs the balance', async () => {
    const id = await newOrder({ delivery: 'pickup', payment: { state: 'to_pay' } });
    expect((await assignOrder(id, { id: 'staff:leo', name: 'Léo' }, deps())).ok).toBe(true);
    expect((await correctOrderAddress(id, { customer: { name: 'Camille M.', phone: '+33600000000' } }, deps())).ok).toBe(true);
    expect((await recordOrderPrinted(id, 'packing_slip', deps())).ok).toBe(true);
    expect((await markReadyForPickup(id, { override: true }, deps())).ok).toBe(true);
    expect(await markPickedUp(id, {}, deps())).toEqual({ ok: false, error: { kind: 'unpaid', balance: 5000 } });
    expect(written().every((e) => parseStoreDoc(e).ok)).toBe(true);
  });
});

describe('money', () => {
  it('takes the balance as a real sale carrying webOrderId, then writes the paid event naming it', async () => {
    // The platform's total includes shipping (4 500 of goods + 500).
    const id = await newOrder({ delivery: 'pickup', payment: { state: 'to_pay' }, paymentProcessor: 'cod' });
    const r = await takeOrderBalance(id, [{ kind: 'cash', amount: money(6000) }], deps());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const sale = port.docs.get(r.value.sale._id) as SaleDoc;
    expect(sale).toMatchObject({ webOrderId: id, totals: { gross: 5000, change: 1000 } });
    expect(sale.lines.map((l) => [l.sku, l.quantity, l.vatRate])).toEqual([['A', 2, 550], ['B', 1, 2000], ['LIVRAISON', 1, 2000]]);
    expect(parseStoreDoc(sale).ok).toBe(true);
    expect(r.value.event).toMatchObject({ kind: 'paid', payment: { amount: 5000, method: 'cash', saleId: sale._id } });
    expect(await takeOrderBalance(id, [{ kind: 'cash', amount: money(100) }], deps())).toEqual({ ok: false, error: { kind: 'nothing_due' } });
    expect([...port.docs.values()].filter((d) => d.type === 'sale')).toHaveLength(1);
    expect((await markPickedUp(id, { override: true }, deps())).ok).toBe(true);
  });

  it('refuses to take a balance on a cancelled order, and an underpayment saves nothing', async () => {
    const id = await newOrder({ payment: { state: 'to_pay' }, total: money(5500) });
    const under = await takeOrderBalance(id, [{ kind: 'cash', amount: money(100) }], deps());
    expect(under.ok ? null : under.error.kind).toBe('underpaid');
    expect(port.docs.size).toBe(0);
    await cancelOrder(id, { reason: 'Client injoignable' }, deps());
    expect(await takeOrderBalance(id, [{ kind: 'cash', amount: money(5500) }], deps())).toEqual({ ok: false, error: { kind: 'closed', status: 'cancelled' } });
  });

  it('marks several orders paid (reconciled) with one result per order', async () => {
    const a = await newOrder({ payment: { state: 'to_pay' } });
    const b = await newOrder();
    const results = await markOrdersPaid([a, b, 'weborder:bigcommerce:demo-store:404'], { method: 'Virement', reference: 'VIR-1' }, deps());
    expect(results.map((r) => [r.orderId, r.result.ok ? r.result.value.event.payment : r.result.error])).toEqual([
      [a, { amount: 5000, method: 'Virement', reference: 'VIR-1' }],
      [b, { kind: 'nothing_due' }],
      ['weborder:bigcommerce:demo-store:404', { kind: 'order_not_found' }],
    ]);
  });

  it('a change refunds the difference when paid; cancel refunds what was paid, less a surcharge', async () => {
    const id = await newOrder();
    const swap = await changeOrder(id, { sku: 'A', remove: 1, add: { sku: 'Z', name: 'Z', quantity: 1, unitPrice: money(400) } }, { refundTo: 'store_credit' }, deps());
    expect(swap.ok && swap.value.event.refund).toMatchObject({ to: 'store_credit', amount: 600 });
    expect(swap.ok && swap.value.event.refund?.voucher).toMatch(/^AV-/);
    const cancel = await cancelOrder(id, { reason: 'Rupture', surcharge: 300, surchargeReason: 'Frais de dossier' }, deps());
    expect(cancel.ok && cancel.value.event).toMatchObject({ kind: 'cancelled', reason: 'Rupture', restock: true, refund: { to: 'original', amount: 4100, surcharge: 300 } });
    expect(written().every((e) => parseStoreDoc(e).ok)).toBe(true);
  });

  it('a return after shipping refunds the units less the surcharge', async () => {
    const id = await newOrder();
    await markShipped(id, { override: true }, deps());
    const r = await returnWebOrderItems(id, [{ sku: 'A', quantity: 1 }], { refundTo: 'original', surcharge: 150, surchargeReason: 'Port retour', restock: false }, deps());
    expect(r.ok && r.value.event).toMatchObject({ kind: 'returned', restock: false, refund: { to: 'original', amount: 850, surcharge: 150, surchargeReason: 'Port retour' } });
  });
});

describe('bulk and queries', () => {
  it('packs and ships several orders, one result each', async () => {
    const a = await newOrder();
    const b = await newOrder({ payment: { state: 'to_pay' } });
    await completePickWithoutScanning(a, {}, deps());
    await completePickWithoutScanning(b, {}, deps());
    expect((await bulkMarkPacked([a, b], deps())).map((r) => r.result.ok)).toEqual([true, true]);
    const shipped = await bulkMarkShipped([a, b], { carrier: 'Colissimo', trackingById: { [a]: '6A123' } }, deps());
    expect(shipped[0]?.result.ok && shipped[0].result.value.event.tracking).toEqual({ carrier: 'Colissimo', number: '6A123' });
    expect(shipped[1]?.result).toEqual({ ok: false, error: { kind: 'unpaid', balance: 5000 } });
  });

  it('lists every order with its state and suggests an allocation from the stock on hand', async () => {
    const id = await newOrder();
    const db = readModelDb();
    await db.stockLevels.bulkPut([
      { sku: 'A', location: 'shop', onHand: 0, baseline: null },
      { sku: 'A', location: 'depot', onHand: 5, baseline: null },
      { sku: 'B', location: 'shop', onHand: 1, baseline: null },
    ]);
    expect(await getAllocationSuggestion(id)).toEqual([{ sku: 'A', location: 'depot', quantity: 2 }, { sku: 'B', location: 'shop', quantity: 1 }]);
    const all = await listOrderStates();
    expect(all.find((r) => r.order._id === id)?.state.status).toBe('new');
  });
});
