/** "Put back in stock" and "refund to the original payment / as store credit", shared by change, cancel and return. */
import { Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../i18n/index.ts';

export type RefundTo = 'original' | 'store_credit';

export function RestockChoice(props: { value: boolean; onChange: (v: boolean) => void }): JSX.Element {
  return (
    <label class="check">
      <input type="checkbox" data-testid="order-restock" checked={props.value} onChange={(e) => props.onChange(e.currentTarget.checked)} />
      <span>{t().orderDetail.common.restock}</span>
    </label>
  );
}

export function RefundChoice(props: { value: RefundTo; onChange: (v: RefundTo) => void; amount?: string }): JSX.Element {
  return (
    <fieldset class="order-refund-to">
      <legend>
        {t().orderDetail.common.refundTo}
        <Show when={props.amount}> — <strong data-testid="order-refund-amount">{props.amount}</strong></Show>
      </legend>
      <div class="segmented" role="radiogroup">
        <button type="button" class="btn" role="radio" aria-checked={props.value === 'original'} classList={{ primary: props.value === 'original' }}
          data-testid="refund-original" onClick={() => props.onChange('original')}>
          {t().orderDetail.common.original}
        </button>
        <button type="button" class="btn" role="radio" aria-checked={props.value === 'store_credit'} classList={{ primary: props.value === 'store_credit' }}
          data-testid="refund-store-credit" onClick={() => props.onChange('store_credit')}>
          {t().orderDetail.common.storeCredit}
        </button>
      </div>
    </fieldset>
  );
}
