/**
 * A cart's sale lines, totals, VAT and the manager authorisations it still needs. Pure and total:
 * the sell screen calls it on every change, buildSale calls it once more to write the sale.
 *
 * Properties (tests/unit/cart): Σ line totals == gross; the VAT breakdown adds up to gross; a
 * discount never takes more than its line; the whole-cart discount is spread so that the lines'
 * shares add up to it exactly; without returns nothing is ever negative.
 */
import { money, sum } from './money.ts';
import type { CurrencyCode, Money } from './money.ts';
import type { LineDiscount, SaleLine, VatBreakdownRow } from './documents.ts';
import type { OverrideAction } from './register-documents.ts';
import { err, ok } from './result.ts';
import type { Result } from './result.ts';
import { breakdownTotals, divideRoundHalfAwayFromZero, isValidVatRate, vatBreakdown } from './vat.ts';
import { lineBase, percentOf, spreadProportionally } from './cart-lines.ts';
import type { Cart, CartItem, DiscountInput } from './cart.ts';
import type { LineRefusal } from './sale.ts';

/** Discounts above 10 % need a manager unless the store says otherwise. */
export const DEFAULT_DISCOUNT_THRESHOLD_BP = 1000;

/** A cart line as the summary reads it: CartItem without its key (a bare {product, quantity} fits). */
export type LineInput = Omit<CartItem, 'key'> & { key?: number };

export interface ManagerNeed {
  /** The line's key, or null for the whole-cart discount. */
  key: number | null;
  /** Index of the line in the cart (null for the cart discount). */
  index: number | null;
  action: Extract<OverrideAction, 'discount_above_threshold' | 'price_override'>;
  /** Override already given for it. */
  overrideId: string | null;
}

export interface CartSummary {
  lines: SaleLine[];
  net: Money;
  vat: Money;
  /** What the customer owes: negative when more is returned than bought. */
  gross: Money;
  vatBreakdown: VatBreakdownRow[];
  /** Σ discounts granted on the sold lines (line discounts and the cart discount). */
  discounts: Money;
  /** The whole-cart discount as entered and what it took off. */
  cartDiscount?: { kind: DiscountInput['kind']; value: number; amount: Money };
  /** Σ totals of returned lines (≤ 0). */
  returns: Money;
  /** 'refund' when every line is a return. */
  kind: 'sale' | 'refund';
  /** Everything that needs a manager, authorised or not. */
  manager: ManagerNeed[];
  /** The part of `manager` not authorised yet: the sale cannot complete while this is not empty. */
  pendingApprovals: ManagerNeed[];
}

export interface SummaryOptions {
  currency?: CurrencyCode;
  thresholdBp?: number;
}

function exceeds(amount: number, of: number, thresholdBp: number): boolean {
  return of > 0 && BigInt(amount) * 10_000n > BigInt(thresholdBp) * BigInt(of);
}

function checkLine(line: LineInput, index: number, currency: CurrencyCode | undefined): LineRefusal | null {
  const { product, quantity } = line;
  const sku = product.sku;
  const signOk = line.returnOf ? quantity < 0 : quantity > 0;
  if (!Number.isSafeInteger(quantity) || !signOk) return { kind: 'invalid_quantity', line: index, sku, quantity };
  const price = line.priceOverride ?? product.price;
  if (!Number.isSafeInteger(price) || price < 0) return { kind: 'invalid_price', line: index, sku, price };
  if (!isValidVatRate(product.vatRate)) return { kind: 'invalid_vat_rate', line: index, sku, vatRate: product.vatRate };
  if (currency !== undefined && product.currency !== undefined && product.currency !== currency) {
    return { kind: 'currency_mismatch', line: index, sku, expected: currency, actual: product.currency };
  }
  return null;
}

function ownDiscount(d: DiscountInput | undefined, base: Money): Money {
  if (!d || base <= 0) return money(0);
  const raw = d.kind === 'percent' ? percentOf(base, Math.min(d.value, 10_000)) : d.value;
  return money(Math.max(0, Math.min(raw, base)));
}

/** What the customer gets back for the returned units: the line as paid, pro rata. */
function returnedAmount(item: LineInput): Money {
  const original = item.returnOf!.original;
  const units = -item.quantity;
  if (units >= original.quantity) return original.total;
  return money(Number(divideRoundHalfAwayFromZero(BigInt(original.total) * BigInt(units), BigInt(original.quantity))));
}

/** Summary of bare lines and an optional cart discount (buildSale and cartTotals use this form). */
export function summariseLines(
  items: readonly LineInput[],
  cartDiscount: DiscountInput | undefined,
  cartApproval: string | undefined,
  opts: SummaryOptions = {},
): Result<CartSummary, LineRefusal> {
  const threshold = opts.thresholdBp ?? DEFAULT_DISCOUNT_THRESHOLD_BP;
  for (const [i, line] of items.entries()) {
    const refusal = checkLine(line, i, opts.currency);
    if (refusal) return err(refusal);
  }
  const manager: ManagerNeed[] = [];
  const approvalOf = (item: LineInput, action: OverrideAction): string | null =>
    item.approvals?.find((a) => a.action === action)?.overrideId ?? null;

  // First pass: bases and own discounts.
  const prepared = items.map((item, index) => {
    const excl = !item.product.priceIncludesTax;
    const unitPrice = money(item.priceOverride ?? item.product.price);
    const base = lineBase(item.quantity, unitPrice, excl, item.product.vatRate);
    if (item.returnOf) {
      const refund = returnedAmount(item);
      const back = money(Math.max(0, -base - refund));
      return { item, index, excl, unitPrice, base, own: back, afterOwn: money(0) };
    }
    const own = ownDiscount(item.discount, base);
    const key = item.key ?? index;
    if (item.priceOverride !== undefined) manager.push({ key, index, action: 'price_override', overrideId: approvalOf(item, 'price_override') });
    if (exceeds(own, base, threshold)) {
      manager.push({ key, index, action: 'discount_above_threshold', overrideId: approvalOf(item, 'discount_above_threshold') });
    }
    return { item, index, excl, unitPrice, base, own, afterOwn: money(base - own) };
  });

  // The whole-cart discount, on what the sold lines cost after their own discounts.
  const eligible = prepared.reduce((s, p) => s + p.afterOwn, 0);
  let cartAmount = 0;
  if (cartDiscount && cartDiscount.value > 0 && eligible > 0) {
    const raw = cartDiscount.kind === 'percent' ? percentOf(money(eligible), Math.min(cartDiscount.value, 10_000)) : cartDiscount.value;
    cartAmount = Math.max(0, Math.min(raw, eligible));
    if (exceeds(cartAmount, eligible, threshold)) {
      manager.push({ key: null, index: null, action: 'discount_above_threshold', overrideId: cartApproval ?? null });
    }
  }
  const shares = spreadProportionally(cartAmount, prepared.map((p) => p.afterOwn));

  const lines: SaleLine[] = prepared.map((p, i) => {
    const { item } = p;
    const share = shares[i] ?? 0;
    const off = p.own + share;
    const line: SaleLine = {
      sku: item.product.sku,
      name: item.product.name,
      quantity: item.quantity,
      unitPrice: p.unitPrice,
      vatRate: item.product.vatRate,
      total: money(p.base - Math.sign(item.quantity) * off),
    };
    if (p.excl) line.unitPriceExcludesTax = true;
    if (item.priceOverride !== undefined && !item.returnOf) line.listPrice = item.product.price;
    if (off > 0) line.discount = lineDiscount(item, p.own, share, cartDiscount);
    if (item.note !== undefined && item.note !== '') line.note = item.note;
    if (item.returnOf) {
      line.returnOf = { saleId: item.returnOf.saleId, line: item.returnOf.line };
      line.restock = item.restock === true;
    }
    const ids = [...(item.approvals ?? []).map((a) => a.overrideId), ...(share > 0 && cartApproval ? [cartApproval] : [])];
    if (ids.length > 0 && !item.returnOf) line.overrideIds = ids;
    return line;
  });

  const rows = vatBreakdown(lines.map((l) => ({ gross: l.total, vatRate: l.vatRate })));
  const { net, vat } = breakdownTotals(rows);
  const sold = lines.filter((l) => l.quantity > 0);
  const summary: CartSummary = {
    lines,
    net,
    vat,
    gross: sum(lines.map((l) => l.total)),
    vatBreakdown: rows,
    discounts: sum(sold.map((l) => l.discount?.amount ?? money(0))),
    returns: sum(lines.filter((l) => l.quantity < 0).map((l) => l.total)),
    kind: lines.length > 0 && sold.length === 0 ? 'refund' : 'sale',
    manager,
    pendingApprovals: manager.filter((m) => m.overrideId === null),
  };
  if (cartDiscount && cartDiscount.value > 0) summary.cartDiscount = { kind: cartDiscount.kind, value: cartDiscount.value, amount: money(cartAmount) };
  return ok(summary);
}

function lineDiscount(item: LineInput, own: Money, share: number, cart: DiscountInput | undefined): LineDiscount {
  const amount = money(own + share);
  if (item.returnOf) return { kind: 'amount', value: own, amount };
  const entered = own > 0 && item.discount ? item.discount : (cart ?? { kind: 'amount', value: amount });
  const d: LineDiscount = { kind: entered.kind, value: entered.value, amount };
  if (share > 0) d.fromCart = money(share);
  return d;
}

/** The cart's lines, totals, VAT, discounts and pending manager authorisations. */
export function cartSummary(cart: Cart, opts: SummaryOptions = {}): Result<CartSummary, LineRefusal> {
  return summariseLines(cart.items, cart.discount, cart.discountApproval, opts);
}
