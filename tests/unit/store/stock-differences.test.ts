// The server's stock comparisons with the web stores (reconcile:stock:<platform>) in the read model,
// and the stock screen's named query over them.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { StockDifferencesDoc } from '../../../src/domain/stock-differences.ts';
import { readModelDb } from '../../../src/store/schema.ts';
import { platformFiguresBySku, watchWebStoreComparisons } from '../../../src/store/stock-differences-queries.ts';
import { clearReadModel, projectBatch, projectChanges } from '../../../workers/sync/projection.ts';
import { deletion, feed, freshDb, product } from './fixtures.ts';
import { firstValueFrom } from './observable.ts';

const AT = (h: number, m = 0): string => `2026-03-01T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00.000Z`;

function comparison(platform: StockDifferencesDoc['platform'], extra: Partial<StockDifferencesDoc> = {}): StockDifferencesDoc {
  return {
    _id: `reconcile:stock:${platform}`,
    _rev: '3-c',
    type: 'stock_differences',
    platform,
    shop: `${platform}.example`,
    checkedAt: AT(14, 32),
    asOf: AT(14, 32),
    compared: 12,
    differences: [
      { sku: 'EPI-0002', comptoir: 3, platform: 5, onHand: 4, reserved: 1 },
      { sku: 'EPI-0001', comptoir: 7, platform: 2, onHand: 7, reserved: 0 },
    ],
    fixedAt: AT(14, 32),
    fixQueued: 2,
    ...extra,
  };
}

describe('projection of stock comparisons', () => {
  it('keeps a valid comparison in registerDocs by type, without its revision', async () => {
    const db = freshDb();
    const report = await projectBatch(db, feed([product('EPI-0001', 'Confiture'), comparison('shopify')]));
    expect(report.skipped).toEqual([]);
    expect(report.applied).toBe(2);
    const rows = await db.registerDocs.where('type').equals('stock_differences').toArray();
    expect(rows).toHaveLength(1);
    const { _rev: _dropped, ...expected } = comparison('shopify');
    expect(rows[0]).toEqual(expected);
    const kept = await db.projection.get('skipped');
    expect(kept).toBeUndefined();
  });

  it('skips a bad comparison with the validator message and projects the rest', async () => {
    const db = freshDb();
    const bad = { ...comparison('woocommerce'), compared: -1, asOf: 'yesterday' };
    const changes = [
      ...feed([product('A', 'Pomme')]),
      { id: bad._id, seq: 2, doc: bad },
      { id: 'reconcile:stock:oops', seq: 3, doc: { _id: 'reconcile:stock:oops', type: 'product' } },
      ...feed([comparison('shopify')], 4),
    ];
    const reported: string[] = [];
    const report = await projectChanges(db, [changes], null, (docs) => reported.push(...docs.map((d) => d.id)));
    const reasons = Object.fromEntries(report.skipped.map((s) => [`${s.id}@${s.seq}`, s.reason]));
    expect(Object.keys(reasons).sort()).toEqual(['reconcile:stock:oops@3', 'reconcile:stock:woocommerce@2']);
    expect(reasons['reconcile:stock:woocommerce@2']).toBe('asOf must be an ISO date or null; compared must be a count');
    // An id in the comparisons' range is checked by their validator, whatever the body says.
    expect(reasons['reconcile:stock:oops@3']).toContain('type must be "stock_differences"');
    expect(reported.sort()).toEqual(['reconcile:stock:oops', 'reconcile:stock:woocommerce']);
    expect((await db.registerDocs.where('type').equals('stock_differences').toArray()).map((r) => r._id)).toEqual(['reconcile:stock:shopify']);
    expect(await db.products.count()).toBe(1);
  });

  it('says why a body does not match its id', async () => {
    const db = freshDb();
    const report = await projectBatch(db, feed([{ ...comparison('bigcommerce'), _id: 'reconcile:stock:shopify' }]));
    expect(report.skipped.map((s) => s.reason)).toEqual(['_id must be reconcile:stock:bigcommerce']);
  });

  it('removes a deleted comparison', async () => {
    const db = freshDb();
    await projectBatch(db, feed([comparison('shopify'), comparison('woocommerce')]));
    await projectBatch(db, [deletion('reconcile:stock:shopify', 3)]);
    expect((await db.registerDocs.where('type').equals('stock_differences').toArray()).map((r) => r._id)).toEqual(['reconcile:stock:woocommerce']);
  });
});

describe('watchWebStoreComparisons', () => {
  const db = readModelDb();
  beforeEach(async () => {
    await clearReadModel(db);
  });

  it('is empty before the server compared anything', async () => {
    expect(await firstValueFrom(watchWebStoreComparisons())).toEqual([]);
  });

  it('gives one entry per platform in a fixed order, differences by SKU, with freshness and correction', async () => {
    await projectBatch(db, feed([
      // The last run failed: the differences and asOf are those of the last successful run.
      comparison('woocommerce', { checkedAt: AT(15), error: 'woocommerce stock could not be read: HTTP 503', asOf: AT(14), fixedAt: AT(13), fixQueued: 1 }),
      comparison('shopify'),
      // Only failed runs so far.
      comparison('bigcommerce', { asOf: null, error: 'bigcommerce stock could not be read: timeout', compared: 0, differences: [], fixedAt: undefined, fixQueued: undefined }),
    ]));
    const stores = await firstValueFrom(watchWebStoreComparisons());
    expect(stores.map((s) => s.platform)).toEqual(['shopify', 'woocommerce', 'bigcommerce']);
    const [shopify, woo, big] = stores;
    expect(shopify).toEqual({
      platform: 'shopify',
      shop: 'shopify.example',
      asOf: AT(14, 32),
      checkedAt: AT(14, 32),
      error: null,
      compared: 12,
      differences: [
        { sku: 'EPI-0001', comptoir: 7, platform: 2, onHand: 7, reserved: 0 },
        { sku: 'EPI-0002', comptoir: 3, platform: 5, onHand: 4, reserved: 1 },
      ],
      fixQueued: 2,
      fixedAt: AT(14, 32),
      corrected: true,
    });
    // Corrected at 13:00, but the differences listed were found at 14:00: not those the correction sent.
    expect(woo).toMatchObject({ asOf: AT(14), checkedAt: AT(15), error: 'woocommerce stock could not be read: HTTP 503', fixedAt: AT(13), corrected: false });
    expect(big).toMatchObject({ asOf: null, compared: 0, differences: [], fixedAt: null, fixQueued: null, corrected: false, error: 'bigcommerce stock could not be read: timeout' });

    const bySku = platformFiguresBySku(stores);
    expect(bySku.get('EPI-0001')).toEqual([
      { platform: 'shopify', figure: 2, corrected: true },
      { platform: 'woocommerce', figure: 2, corrected: false },
    ]);
    expect(bySku.has('EPI-9999')).toBe(false);
  });

  it("follows a newer run: the difference is gone once the platform shows Comptoir's figure", async () => {
    await projectBatch(db, feed([comparison('shopify')]));
    expect((await firstValueFrom(watchWebStoreComparisons()))[0]!.differences).toHaveLength(2);
    await projectBatch(db, feed([comparison('shopify', { _rev: '4-d', checkedAt: AT(14, 47), asOf: AT(14, 47), differences: [] })], 2));
    const [after] = await firstValueFrom(watchWebStoreComparisons());
    expect(after).toMatchObject({ asOf: AT(14, 47), differences: [], fixedAt: AT(14, 32), corrected: false });
  });
});
