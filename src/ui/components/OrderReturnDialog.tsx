/**
 * Items of a shipped (or handed over) web order coming back: how many units of each, whether they go
 * back on the shelf, the refund to the original payment or as store credit, and an optional
 * surcharge kept back from it (labour, a change of shipping method) with its reason.
 */
import { createMemo, createSignal, For } from 'solid-js';
import type { JSX } from 'solid-js';
import { money, type Money } from '../../domain/money.ts';
import type { OrderState } from '../../domain/web-order-types.ts';
import { returnWebOrderItems } from '../actions.ts';
import { fmtMoney, readMoney, t } from '../i18n/index.ts';
import type { WebOrderRow } from '../types.ts';
import { RefundChoice, RestockChoice, type RefundTo } from './OrderRefundChoice.tsx';
import { DialogActions, OrderDialog, orderRefusalText } from './OrderShared.tsx';

interface ReturnableLine {
  sku: string;
  name: string;
  unitPrice: Money;
  left: number;
}

export function returnableLines(state: OrderState): ReturnableLine[] {
  const bySku = new Map<string, ReturnableLine>();
  for (const l of state.lines) {
    const left = l.shipped - l.returned;
    if (left <= 0) continue;
    const seen = bySku.get(l.sku);
    if (seen) seen.left += left;
    else bySku.set(l.sku, { sku: l.sku, name: l.name, unitPrice: l.unitPrice, left });
  }
  return [...bySku.values()];
}

export function OrderReturnDialog(props: { state: OrderState; order: WebOrderRow; onDone: () => void; onClose: () => void }): JSX.Element {
  const lines = createMemo(() => returnableLines(props.state));
  const [quantities, setQuantities] = createSignal<Record<string, number>>({});
  const [restock, setRestock] = createSignal(true);
  const [refundTo, setRefundTo] = createSignal<RefundTo>('original');
  const [surchargeText, setSurchargeText] = createSignal('');
  const [surchargeReason, setSurchargeReason] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const qty = (l: ReturnableLine): number => Math.min(l.left, Math.max(0, quantities()[l.sku] ?? 0));
  const surcharge = (): Money | null => {
    if (surchargeText().trim() === '') return money(0);
    const r = readMoney(surchargeText(), props.order.currency);
    return r.ok && r.value >= 0 ? r.value : null;
  };
  const total = (): Money => money(Math.max(0, lines().reduce((s, l) => s + qty(l) * l.unitPrice, 0) - (surcharge() ?? 0)));

  async function confirm(): Promise<void> {
    if (busy()) return;
    const back = lines().map((l) => ({ sku: l.sku, quantity: qty(l) })).filter((l) => l.quantity > 0);
    if (back.length === 0) return void setError(t().orderDetail.returns.nothing);
    const kept = surcharge();
    if (kept === null) return void setError(t().orderDetail.returns.errSurcharge);
    const options = {
      restock: restock(),
      refundTo: refundTo(),
      ...(kept > 0 ? { surcharge: kept, ...(surchargeReason().trim() ? { surchargeReason: surchargeReason().trim() } : {}) } : {}),
    };
    setBusy(true);
    try {
      const r = await returnWebOrderItems(props.state.orderId, back, options);
      if (r.ok) props.onDone();
      else setError(orderRefusalText(r.error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <OrderDialog title={t().orderDetail.returns.title} testId="return-dialog" wide onSubmit={() => void confirm()} onClose={props.onClose}>
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">{t().orderDetail.common.item}</th>
            <th scope="col" class="num">{t().orderDetail.returns.shipped}</th>
            <th scope="col" class="num">{t().orderDetail.returns.back}</th>
          </tr>
        </thead>
        <tbody>
          <For each={lines()}>
            {(l) => (
              <tr data-testid="return-line" data-sku={l.sku}>
                <td>
                  <span class="mono">{l.sku}</span> {l.name} — {fmtMoney(l.unitPrice, props.order.currency)}
                </td>
                <td class="num">{l.left}</td>
                <td class="num">
                  <input type="number" class="qty-input" data-testid="return-qty" min={0} max={l.left} step={1} value={qty(l)}
                    aria-label={`${t().orderDetail.returns.back} ${l.sku}`}
                    onInput={(e) => { setQuantities({ ...quantities(), [l.sku]: Math.floor(Number(e.currentTarget.value) || 0) }); setError(null); }} />
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <RestockChoice value={restock()} onChange={setRestock} />
      <div class="field-row">
        <label class="field">
          <span>{t().orderDetail.returns.surcharge}</span>
          <input data-testid="return-surcharge" inputmode="decimal" autocomplete="off" value={surchargeText()} aria-invalid={surcharge() === null}
            onInput={(e) => { setSurchargeText(e.currentTarget.value); setError(null); }} />
        </label>
        <label class="field">
          <span>{t().orderDetail.returns.surchargeReason}</span>
          <input data-testid="return-surcharge-reason" autocomplete="off" maxlength={120} placeholder={t().orderDetail.returns.surchargePlaceholder} value={surchargeReason()}
            onInput={(e) => setSurchargeReason(e.currentTarget.value)} />
        </label>
      </div>
      <RefundChoice value={refundTo()} onChange={setRefundTo} amount={fmtMoney(total(), props.order.currency)} />
      <DialogActions error={error()} busy={busy()} confirm={t().orderDetail.returns.confirm} confirmTestId="return-confirm" onClose={props.onClose} />
    </OrderDialog>
  );
}
