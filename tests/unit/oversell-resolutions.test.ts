// Issue 7, resolving oversell tasks — the pure part: which locations can cover a shortfall, a task's
// status once resolutions are recorded, the web-order lines that can be cancelled, the document's
// validation, and that a shortfall coming back after a resolution is a new task.
import { describe, expect, it } from 'vitest';
import type { OversellResolutionDoc } from '../../src/domain/reconcile/resolution-doc.ts';
import { cancelLineOption, cancelLineRefund, taskResolution, transferSources } from '../../src/domain/reconcile/resolutions.ts';
import { reconcileStock } from '../../src/domain/reconcile/stock-fold.ts';
import type { ReconcileMovement, Reservation } from '../../src/domain/reconcile/types.ts';
import { parseStoreDoc } from '../../src/domain/validate.ts';
import { orderState } from '../../src/domain/web-order-state.ts';
import { checkRegisterWrite, isImmutableId } from '../../sync-server/validate/store-doc.ts';
import { event, webOrder } from './web-orders/web-order-fixtures.ts';

const LOCATIONS = [{ id: 'shop', name: 'Boutique' }, { id: 'depot', name: 'Dépôt' }, { id: 'annex', name: 'Annexe' }, { id: 'van', name: 'Camion' }];
const T = (minute: number): string => new Date(Date.UTC(2026, 10, 28, 9, 0) + minute * 60_000).toISOString();

let n = 0;
function resolution(over: Partial<OversellResolutionDoc> = {}): OversellResolutionDoc {
  n += 1;
  return {
    _id: `oversellfix:R1:01KDZ2CN80QD9MK2F0M5Z${String(n).padStart(5, '0')}`, type: 'oversell_resolution', registerId: 'R1',
    taskId: 'oversell:A@shop:sale-1', sku: 'A', location: 'shop', action: 'transfer', quantity: 1, from: 'depot', ref: 'transfer:R1:01X',
    by: 'Camille', staffId: 'staff:camille', at: T(30), ...over,
  };
}

describe('which locations can cover a shortfall', () => {
  it('lists the store’s other locations with units available, most first, the quantity prefilled to the shortfall', () => {
    const figures = [
      { location: 'shop', available: -2 },
      { location: 'depot', available: 5 },
      { location: 'annex', available: 1 },
      { location: 'van', available: 0 },
      { location: 'attic', available: 9 }, // not one of the store's locations
    ];
    expect(transferSources(figures, LOCATIONS, 'shop', 2)).toEqual([
      { location: 'depot', name: 'Dépôt', available: 5, quantity: 2 },
      { location: 'annex', name: 'Annexe', available: 1, quantity: 1 },
    ]);
  });

  it('never offers the task’s own location nor one without a figure, and prefills at least one unit', () => {
    expect(transferSources([{ location: 'shop', available: 4 }], LOCATIONS, 'shop', 1)).toEqual([]);
    expect(transferSources([], LOCATIONS, 'shop', 3)).toEqual([]);
    expect(transferSources([{ location: 'depot', available: 3 }], LOCATIONS, 'shop', 0)).toEqual([{ location: 'depot', name: 'Dépôt', available: 3, quantity: 1 }]);
  });
});

describe('a task’s status with its resolutions', () => {
  const open = { id: 'oversell:A@shop:sale-1', state: 'open' as const, shortNow: 2, asOf: T(20) };

  it('is to resolve without a resolution, and ignores other tasks’ resolutions', () => {
    expect(taskResolution(open, [resolution({ taskId: 'oversell:A@shop:other', quantity: 5 })])).toEqual({ status: 'open', toHandle: 2, resolutions: [] });
  });

  it('is backordered once backorders (and moves not yet reconciled) cover the units short — stock still negative', () => {
    const b1 = resolution({ action: 'backorder', orderId: 'weborder:x:1', quantity: 1, at: T(10) });
    const b2 = resolution({ action: 'backorder', orderId: 'weborder:x:2', quantity: 1, at: T(11) });
    expect(taskResolution(open, [b1])).toMatchObject({ status: 'open', toHandle: 1 });
    expect(taskResolution(open, [b2, b1])).toEqual({ status: 'backordered', toHandle: 0, resolutions: [b1, b2] });
    expect(taskResolution(open, [b1, resolution({ quantity: 1, at: T(25) })])).toMatchObject({ status: 'backordered', toHandle: 0 });
  });

  it('counts a move or a cancelled line only until the reconciliation that includes it', () => {
    const moved = resolution({ quantity: 2, at: T(25) });
    expect(taskResolution(open, [moved])).toMatchObject({ status: 'resolved', toHandle: 0 });
    // The run started after the move: its figures already hold it, and the task is still short.
    expect(taskResolution({ ...open, asOf: T(40) }, [moved])).toMatchObject({ status: 'open', toHandle: 2 });
    expect(taskResolution(open, [resolution({ quantity: 1, at: T(25) })])).toMatchObject({ status: 'open', toHandle: 1 });
    const cancelled = resolution({ action: 'cancel_line', orderId: 'weborder:x:1', from: undefined, quantity: 2, at: T(21) });
    expect(taskResolution(open, [cancelled])).toMatchObject({ status: 'resolved' });
  });

  it('is recovered once stock came back, whatever was recorded', () => {
    const recovered = { ...open, state: 'recovered' as const, shortNow: 0 };
    expect(taskResolution(recovered, [resolution({ at: T(10) })])).toMatchObject({ status: 'recovered', toHandle: 0 });
    expect(taskResolution(recovered, [])).toMatchObject({ status: 'recovered', toHandle: 0 });
  });
});

describe('a shortfall coming back after a resolution', () => {
  it('is a new episode: a new task id, to resolve, while the resolved one stays recovered', () => {
    const m = (id: string, minute: number, over: Partial<ReconcileMovement>): ReconcileMovement =>
      ({ _id: id, sku: 'A', location: 'shop', reason: 'sale', at: T(minute), ...over }) as ReconcileMovement;
    const movements = [
      m('stock:c', 0, { reason: 'count', quantity: 1 }),
      m('stock:s1', 5, { delta: -1, derivedFrom: 'sale:R1:00000001' }),
      // The move that resolved the first task, then two more sales: short again.
      m('stock:t-in', 30, { reason: 'transfer', delta: 1 }),
      m('stock:s2', 40, { delta: -1, derivedFrom: 'sale:R1:00000002' }),
      m('stock:s3', 41, { delta: -1, derivedFrom: 'sale:R2:00000001' }),
    ];
    const reservations: Reservation[] = [{ orderId: 'weborder:x:1', orderNumber: '#1', sku: 'A', location: 'shop', quantity: 1, at: T(10) }];
    const [first, second] = reconcileStock({ movements, reservations }).oversells;
    expect(first).toMatchObject({ id: 'oversell:A@shop:weborder:x:1', state: 'recovered' });
    expect(second).toMatchObject({ id: 'oversell:A@shop:stock:s2', state: 'open', shortNow: 2 });
    const moved = resolution({ taskId: first!.id, quantity: 1, at: T(30) });
    expect(taskResolution({ ...first!, asOf: T(50) }, [moved]).status).toBe('recovered');
    expect(taskResolution({ ...second!, asOf: T(50) }, [moved])).toEqual({ status: 'open', toHandle: 2, resolutions: [] });
  });
});

describe('cancelling the colliding units of a web order', () => {
  const order = webOrder();

  it('offers the units not yet shipped at the task’s location, and what goes back to the customer', () => {
    const state = orderState(order, [], 'shop');
    expect(cancelLineOption(state, 'A', 'shop')).toEqual({ ok: true, units: 2, unitPrice: 1000 });
    expect(cancelLineRefund(state, 'A', 1)).toBe(1000);
    expect(cancelLineOption(state, 'A', 'depot')).toEqual({ ok: false, block: { kind: 'nothing_at_location' } });
    expect(cancelLineOption(state, 'Z', 'shop')).toEqual({ ok: false, block: { kind: 'nothing_at_location' } });
  });

  it('refuses once the order shipped or was cancelled', () => {
    expect(cancelLineOption(orderState({ ...order, status: 'shipped' }, [], 'shop'), 'A', 'shop')).toEqual({ ok: false, block: { kind: 'closed', status: 'shipped' } });
    const cancelled = orderState(order, [event('cancelled', 5, { orderId: order._id, reason: 'x' })], 'shop');
    expect(cancelLineOption(cancelled, 'A', 'shop')).toEqual({ ok: false, block: { kind: 'closed', status: 'cancelled' } });
  });

  it('refuses when a change would take the units at another location first (an order split over locations)', () => {
    const split = orderState(order, [event('allocated', 5, { orderId: order._id, allocation: [{ sku: 'A', location: 'shop', quantity: 1 }, { sku: 'A', location: 'depot', quantity: 1 }] })], 'shop');
    expect(cancelLineOption(split, 'A', 'shop')).toEqual({ ok: false, block: { kind: 'elsewhere_first' } });
    expect(cancelLineOption(split, 'A', 'depot')).toEqual({ ok: true, units: 1, unitPrice: 1000 });
  });
});

describe('the resolution document', () => {
  it('is valid as every register writes it', () => {
    expect(parseStoreDoc(resolution()).ok).toBe(true);
    expect(parseStoreDoc(resolution({ action: 'backorder', from: undefined, ref: 'woevent:R1:01X', orderId: 'weborder:shopify:s:1', orderNumber: '#1' })).ok).toBe(true);
  });

  it('names the offending field when it is not', () => {
    const bad = (over: Record<string, unknown>): string => {
      const r = parseStoreDoc({ ...resolution(), ...over });
      return r.ok ? 'ok' : r.error;
    };
    expect(bad({ _id: 'oversellfix:R2:01X' })).toMatch(/^_id: must be "oversellfix:R1:<id>"/);
    expect(bad({ taskId: 'task-1' })).toMatch(/^taskId: /);
    expect(bad({ action: 'refund' })).toMatch(/^action: /);
    expect(bad({ quantity: 0 })).toMatch(/^quantity: /);
    expect(bad({ from: 'shop' })).toMatch(/^from: must be another location/);
    expect(bad({ from: undefined })).toMatch(/^from: /);
    expect(bad({ action: 'cancel_line' })).toMatch(/^orderId: /);
    expect(bad({ at: 'yesterday' })).toMatch(/^at: /);
  });

  it('is written by the register named in it only, and never changed nor deleted (the server’s check)', () => {
    const doc = resolution();
    expect(checkRegisterWrite(doc, { storeId: 'demo', registerId: 'R1' })).toEqual({ ok: true });
    expect(checkRegisterWrite(doc, { storeId: 'demo', registerId: 'R2' }).ok).toBe(false);
    expect(checkRegisterWrite({ ...doc, _deleted: true }, { storeId: 'demo', registerId: 'R1' }).ok).toBe(false);
    expect(isImmutableId(doc._id)).toBe(true);
  });
});
