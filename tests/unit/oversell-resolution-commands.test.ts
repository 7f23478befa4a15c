/**
 * Issue 7: resolving oversell tasks through the commands (an in-memory port, the read model in
 * fake-indexeddb): what each resolution writes, that nothing is written when refused or twice when
 * retried, that the reconciliation runs again after the read model caught up — and the named query
 * that shows every register's resolutions with the tasks.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  applyOversellTransfer, backorderOversell, cancelOversoldLine, planOversellTransfer, type OversellDeps, type OversellTaskRef, type WrittenIds,
} from '../../src/commands/oversell-resolution.ts';
import { nameTokens } from '../../src/domain/catalog.ts';
import type { StockMovementDoc, StoreDoc, WebOrderEventDoc } from '../../src/domain/documents.ts';
import { money } from '../../src/domain/money.ts';
import type { OversellResolutionDoc } from '../../src/domain/reconcile/resolution-doc.ts';
import { parseStoreDoc } from '../../src/domain/validate.ts';
import { savePairing } from '../../src/store/device-settings.ts';
import type { ReconcilePort, ReconcileSummary } from '../../src/store/reconcile-port.ts';
import { watchOversellTaskViews, watchTransferSources, whenInReadModel } from '../../src/store/reconcile-queries.ts';
import { readModelDb, type OversellTaskRow } from '../../src/store/schema.ts';
import { MemoryPort } from './commands/memory-port.ts';
import { firstValueFrom } from './store/observable.ts';
import { webOrder } from './web-orders/web-order-fixtures.ts';

const db = readModelDb();
const NOW = '2026-11-28T10:00:00.000Z';
const camille = { staffId: 'staff:camille', name: 'Camille', role: 'cashier' as const };
let port: MemoryPort;
let log: string[];
let n = 0;

/** The reconciliation worker, as the commands see it: records when it ran. */
const reconcilePort: ReconcilePort = {
  async reconcileStock() {
    log.push('reconcile');
    return { runId: 'r', startedAt: NOW, asOf: NOW, finishedAt: NOW, counts: {} as ReconcileSummary['counts'], ms: 1, phaseMs: {} };
  },
};
let waitedFor: WrittenIds[];
const deps = (over: Partial<OversellDeps> = {}): Partial<OversellDeps> => ({
  port: () => port, now: () => new Date(NOW), currentStaff: async () => camille, reconcile: () => reconcilePort,
  projected: async (ids) => {
    waitedFor.push(ids);
    log.push('projected');
    return true;
  },
  ...over,
});

const task = (over: Partial<OversellTaskRef> = {}): OversellTaskRef => ({ id: 'oversell:A@shop:sale:R1:00000001', sku: 'A', location: 'shop', shortNow: 2, ...over });
const docs = <T extends StoreDoc>(type: T['type']): T[] => [...port.docs.values()].filter((d): d is T => d.type === type);
const figure = (location: string, available: number) => ({ sku: 'A', location, onHand: available, reserved: 0, available, movements: 1, lastMovementAt: NOW, runId: 'r0', asOf: NOW });

async function newOrder(over: Parameters<typeof webOrder>[0] = {}): Promise<string> {
  n += 1;
  const doc = webOrder({ _id: `weborder:bigcommerce:demo-store:${3000 + n}`, platformOrderId: String(3000 + n), orderNumber: `#${3000 + n}`, ...over });
  await db.webOrders.put(doc);
  return doc._id;
}

beforeEach(async () => {
  port = new MemoryPort();
  log = [];
  waitedFor = [];
  await Promise.all([db.products.clear(), db.stockFigures.clear(), db.oversellTasks.clear(), db.registerDocs.clear(), db.webOrders.clear(), db.storeSettings.clear(), db.movements.clear(), db.reconcileRuns.clear()]);
  await savePairing({ serverUrl: 'http://srv', storeId: 'demo', registerId: 'R1', registerName: 'Caisse 1', token: 't', dbName: 'store-demo' });
  await db.storeSettings.put({
    _id: 'store:settings', type: 'store_settings', storeId: 'demo', name: 'Demo', address: [], currency: 'EUR', locale: 'fr-FR', defaultLocation: 'shop',
    locations: [{ id: 'shop', name: 'Boutique' }, { id: 'depot', name: 'Dépôt' }, { id: 'annex', name: 'Annexe' }],
  });
  await db.products.put({
    _id: 'product:A', type: 'product', sku: 'A', name: 'Article A', barcodes: [], price: money(1000), priceIncludesTax: true, vatRate: 2000,
    currency: 'EUR', category: 'c', stockTracked: true, updatedAt: '2026-01-01T00:00:00.000Z', nameTokens: nameTokens('Article A'),
  });
  await db.stockFigures.bulkPut([figure('shop', -2), figure('depot', 5), figure('annex', 1)]);
});

describe('moving stock from another location', () => {
  it('offers the locations that have the item, then writes one transfer and its resolution, and reconciles once caught up', async () => {
    expect(await firstValueFrom(watchTransferSources('A', 'shop', 2))).toEqual([
      { location: 'depot', name: 'Dépôt', available: 5, quantity: 2 },
      { location: 'annex', name: 'Annexe', available: 1, quantity: 1 },
    ]);
    const plan = await planOversellTransfer(task(), 'depot', 2, deps());
    if (!plan.ok) throw new Error(JSON.stringify(plan.error));
    expect(port.docs.size).toBe(0);
    const done = await applyOversellTransfer(plan.value, deps());
    expect(done).toMatchObject({ ok: true, value: { reconciled: true } });
    const moves = docs<StockMovementDoc>('stock_movement');
    expect(moves.map((m) => [m.location, m.delta, m.reason])).toEqual([['depot', -2, 'transfer'], ['shop', 2, 'transfer']]);
    const [fix] = docs<OversellResolutionDoc>('oversell_resolution');
    expect(fix).toEqual({
      _id: expect.stringMatching(/^oversellfix:R1:[0-9A-Z]{26}$/), type: 'oversell_resolution', registerId: 'R1', taskId: task().id, sku: 'A', location: 'shop',
      action: 'transfer', quantity: 2, from: 'depot', ref: moves[0]!.ref, by: 'Camille', staffId: 'staff:camille', at: NOW,
    });
    expect([...port.docs.values()].every((d) => parseStoreDoc(d).ok)).toBe(true);
    expect(log).toEqual(['projected', 'reconcile']);
    expect(waitedFor).toEqual([{ movements: moves.map((m) => m._id), registerDocs: [fix!._id] }]);
  });

  it('writes nothing twice when the same plan is applied again (a retry)', async () => {
    const plan = await planOversellTransfer(task(), 'depot', 1, deps());
    if (!plan.ok) throw new Error('planned');
    port.failWith = Object.assign(new Error('quota exceeded'), { name: 'QuotaExceededError' });
    expect(await applyOversellTransfer(plan.value, deps())).toEqual({ ok: false, error: { kind: 'not_saved', message: 'quota exceeded' } });
    port.failWith = null;
    expect((await applyOversellTransfer(plan.value, deps())).ok).toBe(true);
    expect((await applyOversellTransfer(plan.value, deps())).ok).toBe(true);
    expect(docs('stock_movement')).toHaveLength(2);
    expect(docs('oversell_resolution')).toHaveLength(1);
  });

  it('refuses more than the source has, a location without the item, or nobody signed in — writing nothing', async () => {
    expect(await planOversellTransfer(task(), 'annex', 2, deps())).toEqual({ ok: false, error: { kind: 'source_short', location: 'annex', available: 1 } });
    expect(await planOversellTransfer(task(), 'attic', 1, deps())).toEqual({ ok: false, error: { kind: 'source_short', location: 'attic', available: 0 } });
    expect(await planOversellTransfer(task(), 'depot', 0, deps())).toEqual({ ok: false, error: { kind: 'bad_quantity', max: 5 } });
    expect(await planOversellTransfer(task(), 'depot', 1, deps({ currentStaff: async () => null }))).toEqual({ ok: false, error: { kind: 'not_signed_in' } });
    expect(port.docs.size).toBe(0);
  });
});

describe('cancelling the web line', () => {
  it('takes the units off the order with its refund to the original payment, records it, and reconciles', async () => {
    const orderId = await newOrder();
    const done = await cancelOversoldLine(task(), { id: orderId, number: '#3001' }, 1, deps());
    expect(done).toMatchObject({ ok: true, value: { reconciled: true } });
    const [change] = docs<WebOrderEventDoc>('web_order_event');
    expect(change).toMatchObject({ orderId, kind: 'changed', change: { sku: 'A', remove: 1 }, refund: { to: 'original', amount: 1000 }, by: 'Camille' });
    const [fix] = docs<OversellResolutionDoc>('oversell_resolution');
    expect(fix).toMatchObject({ action: 'cancel_line', orderId, orderNumber: '#3001', quantity: 1, ref: change!._id, taskId: task().id });
    expect([...port.docs.values()].every((d) => parseStoreDoc(d).ok)).toBe(true);
    expect(log).toEqual(['projected', 'reconcile']);
    expect(waitedFor).toEqual([{ registerDocs: [change!._id, fix!._id] }]);
  });

  it('says the reconciliation did not follow when the read model does not show the change in time', async () => {
    const orderId = await newOrder();
    const done = await cancelOversoldLine(task(), { id: orderId }, 1, deps({ projected: async () => false }));
    expect(done).toMatchObject({ ok: true, value: { reconciled: false } });
  });

  it('refuses a shipped order, or more units than are left, writing nothing', async () => {
    const shipped = await newOrder({ status: 'shipped' });
    expect(await cancelOversoldLine(task(), { id: shipped }, 1, deps())).toEqual({ ok: false, error: { kind: 'cancel_blocked', block: { kind: 'closed', status: 'shipped' } } });
    const open = await newOrder();
    expect(await cancelOversoldLine(task(), { id: open }, 3, deps())).toEqual({ ok: false, error: { kind: 'bad_quantity', max: 2 } });
    expect(await cancelOversoldLine(task(), { id: 'weborder:bigcommerce:demo-store:404' }, 1, deps())).toEqual({ ok: false, error: { kind: 'cancel_blocked', block: { kind: 'unknown_order' } } });
    expect(port.docs.size).toBe(0);
    expect(log).toEqual([]);
  });
});

describe('backordering a web order', () => {
  it('notes it on the order and records it, without reconciling (nothing moved)', async () => {
    const orderId = await newOrder();
    const done = await backorderOversell(task(), { id: orderId, number: '#3001' }, 1, 'Backordered: A', deps());
    expect(done).toMatchObject({ ok: true, value: { reconciled: false, resolution: { action: 'backorder', orderId, quantity: 1 } } });
    expect(docs<WebOrderEventDoc>('web_order_event').map((e) => [e.kind, e.text])).toEqual([['note', 'Backordered: A']]);
    expect(log).toEqual([]);
  });
});

describe('the tasks with their resolutions (named query)', () => {
  const row = (id: string, state: 'open' | 'recovered', shortNow: number, startedAt: string): OversellTaskRow => ({
    id, sku: 'A', location: 'shop', triggerId: id.split(':').pop()!, startedAt, endedAt: state === 'open' ? null : NOW, state, short: 2, shortNow,
    claims: [], moreClaims: 0, runId: 'r0', asOf: '2026-11-28T09:30:00.000Z',
  });
  const fix = (taskId: string, action: OversellResolutionDoc['action'], quantity: number, at: string): OversellResolutionDoc => ({
    _id: `oversellfix:R2:${(n += 1).toString().padStart(26, '0')}`, type: 'oversell_resolution', registerId: 'R2', taskId, sku: 'A', location: 'shop', action, quantity,
    ...(action === 'transfer' ? { from: 'depot' } : { orderId: 'weborder:x:1', orderNumber: '#1' }), by: 'Marc', staffId: 'staff:marc', at,
  });

  it('shows another register’s backorder as backordered, to resolve first, and a task a resolution made disappear as resolved', async () => {
    await db.oversellTasks.bulkPut([
      row('oversell:A@shop:t1', 'open', 1, '2026-11-28T09:01:00.000Z'),
      row('oversell:A@shop:t2', 'open', 2, '2026-11-28T09:02:00.000Z'),
      row('oversell:A@shop:t3', 'recovered', 0, '2026-11-28T09:03:00.000Z'),
    ]);
    await db.registerDocs.bulkPut([
      fix('oversell:A@shop:t1', 'backorder', 1, '2026-11-28T09:40:00.000Z'),
      fix('oversell:A@shop:gone', 'cancel_line', 1, '2026-11-28T09:41:00.000Z'),
    ]);
    const listed = async (): Promise<unknown[][]> =>
      (await firstValueFrom(watchOversellTaskViews())).map((v) => [v.id, v.status, v.toHandle, v.resolutions.length, v.task === null]);
    const known: unknown[][] = [
      ['oversell:A@shop:t2', 'open', 2, 0, false],
      ['oversell:A@shop:t1', 'backordered', 0, 1, false],
      ['oversell:A@shop:t3', 'recovered', 0, 0, false],
    ];
    // This register's last run predates the cancelled line: it has not computed that task, nothing to say yet.
    const run = { kind: 'stock' as const, runId: 'r0', phase: 'done' as const, done: 1, total: 1, startedAt: '2026-11-28T09:30:00.000Z', asOf: '2026-11-28T09:30:00.000Z', finishedAt: '2026-11-28T09:30:05.000Z', sync: null };
    await db.reconcileRuns.put(run);
    expect(await listed()).toEqual(known);
    // A run after it no longer finds the collision: the task shows from its resolution, as resolved.
    await db.reconcileRuns.put({ ...run, runId: 'r1', startedAt: '2026-11-28T09:45:00.000Z', asOf: '2026-11-28T09:45:00.000Z' });
    expect(await listed()).toEqual([...known, ['oversell:A@shop:gone', 'resolved', 0, 1, true]]);
  });
});

describe('waiting for the read model', () => {
  it('resolves once every document written is projected, or false when they do not come in time', async () => {
    const ids = { movements: ['stock:R1:m1'], registerDocs: ['oversellfix:R1:f1'] };
    const waiting = whenInReadModel(ids, 5_000);
    await db.movements.put({ _id: 'stock:R1:m1', type: 'stock_movement', sku: 'A', location: 'shop', reason: 'transfer', delta: 1, at: NOW });
    await db.registerDocs.put({ _id: 'oversellfix:R1:f1', type: 'oversell_resolution' } as never);
    expect(await waiting).toBe(true);
    expect(await whenInReadModel({ registerDocs: ['oversellfix:R1:never'] }, 50)).toBe(false);
  });
});
