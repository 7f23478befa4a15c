import 'fake-indexeddb/auto';
import { firstValueFrom } from './observable.ts';
import { beforeEach, describe, expect, it } from 'vitest';
import { findProductByCode, getSale, searchProducts, watchOutbox, watchRecentSales, watchStockLevel, watchSyncStatus } from '../../../src/store/queries.ts';
import { readModelDb } from '../../../src/store/schema.ts';
import { savePairing } from '../../../src/store/device-settings.ts';
import { clearReadModel, projectBatch } from '../../../workers/sync/projection.ts';
import { ean13, feed, movement, product, sale } from './fixtures.ts';

const db = readModelDb();

beforeEach(async () => {
  await clearReadModel(db);
  await Promise.all([db.settings.clear(), db.outbox.clear(), db.syncState.clear()]);
});

describe('findProductByCode', () => {
  it('finds by barcode in any GTIN form, by SKU, and ignores scanner noise', async () => {
    const upc = '036000291452';
    await projectBatch(db, feed([product('COKE-33', 'Coca-Cola 33cl', { barcodes: [upc] }), product('EAN', 'Eau', { barcodes: [ean13('376000000001')] })]));
    expect((await findProductByCode(`${upc}\r\n`))?.sku).toBe('COKE-33');
    expect((await findProductByCode(`0${upc}`))?.sku).toBe('COKE-33'); // the EAN-13 form of the UPC-A
    expect((await findProductByCode(ean13('376000000001')))?.sku).toBe('EAN');
    expect((await findProductByCode(' COKE-33\t'))?.sku).toBe('COKE-33');
    expect(await findProductByCode('coke-33')).toBeUndefined(); // exact
    expect(await findProductByCode('')).toBeUndefined();
  });
});

describe('searchProducts', () => {
  beforeEach(async () => {
    await projectBatch(db, feed([
      product('P1', 'Crème brûlée vanille'),
      product('P2', 'Crêpe au sucre'),
      product('P3', 'Pomme pommes'),
      product('P4', 'Œuf bio'),
      product('P5', 'Brûlot'),
    ]));
  });

  it('matches every query token as a prefix of a name token, accents and case aside', async () => {
    expect((await searchProducts('cre bru')).map((p) => p.sku)).toEqual(['P1']);
    expect((await searchProducts('CRE')).map((p) => p.sku).sort()).toEqual(['P1', 'P2']);
    expect((await searchProducts('oeuf')).map((p) => p.sku)).toEqual(['P4']);
    expect((await searchProducts('bru')).map((p) => p.sku).sort()).toEqual(['P1', 'P5']);
    expect(await searchProducts('cre xyz')).toEqual([]);
    expect(await searchProducts('  ')).toEqual([]);
  });

  it('returns a product once even when several of its tokens match, and honours the limit', async () => {
    expect((await searchProducts('pom')).map((p) => p.sku)).toEqual(['P3']);
    expect(await searchProducts('cr', 1)).toHaveLength(1);
  });

  it('stays bounded on a large catalogue', async () => {
    const many = Array.from({ length: 5000 }, (_, i) => product(`S${i}`, `Article ${i % 7 === 0 ? 'rouge' : 'bleu'} n${i}`));
    await projectBatch(db, feed(many, 100));
    const hits = await searchProducts('art rou', 20);
    expect(hits).toHaveLength(20);
    expect(hits.every((p) => p.name.includes('rouge'))).toBe(true);
    expect(await searchProducts('article', 5)).toHaveLength(5);
  });
});

describe('watch queries', () => {
  it('lists recent sales newest first and reads one sale', async () => {
    await projectBatch(db, feed([sale(1, '2026-03-01T09:00:00.000Z', [{ sku: 'A', quantity: 1 }]), sale(2, '2026-03-01T10:00:00.000Z', [{ sku: 'A', quantity: 1 }])]));
    const recent = await firstValueFrom(watchRecentSales(10));
    expect(recent.map((s) => s.receiptNumber)).toEqual([2, 1]);
    expect((await getSale('sale:R1:00000001'))?.receiptNumber).toBe(1);
  });

  it('reports stock levels, 0 when unknown', async () => {
    await projectBatch(db, feed([movement('01', 'A', '2026-03-01T08:00:00.000Z', { count: 7 })]));
    expect((await firstValueFrom(watchStockLevel('A', 'shop'))).onHand).toBe(7);
    expect((await firstValueFrom(watchStockLevel('Z', 'shop'))).onHand).toBe(0);
  });

  it('derives the sync status: unpaired without pairing, pending counted from the outbox', async () => {
    expect(await firstValueFrom(watchSyncStatus())).toMatchObject({ state: 'unpaired', pending: 0 });
    await savePairing({ serverUrl: 'http://x', storeId: 'demo', registerId: 'R1', registerName: 'Till 1', token: 't', dbName: 'store-demo' });
    await db.syncState.put({ key: 'status', state: 'online', pending: 0, lastSyncedAt: null, message: null });
    await db.outbox.bulkPut([
      { id: 'sale:R1:00000001', rev: '1-a', docType: 'sale', state: 'pending', at: '2026-03-01T09:00:00.000Z' },
      { id: 'sale:R1:00000002', rev: '1-a', docType: 'sale', state: 'acknowledged', at: '2026-03-01T10:00:00.000Z' },
    ]);
    expect(await firstValueFrom(watchSyncStatus())).toMatchObject({ state: 'online', pending: 1 });
    expect((await firstValueFrom(watchOutbox())).map((r) => r.id)).toEqual(['sale:R1:00000002', 'sale:R1:00000001']);
  });
});
