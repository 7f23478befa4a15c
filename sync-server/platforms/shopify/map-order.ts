/** Shopify order JSON (REST Admin API / webhook payload) → ExternalOrder. */
import type { ExternalOrder, ExternalRefund } from '../adapter.ts';
import { MalformedDelivery } from '../adapter.ts';
import { isoFromPlatform, toMinorUnits } from '../money.ts';

type Json = Record<string, unknown>;

const PAID = new Set(['paid', 'partially_refunded', 'refunded']);
const PICKUP = /pick.?up|retrait|click.?(and|&|n).?collect|en boutique|in.?store/i;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined);

export function mapShopifyRefund(r: Json, currency: string): ExternalRefund {
  const transactions = Array.isArray(r.transactions) ? (r.transactions as Json[]) : [];
  const amount = transactions.filter((t) => (t.kind ?? 'refund') === 'refund' && (t.status ?? 'success') === 'success').reduce((s, t) => s + toMinorUnits(t.amount, currency), 0);
  return { id: String(r.id), at: isoFromPlatform(r.created_at) ?? new Date(0).toISOString(), amount, ...(str(r.note) ? { reason: str(r.note)! } : {}) };
}

export function mapShopifyOrder(o: Json): ExternalOrder {
  if (o.id === undefined || o.id === null) throw new MalformedDelivery('the order has no id');
  const currency = str(o.currency) ?? 'EUR';
  const createdAt = isoFromPlatform(o.created_at);
  const updatedAt = isoFromPlatform(o.updated_at) ?? createdAt;
  if (!createdAt || !updatedAt) throw new MalformedDelivery(`order ${String(o.id)} has no readable created_at/updated_at`);
  const lineItems = Array.isArray(o.line_items) ? (o.line_items as Json[]) : [];
  const shippingLines = Array.isArray(o.shipping_lines) ? (o.shipping_lines as Json[]) : [];
  const firstShipping = shippingLines[0];
  const pickup = shippingLines.length === 0 ? !lineItems.some((l) => l.requires_shipping === true) : PICKUP.test(`${String(firstShipping?.title ?? '')} ${String(firstShipping?.code ?? '')}`);
  const customer = (o.customer ?? {}) as Json;
  const addr = (o.shipping_address ?? null) as Json | null;
  const gateways = Array.isArray(o.payment_gateway_names) ? (o.payment_gateway_names as unknown[]).filter((g): g is string => typeof g === 'string' && g !== '') : [];
  const financial = str(o.financial_status) ?? 'pending';
  const fulfilment = str(o.fulfillment_status) ?? 'unfulfilled';
  const cancelledAt = isoFromPlatform(o.cancelled_at);
  const status: ExternalOrder['status'] = cancelledAt ? 'cancelled' : fulfilment === 'fulfilled' ? (pickup ? 'picked_up' : 'shipped') : 'new';
  const processor = gateways[0];
  return {
    platformOrderId: String(o.id),
    orderNumber: str(o.name) ?? `#${String(o.order_number ?? o.id)}`,
    createdAt,
    updatedAt,
    currency,
    pricesIncludeTax: o.taxes_included === true,
    total: toMinorUnits(o.total_price, currency),
    ...(o.total_tax !== undefined ? { totalTax: toMinorUnits(o.total_tax, currency) } : {}),
    lines: lineItems.map((l) => ({
      platformSku: str(l.sku) ?? null,
      name: str(l.title) ?? str(l.name) ?? 'Article',
      quantity: Number(l.quantity),
      unitPrice: toMinorUnits(l.price, currency),
      ...(l.id !== undefined ? { platformLineId: String(l.id) } : {}),
    })),
    customer: {
      ...(str(o.email) ?? str(customer.email) ? { email: (str(o.email) ?? str(customer.email))! } : {}),
      ...(str(customer.first_name) ?? str(addr?.first_name) ? { firstName: (str(customer.first_name) ?? str(addr?.first_name))! } : {}),
      ...(str(customer.last_name) ?? str(addr?.last_name) ? { lastName: (str(customer.last_name) ?? str(addr?.last_name))! } : {}),
      ...(str(o.phone) ?? str(addr?.phone) ? { phone: (str(o.phone) ?? str(addr?.phone))! } : {}),
    },
    payment: { paid: PAID.has(financial), ...(processor ? { processor } : {}) },
    delivery: pickup ? 'pickup' : 'shipping',
    ...(addr && !pickup
      ? {
          shippingAddress: {
            name: [str(addr.first_name), str(addr.last_name)].filter(Boolean).join(' '),
            address1: str(addr.address1) ?? '',
            ...(str(addr.address2) ? { address2: str(addr.address2)! } : {}),
            city: str(addr.city) ?? '',
            postcode: str(addr.zip) ?? '',
            ...(str(addr.province) ? { region: str(addr.province)! } : {}),
            country: str(addr.country_code) ?? '',
            ...(str(addr.phone) ? { phone: str(addr.phone)! } : {}),
          },
        }
      : {}),
    ...(firstShipping
      ? { shippingMethod: { name: str(firstShipping.title) ?? '', ...(str(firstShipping.code) ? { code: str(firstShipping.code)! } : {}), price: shippingLines.reduce((s, l) => s + toMinorUnits(l.price, currency), 0) } }
      : {}),
    ...(str(o.note) ? { note: str(o.note)! } : {}),
    status,
    platformStatus: `${financial}/${fulfilment}${cancelledAt ? '/cancelled' : ''}`,
    ...(cancelledAt ? { cancelledAt } : {}),
    refunds: (Array.isArray(o.refunds) ? (o.refunds as Json[]) : []).map((r) => mapShopifyRefund(r, currency)),
  };
}
