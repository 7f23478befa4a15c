import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { applyStockPlan, planReceiving, planStockTakeApply, planStockTransfer } from '../../src/commands/stock-ops.ts';
import { nameTokens } from '../../src/domain/catalog.ts';
import type { ProductDoc, StockMovementDoc, StoreDoc } from '../../src/domain/documents.ts';
import { money } from '../../src/domain/money.ts';
import { countScan, startStockTake } from '../../src/domain/stock-ops.ts';
import { savePairing } from '../../src/store/device-settings.ts';
import { readModelDb } from '../../src/store/schema.ts';
import { getStockLocations, listStock } from '../../src/store/stock-queries.ts';
import type { CommitResult } from '../../src/store/sync-port.ts';
import { MemoryPort } from './commands/memory-port.ts';

/** A replica whose disk fills up after `room` more writes. */
class FullingPort extends MemoryPort {
  room = Infinity;
  override async commit(doc: StoreDoc): Promise<CommitResult> {
    if (this.room <= 0) throw Object.assign(new Error('quota exceeded'), { name: 'QuotaExceededError' });
    const r = await super.commit(doc);
    this.room--;
    return r;
  }
}

const db = readModelDb();
let port: FullingPort;
const deps = () => ({ port: () => port, now: () => new Date('2026-03-01T10:00:00.000Z') });
const product = (sku: string): ProductDoc => ({
  _id: `product:${sku}`, type: 'product', sku, name: `Produit ${sku}`, barcodes: [], price: money(100), priceIncludesTax: true, vatRate: 2000,
  currency: 'EUR', category: 'c', stockTracked: true, updatedAt: '2026-01-01T00:00:00.000Z',
});

beforeEach(async () => {
  port = new FullingPort();
  await Promise.all([db.products.clear(), db.storeSettings.clear(), db.stockLevels.clear(), db.webOrders.clear(), db.registerDocs.clear()]);
  await savePairing({ serverUrl: 'http://srv', storeId: 'demo', registerId: 'R1', registerName: 'Caisse 1', token: 't', dbName: 'store-demo' });
  await db.storeSettings.put({
    _id: 'store:settings', type: 'store_settings', storeId: 'demo', name: 'Demo', address: [], currency: 'EUR', locale: 'fr-FR', defaultLocation: 'shop',
    locations: [{ id: 'shop', name: 'Boutique' }, { id: 'reserve', name: 'Réserve' }],
  });
  await db.products.bulkPut(['A', 'B'].map((s) => ({ ...product(s), nameTokens: nameTokens(`Produit ${s}`) })));
});

describe('stock commands', () => {
  it('plans a stock take against the store’s products and locations, and applies it idempotently', async () => {
    const take = countScan(countScan(startStockTake('01JTAKE0000000000000000000', 'shop', '2026-03-01T09:00:00.000Z'), 'A', '2026-03-01T09:01:00.000Z', 3), 'B', '2026-03-01T09:02:00.000Z');
    const plan = await planStockTakeApply(take);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.value.movements.map((m) => m._id)).toEqual([expect.stringMatching(/^stock:R1:[0-9A-Z]{26}$/), expect.stringMatching(/^stock:R1:[0-9A-Z]{26}$/)]);
    expect(await applyStockPlan(plan.value, deps())).toEqual({ ok: true, value: { written: 2, already: 0 } });
    expect(await applyStockPlan(plan.value, deps())).toEqual({ ok: true, value: { written: 0, already: 2 } });
    expect(port.docs.size).toBe(2);
    const ghost = countScan(take, 'GHOST', '2026-03-01T09:03:00.000Z');
    expect(await planStockTakeApply(ghost)).toEqual({ ok: false, error: { kind: 'invalid', problems: [{ code: 'unknown_sku', sku: 'GHOST' }] } });
  });

  it('finishes an interrupted plan without writing anything twice', async () => {
    const plan = await planStockTransfer({ from: 'reserve', to: 'shop', lines: [{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 1 }] }, deps());
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    port.room = 1;
    expect(await applyStockPlan(plan.value, deps())).toEqual({ ok: false, error: { kind: 'not_saved', message: 'quota exceeded', written: 1, remaining: 3 } });
    port.room = Infinity;
    expect(await applyStockPlan(plan.value, deps())).toEqual({ ok: true, value: { written: 3, already: 1 } });
    const docs = [...port.docs.values()] as StockMovementDoc[];
    expect(docs.map((d) => [d.sku, d.location, d.delta])).toEqual([['A', 'reserve', -2], ['A', 'shop', 2], ['B', 'reserve', -1], ['B', 'shop', 1]]);
    expect(new Set(docs.map((d) => d.ref)).size).toBe(1);
  });

  it('records a receipt; refuses an unknown location or a register that is not paired', async () => {
    const plan = await planReceiving({ location: 'reserve', lines: [{ sku: 'A', quantity: 12 }], note: 'BL-7' }, deps());
    expect(plan).toMatchObject({ ok: true, value: { kind: 'receipt', movements: [{ sku: 'A', location: 'reserve', reason: 'receipt', delta: 12, at: '2026-03-01T10:00:00.000Z' }] } });
    expect(await planReceiving({ location: 'attic', lines: [{ sku: 'A', quantity: 1 }] }, deps())).toEqual({ ok: false, error: { kind: 'invalid', problems: [{ code: 'unknown_location', location: 'attic' }] } });
    await db.settings.delete('pairing');
    expect(await planReceiving({ location: 'shop', lines: [{ sku: 'A', quantity: 1 }] }, deps())).toEqual({ ok: false, error: { kind: 'not_paired' } });
  });
});

describe('stock queries', () => {
  it('lists shelf, web-order and available figures per location, the default location first', async () => {
    expect(await getStockLocations()).toEqual([{ id: 'shop', name: 'Boutique' }, { id: 'reserve', name: 'Réserve' }]);
    await db.stockLevels.bulkPut([{ sku: 'A', location: 'shop', onHand: 5, baseline: null }, { sku: 'A', location: 'reserve', onHand: 20, baseline: null }]);
    await db.webOrders.put({
      _id: 'weborder:shopify:s:1', type: 'web_order', platform: 'shopify', shop: 's', platformOrderId: '1', orderNumber: '#1', createdAt: '2026-03-01T08:00:00.000Z',
      updatedAt: '2026-03-01T08:00:00.000Z', status: 'new', delivery: 'shipping', customer: { name: 'Léa' }, currency: 'EUR', pricesIncludeTax: true,
      lines: [{ sku: 'A', name: 'A', quantity: 2, unitPrice: money(100) }], total: money(200), payment: { state: 'paid' },
    });
    const rows = await listStock({ text: '' });
    expect(rows.filter((r) => r.sku === 'A').map((r) => [r.location, r.onHand, r.pending, r.available])).toEqual([['shop', 5, 2, 3], ['reserve', 20, 0, 20]]);
    expect((await listStock({ text: 'Produit B', location: 'reserve' })).map((r) => [r.sku, r.location, r.onHand])).toEqual([['B', 'reserve', 0]]);
  });
});
