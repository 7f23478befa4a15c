/**
 * Untrusted input → typed documents. Everything that arrives by replication, import or webhook goes
 * through here before anything trusts its shape; the error names the offending field
 * ("lines[2].quantity: …") so that the outbox and the import report can say what to repair.
 * The document is returned as it came (extra CouchDB fields such as _conflicts are kept), not copied.
 */
import type {
  CustomerDoc,
  ProductDoc,
  SaleDoc,
  StockMovementDoc,
  StoreDoc,
  StoreSettingsDoc,
  WebOrderDoc,
} from './documents.ts';
import { productProblems } from './catalog.ts';
import { money } from './money.ts';
import { err, ok } from './result.ts';
import type { Result } from './result.ts';
import { MAX_RECEIPT_NUMBER, saleId } from './receipt-number.ts';
import { vatOfExclusive } from './vat.ts';
import {
  array, boolean, currency, describe, fail, integer, Invalid, isoDate, moneyField, object, oneOf, optionalString, string, vatRate,
} from './validate-fields.ts';
import type { Obj } from './validate-fields.ts';

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
  isoDate(o, 'updatedAt', '');
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

const TENDER_KINDS = ['cash', 'card', 'voucher', 'other'] as const;

function checkSale(o: Obj): SaleDoc {
  string(o, 'storeId', '');
  const registerId = string(o, 'registerId', '');
  const n = integer(o, 'receiptNumber', '', 1, MAX_RECEIPT_NUMBER);
  let expectedId: string;
  try {
    expectedId = saleId(registerId, n);
  } catch {
    fail('registerId', `must contain no ":" or spaces, got ${describe(registerId)}`);
  }
  if (o['_id'] !== expectedId) fail('_id', `must be "${expectedId}", got ${describe(o['_id'])}`);
  string(o, 'receiptLabel', '');
  isoDate(o, 'createdAt', '');
  string(o, 'cashier', '');
  currency(o, 'currency', '');
  string(o, 'location', '');

  const lines = array(o, 'lines', '');
  if (lines.length === 0) fail('lines', 'must not be empty');
  let gross = 0;
  lines.forEach((raw, i) => {
    const p = `lines[${i}].`;
    const l = object(raw, `lines[${i}]`);
    string(l, 'sku', p);
    string(l, 'name', p);
    const quantity = integer(l, 'quantity', p, 1);
    const unitPrice = moneyField(l, 'unitPrice', p);
    const rate = vatRate(l, 'vatRate', p);
    const total = moneyField(l, 'total', p);
    const excl = l['unitPriceExcludesTax'];
    if (excl !== undefined && excl !== true) fail(`${p}unitPriceExcludesTax`, `must be true or absent, got ${describe(excl)}`);
    const extended = quantity * unitPrice;
    if (!Number.isSafeInteger(extended)) fail(`${p}total`, 'quantity × unitPrice is too large an amount');
    const expected = excl === true ? vatOfExclusive(money(extended), rate).gross : extended;
    if (total !== expected) fail(`${p}total`, `must be ${expected} for this quantity, price and tax rule, got ${total}`);
    gross += total;
  });

  let tendered = 0;
  array(o, 'tenders', '').forEach((raw, i) => {
    const t = object(raw, `tenders[${i}]`);
    oneOf(t, 'kind', `tenders[${i}].`, TENDER_KINDS);
    tendered += moneyField(t, 'amount', `tenders[${i}].`, { nonNegative: true });
  });

  const totals = object(o['totals'], 'totals');
  const tot = (k: string): number => moneyField(totals, k, 'totals.');
  const [net, vat, g, td, change] = [tot('net'), tot('vat'), tot('gross'), tot('tendered'), tot('change')];
  if (g !== gross) fail('totals.gross', `must be the sum of the line totals (${gross}), got ${g}`);
  if (net + vat !== g) fail('totals.net', `net + vat must equal gross (${net} + ${vat} ≠ ${g})`);
  if (td !== tendered) fail('totals.tendered', `must be the sum of the tenders (${tendered}), got ${td}`);
  if (change !== td - g) fail('totals.change', `must be tendered − gross (${td - g}), got ${change}`);
  if (change < 0) fail('totals.change', `must not be negative: the sale is underpaid by ${-change}`);

  let rowsGross = 0;
  array(o, 'vatBreakdown', '').forEach((raw, i) => {
    const p = `vatBreakdown[${i}].`;
    const r = object(raw, `vatBreakdown[${i}]`);
    vatRate(r, 'rate', p);
    const rn = moneyField(r, 'net', p);
    const rv = moneyField(r, 'vat', p);
    const rg = moneyField(r, 'gross', p);
    if (rn + rv !== rg) fail(`${p}gross`, `net + vat must equal gross (${rn} + ${rv} ≠ ${rg})`);
    rowsGross += rg;
  });
  if (rowsGross !== g) fail('vatBreakdown', `rows must add up to totals.gross (${g}), got ${rowsGross}`);
  return o as unknown as SaleDoc;
}

const PLATFORMS = ['shopify', 'woocommerce', 'bigcommerce'] as const;
const ORDER_STATUSES = ['new', 'packed', 'shipped', 'picked_up', 'cancelled'] as const;

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
  });
  moneyField(o, 'total', '');
  const payment = object(o['payment'], 'payment');
  oneOf(payment, 'state', 'payment.', ['paid', 'to_pay'] as const);
  optionalString(payment, 'processor', 'payment.');
  optionalString(o, 'note', '');
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
  return o as unknown as StoreSettingsDoc;
}

const CHECKS: Readonly<Record<StoreDoc['type'], (o: Obj) => StoreDoc>> = {
  product: checkProduct,
  customer: checkCustomer,
  stock_movement: checkStockMovement,
  sale: checkSale,
  web_order: checkWebOrder,
  store_settings: checkSettings,
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
