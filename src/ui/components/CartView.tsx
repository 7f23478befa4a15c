import { For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import type { Cart, CartItem, CartSummary } from '../../domain/cart.ts';
import type { Result } from '../../domain/result.ts';
import type { LineRefusal } from '../../domain/sale.ts';
import { currency, fmtMoney, fmtRate, t } from '../i18n/index.ts';
import { describeRefusal } from '../refusals.ts';

export interface CartViewProps {
  cart: Cart;
  summary: Result<CartSummary, LineRefusal>;
  selected: number;
  onSelect: (key: number) => void;
  onQuantity: (item: CartItem, delta: number) => void;
  onRemove: (item: CartItem) => void;
  onEdit: (item: CartItem) => void;
}

/** The cart's lines (quantity, discount, note, return tag) and its totals with VAT per rate. */
export function CartView(props: CartViewProps): JSX.Element {
  const line = (i: number) => (props.summary.ok ? props.summary.value.lines[i] : undefined);
  return (
    <>
      <ol class="cart" role="list">
        <For each={props.cart.items}>
          {(item, i) => (
            <li class="cart-line" classList={{ selected: props.selected === item.key, returned: item.quantity < 0 }} data-testid="cart-line" data-sku={item.product.sku}
              onClick={() => props.onSelect(item.key)}>
              <div class="line-main">
                <span class="line-name">
                  <Show when={item.quantity < 0}><span class="pill">{t().counter.line.returnTag}</span> </Show>
                  {item.product.name}
                </span>
                <span class="line-unit muted">
                  {fmtMoney(line(i())?.unitPrice ?? item.product.price, currency())}
                  <Show when={!item.product.priceIncludesTax}> HT</Show> · {fmtRate(item.product.vatRate)}
                  <Show when={item.priceOverride !== undefined}> · <s>{fmtMoney(item.product.price, currency())}</s> {t().counter.line.overridden}</Show>
                </span>
                <Show when={line(i())?.discount}>
                  {(d) => <span class="line-discount" data-testid="line-discount">−{fmtMoney(d().amount, currency())}{d().kind === 'percent' && !d().fromCart ? ` (${fmtRate(d().value)})` : ''}</span>}
                </Show>
                <Show when={item.note}><span class="line-note-text muted small">« {item.note} »</span></Show>
              </div>
              <div class="qty" role="group" aria-label={t().sell.quantity}>
                <button type="button" class="btn icon" aria-label={t().sell.decrease} title={`${t().sell.decrease} (−)`} data-testid="qty-minus" disabled={Math.abs(item.quantity) <= 1}
                  onClick={(e) => { e.stopPropagation(); props.onQuantity(item, -1); }}>−</button>
                <span class="qty-value" data-testid="cart-qty" aria-live="polite">{item.quantity}</span>
                <button type="button" class="btn icon" aria-label={t().sell.increase} title={`${t().sell.increase} (+)`} data-testid="qty-plus"
                  disabled={item.returnOf !== undefined && -item.quantity >= item.returnOf.original.quantity}
                  onClick={(e) => { e.stopPropagation(); props.onQuantity(item, 1); }}>+</button>
              </div>
              <span class="line-total" data-testid="line-total">{(() => { const l = line(i()); return l ? fmtMoney(l.total, currency()) : '—'; })()}</span>
              <Show when={item.returnOf === undefined}>
                <button type="button" class="btn icon" aria-label={t().counter.line.edit} title={`${t().counter.line.edit} (%)`} data-testid="discount-line"
                  onClick={(e) => { e.stopPropagation(); props.onEdit(item); }}>%</button>
              </Show>
              <button type="button" class="btn icon danger" aria-label={t().sell.removeLine(item.product.name)} title={t().sell.remove} data-testid="cart-remove"
                onClick={(e) => { e.stopPropagation(); props.onRemove(item); }}>✕</button>
            </li>
          )}
        </For>
      </ol>
      <div class="totals">
        <Show when={props.summary} keyed>
          {(r) =>
            r.ok ? (
              <>
                <div class="totals-row muted"><span>{t().sell.net}</span><span>{fmtMoney(r.value.net, currency())}</span></div>
                <For each={r.value.vatBreakdown}>
                  {(row) => <div class="totals-row muted"><span>{t().sell.vatAt(fmtRate(row.rate))}</span><span>{fmtMoney(row.vat, currency())}</span></div>}
                </For>
                <Show when={r.value.discounts > 0}>
                  <div class="totals-row muted"><span>{t().counter.line.discounts}</span><span data-testid="cart-discounts">−{fmtMoney(r.value.discounts, currency())}</span></div>
                </Show>
                <div class="totals-row grand"><span>{t().sell.total}</span><span data-testid="cart-total">{fmtMoney(r.value.gross, currency())}</span></div>
              </>
            ) : (
              <p class="banner error" role="alert">{describeRefusal(r.error)}</p>
            )
          }
        </Show>
      </div>
    </>
  );
}
