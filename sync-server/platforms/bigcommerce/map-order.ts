/** BigCommerce V2 order + its products + its shipping addresses → ExternalOrder. */
import type { ExternalOrder } from '../adapter.ts';
import { MalformedDelivery } from '../adapter.ts';
import { isoFromPlatform, toMinorUnits } from '../money.ts';

type Json = Record<string, unknown>;

export const BIGCOMMERCE_STATUSES: Readonly<Record<number, string>> = {
  0: 'Incomplete', 1: 'Pending', 2: 'Shipped', 3: 'Partially Shipped', 4: 'Refunded', 5: 'Cancelled', 6: 'Declined', 7: 'Awaiting Payment',
  8: 'Awaiting Pickup', 9: 'Awaiting Shipment', 10: 'Completed', 11: 'Awaiting Fulfillment', 12: 'Manual Verification Required', 13: 'Disputed', 14: 'Partially Refunded',
};
const CANCELLED = new Set([4, 5, 6]);
const DONE = new Set([2, 10]);
const PAID_STATES = new Set(['captured', 'paid', 'partially refunded', 'refunded', 'complete', 'completed']);
const OFFLINE = /cash|manual|cheque|check|bank|pay in store|in.?store|virement|offline/i;
const PICKUP = /pick.?up|retrait|in.?store|collect/i;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined);

export function mapBigCommerceOrder(o: Json, products: Json[], addresses: Json[]): ExternalOrder {
  if (o.id === undefined || o.id === null) throw new MalformedDelivery('the order has no id');
  const currency = str(o.currency_code) ?? str(o.default_currency_code) ?? 'EUR';
  const createdAt = isoFromPlatform(o.date_created);
  const updatedAt = isoFromPlatform(o.date_modified) ?? createdAt;
  if (!createdAt || !updatedAt) throw new MalformedDelivery(`order ${String(o.id)} has no readable date_created/date_modified`);
  const statusId = Number(o.status_id);
  const billing = (o.billing_address ?? {}) as Json;
  const addr = addresses[0];
  const method = str(addr?.shipping_method) ?? '';
  const pickup = statusId === 8 || !addr || PICKUP.test(method);
  const paymentMethod = str(o.payment_method);
  const paymentStatus = (str(o.payment_status) ?? '').toLowerCase();
  const paid = PAID_STATES.has(paymentStatus) && !OFFLINE.test(paymentMethod ?? '');
  const status: ExternalOrder['status'] = CANCELLED.has(statusId) ? 'cancelled' : DONE.has(statusId) ? (pickup ? 'picked_up' : 'shipped') : 'new';
  const refunded = toMinorUnits(o.refunded_amount, currency);
  const includeTax = o.prices_include_tax === undefined ? true : o.prices_include_tax === true;
  return {
    platformOrderId: String(o.id),
    orderNumber: String(o.id),
    createdAt,
    updatedAt,
    currency,
    pricesIncludeTax: includeTax,
    total: toMinorUnits(o.total_inc_tax, currency),
    ...(o.total_tax !== undefined ? { totalTax: toMinorUnits(o.total_tax, currency) } : {}),
    lines: products.map((l) => ({
      platformSku: str(l.sku) ?? null,
      name: str(l.name) ?? 'Article',
      quantity: Number(l.quantity),
      unitPrice: toMinorUnits(includeTax ? l.price_inc_tax : l.price_ex_tax ?? l.price_inc_tax, currency),
      ...(l.id !== undefined ? { platformLineId: String(l.id) } : {}),
    })),
    customer: {
      ...(str(billing.email) ? { email: str(billing.email)! } : {}),
      ...(str(billing.first_name) ? { firstName: str(billing.first_name)! } : {}),
      ...(str(billing.last_name) ? { lastName: str(billing.last_name)! } : {}),
      ...(str(billing.phone) ? { phone: str(billing.phone)! } : {}),
    },
    payment: { paid, ...(paymentMethod ? { processor: paymentMethod } : {}) },
    delivery: pickup ? 'pickup' : 'shipping',
    ...(addr && !pickup
      ? {
          shippingAddress: {
            name: [str(addr.first_name), str(addr.last_name)].filter(Boolean).join(' '),
            address1: str(addr.street_1) ?? '',
            ...(str(addr.street_2) ? { address2: str(addr.street_2)! } : {}),
            city: str(addr.city) ?? '',
            postcode: str(addr.zip) ?? '',
            ...(str(addr.state) ? { region: str(addr.state)! } : {}),
            country: str(addr.country_iso2) ?? str(addr.country) ?? '',
            ...(str(addr.phone) ? { phone: str(addr.phone)! } : {}),
          },
        }
      : {}),
    ...(addr ? { shippingMethod: { name: method, price: toMinorUnits(addr.cost_inc_tax ?? o.shipping_cost_inc_tax, currency) } } : {}),
    ...(str(o.customer_message) ? { note: str(o.customer_message)! } : {}),
    status,
    platformStatus: `${statusId} ${BIGCOMMERCE_STATUSES[statusId] ?? str(o.status) ?? ''}`.trim(),
    ...(status === 'cancelled' ? { cancelledAt: updatedAt } : {}),
    // V2 orders only carry the refunded total: one refund entry standing for it.
    refunds: refunded > 0 ? [{ id: `refunded-total`, at: updatedAt, amount: refunded }] : [],
  };
}
