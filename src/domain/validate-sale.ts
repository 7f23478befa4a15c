/**
 * Checks for sales, refunds and exchanges (and the sale lines that voids and invoices carry), split
 * out of validate.ts. Return lines carry a negative quantity; a line's total is its extended price
 * (quantity × unitPrice, plus VAT when the price was tax-exclusive) minus its discount, the discount
 * taking the line towards zero whatever its sign (a returned discounted line gives back less).
 */
import type { SaleDoc } from './documents.ts';
import { money } from './money.ts';
import { MAX_RECEIPT_NUMBER, saleId } from './receipt-number.ts';
import { vatOfExclusive } from './vat.ts';
import {
  array, boolean, currency, describe, fail, integer, isoDate, moneyField, object, oneOf, optionalString, string, vatRate,
} from './validate-fields.ts';
import type { Obj } from './validate-fields.ts';

const TENDER_KINDS = ['cash', 'card', 'voucher', 'other'] as const;
const HEX64 = /^[0-9a-f]{64}$/;

function optionalStringArray(o: Obj, key: string, path: string): void {
  if (o[key] === undefined) return;
  array(o, key, path).forEach((v, i) => {
    if (typeof v !== 'string' || v === '') fail(`${path}${key}[${i}]`, `must be a non-empty string, got ${describe(v)}`);
  });
}

function checkDiscount(l: Obj, p: string): number {
  if (l['discount'] === undefined) return 0;
  const d = object(l['discount'], `${p}discount`);
  const dp = `${p}discount.`;
  const kind = oneOf(d, 'kind', dp, ['percent', 'amount'] as const);
  integer(d, 'value', dp, 0, kind === 'percent' ? 10_000 : Number.MAX_SAFE_INTEGER);
  const amount = moneyField(d, 'amount', dp, { nonNegative: true });
  if (d['fromCart'] !== undefined) {
    const fromCart = moneyField(d, 'fromCart', dp, { nonNegative: true });
    if (fromCart > amount) fail(`${dp}fromCart`, `must not exceed the discount amount (${amount}), got ${fromCart}`);
  }
  return amount;
}

/** One sale line at `path` ("lines[2]"); returns its total. */
export function checkSaleLine(raw: unknown, path: string): number {
  const p = `${path}.`;
  const l = object(raw, path);
  string(l, 'sku', p);
  string(l, 'name', p);
  const quantity = integer(l, 'quantity', p);
  if (quantity === 0) fail(`${p}quantity`, 'must not be 0 (negative for a returned item)');
  const unitPrice = moneyField(l, 'unitPrice', p);
  const rate = vatRate(l, 'vatRate', p);
  const total = moneyField(l, 'total', p);
  const excl = l['unitPriceExcludesTax'];
  if (excl !== undefined && excl !== true) fail(`${p}unitPriceExcludesTax`, `must be true or absent, got ${describe(excl)}`);
  if (l['listPrice'] !== undefined) moneyField(l, 'listPrice', p, { nonNegative: true });
  const discount = checkDiscount(l, p);
  optionalString(l, 'note', p);
  if (l['returnOf'] !== undefined) {
    if (quantity > 0) fail(`${p}returnOf`, 'only a returned item (negative quantity) refers to an original sale');
    const r = object(l['returnOf'], `${p}returnOf`);
    string(r, 'saleId', `${p}returnOf.`);
    integer(r, 'line', `${p}returnOf.`, 0);
  }
  if (l['restock'] !== undefined) boolean(l, 'restock', p);
  optionalStringArray(l, 'overrideIds', p);
  const extended = quantity * unitPrice;
  if (!Number.isSafeInteger(extended)) fail(`${p}total`, 'quantity × unitPrice is too large an amount');
  const base = excl === true ? vatOfExclusive(money(extended), rate).gross : extended;
  const expected = base - Math.sign(quantity) * discount;
  if (total !== expected) fail(`${p}total`, `must be ${expected} for this quantity, price, discount and tax rule, got ${total}`);
  return total;
}

/** VAT rows at `key`; returns the sum of their gross. */
export function checkVatBreakdown(o: Obj, key: string): number {
  let rowsGross = 0;
  array(o, key, '').forEach((raw, i) => {
    const p = `${key}[${i}].`;
    const r = object(raw, `${key}[${i}]`);
    vatRate(r, 'rate', p);
    const rn = moneyField(r, 'net', p);
    const rv = moneyField(r, 'vat', p);
    const rg = moneyField(r, 'gross', p);
    if (rn + rv !== rg) fail(`${p}gross`, `net + vat must equal gross (${rn} + ${rv} ≠ ${rg})`);
    rowsGross += rg;
  });
  return rowsGross;
}

/** A journal link (documents.ts JournalLink) at o[key]. */
export function checkJournalLink(o: Obj, key: string): void {
  const j = object(o[key], key);
  const p = `${key}.`;
  const seq = integer(j, 'seq', p, 1);
  const prev = string(j, 'prev', p, { nonEmpty: false });
  if (seq === 1 && prev !== '') fail(`${p}prev`, 'must be "" on the first entry of a journal');
  if (seq > 1 && !HEX64.test(prev)) fail(`${p}prev`, `must be the previous entry's SHA-256 (64 hex digits), got ${describe(prev)}`);
  const hash = string(j, 'hash', p);
  if (!HEX64.test(hash)) fail(`${p}hash`, `must be a SHA-256 (64 lowercase hex digits), got ${describe(hash)}`);
  moneyField(j, 'grandTotal', p);
}

function checkTender(raw: unknown, i: number, refund: boolean): number {
  const p = `tenders[${i}].`;
  const t = object(raw, `tenders[${i}]`);
  oneOf(t, 'kind', p, TENDER_KINDS);
  const amount = moneyField(t, 'amount', p);
  if (!refund && amount < 0) fail(`${p}amount`, `must not be negative on a sale, got ${amount}`);
  if (refund && amount > 0) fail(`${p}amount`, `must not be positive when money is given back, got ${amount}`);
  if (t['card'] !== undefined) {
    const c = object(t['card'], `${p}card`);
    string(c, 'approvalCode', `${p}card.`);
    const last4 = string(c, 'last4', `${p}card.`);
    if (!/^\d{4}$/.test(last4)) fail(`${p}card.last4`, `must be 4 digits, got ${describe(last4)}`);
  }
  optionalString(t, 'reference', p);
  optionalString(t, 'tenderId', p);
  optionalString(t, 'label', p);
  return amount;
}

function checkSaleOptionals(o: Obj, lines: unknown[]): void {
  optionalString(o, 'cashierId', '');
  if (o['shiftId'] !== undefined && !string(o, 'shiftId', '').startsWith('shift:')) fail('shiftId', `must be a shift id, got ${describe(o['shiftId'])}`);
  if (o['customerId'] !== undefined && !string(o, 'customerId', '').startsWith('customer:')) fail('customerId', `must be a customer id, got ${describe(o['customerId'])}`);
  if (o['kind'] !== undefined) {
    const kind = oneOf(o, 'kind', '', ['sale', 'refund'] as const);
    if (kind === 'refund' && lines.some((l) => (l as Obj)['quantity'] as number > 0)) fail('kind', 'a refund has only returned items (negative quantities)');
  }
  if (o['cartDiscount'] !== undefined) {
    const d = object(o['cartDiscount'], 'cartDiscount');
    const kind = oneOf(d, 'kind', 'cartDiscount.', ['percent', 'amount'] as const);
    integer(d, 'value', 'cartDiscount.', 0, kind === 'percent' ? 10_000 : Number.MAX_SAFE_INTEGER);
    moneyField(d, 'amount', 'cartDiscount.', { nonNegative: true });
  }
  optionalString(o, 'originalSaleId', '');
  if (o['webOrderId'] !== undefined && !/^weborder:(shopify|woocommerce|bigcommerce):[^:]+:[^:]+$/.test(string(o, 'webOrderId', ''))) {
    fail('webOrderId', `must be a web order id "weborder:<platform>:<shop>:<orderId>", got ${describe(o['webOrderId'])}`);
  }
  if (o['journal'] !== undefined) checkJournalLink(o, 'journal');
}

export function checkSale(o: Obj): SaleDoc {
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
    gross += checkSaleLine(raw, `lines[${i}]`);
  });

  let tendered = 0;
  array(o, 'tenders', '').forEach((raw, i) => {
    tendered += checkTender(raw, i, gross < 0);
  });

  const totals = object(o['totals'], 'totals');
  const tot = (k: string): number => moneyField(totals, k, 'totals.');
  const [net, vat, g, td, change] = [tot('net'), tot('vat'), tot('gross'), tot('tendered'), tot('change')];
  if (g !== gross) fail('totals.gross', `must be the sum of the line totals (${gross}), got ${g}`);
  if (net + vat !== g) fail('totals.net', `net + vat must equal gross (${net} + ${vat} ≠ ${g})`);
  if (td !== tendered) fail('totals.tendered', `must be the sum of the tenders (${tendered}), got ${td}`);
  if (change !== td - g) fail('totals.change', `must be tendered − gross (${td - g}), got ${change}`);
  if (change < 0) {
    fail('totals.change', g < 0 ? `must not be negative: ${-change} more was given back than was due` : `must not be negative: the sale is underpaid by ${-change}`);
  }

  const rowsGross = checkVatBreakdown(o, 'vatBreakdown');
  if (rowsGross !== g) fail('vatBreakdown', `rows must add up to totals.gross (${g}), got ${rowsGross}`);
  checkSaleOptionals(o, lines);
  return o as unknown as SaleDoc;
}
