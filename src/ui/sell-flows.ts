/**
 * The sell screen's steps that need a manager: a cart change is applied, and when the result holds a
 * discount above the store's threshold or a price override that nobody authorised, a manager is asked
 * (V1's override modal); their override id goes onto the line (or the cart discount). Cancelled: the
 * cart stays as it was.
 */
import {
  cartSummary, overridePrice, setCartDiscount, setLineDiscount, setNote, type Cart, type DiscountInput, type ManagerNeed,
} from '../domain/cart.ts';
import { requestManagerOverride } from './components/ManagerOverride.tsx';
import type { LineChange } from './components/DiscountDialog.tsx';

function pendingFor(cart: Cart, thresholdBp: number, key: number | null): ManagerNeed[] {
  const s = cartSummary(cart, { thresholdBp });
  return s.ok ? s.value.pendingApprovals.filter((n) => n.key === key) : [];
}

/** The cart with the line change applied and authorised, or null when a manager declined. */
export async function applyLineChange(cart: Cart, key: number, change: LineChange, thresholdBp: number): Promise<Cart | null> {
  const sku = cart.items.find((i) => i.key === key)?.product.sku ?? '';
  let next = cart;
  if (change.price !== undefined) next = overridePrice(next, key, change.price);
  next = setLineDiscount(next, key, change.discount);
  if (change.note !== undefined) next = setNote(next, key, change.note);
  for (const need of pendingFor(next, thresholdBp, key)) {
    const override = await requestManagerOverride(need.action, { ref: sku });
    if (override === null) return null;
    if (need.action === 'price_override' && change.price != null) next = overridePrice(next, key, change.price, override._id);
    if (need.action === 'discount_above_threshold') next = setLineDiscount(next, key, change.discount, override._id);
  }
  return next;
}

/** The cart with its whole-cart discount set and authorised, or null when a manager declined. */
export async function applyCartDiscount(cart: Cart, discount: DiscountInput | null, thresholdBp: number): Promise<Cart | null> {
  let next = setCartDiscount(cart, discount);
  if (pendingFor(next, thresholdBp, null).length > 0) {
    const override = await requestManagerOverride('discount_above_threshold', { ref: 'cart' });
    if (override === null) return null;
    next = setCartDiscount(cart, discount, override._id);
  }
  return next;
}
