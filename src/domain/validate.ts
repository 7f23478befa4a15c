/**
 * Untrusted input → typed documents. Everything that arrives by replication, import or webhook goes
 * through here before anything trusts its shape; the error names the offending field
 * ("lines[2].quantity: …") so that the outbox and the import report can say what to repair.
 * The document is returned as it came (extra CouchDB fields such as _conflicts are kept), not copied.
 */
import type {
  CustomerDoc,
  ProductDoc,
  StockMovementDoc,
  StoreDoc,
  StoreSettingsDoc,
  WebOrderDoc,
} from './documents.ts';
import { productProblems } from './catalog.ts';
import { err, ok } from './result.ts';
import type { Result } from './result.ts';
import { checkSale } from './validate-sale.ts';
import { checkOversellResolution } from './reconcile/resolution-doc.ts';
import { validateStockDifferencesDoc, type StockDifferencesDoc } from './stock-differences.ts';
import { checkMailRequest, checkWebOrderEvent } from './validate-web-order-events.ts';
import {
  checkCashEvent, checkInvoice, checkInvoiceRequest, checkOverride, checkParkedSale, checkShift, checkStaff, checkVoid, checkZReport,
} from './validate-register-docs.ts';
import {
  array, boolean, currency, describe, fail, integer, Invalid, isoDate, moneyField, object, oneOf, optionalString, string, vatRate,
} from './validate-fields.ts';
import type { Obj } from './validate-fields.ts';
import { optionalFieldClock } from './validate-clock.ts';

function header(o: Obj): void {
  string(o, '_id', '');
  optionalString(o, '_rev', '');
}

function idPrefix(o: Obj, prefix: string): void {
  const id = o['_id'] as string;
  if (!id.startsWith(prefix) || id.length === prefix.length) fail('_id', `must start with "${prefix}", got ${describe(id)}`);
}

function checkProduct(o: Obj): ProductDoc {
  string(o, 'sku', '');
  string(o, 'name', '');
  array(o, 'barcodes', '').forEach((b, i) => {
    if (typeof b !== 'string') fail(`barcodes[${i}]`, `must be a string, got ${describe(b)}`);
  });
  moneyField(o, 'price', '', { nonNegative: true });
  boolean(o, 'priceIncludesTax', '');
  vatRate(o, 'vatRate', '');
  currency(o, 'currency', '');
  string(o, 'category', '', { nonEmpty: false });
  boolean(o, 'stockTracked', '');
  isoDate(o, 'updatedAt', '');
  optionalFieldClock(o);
  const product = o as unknown as ProductDoc;
  const problems = productProblems(product);
  if (problems.length > 0) throw new Invalid(problems.join('; '));
  return product;
}

function checkCustomer(o: Obj): CustomerDoc {
  idPrefix(o, 'customer:');
  string(o, 'name', '');
  optionalString(o, 'email', '');
  if (typeof o['email'] === 'string' && !/^[^@\s]+@[^@\s]+$/.test(o['email'])) fail('email', `is not an e-mail address: ${describe(o['email'])}`);
  optionalString(o, 'phone', '');
  if (o['address'] !== undefined) {
    array(o, 'address', '').forEach((line, i) => {
      if (typeof line !== 'string') fail(`address[${i}]`, `must be a string, got ${describe(line)}`);
    });
  }
  optionalString(o, 'vatNumber', '');
  optionalString(o, 'note', '');
  optionalString(o, 'mergedInto', '');
  if (typeof o['mergedInto'] === 'string' && (!o['mergedInto'].startsWith('customer:') || o['mergedInto'] === o['_id'])) {
    fail('mergedInto', `must be another customer's id, got ${describe(o['mergedInto'])}`);
  }
  isoDate(o, 'updatedAt', '');
  optionalFieldClock(o);
  return o as unknown as CustomerDoc;
}

const STOCK_REASONS = ['count', 'receipt', 'adjustment', 'sale', 'refund', 'transfer'] as const;

function checkStockMovement(o: Obj): StockMovementDoc {
  idPrefix(o, 'stock:');
  string(o, 'sku', '');
  string(o, 'location', '');
  const reason = oneOf(o, 'reason', '', STOCK_REASONS);
  if (reason === 'count') {
    integer(o, 'quantity', '', 0);
    if (o['delta'] !== undefined) fail('delta', 'must be absent on a count (a count carries quantity)');
  } else {
    integer(o, 'delta', '');
    if (o['quantity'] !== undefined) fail('quantity', `must be absent unless reason is "count" (got reason "${reason}")`);
  }
  isoDate(o, 'at', '');
  optionalString(o, 'ref', '');
  return o as unknown as StockMovementDoc;
}

const PLATFORMS = ['shopify', 'woocommerce', 'bigcommerce'] as const;
const ORDER_STATUSES = ['new', 'packed', 'shipped', 'picked_up', 'cancelled'] as const;

/** The optional fields the platform importers add (shipping, problems, refunds, …). */
function checkWebOrderExtras(o: Obj): void {
  if (o['shippingAddress'] !== undefined) {
    const a = object(o['shippingAddress'], 'shippingAddress');
    for (const k of ['name', 'address1', 'city', 'postcode', 'country']) string(a, k, 'shippingAddress.', { nonEmpty: false });
    for (const k of ['address2', 'region', 'phone']) optionalString(a, k, 'shippingAddress.');
  }
  if (o['shippingMethod'] !== undefined) {
    const m = object(o['shippingMethod'], 'shippingMethod');
    string(m, 'name', 'shippingMethod.', { nonEmpty: false });
    optionalString(m, 'code', 'shippingMethod.');
    moneyField(m, 'price', 'shippingMethod.', { nonNegative: true });
  }
  if (o['problems'] !== undefined) {
    array(o, 'problems', '').forEach((p, i) => {
      if (typeof p !== 'string') fail(`problems[${i}]`, `must be a string, got ${describe(p)}`);
    });
  }
  optionalString(o, 'platformStatus', '');
  if (o['refunds'] !== undefined) {
    array(o, 'refunds', '').forEach((raw, i) => {
      const p = `refunds[${i}].`;
      const r = object(raw, `refunds[${i}]`);
      string(r, 'id', p);
      isoDate(r, 'at', p);
      moneyField(r, 'amount', p, { nonNegative: true });
      optionalString(r, 'reason', p);
    });
  }
  if (o['cancelledAt'] !== undefined) isoDate(o, 'cancelledAt', '');
  optionalString(o, 'paymentProcessor', '');
  if (o['customerId'] !== undefined) idPrefixOf(o, 'customerId', 'customer:');
  if (o['totalTax'] !== undefined) moneyField(o, 'totalTax', '');
}

function idPrefixOf(o: Obj, key: string, prefix: string): void {
  const v = string(o, key, '');
  if (!v.startsWith(prefix) || v.length === prefix.length) fail(key, `must start with "${prefix}", got ${describe(v)}`);
}

function checkWebOrder(o: Obj): WebOrderDoc {
  const platform = oneOf(o, 'platform', '', PLATFORMS);
  const shop = string(o, 'shop', '');
  const orderId = string(o, 'platformOrderId', '');
  const expectedId = `weborder:${platform}:${shop}:${orderId}`;
  if (o['_id'] !== expectedId) fail('_id', `must be "${expectedId}", got ${describe(o['_id'])}`);
  string(o, 'orderNumber', '');
  isoDate(o, 'createdAt', '');
  isoDate(o, 'updatedAt', '');
  oneOf(o, 'status', '', ORDER_STATUSES);
  oneOf(o, 'delivery', '', ['shipping', 'pickup'] as const);
  const customer = object(o['customer'], 'customer');
  string(customer, 'name', 'customer.', { nonEmpty: false });
  optionalString(customer, 'email', 'customer.');
  optionalString(customer, 'phone', 'customer.');
  currency(o, 'currency', '');
  boolean(o, 'pricesIncludeTax', '');
  array(o, 'lines', '').forEach((raw, i) => {
    const p = `lines[${i}].`;
    const l = object(raw, `lines[${i}]`);
    if (l['sku'] !== null) string(l, 'sku', p);
    string(l, 'name', p);
    integer(l, 'quantity', p, 1);
    moneyField(l, 'unitPrice', p);
    optionalString(l, 'platformSku', p);
    optionalString(l, 'platformLineId', p);
  });
  moneyField(o, 'total', '');
  const payment = object(o['payment'], 'payment');
  oneOf(payment, 'state', 'payment.', ['paid', 'to_pay'] as const);
  optionalString(payment, 'processor', 'payment.');
  optionalString(o, 'note', '');
  checkWebOrderExtras(o);
  return o as unknown as WebOrderDoc;
}

function checkSettings(o: Obj): StoreSettingsDoc {
  if (o['_id'] !== 'store:settings') fail('_id', `must be "store:settings", got ${describe(o['_id'])}`);
  string(o, 'storeId', '');
  string(o, 'name', '');
  array(o, 'address', '').forEach((line, i) => {
    if (typeof line !== 'string') fail(`address[${i}]`, `must be a string, got ${describe(line)}`);
  });
  currency(o, 'currency', '');
  oneOf(o, 'locale', '', ['fr-FR', 'en'] as const);
  string(o, 'defaultLocation', '');
  if (o['discountThresholdBp'] !== undefined) integer(o, 'discountThresholdBp', '', 0, 10_000);
  if (o['otherTenders'] !== undefined) {
    array(o, 'otherTenders', '').forEach((raw, i) => {
      const t = object(raw, `otherTenders[${i}]`);
      string(t, 'id', `otherTenders[${i}].`);
      string(t, 'label', `otherTenders[${i}].`);
    });
  }
  if (o['denominations'] !== undefined) {
    array(o, 'denominations', '').forEach((d, i) => {
      if (typeof d !== 'number' || !Number.isSafeInteger(d) || d <= 0) fail(`denominations[${i}]`, `must be a positive whole number of minor units, got ${describe(d)}`);
    });
  }
  if (o['legal'] !== undefined) {
    array(o, 'legal', '').forEach((line, i) => {
      if (typeof line !== 'string') fail(`legal[${i}]`, `must be a string, got ${describe(line)}`);
    });
  }
  if (o['locations'] !== undefined) {
    const seen = new Set<string>();
    array(o, 'locations', '').forEach((raw, i) => {
      const l = object(raw, `locations[${i}]`);
      const id = string(l, 'id', `locations[${i}].`);
      string(l, 'name', `locations[${i}].`);
      if (seen.has(id)) fail(`locations[${i}].id`, `"${id}" is listed twice`);
      seen.add(id);
    });
  }
  if (o['autoCancelUnpaidAfterHours'] !== undefined) {
    const h = o['autoCancelUnpaidAfterHours'];
    if (typeof h !== 'number' || !Number.isFinite(h) || h <= 0) fail('autoCancelUnpaidAfterHours', `must be a positive number of hours, got ${describe(h)}`);
  }
  if (o['newOrderMailTo'] !== undefined) {
    const to = string(o, 'newOrderMailTo', '');
    if (!/^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+$/.test(to)) fail('newOrderMailTo', `is not an e-mail address: ${describe(to)}`);
  }
  return o as unknown as StoreSettingsDoc;
}

const CHECKS: Readonly<Record<StoreDoc['type'], (o: Obj) => StoreDoc>> = {
  product: checkProduct,
  customer: checkCustomer,
  stock_movement: checkStockMovement,
  sale: checkSale,
  web_order: checkWebOrder,
  web_order_event: checkWebOrderEvent,
  mail_request: checkMailRequest,
  store_settings: checkSettings,
  staff: checkStaff,
  shift: checkShift,
  override: checkOverride,
  cash_event: checkCashEvent,
  void: checkVoid,
  parked_sale: checkParkedSale,
  z_report: checkZReport,
  invoice_request: checkInvoiceRequest,
  invoice: checkInvoice,
  oversell_resolution: checkOversellResolution,
};

function run<T>(check: () => T): Result<T, string> {
  try {
    return ok(check());
  } catch (e) {
    if (e instanceof Invalid) return err(e.message);
    throw e;
  }
}

/** Any store document; the error starts with the field path, e.g. "lines[0].quantity: must be …". */
export function parseStoreDoc(x: unknown): Result<StoreDoc, string> {
  return run(() => {
    const o = object(x, 'document');
    const type = oneOf(o, 'type', '', Object.keys(CHECKS) as Array<StoreDoc['type']>);
    header(o);
    return CHECKS[type](o);
  });
}

/** A document that must be of one type (e.g. a webhook-built web order before it is written). */
export function parseStoreDocOfType<K extends StoreDoc['type']>(x: unknown, type: K): Result<Extract<StoreDoc, { type: K }>, string> {
  const r = parseStoreDoc(x);
  if (!r.ok) return r;
  if (r.value.type !== type) return err(`type: must be "${type}", got "${r.value.type}"`);
  return ok(r.value as Extract<StoreDoc, { type: K }>);
}

/**
 * The sync server's stock comparison with one web store (reconcile:stock:<platform>). Not a store
 * document: registers never write it (the server's write validation keeps refusing it), they only
 * read it, so it has its own parser rather than a place in parseStoreDoc.
 */
export function parseStockDifferencesDoc(x: unknown): Result<StockDifferencesDoc, string> {
  const problems = validateStockDifferencesDoc(x);
  return problems.length === 0 ? ok(x as StockDifferencesDoc) : err(problems.join('; '));
}
