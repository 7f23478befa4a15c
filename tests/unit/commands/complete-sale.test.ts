import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { completeSale } from '../../../src/commands/complete-sale.ts';
import { money } from '../../../src/domain/money.ts';
import type { CartLine } from '../../../src/domain/sale.ts';
import { clearPairing, savePairing } from '../../../src/store/device-settings.ts';
import { readModelDb } from '../../../src/store/schema.ts';
import type { Pairing } from '../../../src/store/sync-port.ts';
import { MemoryPort } from './memory-port.ts';

const pairing: Pairing = { serverUrl: 'http://srv', storeId: 'demo', registerId: 'R1', registerName: 'Till 1', token: 't', dbName: 'store-demo' };
const cart: CartLine[] = [{ product: { sku: 'A', name: 'Pomme', price: money(250), priceIncludesTax: true, vatRate: 550 }, quantity: 2 }];
const cash = [{ kind: 'cash' as const, amount: money(1000) }];
const now = () => new Date('2026-03-01T09:00:00.000Z');

let port: MemoryPort;
const deps = () => ({ port: () => port, now });

beforeEach(async () => {
  port = new MemoryPort();
  const db = readModelDb();
  await db.storeSettings.clear();
  await savePairing(pairing);
  await db.storeSettings.put({
    _id: 'store:settings', type: 'store_settings', storeId: 'demo', name: 'Demo', address: [], currency: 'EUR', locale: 'fr-FR', defaultLocation: 'shop',
  });
});

describe('completeSale', () => {
  it('builds the sale with the next receipt number and commits it before reporting success', async () => {
    const r = await completeSale({ cart, tenders: cash, cashier: 'alice' }, deps());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ _id: 'sale:R1:00000001', receiptNumber: 1, location: 'shop', currency: 'EUR', storeId: 'demo' });
    expect(r.value.totals).toMatchObject({ gross: 500, change: 500 });
    expect(port.docs.has('sale:R1:00000001')).toBe(true);
    expect((await completeSale({ cart, tenders: cash, cashier: 'alice' }, deps())).ok && port.docs.has('sale:R1:00000002')).toBe(true);
  });

  it('retries once with the next number on a conflict, then gives up without saving', async () => {
    port.stealOnCommit = ['sale:R1:00000001'];
    const r = await completeSale({ cart, tenders: cash, cashier: 'alice' }, deps());
    expect(r.ok && r.value.receiptNumber).toBe(2);

    port.stealOnCommit = ['sale:R1:00000003', 'sale:R1:00000004'];
    const refused = await completeSale({ cart, tenders: cash, cashier: 'alice' }, deps());
    expect(refused).toEqual({ ok: false, error: { kind: 'receipt_conflict', receiptNumber: 4 } });
  });

  it('serialises concurrent calls so they never claim the same number', async () => {
    port.commitDelayMs = 5;
    const results = await Promise.all([1, 2, 3].map(() => completeSale({ cart, tenders: cash, cashier: 'alice' }, deps())));
    expect(results.map((r) => r.ok && r.value.receiptNumber)).toEqual([1, 2, 3]);
  });

  it('returns refusals as data: domain refusals, not paired, storage failure', async () => {
    const under = await completeSale({ cart, tenders: [{ kind: 'cash', amount: money(100) }], cashier: 'alice' }, deps());
    expect(under.ok ? null : under.error.kind).toBe('underpaid');
    expect(port.docs.size).toBe(0);

    port.failWith = Object.assign(new Error('The device storage is full'), { name: 'QuotaExceededError' });
    const full = await completeSale({ cart, tenders: cash, cashier: 'alice' }, deps());
    expect(full).toEqual({ ok: false, error: { kind: 'not_saved', message: 'The device storage is full' } });

    await clearPairing();
    const unpaired = await completeSale({ cart, tenders: cash, cashier: 'alice' }, deps());
    expect(unpaired).toEqual({ ok: false, error: { kind: 'not_paired' } });
  });
});
