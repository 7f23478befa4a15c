/**
 * A completed sale is one immutable document holding its lines, tenders and totals, so that the
 * receipt, the journal, stock and the Z report all read the same numbers and nothing has to be joined.
 * Refusals are data: the sell screen decides how to say "underpaid by 2,30 €".
 */
import { minorDigits, money, sum, times } from './money.ts';
import type { CurrencyCode, Money } from './money.ts';
import type { SaleDoc, SaleLine, Tender, VatBreakdownRow, VatRateBp } from './documents.ts';
import { err, ok } from './result.ts';
import type { Result } from './result.ts';
import { breakdownTotals, isValidVatRate, vatBreakdown, vatOfExclusive } from './vat.ts';
import { isValidRegisterId, MAX_RECEIPT_NUMBER, receiptLabel, saleId } from './receipt-number.ts';
import { isIsoDateTime } from './iso-date.ts';

/** The part of a product a sale needs; a ProductDoc fits. */
export interface SaleProduct {
  sku: string;
  name: string;
  price: Money;
  priceIncludesTax: boolean;
  vatRate: VatRateBp;
  /** When present, must be the sale's currency. */
  currency?: CurrencyCode;
}

export interface CartLine {
  product: SaleProduct;
  quantity: number;
}

export interface SaleInput {
  storeId: string;
  registerId: string;
  receiptNumber: number;
  createdAt: string;
  cashier: string;
  currency: CurrencyCode;
  location: string;
  lines: readonly CartLine[];
  tenders: readonly Tender[];
}

export type SaleField = 'storeId' | 'registerId' | 'receiptNumber' | 'createdAt' | 'cashier' | 'currency' | 'location';

export type LineRefusal =
  | { kind: 'invalid_quantity'; line: number; sku: string; quantity: number }
  | { kind: 'invalid_price'; line: number; sku: string; price: number }
  | { kind: 'invalid_vat_rate'; line: number; sku: string; vatRate: number }
  | { kind: 'currency_mismatch'; line: number; sku: string; expected: CurrencyCode; actual: CurrencyCode };

export type SaleRefusal =
  | LineRefusal
  | { kind: 'invalid_field'; field: SaleField; value: unknown }
  | { kind: 'empty_cart' }
  | { kind: 'invalid_tender'; tender: number; amount: number; reason: 'negative' | 'not_whole' }
  | { kind: 'underpaid'; due: Money; tendered: Money; missing: Money }
  /** Card, voucher and other tenders alone exceed what is due: the excess would have to come out of the drawer. */
  | { kind: 'change_from_non_cash'; due: Money; nonCash: Money; excess: Money };

export interface CartTotals {
  lines: SaleLine[];
  net: Money;
  vat: Money;
  gross: Money;
  vatBreakdown: VatBreakdownRow[];
}

function saleLine(line: CartLine, index: number, currency: CurrencyCode | undefined): Result<SaleLine, LineRefusal> {
  const { product, quantity } = line;
  const sku = product.sku;
  if (!Number.isSafeInteger(quantity) || quantity <= 0) return err({ kind: 'invalid_quantity', line: index, sku, quantity });
  if (!Number.isSafeInteger(product.price) || product.price < 0) return err({ kind: 'invalid_price', line: index, sku, price: product.price });
  if (!isValidVatRate(product.vatRate)) return err({ kind: 'invalid_vat_rate', line: index, sku, vatRate: product.vatRate });
  if (currency !== undefined && product.currency !== undefined && product.currency !== currency) {
    return err({ kind: 'currency_mismatch', line: index, sku, expected: currency, actual: product.currency });
  }
  const base = { sku, name: product.name, quantity, unitPrice: product.price, vatRate: product.vatRate };
  const extended = times(product.price, quantity);
  if (product.priceIncludesTax) return ok({ ...base, total: extended });
  // VAT is added on the line's net, not per unit: 100 × 0,01 € HT at 20 % is 1,20 € TTC, not 1,00 €.
  return ok({ ...base, total: vatOfExclusive(extended, product.vatRate).gross, unitPriceExcludesTax: true });
}

/**
 * Totals of a cart as the sell screen shows them before payment. An empty cart is fine here (all
 * zeros); only lines that could never be sold are refused. Pass the sale currency to check products.
 */
export function cartTotals(lines: readonly CartLine[], currency?: CurrencyCode): Result<CartTotals, LineRefusal> {
  const saleLines: SaleLine[] = [];
  for (const [i, line] of lines.entries()) {
    const r = saleLine(line, i, currency);
    if (!r.ok) return r;
    saleLines.push(r.value);
  }
  const rows = vatBreakdown(saleLines.map((l) => ({ gross: l.total, vatRate: l.vatRate })));
  const { net, vat } = breakdownTotals(rows);
  return ok({ lines: saleLines, net, vat, gross: sum(saleLines.map((l) => l.total)), vatBreakdown: rows });
}

function checkFields(input: SaleInput): SaleRefusal | null {
  const nonEmpty = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '';
  const checks: Array<[SaleField, boolean]> = [
    ['storeId', nonEmpty(input.storeId)],
    ['registerId', typeof input.registerId === 'string' && isValidRegisterId(input.registerId)],
    ['receiptNumber', Number.isSafeInteger(input.receiptNumber) && input.receiptNumber >= 1 && input.receiptNumber <= MAX_RECEIPT_NUMBER],
    ['createdAt', isIsoDateTime(input.createdAt)],
    ['cashier', nonEmpty(input.cashier)],
    ['currency', typeof input.currency === 'string' && /^[A-Z]{3}$/.test(input.currency)],
    ['location', nonEmpty(input.location)],
  ];
  for (const [field, valid] of checks) if (!valid) return { kind: 'invalid_field', field, value: input[field] };
  return null;
}

/** Validates a cart and its payment and produces the sale document, or says exactly why not. */
export function buildSale(input: SaleInput): Result<SaleDoc, SaleRefusal> {
  const fieldRefusal = checkFields(input);
  if (fieldRefusal) return err(fieldRefusal);
  if (input.lines.length === 0) return err({ kind: 'empty_cart' });

  const cart = cartTotals(input.lines, input.currency);
  if (!cart.ok) return cart;
  const { gross } = cart.value;

  for (const [i, t] of input.tenders.entries()) {
    if (!Number.isSafeInteger(t.amount)) return err({ kind: 'invalid_tender', tender: i, amount: t.amount, reason: 'not_whole' });
    if (t.amount < 0) return err({ kind: 'invalid_tender', tender: i, amount: t.amount, reason: 'negative' });
  }
  const tendered = sum(input.tenders.map((t) => t.amount));
  const nonCash = sum(input.tenders.filter((t) => t.kind !== 'cash').map((t) => t.amount));
  if (nonCash > gross) return err({ kind: 'change_from_non_cash', due: gross, nonCash, excess: money(nonCash - gross) });
  if (tendered < gross) return err({ kind: 'underpaid', due: gross, tendered, missing: money(gross - tendered) });

  return ok({
    _id: saleId(input.registerId, input.receiptNumber),
    type: 'sale',
    storeId: input.storeId,
    registerId: input.registerId,
    receiptNumber: input.receiptNumber,
    receiptLabel: receiptLabel(input.registerId, input.receiptNumber),
    createdAt: input.createdAt,
    cashier: input.cashier,
    currency: input.currency,
    lines: cart.value.lines,
    tenders: input.tenders.map((t) => ({ kind: t.kind, amount: t.amount })),
    totals: { net: cart.value.net, vat: cart.value.vat, gross, tendered, change: money(tendered - gross) },
    vatBreakdown: cart.value.vatBreakdown,
    location: input.location,
  });
}

/** Euro notes people actually hand over; amounts are in major units and scaled by the currency. */
export const DEFAULT_NOTES = [5, 10, 20, 50] as const;

/**
 * Quick-cash buttons: the exact amount, then the next multiple of each note above it
 * (12,30 € → 12,30 / 15 / 20 / 50). Ascending, without duplicates; nothing when nothing is due.
 */
export function suggestedCashAmounts(due: Money, currency: CurrencyCode = 'EUR', notes: readonly number[] = DEFAULT_NOTES): Money[] {
  if (due <= 0) return [];
  const unit = 10 ** minorDigits(currency);
  const amounts = new Set<number>([due]);
  for (const note of notes) {
    const step = note * unit;
    if (!Number.isSafeInteger(step) || step <= 0) continue;
    amounts.add(Math.ceil(due / step) * step);
  }
  return [...amounts].sort((a, b) => a - b).map(money);
}
