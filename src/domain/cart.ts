/**
 * The cart being rung up: a plain serialisable value (it is what a parked sale stores) changed only
 * through the pure functions below, which return a new cart. cart-summary.ts turns it into sale lines,
 * totals, VAT and the list of things a manager still has to authorise.
 *
 * Lines are sales (quantity > 0) or returns (quantity < 0, with returnOf and the original line).
 * Discounts: per line (percent in basis points or an amount) and one for the whole cart, spread over
 * the sale lines in proportion to what they cost after their own discount.
 */
import type { OverrideAction } from './register-documents.ts';
import type { SaleLine } from './documents.ts';
import type { Money } from './money.ts';
import type { SaleProduct } from './sale.ts';

export interface DiscountInput {
  kind: 'percent' | 'amount';
  /** Basis points (1000 = 10 %) for a percent, minor units for an amount. */
  value: number;
}

/** An authorisation a manager gave for something on the cart (the override document's id). */
export interface Approval {
  action: OverrideAction;
  overrideId: string;
}

export interface CartItem {
  /** Stable key of the line in this cart (survives removals; the UI keys rows on it). */
  key: number;
  product: SaleProduct;
  /** Integer ≠ 0: positive for an item sold, negative for an item returned. */
  quantity: number;
  /** Unit price the cashier set instead of the catalogue's (same tax basis). */
  priceOverride?: Money;
  discount?: DiscountInput;
  note?: string;
  /** Returned item: the original sale, its line index and the line as sold. */
  returnOf?: { saleId: string; line: number; original: SaleLine };
  restock?: boolean;
  /** Overrides for this line's price and discount. */
  approvals?: Approval[];
}

export interface Cart {
  items: CartItem[];
  discount?: DiscountInput;
  /** The override that authorised the whole-cart discount, when one was needed. */
  discountApproval?: string;
  customerId?: string;
  /** Next CartItem.key. */
  nextKey: number;
}

export const emptyCart = (): Cart => ({ items: [], nextKey: 1 });

function assertDiscount(d: DiscountInput): void {
  if (!Number.isSafeInteger(d.value) || d.value < 0) throw new RangeError(`A discount is a whole non-negative number, got ${d.value}`);
  if (d.kind === 'percent' && d.value > 10_000) throw new RangeError(`A percent discount is at most 10000 bp, got ${d.value}`);
}

function mapItem(cart: Cart, key: number, f: (item: CartItem) => CartItem | null): Cart {
  const items: CartItem[] = [];
  for (const item of cart.items) {
    if (item.key !== key) items.push(item);
    else {
      const next = f(item);
      if (next !== null) items.push(next);
    }
  }
  return { ...cart, items };
}

function without<K extends keyof CartItem>(item: CartItem, field: K): CartItem {
  const copy = { ...item };
  delete copy[field];
  return copy;
}

function approvalsWithout(item: CartItem, action: OverrideAction): Approval[] | undefined {
  const kept = (item.approvals ?? []).filter((a) => a.action !== action);
  return kept.length > 0 ? kept : undefined;
}

function withApproval(item: CartItem, action: OverrideAction, overrideId: string | undefined): CartItem {
  const kept = approvalsWithout(item, action);
  const approvals = overrideId === undefined ? kept : [...(kept ?? []), { action, overrideId }];
  const next = without(item, 'approvals');
  return approvals === undefined ? next : { ...next, approvals };
}

/** Adds one unit of a product: to its existing sale line (same SKU, same price, no note), else a new line. */
export function addProduct(cart: Cart, product: SaleProduct, quantity = 1): Cart {
  if (!Number.isSafeInteger(quantity) || quantity <= 0) throw new RangeError(`Quantity must be a positive integer, got ${quantity}`);
  const same = cart.items.find(
    (i) => i.product.sku === product.sku && i.quantity > 0 && i.returnOf === undefined && i.priceOverride === undefined && i.note === undefined,
  );
  if (same) return mapItem(cart, same.key, (i) => ({ ...i, quantity: i.quantity + quantity }));
  return { ...cart, items: [...cart.items, { key: cart.nextKey, product, quantity }], nextKey: cart.nextKey + 1 };
}

/** Sets a line's quantity (a return line keeps its sign: pass the number of units). 0 removes it. */
export function setQuantity(cart: Cart, key: number, units: number): Cart {
  if (!Number.isSafeInteger(units) || units < 0) throw new RangeError(`Quantity must be a non-negative integer, got ${units}`);
  if (units === 0) return removeLine(cart, key);
  return mapItem(cart, key, (i) => {
    if (i.returnOf) return { ...i, quantity: -Math.min(units, i.returnOf.original.quantity) };
    return { ...i, quantity: units };
  });
}

export function removeLine(cart: Cart, key: number): Cart {
  return mapItem(cart, key, () => null);
}

/** A line's own discount (null removes it). Changing it drops an earlier manager approval for it. */
export function setLineDiscount(cart: Cart, key: number, discount: DiscountInput | null, overrideId?: string): Cart {
  if (discount) assertDiscount(discount);
  return mapItem(cart, key, (i) => {
    if (i.returnOf) return i; // a return gives back what was paid; it is not discounted again
    const base = withApproval(without(i, 'discount'), 'discount_above_threshold', discount ? overrideId : undefined);
    return discount && discount.value > 0 ? { ...base, discount } : base;
  });
}

/** The whole-cart discount (null removes it). */
export function setCartDiscount(cart: Cart, discount: DiscountInput | null, overrideId?: string): Cart {
  if (discount) assertDiscount(discount);
  const next: Cart = { ...cart };
  delete next.discount;
  delete next.discountApproval;
  if (discount && discount.value > 0) {
    next.discount = discount;
    if (overrideId !== undefined) next.discountApproval = overrideId;
  }
  return next;
}

/** Charges `price` per unit instead of the catalogue price (null restores it); needs a manager. */
export function overridePrice(cart: Cart, key: number, price: Money | null, overrideId?: string): Cart {
  if (price !== null && (!Number.isSafeInteger(price) || price < 0)) throw new RangeError(`A price is a non-negative whole amount, got ${price}`);
  return mapItem(cart, key, (i) => {
    if (i.returnOf) return i;
    const base = withApproval(without(i, 'priceOverride'), 'price_override', price !== null ? overrideId : undefined);
    return price !== null && price !== i.product.price ? { ...base, priceOverride: price } : withApproval(base, 'price_override', undefined);
  });
}

/** A note printed under the line ("sans gluten", "cadeau"); empty removes it. */
export function setNote(cart: Cart, key: number, note: string): Cart {
  const text = note.trim();
  return mapItem(cart, key, (i) => (text === '' ? without(i, 'note') : { ...i, note: text }));
}

export function attachCustomer(cart: Cart, customerId: string | null): Cart {
  const next = { ...cart };
  delete next.customerId;
  return customerId === null ? next : { ...next, customerId };
}

/**
 * Adds `quantity` units of a line of an earlier sale as a return (negative quantity). The refund is
 * what was paid for those units (the line total pro rata, discounts included).
 */
export function addReturnLine(
  cart: Cart,
  input: { saleId: string; line: SaleLine; lineIndex: number; quantity: number; restock: boolean },
): Cart {
  const { line, quantity } = input;
  if (!Number.isSafeInteger(quantity) || quantity <= 0 || quantity > line.quantity) {
    throw new RangeError(`Between 1 and ${line.quantity} units can be returned, got ${quantity}`);
  }
  const product: SaleProduct = {
    sku: line.sku,
    name: line.name,
    price: line.unitPrice,
    priceIncludesTax: line.unitPriceExcludesTax !== true,
    vatRate: line.vatRate,
  };
  const item: CartItem = {
    key: cart.nextKey,
    product,
    quantity: -quantity,
    returnOf: { saleId: input.saleId, line: input.lineIndex, original: line },
    restock: input.restock,
  };
  return { ...cart, items: [...cart.items, item], nextKey: cart.nextKey + 1 };
}

/** Item by key (the UI holds keys, not indexes). */
export function itemByKey(cart: Cart, key: number): CartItem | undefined {
  return cart.items.find((i) => i.key === key);
}

/** Number of units sold minus returned, for the cart header. */
export function unitCount(cart: Cart): number {
  return cart.items.reduce((n, i) => n + Math.abs(i.quantity), 0);
}

export { cartSummary, summariseLines, DEFAULT_DISCOUNT_THRESHOLD_BP } from './cart-summary.ts';
export type { CartSummary, ManagerNeed, SummaryOptions } from './cart-summary.ts';

function isObj(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function validDiscount(x: unknown): boolean {
  if (x === undefined) return true;
  if (!isObj(x) || (x['kind'] !== 'percent' && x['kind'] !== 'amount')) return false;
  const v = x['value'];
  return Number.isSafeInteger(v) && (v as number) >= 0 && (x['kind'] === 'amount' || (v as number) <= 10_000);
}

/**
 * A cart read back from a parked sale (replicated, so untrusted): its shape is checked; the figures
 * are recomputed by cartSummary anyway. Returns what is wrong, or the cart.
 */
export function parseCart(x: unknown): { ok: true; value: Cart } | { ok: false; error: string } {
  if (!isObj(x) || !Array.isArray(x['items'])) return { ok: false, error: 'items: must be an array' };
  if (!Number.isSafeInteger(x['nextKey'])) return { ok: false, error: 'nextKey: must be an integer' };
  if (!validDiscount(x['discount'])) return { ok: false, error: 'discount: invalid' };
  if (x['customerId'] !== undefined && typeof x['customerId'] !== 'string') return { ok: false, error: 'customerId: must be a string' };
  for (const [i, raw] of (x['items'] as unknown[]).entries()) {
    if (!isObj(raw)) return { ok: false, error: `items[${i}]: must be an object` };
    const p = raw['product'];
    if (!Number.isSafeInteger(raw['key']) || !Number.isSafeInteger(raw['quantity']) || raw['quantity'] === 0) {
      return { ok: false, error: `items[${i}]: key and quantity must be integers (quantity ≠ 0)` };
    }
    if (!isObj(p) || typeof p['sku'] !== 'string' || typeof p['name'] !== 'string' || !Number.isSafeInteger(p['price'])
      || typeof p['priceIncludesTax'] !== 'boolean' || !Number.isSafeInteger(p['vatRate'])) {
      return { ok: false, error: `items[${i}].product: incomplete` };
    }
    if (!validDiscount(raw['discount'])) return { ok: false, error: `items[${i}].discount: invalid` };
    if (raw['priceOverride'] !== undefined && !Number.isSafeInteger(raw['priceOverride'])) return { ok: false, error: `items[${i}].priceOverride: invalid` };
    if (raw['note'] !== undefined && typeof raw['note'] !== 'string') return { ok: false, error: `items[${i}].note: must be a string` };
  }
  return { ok: true, value: x as unknown as Cart };
}
