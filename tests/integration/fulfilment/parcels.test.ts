/**
 * Partial and split fulfilment reaching the web stores (issue 6): an order shipped in two parcels
 * becomes two pushes, each with its own tracking and only its own units — a Shopify fulfilment of
 * those fulfilment-order line items, a BigCommerce shipment of those order products, a WooCommerce
 * note — and the order shows complete (Shopify fulfilled, WooCommerce completed, BigCommerce
 * Shipped) only after the second. An order split across two locations is fulfilled only once both
 * have shipped. Shipped units leave the shelf: the stock pushed afterwards says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockPlatformKind } from '../../support/mock-platforms/index.ts';
import { orderEvent, outboundJobs, prepare, registerPut, stockDelta, waitFor, writes } from '../outbound/helpers.ts';
import { jobOf, KINDS, mailTo, openShop, placeOrder, PRODUCTS, type Shop } from './helpers.ts';

let shop: Shop;

beforeAll(async () => {
  shop = await openShop('parcels');
});

afterAll(async () => {
  await shop?.stop();
});

/** The writes that created a parcel on the platform. */
function parcelWrites(kind: MockPlatformKind, platformOrderId: string): number {
  const w = writes(shop.mocks[kind]);
  if (kind === 'shopify') return w.filter((r) => r.path.endsWith('/fulfillments.json')).length;
  if (kind === 'bigcommerce') return w.filter((r) => r.path.endsWith(`/v2/orders/${platformOrderId}/shipments`)).length;
  return w.filter((r) => r.path.endsWith(`/orders/${platformOrderId}/notes`)).length;
}

/** The stock the platform shows for a SKU. */
function stockOf(kind: MockPlatformKind, sku: string): number | undefined {
  const products = [...shop.mocks[kind].products.values()];
  if (kind === 'woocommerce') return products.find((p) => p.sku === sku)?.stock_quantity as number | undefined;
  if (kind === 'bigcommerce') return products.find((p) => p.sku === sku)?.inventory_level as number | undefined;
  const variant = products.flatMap((p) => p.variants as Array<Record<string, unknown>>).find((v) => v.sku === sku);
  const pushes = writes(shop.mocks.shopify).filter((r) => r.path.endsWith('/inventory_levels/set.json') && (r.body as { inventory_item_id: unknown }).inventory_item_id === variant?.inventory_item_id);
  return (pushes.at(-1)?.body as { available?: number } | undefined)?.available;
}

const PARTIAL: Record<MockPlatformKind, string> = { shopify: 'paid/partial', woocommerce: 'processing', bigcommerce: 'Partially Shipped' };
const COMPLETE: Record<MockPlatformKind, string> = { shopify: 'paid/fulfilled', woocommerce: 'completed', bigcommerce: 'Shipped' };

describe('two parcels', () => {
  for (const kind of KINDS) {
    it(`${kind}: each parcel is pushed with its own tracking; the order is complete only after the second`, async () => {
      const email = `parcels-${kind}@example.fr`;
      const { orderId, platformOrderId, doc } = await placeOrder(shop, kind, {
        email,
        lines: [
          { sku: 'EPI-0001', quantity: 2, price: '2.50' },
          { sku: 'EPI-0002', quantity: 1, price: '7.90' },
        ],
      });
      expect(doc.payment.state).toBe('paid');
      const before = parcelWrites(kind, platformOrderId);
      await prepare(shop.reg, orderId);

      const first = orderEvent(shop.reg.registerId, orderId, 'shipped', {
        lines: [{ sku: 'EPI-0001', quantity: 1 }],
        tracking: { carrier: 'Colissimo', number: `6A-${kind}-1`, url: `https://suivi.example/6A-${kind}-1` },
      });
      await registerPut(shop.reg, first);
      const job1 = await jobOf(shop, kind, 'fulfilment', first);
      expect(job1.payload).toMatchObject({ lines: [{ sku: 'EPI-0001', quantity: 1 }], complete: false, tracking: { number: `6A-${kind}-1` } });
      expect(shop.mocks[kind].statusOf(platformOrderId)).toBe(PARTIAL[kind]);
      const parcels1 = shop.mocks[kind].shipmentsOf(platformOrderId);
      expect(parcels1).toHaveLength(1);
      expect(parcels1[0]!.tracking?.number).toBe(`6A-${kind}-1`);
      if (kind !== 'woocommerce') expect(parcels1[0]!.lines).toEqual([{ sku: 'EPI-0001', quantity: 1 }]);

      // The second parcel: everything left.
      const second = orderEvent(shop.reg.registerId, orderId, 'shipped', { tracking: { carrier: 'Chronopost', number: `XY-${kind}-2` } });
      await registerPut(shop.reg, second);
      const job2 = await jobOf(shop, kind, 'fulfilment', second);
      expect(job2.payload).toMatchObject({ complete: true });
      expect((job2.payload.lines as Array<{ sku: string; quantity: number }>).map((l) => `${l.quantity}×${l.sku}`).sort()).toEqual(['1×EPI-0001', '1×EPI-0002']);
      expect(shop.mocks[kind].statusOf(platformOrderId)).toBe(COMPLETE[kind]);
      const parcels = shop.mocks[kind].shipmentsOf(platformOrderId);
      expect(parcels.map((p) => p.tracking?.number)).toEqual([`6A-${kind}-1`, `XY-${kind}-2`]);
      if (kind !== 'woocommerce') {
        expect(parcels[1]!.lines.map((l) => `${l.quantity}×${l.sku}`).sort()).toEqual(['1×EPI-0001', '1×EPI-0002']);
      }
      expect(parcelWrites(kind, platformOrderId) - before).toBe(2);

      // One "shipped" mail per parcel, each with its tracking.
      for (const number of [`6A-${kind}-1`, `XY-${kind}-2`]) {
        const mail = await shop.smtp.waitFor((m) => mailTo(m) === email && (m.text ?? '').includes(number));
        expect(mail.subject).toContain('a été expédiée');
      }
    });
  }

  it('shipped units leave the shelf: the stock pushed after the parcels counts them out once', async () => {
    // 20 counted of each; three orders of 2 + 1 shipped in full above: 14 and 17 left, nothing
    // reserved. Shipping moves units from "reserved" to "gone", so the level the platforms show only
    // moves with the next change: one more unit of each found on the shelf.
    for (const p of PRODUCTS) await registerPut(shop.reg, stockDelta(shop.reg.registerId, p.sku, 1));
    const level = await waitFor('stock levels after the parcels', async () => {
      const jobs = (await outboundJobs(shop.server, shop.storeId)).jobs.filter((j) => j.kind === 'stock_level' && j.platform === 'shopify' && j.state === 'done');
      const a = jobs.find((j) => j.payload.sku === 'EPI-0001' && j.payload.available === 15);
      const b = jobs.find((j) => j.payload.sku === 'EPI-0002' && j.payload.available === 18);
      return a && b ? { a: a.payload, b: b.payload } : null;
    });
    expect(level.a).toMatchObject({ onHand: 15, reserved: 0, available: 15 });
    expect(level.b).toMatchObject({ onHand: 18, reserved: 0, available: 18 });
    await waitFor('the three platforms showing 15', () => KINDS.every((kind) => stockOf(kind, 'EPI-0001') === 15));
  });
});

describe('an order split across two locations', () => {
  for (const kind of ['bigcommerce', 'shopify'] as const) {
    it(`${kind}: each location ships its part with its own tracking; fulfilled only when both have`, async () => {
      const { orderId, platformOrderId } = await placeOrder(shop, kind, {
        email: `split-${kind}@example.fr`,
        lines: [
          { sku: 'EPI-0001', quantity: 1, price: '2.50' },
          { sku: 'EPI-0002', quantity: 2, price: '7.90', location: 'warehouse' },
        ],
      });
      await registerPut(shop.reg, orderEvent(shop.reg.registerId, orderId, 'allocated', { allocation: [{ sku: 'EPI-0002', location: 'warehouse', quantity: 2 }] }));
      await prepare(shop.reg, orderId, 'shop');
      const fromShop = orderEvent(shop.reg.registerId, orderId, 'shipped', { location: 'shop', tracking: { carrier: 'Colissimo', number: `SHOP-${kind}` } });
      await registerPut(shop.reg, fromShop);
      const job1 = await jobOf(shop, kind, 'fulfilment', fromShop);
      expect(job1.payload).toMatchObject({ location: 'shop', lines: [{ sku: 'EPI-0001', quantity: 1 }], complete: false });
      expect(shop.mocks[kind].statusOf(platformOrderId)).toBe(PARTIAL[kind]);

      await prepare(shop.reg, orderId, 'warehouse');
      const fromWarehouse = orderEvent(shop.reg.registerId, orderId, 'shipped', { location: 'warehouse', tracking: { carrier: 'DPD', number: `WH-${kind}` } });
      await registerPut(shop.reg, fromWarehouse);
      const job2 = await jobOf(shop, kind, 'fulfilment', fromWarehouse);
      expect(job2.payload).toMatchObject({ location: 'warehouse', lines: [{ sku: 'EPI-0002', quantity: 2 }], complete: true });
      expect(shop.mocks[kind].statusOf(platformOrderId)).toBe(COMPLETE[kind]);
      const parcels = shop.mocks[kind].shipmentsOf(platformOrderId);
      expect(parcels.map((p) => [p.tracking?.number, p.lines])).toEqual([
        [`SHOP-${kind}`, [{ sku: 'EPI-0001', quantity: 1 }]],
        [`WH-${kind}`, [{ sku: 'EPI-0002', quantity: 2 }]],
      ]);
      if (kind === 'shopify') {
        // One fulfilment order per location: each parcel closed its own.
        const fos = writes(shop.mocks.shopify).filter((r) => r.path.endsWith('/fulfillments.json')).slice(-2);
        const foIds = fos.map((r) => ((r.body as { fulfillment: { line_items_by_fulfillment_order: Array<{ fulfillment_order_id: number }> } }).fulfillment.line_items_by_fulfillment_order[0]!.fulfillment_order_id));
        expect(new Set(foIds).size).toBe(2);
      }
    });
  }
});
