import { createSignal, onMount, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import type { CartItem, DiscountInput } from '../../domain/cart.ts';
import { money } from '../../domain/money.ts';
import type { CurrencyCode, Money } from '../../domain/money.ts';
import { fmtMoney, moneyInputText, readMoney, t } from '../i18n/index.ts';

export interface LineChange {
  discount: DiscountInput | null;
  /** undefined: unchanged; null: back to the catalogue price. */
  price?: Money | null;
  note?: string;
}

/**
 * Discount editor for a line (with its price override and note) or for the whole cart. Percent is
 * typed as a percentage ("12,5" → 1250 bp), amount in money. Apply hands the change to the sell
 * screen, which asks a manager when the result needs one.
 */
export function DiscountDialog(props: {
  item: CartItem | null;
  current: DiscountInput | undefined;
  currency: CurrencyCode;
  onApply: (change: LineChange) => void;
  onCancel: () => void;
}): JSX.Element {
  let valueInput!: HTMLInputElement;
  // The dialog edits one line: captured once, so that the cart changing under it (on apply) never re-renders it.
  const item = props.item;
  const [kind, setKind] = createSignal<DiscountInput['kind']>(props.current?.kind ?? 'percent');
  const initialValue = (): string => {
    const d = props.current;
    if (!d) return '';
    return moneyInputText(money(d.value), d.kind === 'percent' ? 'EUR' : props.currency);
  };
  const [value, setValue] = createSignal(initialValue());
  const [overriding, setOverriding] = createSignal(item?.priceOverride !== undefined);
  const [price, setPrice] = createSignal(item?.priceOverride !== undefined ? moneyInputText(item.priceOverride, props.currency) : '');
  const [note, setNote] = createSignal(item?.note ?? '');
  const [error, setError] = createSignal<string | null>(null);

  onMount(() => valueInput.focus());

  function apply(): void {
    let discount: DiscountInput | null = null;
    if (value().trim() !== '') {
      // A percentage is read as a 2-decimal number: "12,5" → 1250 basis points.
      const parsed = readMoney(value(), kind() === 'percent' ? 'EUR' : props.currency);
      if (!parsed.ok || parsed.value < 0 || (kind() === 'percent' && parsed.value > 10_000)) {
        setError(kind() === 'percent' ? t().counter.line.invalidPercent : t().counter.line.invalidAmount);
        return;
      }
      discount = parsed.value === 0 ? null : { kind: kind(), value: parsed.value };
    }
    const change: LineChange = { discount };
    if (item) {
      if (overriding() && price().trim() !== '') {
        const p = readMoney(price(), props.currency);
        if (!p.ok || p.value < 0) return void setError(t().counter.line.invalidAmount);
        change.price = p.value;
      } else if (!overriding() && item.priceOverride !== undefined) change.price = null;
      change.note = note();
    }
    props.onApply(change);
  }

  return (
    <div class="overlay" role="presentation">
      <form class="panel dialog" role="dialog" aria-modal="true" aria-labelledby="discount-title" data-testid="discount-dialog"
        onSubmit={(e) => { e.preventDefault(); apply(); }}
        onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); props.onCancel(); } }}>
        <h2 id="discount-title">{item ? item.product.name : t().counter.line.cartDiscount}</h2>
        <fieldset class="field">
          <legend>{item ? t().counter.line.discount : t().counter.line.cartDiscount}</legend>
          <div class="segmented" role="radiogroup">
            <button type="button" class="btn" classList={{ primary: kind() === 'percent' }} aria-pressed={kind() === 'percent'} data-testid="discount-kind-percent" onClick={() => setKind('percent')}>
              % {t().counter.line.percent}
            </button>
            <button type="button" class="btn" classList={{ primary: kind() === 'amount' }} aria-pressed={kind() === 'amount'} data-testid="discount-kind-amount" onClick={() => setKind('amount')}>
              {t().counter.line.amount}
            </button>
          </div>
          <input ref={valueInput} class="input-xl" data-testid="discount-value" inputmode="decimal" autocomplete="off" aria-label={t().counter.line.value}
            placeholder={kind() === 'percent' ? t().counter.line.valueHintPercent : t().counter.line.valueHintAmount}
            value={value()} onInput={(e) => { setValue(e.currentTarget.value); setError(null); }} />
        </fieldset>
        <Show when={item !== null}>
          {
            <>
              <label class="check">
                <input type="checkbox" data-testid="price-override" checked={overriding()} onChange={(e) => setOverriding(e.currentTarget.checked)} />
                <span>{t().counter.line.priceOverride}</span>
                <small class="muted"> {t().counter.line.listPrice(fmtMoney(item!.product.price, props.currency))}</small>
              </label>
              <Show when={overriding()}>
                <label class="field">
                  <span>{t().counter.line.newPrice}</span>
                  <input data-testid="price-value" inputmode="decimal" autocomplete="off" value={price()} onInput={(e) => setPrice(e.currentTarget.value)} />
                </label>
              </Show>
              <label class="field">
                <span>{t().counter.line.note}</span>
                <input data-testid="line-note" autocomplete="off" maxlength={120} placeholder={t().counter.line.notePlaceholder} value={note()} onInput={(e) => setNote(e.currentTarget.value)} />
              </label>
            </>
          }
        </Show>
        <p class="inline-error" role="alert" data-testid="discount-error">{error() ?? ''}</p>
        <div class="panel-actions">
          <button type="button" class="btn secondary" onClick={() => props.onCancel()}>
            {t().counter.line.cancel} <kbd>{t().keys.esc}</kbd>
          </button>
          <button type="submit" class="btn primary big" data-testid="discount-apply">
            {t().counter.line.apply} <kbd>{t().keys.enter}</kbd>
          </button>
        </div>
      </form>
    </div>
  );
}
