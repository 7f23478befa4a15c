/**
 * A completed sale is one immutable document holding its lines, tenders and totals, so that the
 * receipt, the journal, stock and the Z report all read the same numbers and nothing has to be joined.
 * Refusals are data: the sell screen decides how to say "underpaid by 2,30 €".
 */
import { minorDigits, money } from './money.ts';
import type { CurrencyCode, Money } from './money.ts';
import type { SaleDoc, SaleLine, Tender, VatBreakdownRow, VatRateBp } from './documents.ts';
import { err, ok } from './result.ts';
import type { Result } from './result.ts';
import { isValidRegisterId, MAX_RECEIPT_NUMBER, receiptLabel, saleId } from './receipt-number.ts';
import { isIsoDateTime } from './iso-date.ts';
import { summariseLines, type LineInput, type ManagerNeed } from './cart-summary.ts';
import type { DiscountInput } from './cart.ts';
import { checkTenders, type OtherTenderOption, type TenderRefusal } from './tenders.ts';

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
  /** Bare {product, quantity} lines, or cart items with discounts, overrides, notes and returns. */
  lines: readonly (CartLine | LineInput)[];
  tenders: readonly Tender[];
  /** Whole-cart discount and the override that authorised it (when above the threshold). */
  cartDiscount?: DiscountInput;
  cartDiscountApproval?: string;
  /** Store threshold for discounts needing a manager (default 1000 bp). */
  discountThresholdBp?: number;
  /** Store-configured other tenders; an 'other' tender must be one of them when given. */
  otherTenders?: readonly OtherTenderOption[];
  /** Refuse card tenders without approval code and last 4, vouchers without reference (the register sets it). */
  requireTenderDetails?: boolean;
  cashierId?: string;
  shiftId?: string;
  customerId?: string;
  originalSaleId?: string;
  /** The web order whose balance this sale takes (its lines then move no stock: the order's events do). */
  webOrderId?: string;
}

export type SaleField = 'storeId' | 'registerId' | 'receiptNumber' | 'createdAt' | 'cashier' | 'currency' | 'location';

export type LineRefusal =
  | { kind: 'invalid_quantity'; line: number; sku: string; quantity: number }
  | { kind: 'invalid_price'; line: number; sku: string; price: number }
  | { kind: 'invalid_vat_rate'; line: number; sku: string; vatRate: number }
  | { kind: 'currency_mismatch'; line: number; sku: string; expected: CurrencyCode; actual: CurrencyCode };

export type SaleRefusal =
  | LineRefusal
  | TenderRefusal
  | { kind: 'invalid_field'; field: SaleField; value: unknown }
  | { kind: 'empty_cart' }
  /** A discount above the threshold or a price override has no manager authorisation yet. */
  | { kind: 'needs_manager'; needs: ManagerNeed[] };

export interface CartTotals {
  lines: SaleLine[];
  net: Money;
  vat: Money;
  gross: Money;
  vatBreakdown: VatBreakdownRow[];
}

/**
 * Totals of a cart as the sell screen shows them before payment. An empty cart is fine here (all
 * zeros); only lines that could never be sold are refused. Pass the sale currency to check products.
 */
export function cartTotals(lines: readonly (CartLine | LineInput)[], currency?: CurrencyCode): Result<CartTotals, LineRefusal> {
  const r = summariseLines(lines, undefined, undefined, currency === undefined ? {} : { currency });
  if (!r.ok) return r;
  const { lines: saleLines, net, vat, gross, vatBreakdown } = r.value;
  return ok({ lines: saleLines, net, vat, gross, vatBreakdown });
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

/** A tender as stored: its kind and amount, plus only the details that kind carries. */
function storedTender(t: Tender): Tender {
  const out: Tender = { kind: t.kind, amount: t.amount };
  if (t.kind === 'card' && t.card) out.card = { approvalCode: t.card.approvalCode, last4: t.card.last4 };
  if ((t.kind === 'voucher' || t.kind === 'other') && t.reference) out.reference = t.reference;
  if (t.kind === 'other') {
    if (t.tenderId) out.tenderId = t.tenderId;
    if (t.label) out.label = t.label;
  }
  return out;
}

/** Validates a cart and its payment and produces the sale document, or says exactly why not. */
export function buildSale(input: SaleInput): Result<SaleDoc, SaleRefusal> {
  const fieldRefusal = checkFields(input);
  if (fieldRefusal) return err(fieldRefusal);
  if (input.lines.length === 0) return err({ kind: 'empty_cart' });

  const opts = { currency: input.currency, ...(input.discountThresholdBp === undefined ? {} : { thresholdBp: input.discountThresholdBp }) };
  const cart = summariseLines(input.lines, input.cartDiscount, input.cartDiscountApproval, opts);
  if (!cart.ok) return cart;
  const { gross } = cart.value;
  if (cart.value.pendingApprovals.length > 0) return err({ kind: 'needs_manager', needs: cart.value.pendingApprovals });

  const paid = checkTenders(gross, input.tenders, {
    ...(input.otherTenders === undefined ? {} : { otherTenders: input.otherTenders }),
    requireDetails: input.requireTenderDetails === true,
  });
  if (!paid.ok) return paid;
  const { tendered, change } = paid.value;

  const sale: SaleDoc = {
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
    tenders: input.tenders.map(storedTender),
    totals: { net: cart.value.net, vat: cart.value.vat, gross, tendered, change },
    vatBreakdown: cart.value.vatBreakdown,
    location: input.location,
  };
  if (input.cashierId) sale.cashierId = input.cashierId;
  if (input.shiftId) sale.shiftId = input.shiftId;
  if (input.customerId) sale.customerId = input.customerId;
  if (cart.value.kind === 'refund') sale.kind = 'refund';
  if (cart.value.cartDiscount) sale.cartDiscount = cart.value.cartDiscount;
  if (input.originalSaleId) sale.originalSaleId = input.originalSaleId;
  if (input.webOrderId) sale.webOrderId = input.webOrderId;
  return ok(sale);
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
