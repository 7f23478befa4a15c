/**
 * The state machine of issue 6 by example: parts per location, parcels, payment, flags, changes,
 * cancellation, returns, records, and the platform's status as a floor.
 */
import { describe, expect, it } from 'vitest';
import { money } from '../../../src/domain/money.ts';
import { initialState, orderState, transition } from '../../../src/domain/web-order-state.ts';
import { event, webOrder } from './web-order-fixtures.ts';

const split = event('allocated', 1, { allocation: [{ sku: 'A', location: 'shop', quantity: 2 }, { sku: 'B', location: 'depot', quantity: 1 }] });

describe('parts per location', () => {
  it('puts every line at the default location until an allocation moves units', () => {
    const s = orderState(webOrder(), [], 'shop');
    expect(s.parts.map((p) => p.location)).toEqual(['shop']);
    expect(s.lines.map((l) => [l.sku, l.location, l.ordered])).toEqual([['A', 'shop', 2], ['B', 'shop', 1]]);
    const moved = orderState(webOrder(), [split], 'shop');
    expect(moved.parts.map((p) => [p.location, p.lines.map((l) => l.sku)])).toEqual([['shop', ['A']], ['depot', ['B']]]);
  });

  it('is packed only when every part is, and shipped only when every part left, each parcel with its tracking', () => {
    const evs = [
      split,
      event('picked', 2, { all: true, location: 'shop' }),
      event('packed', 3, { location: 'shop' }),
      event('shipped', 4, { location: 'shop', tracking: { carrier: 'UPS', number: '1Z1' } }),
    ];
    const half = orderState(webOrder(), evs, 'shop');
    expect(half.parts.map((p) => p.status)).toEqual(['shipped', 'new']);
    expect(half.status).toBe('partially_shipped');
    const more = [
      ...evs,
      event('picked', 5, { sku: 'B', quantity: 1, location: 'depot' }),
      event('packed', 6, { location: 'depot' }),
      event('shipped', 7, { location: 'depot', tracking: { carrier: 'DHL', number: 'JD2' } }),
    ];
    const done = orderState(webOrder(), more, 'shop');
    expect(done.status).toBe('shipped');
    expect(done.parcels.map((p) => [p.location, p.tracking?.number, p.lines])).toEqual([
      ['shop', '1Z1', [{ sku: 'A', quantity: 2 }]],
      ['depot', 'JD2', [{ sku: 'B', quantity: 1 }]],
    ]);
  });

  it('refuses a pick of a SKU at another location, and shipping a part that is not packed', () => {
    const s = orderState(webOrder(), [split], 'shop');
    expect(transition(s, { kind: 'picked', sku: 'B', quantity: 1, location: 'shop' })).toEqual({ ok: false, error: { kind: 'not_on_order', sku: 'B' } });
    expect(transition(s, { kind: 'packed', location: 'attic' })).toEqual({ ok: false, error: { kind: 'no_lines_at', location: 'attic' } });
    expect(transition(s, { kind: 'shipped', location: 'depot' })).toEqual({ ok: false, error: { kind: 'not_packed' } });
  });

  it('ships part of the quantities in several parcels', () => {
    const packed = [event('picked', 1, { all: true }), event('packed', 2)];
    const s = orderState(webOrder(), [...packed, event('shipped', 3, { lines: [{ sku: 'A', quantity: 1 }] })], 'shop');
    expect(s.status).toBe('partially_shipped');
    expect(s.lines.find((l) => l.sku === 'A')?.shipped).toBe(1);
    expect(transition(s, { kind: 'shipped', lines: [{ sku: 'A', quantity: 2 }] })).toEqual({ ok: false, error: { kind: 'over_ship', sku: 'A', left: 1 } });
    const rest = transition(s, { kind: 'shipped' });
    expect(rest.ok && rest.value.status).toBe('shipped');
    expect(rest.ok && rest.value.parcels.at(-1)?.lines).toEqual([{ sku: 'A', quantity: 1 }, { sku: 'B', quantity: 1 }]);
  });
});

describe('payment and flags', () => {
  it('needs the balance paid to ship; a paid event counts once even when the platform later says paid', () => {
    const unpaid = webOrder({ payment: { state: 'to_pay' }, delivery: 'pickup' });
    const ready = [event('picked', 1, { all: true }), event('packed', 2), event('ready_for_pickup', 3)];
    const before = orderState(unpaid, ready, 'shop');
    expect(before).toMatchObject({ status: 'ready_for_pickup', balance: 5000, paid: false, paidAmount: 0 });
    expect(transition(before, { kind: 'picked_up' })).toEqual({ ok: false, error: { kind: 'unpaid', balance: 5000 } });
    const paid = event('paid', 4, { payment: { amount: money(5000), method: 'cash', saleId: 'sale:R1:00000001' } });
    const after = orderState(unpaid, [...ready, paid, event('picked_up', 5)], 'shop');
    expect(after).toMatchObject({ status: 'picked_up', balance: 0, paid: true, paidAmount: 5000 });
    // The push marked it paid on the platform, which sends the order back paid and picked up.
    const echoed = orderState({ ...unpaid, payment: { state: 'paid' }, status: 'picked_up' }, [...ready, paid, event('picked_up', 5)], 'shop');
    expect(echoed).toMatchObject({ status: 'picked_up', paidAmount: 5000 });
    expect(echoed.history.every((h) => h.refused === undefined)).toBe(true);
  });

  it('a failed payment check needs an override to ship or hand over', () => {
    const flagged = webOrder({ paymentChecks: [{ name: 'fraud_risk', result: 'fail', detail: 'high' }, { name: 'address', result: 'pass' }] });
    const s = orderState(flagged, [event('picked', 1, { all: true }), event('packed', 2)], 'shop');
    expect(s.flagged).toBe(true);
    expect(transition(s, { kind: 'shipped' })).toEqual({ ok: false, error: { kind: 'flagged' } });
    expect(transition(s, { kind: 'shipped', override: true, overrideId: 'override:r1:01KDZ2CN80QD9MK2F0M5ZN0000' }).ok).toBe(true);
  });

  it('exposes the method the customer chose', () => {
    expect(orderState(webOrder({ paymentProcessor: 'PayPal' }), []).paymentMethod).toBe('PayPal');
  });
});

describe('changes, cancellation and returns', () => {
  it('a swap removes units and adds a line; the total follows, the refund lowers what is paid', () => {
    const swap = event('changed', 1, {
      change: { sku: 'A', remove: 1, add: { sku: 'C', name: 'Article C', quantity: 1, unitPrice: money(400) } },
      refund: { to: 'original', amount: money(600) },
    });
    const s = orderState(webOrder(), [swap], 'shop');
    expect(s.lines.map((l) => [l.sku, l.ordered])).toEqual([['A', 1], ['B', 1], ['C', 1]]);
    expect(s).toMatchObject({ total: 4400, paidAmount: 4400, balance: 0 });
    expect(s.refunds).toEqual([{ eventId: swap._id, to: 'original', amount: 600 }]);
    const removeAll = transition(s, { kind: 'changed', change: { sku: 'B', remove: 1 } });
    expect(removeAll.ok && removeAll.value.lines.map((l) => l.sku)).toEqual(['A', 'C']);
    expect(transition(s, { kind: 'changed', change: { sku: 'B', remove: 2 } })).toEqual({ ok: false, error: { kind: 'over_remove', sku: 'B', left: 1 } });
  });

  it('an added line costing more leaves a balance to take', () => {
    const s = orderState(webOrder(), [event('changed', 1, { change: { add: { sku: 'C', name: 'C', quantity: 2, unitPrice: money(300) } } })], 'shop');
    expect(s).toMatchObject({ total: 5600, paidAmount: 5000, balance: 600, paid: false });
  });

  it('cancelled closes the order; a cancelled order has nothing to pay', () => {
    const s = orderState(webOrder({ payment: { state: 'to_pay' } }), [event('cancelled', 1, { reason: 'Client injoignable' })], 'shop');
    expect(s).toMatchObject({ status: 'cancelled', balance: 0 });
    expect(transition(s, { kind: 'picked', all: true })).toEqual({ ok: false, error: { kind: 'closed', status: 'cancelled' } });
    expect(transition(s, { kind: 'paid', payment: { amount: money(10), method: 'cash' } })).toEqual({ ok: false, error: { kind: 'closed', status: 'cancelled' } });
  });

  it('returns after shipping: store credit, a surcharge kept back, never more than shipped', () => {
    const shipped = [event('picked', 1, { all: true }), event('packed', 2), event('shipped', 3)];
    const ret = event('returned', 4, { lines: [{ sku: 'A', quantity: 1 }], refund: { to: 'store_credit', amount: money(800), surcharge: money(200), voucher: 'AV-1' } });
    const s = orderState(webOrder(), [...shipped, ret], 'shop');
    expect(s.status).toBe('shipped');
    expect(s.lines.find((l) => l.sku === 'A')?.returned).toBe(1);
    expect(s).toMatchObject({ total: 4200, paidAmount: 4200, balance: 0 });
    expect(s.refunds).toEqual([{ eventId: ret._id, to: 'store_credit', amount: 800, voucher: 'AV-1' }]);
    expect(transition(s, { kind: 'returned', lines: [{ sku: 'A', quantity: 2 }] })).toEqual({ ok: false, error: { kind: 'over_return', sku: 'A', left: 1 } });
    expect(transition(initialState(webOrder()), { kind: 'returned', lines: [{ sku: 'A', quantity: 1 }] }).ok).toBe(false);
  });
});

describe('records', () => {
  it('keeps notes, the assignee, corrected address and customer, and prints in the history', () => {
    const address = { name: 'Camille Martin', address1: '3 rue Neuve', city: 'Lyon', postcode: '69001', country: 'FR' };
    const s = orderState(webOrder(), [
      event('assigned', 1, { assignee: { id: 'staff:leo', name: 'Léo' } }),
      event('address_corrected', 2, { address, customer: { name: 'Camille Martin', phone: '+33612345678' } }),
      event('printed', 3, { printed: 'packing_slip' }),
      event('note', 4, { text: 'Fragile' }),
    ], 'shop');
    expect(s.assignee).toEqual({ id: 'staff:leo', name: 'Léo' });
    expect(s.shippingAddress).toEqual(address);
    expect(s.customer.phone).toBe('+33612345678');
    expect(s.notes).toEqual(['Fragile']);
    expect(s.history.map((h) => h.kind)).toEqual(['assigned', 'address_corrected', 'printed', 'note']);
    expect(s.history[2]?.printed).toBe('packing_slip');
    const unassigned = transition(s, { kind: 'assigned', assignee: null });
    expect(unassigned.ok && unassigned.value.assignee).toBeNull();
  });

  it('skips lines without a catalogue SKU and an order of fees only is packed and shipped as a whole', () => {
    const fees = webOrder({ lines: [{ sku: null, name: 'Emballage cadeau', quantity: 1, unitPrice: money(300) }], total: money(300) });
    const s = orderState(fees, [event('packed', 1), event('shipped', 2)], 'shop');
    expect(s.lines).toEqual([]);
    expect(s.status).toBe('shipped');
  });
});

describe('the platform status as a floor', () => {
  it('our shipment coming back as "shipped" keeps the parcels and refuses nothing', () => {
    const evs = [event('picked', 1, { all: true }), event('packed', 2), event('shipped', 3, { tracking: { carrier: 'UPS', number: '1Z9' } })];
    const s = orderState(webOrder({ status: 'shipped' }), evs, 'shop');
    expect(s.status).toBe('shipped');
    expect(s.parcels).toHaveLength(1);
    expect(s.history.every((h) => h.refused === undefined)).toBe(true);
  });

  it('an order fulfilled or cancelled on the platform is closed at the counter', () => {
    expect(orderState(webOrder({ status: 'shipped' }), [], 'shop').status).toBe('shipped');
    expect(orderState(webOrder({ status: 'cancelled' }), [event('picked', 1, { all: true })], 'shop').status).toBe('cancelled');
    expect(transition(initialState(webOrder({ status: 'picked_up', delivery: 'pickup' })), { kind: 'picked', all: true }).ok).toBe(false);
  });
});
