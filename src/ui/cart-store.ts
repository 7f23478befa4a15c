/**
 * The cart being rung up, reachable from every screen: the sell screen edits it, returns/exchanges
 * (V3) and repeat orders / customers (V4) put lines or a customer into it and navigate to '/'.
 * A draft copy is kept on this device (localStorage, per register tab) so a reload never loses a
 * cart in progress; nothing about it replicates until it is parked, voided or sold.
 */
import { createRoot, createSignal } from 'solid-js';
import type { Accessor } from 'solid-js';
import { emptyCart, parseCart, type Cart } from '../domain/cart.ts';

const DRAFT_KEY = 'comptoir.cart-draft';

function readDraft(): Cart {
  try {
    const raw = localStorage.getItem(DRAFT_KEY);
    if (raw === null) return emptyCart();
    const parsed = parseCart(JSON.parse(raw));
    return parsed.ok ? parsed.value : emptyCart();
  } catch {
    return emptyCart();
  }
}

function writeDraft(cart: Cart): void {
  try {
    if (cart.items.length === 0 && cart.customerId === undefined && cart.discount === undefined) localStorage.removeItem(DRAFT_KEY);
    else localStorage.setItem(DRAFT_KEY, JSON.stringify(cart));
  } catch {
    // storage unavailable: the cart still lives in memory
  }
}

export interface CartStore {
  currentCart: Accessor<Cart>;
  /** Replaces the cart (a resumed parked sale, a return, a repeat order). */
  loadCart(cart: Cart): void;
  /** Applies a pure cart function: cartStore.update((c) => addProduct(c, p)). */
  update(f: (cart: Cart) => Cart): void;
  clear(): void;
  isEmpty(): boolean;
}

export const cartStore: CartStore = createRoot(() => {
  const [cart, setCart] = createSignal<Cart>(typeof localStorage === 'undefined' ? emptyCart() : readDraft());
  const set = (next: Cart): void => {
    setCart(next);
    writeDraft(next);
  };
  return {
    currentCart: cart,
    loadCart: set,
    update: (f) => set(f(cart())),
    clear: () => set(emptyCart()),
    isEmpty: () => cart().items.length === 0,
  };
});

export const currentCart = (): Cart => cartStore.currentCart();
