/**
 * Stock reconciliation's pieces without a server: a forced stock level re-opens the coalesced job
 * even when it already carries that level (a done job is sent again under a new version; one being
 * sent is sent again when that send finishes); the comparison lists only the SKUs both sides know
 * and that differ; the stored document's validator.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PouchDB from 'pouchdb';
import { afterAll, describe, expect, it } from 'vitest';
import { isStockDifferencesDoc, validateStockDifferencesDoc } from '../../../src/domain/stock-differences.ts';
import { platformJobId, type PlatformJobDoc } from '../../../sync-server/outbound/jobs.ts';
import { JobStore, type CoalescedBase } from '../../../sync-server/outbound/queue.ts';
import { compareStock } from '../../../sync-server/reconcile/platform-stock.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comptoir-force-unit-'));
const Pouch = PouchDB.defaults({ prefix: `${dir}/` } as PouchDB.Configuration.DatabaseConfiguration) as unknown as PouchDB.Static;
let n = 0;
const freshDb = () => new Pouch(`force-${++n}`) as PouchDB.Database<object>;
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const base: CoalescedBase = {
  _id: platformJobId('shopify', 'stock_level', 'EPI-0001'),
  type: 'outbound_job',
  channel: 'platform',
  platform: 'shopify',
  shop: 'demo.myshopify.com',
  kind: 'stock_level',
  maxAttempts: 3,
};
const level = { sku: 'EPI-0001', available: 7, onHand: 7, reserved: 0 };
const keyOf = (v: number) => `shopify:stock_level:EPI-0001:v${v}`;
const policy = { retryDelayMs: () => 1000 };

describe('forceStockLevel', () => {
  it('re-opens a done job that already carries the level, under a new version and key', async () => {
    const jobs = new JobStore(freshDb());
    expect(await jobs.upsertStockLevel(base, level, keyOf)).toBe('created');
    const claimed = (await jobs.claim(base._id, 'a', 5000))!;
    expect(await jobs.finish(claimed, { ok: true, result: 'set' }, policy)).toBe('done');
    expect(await jobs.upsertStockLevel(base, level, keyOf)).toBe('unchanged');

    expect(await jobs.forceStockLevel(base, level, keyOf)).toBe('updated');
    const job = (await jobs.get(base._id)) as PlatformJobDoc;
    expect(job).toMatchObject({ state: 'pending', version: 2, attempts: 0, idempotencyKey: keyOf(2), payload: level });
    expect(job.doneAt).toBeUndefined();
  });

  it('creates the job when there is none', async () => {
    const jobs = new JobStore(freshDb());
    expect(await jobs.forceStockLevel(base, level, keyOf)).toBe('created');
    expect(await jobs.get(base._id)).toMatchObject({ state: 'pending', version: 1 });
  });

  it('a job being sent is sent again once that send finishes', async () => {
    const jobs = new JobStore(freshDb());
    await jobs.upsertStockLevel(base, level, keyOf);
    const claimed = (await jobs.claim(base._id, 'a', 5000))!;
    expect(await jobs.forceStockLevel(base, level, keyOf)).toBe('updated');
    expect(await jobs.finish(claimed, { ok: true, result: 'set' }, policy)).toBe('pending');
  });
});

describe('compareStock', () => {
  it('lists the SKUs both sides know whose figures differ', () => {
    const comptoir = new Map([
      ['A', { onHand: 7, reserved: 2, available: 5 }],
      ['B', { onHand: 3, reserved: 0, available: 3 }],
      ['C', { onHand: 1, reserved: 0, available: 1 }],
    ]);
    const platform = new Map([
      ['A', 4],
      ['B', 3],
      ['WEB', 50],
    ]);
    expect(compareStock(comptoir, platform)).toEqual({ compared: 2, differences: [{ sku: 'A', comptoir: 5, platform: 4, onHand: 7, reserved: 2 }] });
  });
});

describe('stock differences document', () => {
  const doc = {
    _id: 'reconcile:stock:woocommerce',
    type: 'stock_differences',
    platform: 'woocommerce',
    shop: 'shop.example',
    checkedAt: '2026-01-05T10:00:00.000Z',
    asOf: '2026-01-05T10:00:00.000Z',
    compared: 1,
    differences: [{ sku: 'A', comptoir: 5, platform: 4, onHand: 7, reserved: 2 }],
  };
  it('accepts a valid document, with or without a successful run', () => {
    expect(isStockDifferencesDoc(doc)).toBe(true);
    expect(isStockDifferencesDoc({ ...doc, asOf: null, error: 'woocommerce stock could not be read: HTTP 503', differences: [], compared: 0 })).toBe(true);
  });
  it('names what is wrong', () => {
    expect(validateStockDifferencesDoc({ ...doc, _id: 'reconcile:stock:shopify' })).toEqual(['_id must be reconcile:stock:woocommerce']);
    expect(validateStockDifferencesDoc({ ...doc, differences: [{ sku: 'A' }] })).toHaveLength(1);
    expect(validateStockDifferencesDoc(null)).toEqual(['not an object']);
  });
});
