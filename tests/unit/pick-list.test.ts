/**
 * The combined pick list: grouped by location then SKU with the right totals (a property over any
 * set of orders), on the receipt printer (decoded) and as an A4 page, and the bulk command.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { printPickListFor } from '../../src/commands/order-documents.ts';
import type { DocumentLineState } from '../../src/documents/packing-slip-data.ts';
import { buildPickList, leftToPick, type PickListOrder } from '../../src/documents/pick-list-data.ts';
import { buildPickListBytes } from '../../src/documents/pick-list-escpos.ts';
import { pickListHtml } from '../../src/documents/pick-list-html.ts';
import { interpret } from '../support/escpos/interpreter.ts';
import { commandHarness, printHarness } from '../support/order-print-harness.ts';
import { orderStateOf, settings, webOrder } from '../support/order-documents-fixtures.ts';

const NOW = '2026-11-28T10:00:00.000Z';
const line = (sku: string, location: string | undefined, ordered: number, picked = 0, shipped = 0, name = `Produit ${sku}`): DocumentLineState => ({ sku, name, ...(location !== undefined ? { location } : {}), ordered, picked, shipped, packed: 0 });

const orders: PickListOrder[] = [
  { orderId: 'o1', orderNumber: '#1042', lines: [line('CAF-1', 'shop', 2, 0, 0, 'Café éthiopien'), line('OEU-1', 'wh', 1, 0, 0, 'Œufs bio')] },
  { orderId: 'o2', orderNumber: '#1043', lines: [line('CAF-1', 'shop', 3, 1), line('THE-9', undefined, 4), line('CAF-1', 'wh', 1)] },
  { orderId: 'o3', orderNumber: '#1044', lines: [line('CAF-1', 'shop', 1, 1), line('ZZZ-0', 'cellar', 2)] },
];

describe('pick list grouping', () => {
  const list = buildPickList(orders, settings, { lang: 'fr', now: NOW });

  it('groups by location in the shop’s order (unknown ones last), then by SKU, with what is left to pick', () => {
    expect(list.groups.map((g) => [g.location, g.locationName])).toEqual([
      ['shop', 'Boutique'],
      ['wh', 'Entrepôt Nord'],
      ['cellar', 'cellar'],
    ]);
    expect(list.groups[0]!.rows).toEqual([
      { sku: 'CAF-1', name: 'Café éthiopien', total: 4, orders: [{ orderId: 'o1', orderNumber: '#1042', quantity: 2 }, { orderId: 'o2', orderNumber: '#1043', quantity: 2 }] },
      { sku: 'THE-9', name: 'Produit THE-9', total: 4, orders: [{ orderId: 'o2', orderNumber: '#1043', quantity: 4 }] },
    ]);
    expect(list.groups[1]!.rows.map((r) => [r.sku, r.total])).toEqual([['CAF-1', 1], ['OEU-1', 1]]);
    expect(list.totalUnits).toBe(4 + 4 + 2 + 2);
    expect(list.orders.map((o) => o.orderNumber)).toEqual(['#1042', '#1043', '#1044']);
  });

  it('keeps one location when asked', () => {
    const wh = buildPickList(orders, settings, { lang: 'fr', now: NOW, onlyLocation: 'wh' });
    expect(wh.groups.map((g) => g.location)).toEqual(['wh']);
    expect(wh.totalUnits).toBe(2);
  });

  it('property: per location and SKU, the total is the sum over orders of what each has left, and each order’s share is listed once', () => {
    const skus = ['A-1', 'B-2', 'C-3', 'D-4'];
    const locations = ['shop', 'wh', 'cellar', undefined];
    const lineArb = fc.record({ sku: fc.constantFrom(...skus), location: fc.constantFrom(...locations), ordered: fc.integer({ min: 0, max: 6 }), picked: fc.integer({ min: 0, max: 6 }), shipped: fc.integer({ min: 0, max: 6 }) });
    const ordersArb = fc.array(fc.array(lineArb, { maxLength: 6 }), { maxLength: 6 }).map((all) => all.map((lines, k) => ({ orderId: `o${k}`, orderNumber: `#${1000 + k}`, lines: lines.map((l) => line(l.sku, l.location, l.ordered, l.picked, l.shipped)) })));
    fc.assert(
      fc.property(ordersArb, (input) => {
        const built = buildPickList(input, settings, { lang: 'fr', now: NOW });
        const expected = new Map<string, Map<string, number>>();
        for (const o of input) {
          for (const l of o.lines) {
            const key = `${l.location ?? 'shop'}|${l.sku}`;
            const left = Math.max(0, l.ordered - Math.max(l.picked, l.shipped));
            if (left === 0) continue;
            const per = expected.get(key) ?? new Map<string, number>();
            per.set(o.orderId, (per.get(o.orderId) ?? 0) + left);
            expected.set(key, per);
          }
        }
        const seen = new Map<string, Map<string, number>>();
        for (const g of built.groups) {
          expect(g.rows.length).toBeGreaterThan(0);
          expect(g.rows.map((r) => r.sku)).toEqual([...g.rows.map((r) => r.sku)].sort());
          for (const r of g.rows) {
            expect(r.total).toBe(r.orders.reduce((n, o) => n + o.quantity, 0));
            expect(new Set(r.orders.map((o) => o.orderId)).size).toBe(r.orders.length);
            for (const o of r.orders) expect(o.quantity).toBeGreaterThan(0);
            seen.set(`${g.location}|${r.sku}`, new Map(r.orders.map((o) => [o.orderId, o.quantity])));
          }
        }
        expect(seen).toEqual(expected);
        const order = ['shop', 'wh', 'cellar'];
        const ranks = built.groups.map((g) => order.indexOf(g.location));
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
        expect(built.totalUnits).toBe(input.reduce((n, o) => n + o.lines.reduce((m, l) => m + leftToPick(l), 0), 0));
      }),
      { numRuns: 300 },
    );
  });
});

describe('pick list on paper', () => {
  const list = buildPickList(orders, settings, { lang: 'fr', now: NOW });

  it('receipt printer: per location, a box to tick, the SKU and quantity, the item and the orders it is for', () => {
    const out = interpret(buildPickListBytes(list));
    const text = out.lines.join('\n');
    expect(text).toContain('LISTE DE PRÉLÈVEMENT');
    expect(text).toMatch(/Commandes\s+3/);
    expect(text).toMatch(/Articles\s+12/);
    expect(text).toContain('#1042, #1043, #1044');
    const shop = out.lines.indexOf('Emplacement : Boutique');
    const wh = out.lines.indexOf('Emplacement : Entrepôt Nord');
    expect(shop).toBeGreaterThan(0);
    expect(wh).toBeGreaterThan(shop);
    expect(out.lines.slice(shop, wh).join('\n')).toMatch(/\[ \] CAF-1\s+4\n\s+Café éthiopien\n\s+Pour #1042 x2, #1043 x2/);
    expect(out.lines.slice(wh).join('\n')).toMatch(/\[ \] OEU-1\s+1\n\s+Œufs bio\n\s+Pour #1042/);
    expect(text).not.toContain('?');
    for (const l of out.lines) expect(l.length).toBeLessThanOrEqual(42);
    expect(out.cuts).toHaveLength(1);
  });

  it('A4: a table per location with quantities and orders, in English too', () => {
    const html = pickListHtml(list);
    expect(html).toContain('@page { size: A4;');
    expect(html.match(/<section class="group"/g)).toHaveLength(3);
    expect(html).toMatch(/<tr data-sku="CAF-1">.*?<td class="n q">4<\/td><td class="orders-list">#1042 ×2, #1043 ×2<\/td>/);
    const en = pickListHtml(buildPickList(orders, settings, { lang: 'en', now: NOW }));
    expect(en).toContain('PICK LIST');
    expect(en).toContain('Location: Boutique');
  });

  it('says there is nothing to pick rather than printing an empty table', () => {
    const empty = buildPickList([{ orderId: 'o', orderNumber: '#1', lines: [line('A', 'shop', 1, 1)] }], settings, { lang: 'fr', now: NOW });
    expect(interpret(buildPickListBytes(empty)).lines).toContain('Rien à prélever.');
    expect(pickListHtml(empty)).toContain('Rien à prélever.');
  });
});

describe('bulk: printing the pick list of the selected orders', () => {
  const o1 = webOrder();
  const o2 = webOrder({ _id: 'weborder:shopify:demo:1043', orderNumber: '#1043' });
  const o3 = webOrder({ _id: 'weborder:shopify:demo:1044', orderNumber: '#1044' });
  const states = [
    { order: o1, state: orderStateOf({ status: 'new', lines: [line('CAF-1', 'shop', 2)] }) },
    { order: o2, state: orderStateOf({ status: 'picking', lines: [line('CAF-1', 'shop', 3, 1), line('OEU-1', 'wh', 1)] }) },
    { order: o3, state: orderStateOf({ status: 'shipped', lines: [line('CAF-1', 'shop', 5, 5, 5)] }) },
  ];

  it('one job for all, shipped orders left out, a "printed" event per order on the list', async () => {
    const h = printHarness();
    const c = commandHarness(states, h.deps);
    const r = await printPickListFor([o1._id, o2._id, o3._id, o1._id], {}, c.deps);
    expect(r.ok && r.value).toMatchObject({ orderIds: [o1._id, o2._id], target: 'receipt_printer', recorded: true });
    expect(c.recorded).toEqual([
      { orderId: o1._id, what: 'pick_list' },
      { orderId: o2._id, what: 'pick_list' },
    ]);
    await h.run();
    const jobs = await h.jobs();
    expect(jobs.map((j) => [j.kind, j.ref, j.state])).toEqual([['pick-list', `${o1._id},${o2._id}`, 'done']]);
    const text = interpret(h.receipt.bytes).lines.join('\n');
    expect(text).toMatch(/\[ \] CAF-1\s+4/);
    expect(text).toContain('Pour #1042 x2, #1043 x2');
    expect(text).not.toContain('#1044');
  });

  it('A4 without a receipt printer; one location only when asked', async () => {
    const h = printHarness({ receiptPrinter: null });
    const c = commandHarness(states, h.deps);
    const r = await printPickListFor([o1._id, o2._id], { location: 'wh' }, c.deps);
    expect(r.ok && r.value.orderIds).toEqual([o2._id]);
    const [job] = await h.jobs();
    expect(job?.deviceId).toBe('browser-dialog');
    const html = h.text(job!);
    expect(html).toContain('OEU-1');
    expect(html).not.toContain('CAF-1');
  });

  it('refuses an empty selection, an unknown order, and a selection with nothing left to pick', async () => {
    const h = printHarness();
    const c = commandHarness(states, h.deps);
    expect(await printPickListFor([], {}, c.deps)).toEqual({ ok: false, error: { kind: 'no_orders' } });
    expect(await printPickListFor([o1._id, 'weborder:x'], {}, c.deps)).toEqual({ ok: false, error: { kind: 'order_not_found', orderId: 'weborder:x' } });
    expect(await printPickListFor([o3._id], {}, c.deps)).toEqual({ ok: false, error: { kind: 'nothing_to_pick' } });
    expect(await h.jobs()).toEqual([]);
    expect(c.recorded).toEqual([]);
  });
});
