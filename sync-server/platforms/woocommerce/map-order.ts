/** WooCommerce REST v3 order JSON → ExternalOrder. */
import type { ExternalOrder } from '../adapter.ts';
import { MalformedDelivery } from '../adapter.ts';
import { isoFromPlatform, toMinorUnits } from '../money.ts';

type Json = Record<string, unknown>;

const CANCELLED = new Set(['cancelled', 'refunded', 'failed', 'trash']);
/** Payment methods settled at the shop or by hand: the order stays "to pay" until the register takes it. */
const OFFLINE_METHODS = new Set(['cod', 'bacs', 'cheque', 'pos_cash', 'pay_in_store', '']);
const PICKUP_METHODS = /^(local_pickup|pickup_location)/;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined);

export function mapWooCommerceOrder(o: Json): ExternalOrder {
  if (o.id === undefined || o.id === null) throw new MalformedDelivery('the order has no id');
  const currency = str(o.currency) ?? 'EUR';
  const createdAt = isoFromPlatform(o.date_created_gmt, true) ?? isoFromPlatform(o.date_created, true);
  const updatedAt = isoFromPlatform(o.date_modified_gmt, true) ?? isoFromPlatform(o.date_modified, true) ?? createdAt;
  if (!createdAt || !updatedAt) throw new MalformedDelivery(`order ${String(o.id)} has no readable date_created_gmt/date_modified_gmt`);
  const billing = (o.billing ?? {}) as Json;
  const shipping = (o.shipping ?? {}) as Json;
  const shippingLines = Array.isArray(o.shipping_lines) ? (o.shipping_lines as Json[]) : [];
  const first = shippingLines[0];
  const pickup = shippingLines.length === 0 || PICKUP_METHODS.test(String(first?.method_id ?? ''));
  const wcStatus = str(o.status) ?? 'pending';
  const method = str(o.payment_method) ?? '';
  const paid = !!str(o.date_paid_gmt) && !OFFLINE_METHODS.has(method) && !['pending', 'on-hold', 'failed', 'checkout-draft'].includes(wcStatus);
  const processor = str(o.payment_method_title) ?? str(o.payment_method);
  const status: ExternalOrder['status'] = CANCELLED.has(wcStatus) ? 'cancelled' : wcStatus === 'completed' ? (pickup ? 'picked_up' : 'shipped') : 'new';
  const refunds = (Array.isArray(o.refunds) ? (o.refunds as Json[]) : []).map((r) => ({
    id: String(r.id),
    at: updatedAt,
    amount: Math.abs(toMinorUnits(r.total, currency)),
    ...(str(r.reason) ? { reason: str(r.reason)! } : {}),
  }));
  return {
    platformOrderId: String(o.id),
    orderNumber: str(o.number) ?? String(o.id),
    createdAt,
    updatedAt,
    currency,
    pricesIncludeTax: o.prices_include_tax === true,
    total: toMinorUnits(o.total, currency),
    ...(o.total_tax !== undefined ? { totalTax: toMinorUnits(o.total_tax, currency) } : {}),
    lines: (Array.isArray(o.line_items) ? (o.line_items as Json[]) : []).map((l) => {
      const quantity = Number(l.quantity);
      // `price` is a float in WooCommerce; the line subtotal (before discounts) is the exact figure.
      const subtotal = l.subtotal !== undefined ? toMinorUnits(l.subtotal, currency) : toMinorUnits(l.price, currency) * quantity;
      return {
        platformSku: str(l.sku) ?? null,
        name: str(l.name) ?? 'Article',
        quantity,
        unitPrice: quantity > 0 ? Math.round(subtotal / quantity) : 0,
        ...(l.id !== undefined ? { platformLineId: String(l.id) } : {}),
      };
    }),
    customer: {
      ...(str(billing.email) ? { email: str(billing.email)! } : {}),
      ...(str(billing.first_name) ? { firstName: str(billing.first_name)! } : {}),
      ...(str(billing.last_name) ? { lastName: str(billing.last_name)! } : {}),
      ...(str(billing.phone) ? { phone: str(billing.phone)! } : {}),
    },
    payment: { paid, ...(processor ? { processor } : {}) },
    delivery: pickup ? 'pickup' : 'shipping',
    ...(!pickup && str(shipping.address_1)
      ? {
          shippingAddress: {
            name: [str(shipping.first_name), str(shipping.last_name)].filter(Boolean).join(' '),
            address1: str(shipping.address_1) ?? '',
            ...(str(shipping.address_2) ? { address2: str(shipping.address_2)! } : {}),
            city: str(shipping.city) ?? '',
            postcode: str(shipping.postcode) ?? '',
            ...(str(shipping.state) ? { region: str(shipping.state)! } : {}),
            country: str(shipping.country) ?? '',
            ...(str(shipping.phone) ? { phone: str(shipping.phone)! } : {}),
          },
        }
      : {}),
    ...(first ? { shippingMethod: { name: str(first.method_title) ?? '', ...(str(first.method_id) ? { code: str(first.method_id)! } : {}), price: shippingLines.reduce((s, l) => s + toMinorUnits(l.total, currency), 0) } } : {}),
    ...(str(o.customer_note) ? { note: str(o.customer_note)! } : {}),
    status,
    platformStatus: wcStatus,
    ...(status === 'cancelled' ? { cancelledAt: updatedAt } : {}),
    refunds,
  };
}

