/**
 * What the customer-facing display shows, as a pure state machine the sell screen feeds:
 * idle (welcome) → cart (lines and total, live) → paid (total, amount given, change, thank you),
 * and paid stays on screen after the cart is emptied for the next customer, until their first item.
 * Amounts travel as Money + currency: the display formats them in its own language.
 */
import type { SaleDoc } from '../domain/documents.ts';
import type { CurrencyCode, Money } from '../domain/money.ts';

export interface DisplayLine {
  name: string;
  quantity: number;
  total: Money;
}

export type DisplayState =
  | { phase: 'idle'; shopName: string | null }
  | { phase: 'cart'; lines: DisplayLine[]; total: Money; itemCount: number; currency: CurrencyCode; shopName: string | null }
  | { phase: 'paid'; total: Money; tendered: Money; change: Money; currency: CurrencyCode; receipt: string; shopName: string | null };

export type DisplayEvent =
  | { kind: 'cart'; lines: DisplayLine[]; total: Money; currency: CurrencyCode }
  | { kind: 'sale'; sale: Pick<SaleDoc, 'totals' | 'currency' | 'receiptLabel'> }
  | { kind: 'shop'; name: string | null };

export const INITIAL_DISPLAY: DisplayState = { phase: 'idle', shopName: null };

/** A line's last few in the cart is what a 2×20 pole or a small screen shows: newest last. */
export function nextDisplayState(state: DisplayState, event: DisplayEvent): DisplayState {
  switch (event.kind) {
    case 'shop':
      return { ...state, shopName: event.name };
    case 'sale':
      return {
        phase: 'paid',
        total: event.sale.totals.gross,
        tendered: event.sale.totals.tendered,
        change: event.sale.totals.change,
        currency: event.sale.currency,
        receipt: event.sale.receiptLabel,
        shopName: state.shopName,
      };
    case 'cart': {
      if (event.lines.length === 0) {
        // The cart is emptied right after a sale: the thank-you stays until the next customer's first item.
        return state.phase === 'paid' ? state : { phase: 'idle', shopName: state.shopName };
      }
      const itemCount = event.lines.reduce((n, l) => n + Math.abs(l.quantity), 0);
      return { phase: 'cart', lines: event.lines, total: event.total, itemCount, currency: event.currency, shopName: state.shopName };
    }
  }
}
