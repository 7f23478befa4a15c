/**
 * The queue's claim logic against one real PouchDB (LevelDB) database: two runners (as two server
 * processes would be on one CouchDB database) push every job exactly once; an expired lease is
 * reclaimed and marked resumed; failures back off and end dead; a coalesced stock level that
 * arrives while the previous one is being sent is sent next.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PouchDB from 'pouchdb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backoffDelay, platformJobId, type JobDoc, type PlatformJobDoc } from '../../../sync-server/outbound/jobs.ts';
import { JobStore } from '../../../sync-server/outbound/queue.ts';
import { OutboundRunner, type JobHandler } from '../../../sync-server/outbound/runner.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comptoir-outbound-unit-'));
const Pouch = PouchDB.defaults({ prefix: `${dir}/` } as PouchDB.Configuration.DatabaseConfiguration) as unknown as PouchDB.Static;
let n = 0;
const freshDb = () => new Pouch(`queue-${++n}`) as PouchDB.Database<object>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function job(i: number, extra: Partial<PlatformJobDoc> = {}): Omit<PlatformJobDoc, '_rev' | 'state' | 'attempts' | 'nextAttemptAt' | 'createdAt' | 'updatedAt' | 'version'> {
  return {
    _id: platformJobId('shopify', 'fulfilment', `r1:${String(i).padStart(4, '0')}`),
    type: 'outbound_job',
    channel: 'platform',
    platform: 'shopify',
    shop: 'demo.myshopify.com',
    kind: 'fulfilment',
    idempotencyKey: `key-${i}`,
    maxAttempts: 3,
    payload: { orderId: 'weborder:shopify:demo.myshopify.com:1', platformOrderId: '1', eventId: `woevent:r1:${i}`, at: '2026-01-05T10:00:00.000Z' },
    ...extra,
  };
}

const runnerOpts = { leaseMs: 5000, pollMs: 20, backoff: { baseMs: 30, maxMs: 200 }, rescanMs: 200, log: () => undefined };

beforeAll(() => undefined);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('backoff', () => {
  it('grows exponentially, is capped, and is jittered between half and all of the step', () => {
    const p = { baseMs: 1000, maxMs: 60_000 };
    expect(backoffDelay(1, p, () => 0)).toBe(500);
    expect(backoffDelay(1, p, () => 1)).toBe(1000);
    expect(backoffDelay(4, p, () => 1)).toBe(8000);
    expect(backoffDelay(20, p, () => 1)).toBe(60_000);
    expect(backoffDelay(20, p, () => 0)).toBe(30_000);
  });
});

describe('two runners on one database', () => {
  it('push each of 60 jobs exactly once', async () => {
    /** One race of two runners over 60 jobs of one order; returns who pushed what. */
    const race = async (): Promise<Map<string, string[]>> => {
      const db = freshDb();
      const store = new JobStore(db);
      for (let i = 0; i < 60; i++) await store.createIfAbsent(job(i));
      const calls = new Map<string, string[]>();
      const handler =
        (name: string): JobHandler =>
        async (j) => {
          calls.set(j._id, [...(calls.get(j._id) ?? []), name]);
          await sleep(Math.random() * 15);
          return { ok: true, result: `sent by ${name}` };
        };
      const a = new OutboundRunner({ ...runnerOpts, owner: 'A', stores: () => [{ storeId: 's', db }], handle: handler('A') });
      const b = new OutboundRunner({ ...runnerOpts, owner: 'B', stores: () => [{ storeId: 's', db }], handle: handler('B') });
      const t0 = Date.now();
      await Promise.all([a.start(), b.start()]);
      for (;;) {
        const jobs = await store.list();
        if (jobs.every((j) => j.state === 'done')) break;
        if (Date.now() - t0 > 20_000) throw new Error('jobs not done');
        await sleep(50);
      }
      await Promise.all([a.stop(), b.stop()]);
      expect(calls.size).toBe(60);
      for (const [id, who] of calls) expect(who, id).toHaveLength(1);
      const done = await store.list();
      expect(done.every((j) => j.attempts === 1 && j.result?.startsWith('sent by'))).toBe(true);
      await db.close();
      return calls;
    };
    // Both must take part in a race, or it proves little; on a loaded machine one runner can now and
    // then win every job of a race, so up to three races are run (each must push every job once).
    let bothTookPart = false;
    for (let round = 0; round < 3 && !bothTookPart; round++) {
      const by = [...(await race()).values()].flat();
      bothTookPart = by.includes('A') && by.includes('B');
    }
    expect(bothTookPart).toBe(true);
  });

  it('never double-claims under a race of 8 claimers on one job', async () => {
    const db = freshDb();
    const store = new JobStore(db);
    await store.createIfAbsent(job(1));
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => store.claim(job(1)._id, `o${i}`, 5000)));
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    await db.close();
  });
});

describe('leases', () => {
  it('lets another owner reclaim a job whose lease expired, marked resumed', async () => {
    const db = freshDb();
    const store = new JobStore(db);
    await store.createIfAbsent(job(1));
    const first = await store.claim(job(1)._id, 'dead-process', 50);
    expect(first?.claim?.resumed).toBe(false);
    expect(await store.claim(job(1)._id, 'other', 5000)).toBeNull(); // lease still running
    await sleep(80);
    const second = await store.claim(job(1)._id, 'other', 5000);
    expect(second?.claim).toMatchObject({ owner: 'other', resumed: true });
    expect(second?.attempts).toBe(2);
    // The dead owner's late outcome is not recorded over the new owner's claim.
    expect(await store.finish(first!, { ok: true, result: 'late' }, { retryDelayMs: () => 0 })).toBeNull();
    expect(await store.finish(second!, { ok: true, result: 'ok' }, { retryDelayMs: () => 0 })).toBe('done');
    await db.close();
  });
});

describe('failures', () => {
  it('backs off, then dead-letters after maxAttempts; retry requeues', async () => {
    const db = freshDb();
    const store = new JobStore(db);
    await store.createIfAbsent(job(1));
    const seen: number[] = [];
    const r = new OutboundRunner({
      ...runnerOpts,
      stores: () => [{ storeId: 's', db }],
      handle: async () => {
        seen.push(Date.now());
        return { ok: false, error: 'HTTP 500 from platform', permanent: false };
      },
    });
    await r.start();
    let j: JobDoc | null = null;
    for (let i = 0; i < 200; i++) {
      j = await store.get(job(1)._id);
      if (j?.state === 'dead') break;
      await sleep(20);
    }
    await r.stop();
    expect(j?.state).toBe('dead');
    expect(j?.attempts).toBe(3);
    expect(j?.lastError).toBe('HTTP 500 from platform');
    expect(seen).toHaveLength(3);
    // Gaps grow: ≥ 15 ms (half of 30) then ≥ 30 ms (half of 60).
    expect(seen[1]! - seen[0]!).toBeGreaterThanOrEqual(14);
    expect(seen[2]! - seen[1]!).toBeGreaterThanOrEqual(29);
    const retried = await store.retry(job(1)._id);
    expect(retried.ok && retried.job.state === 'pending' && retried.job.attempts === 0).toBe(true);
    await db.close();
  });

  it('dead-letters a permanent error at once', async () => {
    const db = freshDb();
    const store = new JobStore(db);
    await store.createIfAbsent(job(1));
    const c = await store.claim(job(1)._id, 'o', 5000);
    expect(await store.finish(c!, { ok: false, error: 'HTTP 422', permanent: true }, { retryDelayMs: () => 0 })).toBe('dead');
    await db.close();
  });
});

describe('coalesced stock levels', () => {
  const base = {
    _id: platformJobId('woocommerce', 'stock_level', 'shop:SKU-1'),
    type: 'outbound_job' as const,
    channel: 'platform' as const,
    platform: 'woocommerce' as const,
    shop: 'shop',
    kind: 'stock_level' as const,
    maxAttempts: 5,
  };
  const level = (available: number) => ({ sku: 'SKU-1', available, onHand: available, reserved: 0 });

  it('rewrites one job per SKU and re-sends when the level moved during a send', async () => {
    const db = freshDb();
    const store = new JobStore(db);
    expect(await store.upsertStockLevel(base, level(5), (v) => `k${v}`)).toBe('created');
    expect(await store.upsertStockLevel(base, level(4), (v) => `k${v}`)).toBe('updated');
    expect(await store.upsertStockLevel(base, level(4), (v) => `k${v}`)).toBe('unchanged');
    const c = await store.claim(base._id, 'o', 5000);
    expect(c?.idempotencyKey).toBe('k2');
    expect(await store.upsertStockLevel(base, level(3), (v) => `k${v}`)).toBe('updated');
    expect(await store.finish(c!, { ok: true, result: 'set 4' }, { retryDelayMs: () => 0 })).toBe('pending');
    const again = await store.claim(base._id, 'o', 5000);
    expect(again).toMatchObject({ idempotencyKey: 'k3', payload: { available: 3 } });
    expect(await store.finish(again!, { ok: true, result: 'set 3' }, { retryDelayMs: () => 0 })).toBe('done');
    expect(await store.upsertStockLevel(base, level(3), (v) => `k${v}`)).toBe('unchanged');
    expect(await store.upsertStockLevel(base, level(9), (v) => `k${v}`)).toBe('updated');
    expect((await store.get(base._id))?.state).toBe('pending');
    await db.close();
  });
});
