import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { completeSale, type SaleDeps } from '../../../src/commands/complete-sale.ts';
import { addProduct, emptyCart, setLineDiscount } from '../../../src/domain/cart.ts';
import type { SaleDoc } from '../../../src/domain/documents.ts';
import { money } from '../../../src/domain/money.ts';
import type { ShiftDoc } from '../../../src/domain/register-documents.ts';
import { clearPairing, savePairing } from '../../../src/store/device-settings.ts';
import { readModelDb } from '../../../src/store/schema.ts';
import type { Pairing } from '../../../src/store/sync-port.ts';
import { MemoryPort } from './memory-port.ts';

const pairing: Pairing = { serverUrl: 'http://srv', storeId: 'demo', registerId: 'R1', registerName: 'Till 1', token: 't', dbName: 'store-demo' };
const cart = addProduct(emptyCart(), { sku: 'A', name: 'Pomme', price: money(250), priceIncludesTax: true, vatRate: 550 }, 2);
const shift: ShiftDoc = { _id: 'shift:R1:01JSHIFT', type: 'shift', storeId: 'demo', registerId: 'R1', openedAt: '2026-03-01T08:00:00.000Z', openedBy: 'staff:camille', float: money(10000) };
let openShift: ShiftDoc | null = shift;
const camille = { staffId: 'staff:camille', name: 'Camille', role: 'cashier' as const };
const cash = [{ kind: 'cash' as const, amount: money(1000) }];
const now = () => new Date('2026-03-01T09:00:00.000Z');

let port: MemoryPort;
const deps = (): Partial<SaleDeps> => ({ port: () => port, now, currentStaff: async () => camille, openShift: async () => openShift });

beforeEach(async () => {
  port = new MemoryPort();
  openShift = shift;
  const db = readModelDb();
  await db.storeSettings.clear();
  await savePairing(pairing);
  await db.storeSettings.put({
    _id: 'store:settings', type: 'store_settings', storeId: 'demo', name: 'Demo', address: [], currency: 'EUR', locale: 'fr-FR', defaultLocation: 'shop',
  });
});

describe('completeSale', () => {
  it('builds the sale with the next receipt number and commits it before reporting success', async () => {
    const r = await completeSale({ cart, tenders: cash }, deps());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      _id: 'sale:R1:00000001', receiptNumber: 1, location: 'shop', currency: 'EUR', storeId: 'demo',
      cashier: 'Camille', cashierId: 'staff:camille', shiftId: shift._id,
    });
    expect(r.value.journal).toMatchObject({ seq: 1, prev: '', grandTotal: 500 });
    expect(r.value.totals).toMatchObject({ gross: 500, change: 500 });
    expect(port.docs.has('sale:R1:00000001')).toBe(true);
    expect((await completeSale({ cart, tenders: cash }, deps())).ok && port.docs.has('sale:R1:00000002')).toBe(true);
  });

  it('retries once with the next number on a conflict, then gives up without saving', async () => {
    port.stealOnCommit = ['sale:R1:00000001'];
    const r = await completeSale({ cart, tenders: cash }, deps());
    expect(r.ok && r.value.receiptNumber).toBe(2);

    port.stealOnCommit = ['sale:R1:00000003', 'sale:R1:00000004'];
    const refused = await completeSale({ cart, tenders: cash }, deps());
    expect(refused).toEqual({ ok: false, error: { kind: 'receipt_conflict', receiptNumber: 4 } });
  });

  it('serialises concurrent calls so they never claim the same number', async () => {
    port.commitDelayMs = 5;
    const results = await Promise.all([1, 2, 3].map(() => completeSale({ cart, tenders: cash }, deps())));
    expect(results.map((r) => r.ok && r.value.receiptNumber)).toEqual([1, 2, 3]);
  });

  it('returns refusals as data: domain refusals, not paired, storage failure', async () => {
    const under = await completeSale({ cart, tenders: [{ kind: 'cash', amount: money(100) }] }, deps());
    expect(under.ok ? null : under.error.kind).toBe('underpaid');
    expect(port.docs.size).toBe(0);

    port.failWith = Object.assign(new Error('The device storage is full'), { name: 'QuotaExceededError' });
    const full = await completeSale({ cart, tenders: cash }, deps());
    expect(full).toEqual({ ok: false, error: { kind: 'not_saved', message: 'The device storage is full' } });

    await clearPairing();
    const unpaired = await completeSale({ cart, tenders: cash }, deps());
    expect(unpaired).toEqual({ ok: false, error: { kind: 'not_paired' } });
  });

  it('refuses without an open shift or a signed-in cashier, and when a discount still needs a manager', async () => {
    openShift = null;
    expect(await completeSale({ cart, tenders: cash }, deps())).toEqual({ ok: false, error: { kind: 'no_open_shift' } });
    openShift = shift;
    expect(await completeSale({ cart, tenders: cash }, { ...deps(), currentStaff: async () => null })).toEqual({ ok: false, error: { kind: 'not_signed_in' } });
    const discounted = setLineDiscount(cart, 1, { kind: 'percent', value: 5000 });
    const r = await completeSale({ cart: discounted, tenders: cash }, deps());
    expect(r.ok ? null : r.error.kind).toBe('needs_manager');
    expect(port.docs.size).toBe(0);
  });

  it('chains journal links across sales and records card details and the customer', async () => {
    await completeSale({ cart, tenders: cash }, deps());
    const withCustomer = { ...cart, customerId: 'customer:01JCUST' };
    const r = await completeSale({ cart: withCustomer, tenders: [{ kind: 'card', amount: money(500), card: { approvalCode: 'OK123', last4: '4242' } }] }, deps());
    expect(r.ok).toBe(true);
    const second = port.docs.get('sale:R1:00000002') as SaleDoc;
    expect(second.customerId).toBe('customer:01JCUST');
    expect(second.tenders[0]!.card).toEqual({ approvalCode: 'OK123', last4: '4242' });
    expect(second.journal?.seq).toBe(2);
    expect(second.journal?.prev).toBe((port.docs.get('sale:R1:00000001') as SaleDoc).journal?.hash);
    const bare = await completeSale({ cart, tenders: [{ kind: 'card', amount: money(500) }] }, deps());
    expect(bare.ok ? null : bare.error).toMatchObject({ kind: 'invalid_tender', reason: 'card_details' });
  });
});
