/**
 * Cancel the whole order before it ships: a reason (told to the customer), whether the units go back
 * on the shelf, and where what was paid goes back — the original payment (through the platform) or
 * store credit.
 */
import { createSignal, For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import type { OrderState } from '../../domain/web-order-types.ts';
import { cancelOrder } from '../actions.ts';
import { fmtMoney, t } from '../i18n/index.ts';
import type { WebOrderRow } from '../types.ts';
import { RefundChoice, RestockChoice, type RefundTo } from './OrderRefundChoice.tsx';
import { DialogActions, OrderDialog, orderRefusalText } from './OrderShared.tsx';

export function OrderCancelDialog(props: { state: OrderState; order: WebOrderRow; onDone: () => void; onClose: () => void }): JSX.Element {
  const [reason, setReason] = createSignal('');
  const [restock, setRestock] = createSignal(true);
  const [refundTo, setRefundTo] = createSignal<RefundTo>('original');
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const paid = (): boolean => props.state.paidAmount > 0;

  async function confirm(): Promise<void> {
    if (busy()) return;
    const why = reason().trim();
    if (why === '') return void setError(t().orderDetail.cancelOrder.needReason);
    setBusy(true);
    try {
      const r = await cancelOrder(props.state.orderId, { reason: why, restock: restock(), ...(paid() ? { refundTo: refundTo() } : {}) });
      if (r.ok) props.onDone();
      else setError(orderRefusalText(r.error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <OrderDialog title={t().orderDetail.cancelOrder.title} testId="cancel-dialog" onSubmit={() => void confirm()} onClose={props.onClose}>
      <label class="field">
        <span>{t().orderDetail.cancelOrder.reason}</span>
        <input class="input-xl" data-testid="cancel-reason" autocomplete="off" maxlength={200} placeholder={t().orderDetail.cancelOrder.reasonPlaceholder}
          ref={(el) => queueMicrotask(() => el.focus())} value={reason()} onInput={(e) => { setReason(e.currentTarget.value); setError(null); }} />
      </label>
      <div class="order-presets">
        <For each={t().orderDetail.cancelOrder.presets}>
          {(p) => (
            <button type="button" class="btn" data-testid="cancel-preset" onClick={() => { setReason(p); setError(null); }}>
              {p}
            </button>
          )}
        </For>
      </div>
      <RestockChoice value={restock()} onChange={setRestock} />
      <Show when={paid()} fallback={<p class="muted">{t().orderDetail.cancelOrder.nothingPaid}</p>}>
        <RefundChoice value={refundTo()} onChange={setRefundTo} amount={fmtMoney(props.state.paidAmount, props.order.currency)} />
      </Show>
      <DialogActions error={error()} busy={busy()} confirm={t().orderDetail.cancelOrder.confirm} confirmTestId="cancel-confirm" danger onClose={props.onClose} />
    </OrderDialog>
  );
}
