// Web orders and their events for the issue 6 tests (the state machine, the stock effect, commands).
import type { WebOrderDoc, WebOrderEventDoc } from '../../../src/domain/documents.ts';
import { money } from '../../../src/domain/money.ts';

export const ORDER_ID = 'weborder:bigcommerce:demo-store:1042';

export function webOrder(over: Partial<WebOrderDoc> = {}): WebOrderDoc {
  return {
    _id: ORDER_ID,
    type: 'web_order',
    platform: 'bigcommerce',
    shop: 'demo-store',
    platformOrderId: '1042',
    orderNumber: '#1042',
    createdAt: '2026-11-28T09:00:00.000Z',
    updatedAt: '2026-11-28T09:00:00.000Z',
    status: 'new',
    delivery: 'shipping',
    customer: { name: 'Camille Martin', email: 'camille@example.com' },
    currency: 'EUR',
    pricesIncludeTax: true,
    lines: [
      { sku: 'A', name: 'Article A', quantity: 2, unitPrice: money(1000) },
      { sku: 'B', name: 'Article B', quantity: 1, unitPrice: money(2500) },
    ],
    total: money(5000),
    payment: { state: 'paid', processor: 'stripe' },
    shippingMethod: { name: 'Colissimo', price: money(500) },
    ...over,
  };
}

let seq = 0;
/** An event at minute `minute` (ids increase, so ties at the same minute keep creation order). */
export function event(kind: WebOrderEventDoc['kind'], minute: number, over: Partial<WebOrderEventDoc> = {}): WebOrderEventDoc {
  seq += 1;
  return {
    _id: `woevent:r1:01KDZ2CN80QD9MK2F0M5Z${String(seq).padStart(5, '0')}`,
    type: 'web_order_event',
    orderId: ORDER_ID,
    kind,
    at: `2026-11-28T10:${String(minute).padStart(2, '0')}:00.000Z`,
    by: 'Camille',
    ...over,
  };
}
