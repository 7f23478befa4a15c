// Rows for the orders screen's tests: a web order document, its folded state, a parked sale.
import type { WebOrderDoc } from '../../src/domain/documents.ts';
import { money } from '../../src/domain/money.ts';
import type { ParkedSaleDoc } from '../../src/domain/register-documents.ts';
import type { OrderState } from '../../src/domain/web-order-types.ts';

export function webOrder(id: string, extra: Partial<WebOrderDoc> = {}): WebOrderDoc {
  return {
    _id: `weborder:shopify:demo-shop.myshopify.com:${id}`,
    type: 'web_order',
    platform: 'shopify',
    shop: 'demo-shop.myshopify.com',
    platformOrderId: id,
    orderNumber: `#${id}`,
    createdAt: '2026-01-04T18:22:10.000Z',
    updatedAt: '2026-01-04T18:22:10.000Z',
    status: 'new',
    delivery: 'shipping',
    customer: { name: 'Camille Martin', email: 'camille.martin@example.fr' },
    currency: 'EUR',
    pricesIncludeTax: true,
    lines: [
      { sku: 'EPI-0001', name: 'Farine', quantity: 2, unitPrice: money(300) },
      { sku: null, name: 'Livraison', quantity: 1, unitPrice: money(490) },
    ],
    total: money(1090),
    payment: { state: 'paid', processor: 'shopify_payments' },
    ...extra,
  };
}

export function folded(order: WebOrderDoc, extra: Partial<OrderState> = {}): OrderState {
  const lines = order.lines
    .filter((l) => l.sku !== null)
    .map((l) => ({ sku: l.sku!, name: l.name, location: 'shop', unitPrice: l.unitPrice, ordered: l.quantity, picked: 0, packed: 0, shipped: 0, returned: 0 }));
  const paid = order.payment.state === 'paid';
  return {
    orderId: order._id,
    status: 'new',
    delivery: order.delivery,
    lines,
    parts: [{ location: 'shop', status: 'new', lines }],
    parcels: [],
    total: order.total,
    paidAmount: paid ? order.total : money(0),
    balance: paid ? money(0) : order.total,
    paid,
    ...(order.payment.processor !== undefined ? { paymentMethod: order.payment.processor } : {}),
    flagged: false,
    assignee: null,
    customer: order.customer,
    notes: [],
    refunds: [],
    defaultLocation: 'shop',
    history: [],
    ...extra,
  };
}

export function parked(id: string, extra: Partial<ParkedSaleDoc> = {}): ParkedSaleDoc {
  return {
    _id: `parked:R1:${id}`,
    type: 'parked_sale',
    registerId: 'R1',
    parkedAt: '2026-01-05T09:00:00.000Z',
    parkedBy: 'Camille',
    label: 'Table 4',
    cart: { items: [{ key: 1, product: { sku: 'BOI-0001', name: 'Jus', price: money(250), priceIncludesTax: true, vatRate: 550 }, quantity: 2 }], nextKey: 2 },
    total: money(500),
    ...extra,
  };
}
