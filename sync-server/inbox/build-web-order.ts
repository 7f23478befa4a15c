/**
 * ExternalOrder (any platform) + the store's catalogue and customer → the Comptoir web order document.
 * Pure: the writer (write-web-order.ts) looks up products and customers and decides what to write.
 */
import { createHash } from 'node:crypto';
import type { CustomerDoc, PaymentCheck, Platform, ProductDoc, WebOrderDoc, WebOrderLine, WebOrderRefund } from '../../src/domain/documents.ts';
import { money } from '../../src/domain/money.ts';
import type { ExternalOrder } from '../platforms/adapter.ts';

export function webOrderId(platform: Platform, shop: string, platformOrderId: string): string {
  return `weborder:${platform}:${shop}:${platformOrderId}`;
}

const EMAIL = /^[^@\s]+@[^@\s]+$/;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function normaliseEmail(email: string | undefined): string | null {
  const e = email?.trim().toLowerCase();
  return e && EMAIL.test(e) ? e : null;
}

/**
 * The id of the customer created from a web order's e-mail: a ULID-shaped id (time part zero, random
 * part from SHA-256 of the e-mail), the same on every server and every retry, so creating it twice
 * is a no-op.
 */
export function customerIdForEmail(email: string): string {
  const digest = createHash('sha256').update(email.trim().toLowerCase()).digest();
  let out = '';
  for (let i = 0; i < 16; i++) out += CROCKFORD.charAt(digest[i]! % 32);
  return `customer:0000000000${out}`;
}

export function customerName(ext: ExternalOrder): string {
  const name = [ext.customer.firstName, ext.customer.lastName].filter((p) => p && p.trim() !== '').join(' ').trim();
  return name || ext.customer.email?.trim() || '';
}

/** The new profile for a web customer nobody knows yet (the e-mail is the name when there is none). */
export function newCustomerDoc(ext: ExternalOrder, email: string): CustomerDoc {
  return {
    _id: customerIdForEmail(email),
    type: 'customer',
    name: customerName(ext) || email,
    email,
    ...(ext.customer.phone ? { phone: ext.customer.phone } : {}),
    updatedAt: ext.createdAt,
  };
}

export interface BuildContext {
  platform: Platform;
  shop: string;
  products: ReadonlyMap<string, Pick<ProductDoc, 'sku'>>;
  customerId?: string;
}

/**
 * Problem codes (translated by the register): "unknown_sku:<sku>", "no_sku:<line name>". Payment
 * checks the platform could not be asked for this time (`ext.paymentChecks` absent) keep the
 * previous import's.
 */
export function buildWebOrder(ext: ExternalOrder, ctx: BuildContext, previousRefunds: readonly WebOrderRefund[] = [], previousChecks?: readonly PaymentCheck[]): WebOrderDoc {
  const problems: string[] = [];
  const lines: WebOrderLine[] = ext.lines
    .filter((l) => Number.isSafeInteger(l.quantity) && l.quantity > 0)
    .map((l) => {
      const known = l.platformSku !== null && ctx.products.has(l.platformSku);
      if (l.platformSku === null) problems.push(`no_sku:${l.name}`);
      else if (!known) problems.push(`unknown_sku:${l.platformSku}`);
      return {
        sku: known ? l.platformSku : null,
        name: l.name,
        quantity: l.quantity,
        unitPrice: money(l.unitPrice),
        ...(l.platformSku !== null ? { platformSku: l.platformSku } : {}),
        ...(l.platformLineId ? { platformLineId: l.platformLineId } : {}),
      };
    });
  const refunds = new Map<string, WebOrderRefund>();
  for (const r of previousRefunds) refunds.set(r.id, r);
  for (const r of ext.refunds) refunds.set(r.id, { id: r.id, at: r.at, amount: money(r.amount), ...(r.reason ? { reason: r.reason } : {}) });
  const email = normaliseEmail(ext.customer.email);
  const doc: WebOrderDoc = {
    _id: webOrderId(ctx.platform, ctx.shop, ext.platformOrderId),
    type: 'web_order',
    platform: ctx.platform,
    shop: ctx.shop,
    platformOrderId: ext.platformOrderId,
    orderNumber: ext.orderNumber,
    createdAt: ext.createdAt,
    updatedAt: ext.updatedAt,
    status: ext.status,
    delivery: ext.delivery,
    customer: {
      name: customerName(ext),
      ...(email ? { email } : {}),
      ...(ext.customer.phone ? { phone: ext.customer.phone } : {}),
    },
    currency: ext.currency,
    pricesIncludeTax: ext.pricesIncludeTax,
    lines,
    total: money(ext.total),
    payment: { state: ext.payment.paid ? 'paid' : 'to_pay', ...(ext.payment.paid && ext.payment.processor ? { processor: ext.payment.processor } : {}) },
    ...(ext.note ? { note: ext.note } : {}),
    ...(ext.shippingAddress ? { shippingAddress: ext.shippingAddress } : {}),
    ...(ext.shippingMethod ? { shippingMethod: { ...ext.shippingMethod, price: money(ext.shippingMethod.price) } } : {}),
    problems,
    platformStatus: ext.platformStatus,
    refunds: [...refunds.values()].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1)),
    ...(ext.cancelledAt ? { cancelledAt: ext.cancelledAt } : {}),
    ...(ext.payment.processor ? { paymentProcessor: ext.payment.processor } : {}),
    ...(ctx.customerId ? { customerId: ctx.customerId } : {}),
    ...(ext.totalTax !== undefined ? { totalTax: money(ext.totalTax) } : {}),
  };
  const checks = ext.paymentChecks ?? previousChecks;
  if (checks && checks.length > 0) doc.paymentChecks = checks.map((c) => ({ ...c }));
  return doc;
}

/** JSON with sorted keys, for "did anything change" comparisons. */
export function stableJson(x: unknown): string {
  return JSON.stringify(x, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** True when `next` says nothing `prev` does not already say (ignoring _rev). */
export function sameContent(prev: object, next: object): boolean {
  const strip = (d: object) => {
    const { _rev: _r, ...rest } = d as Record<string, unknown>;
    return rest;
  };
  return stableJson(strip(prev)) === stableJson(strip(next));
}
