/**
 * Checks for the documents of register-documents.ts (staff, shifts, Z reports, overrides, cash events,
 * voids, parked sales, invoice requests and invoices). Ids must carry the register (or store) they
 * belong to, as register-documents.ts lays out, so that the server can tell who may write them.
 */
import type {
  CashEventDoc, InvoiceDoc, InvoiceRequestDoc, OverrideDoc, ParkedSaleDoc, ShiftDoc, StaffDoc, VoidDoc, ZReportDoc,
} from './register-documents.ts';
import { checkJournalLink, checkSaleLine, checkVatBreakdown } from './validate-sale.ts';
import {
  array, boolean, describe, fail, integer, isoDate, moneyField, object, oneOf, optionalString, string,
} from './validate-fields.ts';
import type { Obj } from './validate-fields.ts';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const OVERRIDE_ACTIONS = ['refund_without_receipt', 'discount_above_threshold', 'price_override', 'void', 'drawer_open', 'web_order_step'] as const;

/** The register id (no ":" or spaces) and the id `<prefix>:<registerId>:<something>`. */
function registerScoped(o: Obj, prefix: string): string {
  const registerId = string(o, 'registerId', '');
  if (!/^[^:\s]+$/.test(registerId)) fail('registerId', `must contain no ":" or spaces, got ${describe(registerId)}`);
  const start = `${prefix}:${registerId}:`;
  const id = o['_id'] as string;
  if (!id.startsWith(start) || !/^[^:\s]+$/.test(id.slice(start.length))) fail('_id', `must be "${start}<id>", got ${describe(id)}`);
  return registerId;
}

function nullableShiftId(o: Obj): void {
  if (o['shiftId'] !== null) string(o, 'shiftId', '');
}

function lines(o: Obj, key: string): number {
  const ls = array(o, key, '');
  if (ls.length === 0) fail(key, 'must not be empty');
  return ls.reduce<number>((sum, raw, i) => sum + checkSaleLine(raw, `${key}[${i}]`), 0);
}

export function checkStaff(o: Obj): StaffDoc {
  const id = o['_id'] as string;
  if (!/^staff:[^:\s]+$/.test(id)) fail('_id', `must be "staff:<id>", got ${describe(id)}`);
  string(o, 'name', '');
  oneOf(o, 'role', '', ['cashier', 'manager'] as const);
  const pin = object(o['pin'], 'pin');
  oneOf(pin, 'algorithm', 'pin.', ['PBKDF2-SHA256'] as const);
  integer(pin, 'iterations', 'pin.', 1);
  for (const k of ['salt', 'hash']) {
    if (!BASE64.test(string(pin, k, 'pin.'))) fail(`pin.${k}`, 'must be base64');
  }
  boolean(o, 'active', '');
  isoDate(o, 'updatedAt', '');
  return o as unknown as StaffDoc;
}

export function checkShift(o: Obj): ShiftDoc {
  registerScoped(o, 'shift');
  string(o, 'storeId', '');
  isoDate(o, 'openedAt', '');
  string(o, 'openedBy', '');
  moneyField(o, 'float', '', { nonNegative: true });
  return o as unknown as ShiftDoc;
}

export function checkOverride(o: Obj): OverrideDoc {
  registerScoped(o, 'override');
  nullableShiftId(o);
  oneOf(o, 'action', '', OVERRIDE_ACTIONS);
  string(o, 'managerId', '');
  string(o, 'cashierId', '');
  string(o, 'reason', '');
  isoDate(o, 'at', '');
  optionalString(o, 'ref', '');
  return o as unknown as OverrideDoc;
}

export function checkCashEvent(o: Obj): CashEventDoc {
  registerScoped(o, 'cash');
  string(o, 'shiftId', '');
  const kind = oneOf(o, 'kind', '', ['pay_in', 'pay_out', 'drawer_open'] as const);
  const amount = moneyField(o, 'amount', '', { nonNegative: true });
  if (kind === 'drawer_open' && amount !== 0) fail('amount', `must be 0 when the drawer is only opened, got ${amount}`);
  if (kind !== 'drawer_open' && amount === 0) fail('amount', `must be more than 0 for a ${kind}`);
  string(o, 'reason', '');
  string(o, 'by', '');
  optionalString(o, 'overrideId', '');
  isoDate(o, 'at', '');
  return o as unknown as CashEventDoc;
}

export function checkVoid(o: Obj): VoidDoc {
  registerScoped(o, 'void');
  nullableShiftId(o);
  const sum = lines(o, 'lines');
  const total = moneyField(o, 'total', '');
  if (total !== sum) fail('total', `must be the sum of the line totals (${sum}), got ${total}`);
  string(o, 'by', '');
  optionalString(o, 'overrideId', '');
  string(o, 'reason', '');
  isoDate(o, 'at', '');
  return o as unknown as VoidDoc;
}

export function checkParkedSale(o: Obj): ParkedSaleDoc {
  registerScoped(o, 'parked');
  isoDate(o, 'parkedAt', '');
  string(o, 'parkedBy', '');
  string(o, 'label', '', { nonEmpty: false });
  optionalString(o, 'customerId', '');
  if (o['cart'] === undefined || o['cart'] === null) fail('cart', `must be the parked cart, got ${describe(o['cart'])}`);
  moneyField(o, 'total', '');
  return o as unknown as ParkedSaleDoc;
}

function checkShiftTotals(o: Obj): void {
  const t = object(o['totals'], 'totals');
  const p = 'totals.';
  integer(t, 'salesCount', p, 0);
  integer(t, 'refundsCount', p, 0);
  for (const k of ['grossSales', 'refunds', 'discounts', 'payIns', 'payOuts']) moneyField(t, k, p, { nonNegative: true });
  moneyField(t, 'expectedCash', p);
  const voids = object(t['voids'], `${p}voids`);
  integer(voids, 'count', `${p}voids.`, 0);
  moneyField(voids, 'amount', `${p}voids.`);
  array(t, 'tenders', p).forEach((raw, i) => {
    const tp = `${p}tenders[${i}].`;
    const r = object(raw, `${p}tenders[${i}]`);
    oneOf(r, 'kind', tp, ['cash', 'card', 'voucher', 'other'] as const);
    string(r, 'label', tp);
    moneyField(r, 'amount', tp);
    integer(r, 'count', tp, 0);
  });
  checkVatBreakdown(t, 'vat');
}

export function checkZReport(o: Obj): ZReportDoc {
  const registerId = string(o, 'registerId', '');
  const zNumber = integer(o, 'zNumber', '', 1, 999_999);
  const expectedId = `z:${registerId}:${String(zNumber).padStart(6, '0')}`;
  if (/[:\s]/.test(registerId)) fail('registerId', `must contain no ":" or spaces, got ${describe(registerId)}`);
  if (o['_id'] !== expectedId) fail('_id', `must be "${expectedId}", got ${describe(o['_id'])}`);
  string(o, 'storeId', '');
  string(o, 'shiftId', '');
  isoDate(o, 'openedAt', '');
  isoDate(o, 'closedAt', '');
  string(o, 'closedBy', '');
  moneyField(o, 'float', '', { nonNegative: true });
  const counted = object(o['counted'], 'counted');
  for (const denomination of Object.keys(counted)) {
    if (!/^[1-9]\d*$/.test(denomination)) fail(`counted.${denomination}`, 'denominations are positive whole numbers of minor units');
    integer(counted, denomination, 'counted.', 0);
  }
  moneyField(o, 'countedCash', '', { nonNegative: true });
  checkShiftTotals(o);
  moneyField(o, 'difference', '');
  array(o, 'saleIds', '').forEach((v, i) => {
    if (typeof v !== 'string' || !v.startsWith('sale:')) fail(`saleIds[${i}]`, `must be a sale id, got ${describe(v)}`);
  });
  checkJournalLink(o, 'journal');
  return o as unknown as ZReportDoc;
}

function checkInvoiceCustomer(o: Obj): void {
  const c = object(o['customer'], 'customer');
  string(c, 'name', 'customer.');
  array(c, 'address', 'customer.').forEach((line, i) => {
    if (typeof line !== 'string') fail(`customer.address[${i}]`, `must be a string, got ${describe(line)}`);
  });
  optionalString(c, 'email', 'customer.');
  optionalString(c, 'vatNumber', 'customer.');
}

export function checkInvoiceRequest(o: Obj): InvoiceRequestDoc {
  registerScoped(o, 'invoicereq');
  string(o, 'source', '');
  checkInvoiceCustomer(o);
  isoDate(o, 'at', '');
  return o as unknown as InvoiceRequestDoc;
}

export function checkInvoice(o: Obj): InvoiceDoc {
  const storeId = string(o, 'storeId', '');
  const n = integer(o, 'number', '', 1, 99_999_999);
  const expectedId = `invoice:${storeId}:${String(n).padStart(8, '0')}`;
  if (o['_id'] !== expectedId) fail('_id', `must be "${expectedId}", got ${describe(o['_id'])}`);
  string(o, 'requestId', '');
  string(o, 'source', '');
  checkInvoiceCustomer(o);
  isoDate(o, 'issuedAt', '');
  const sum = lines(o, 'lines');
  const rowsGross = checkVatBreakdown(o, 'vatBreakdown');
  const total = moneyField(o, 'total', '');
  if (total !== sum) fail('total', `must be the sum of the line totals (${sum}), got ${total}`);
  if (rowsGross !== total) fail('vatBreakdown', `rows must add up to the total (${total}), got ${rowsGross}`);
  return o as unknown as InvoiceDoc;
}
