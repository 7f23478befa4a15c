/**
 * "Cancel the line" on an oversell task: takes the colliding units of the item off one web order
 * before it ships, behind this confirmation. It is the order screen's change (same command, same
 * rule: a change before shipping needs no manager), refunded to the original payment when the order
 * was paid; the reconciliation then runs again.
 */
import { createSignal, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { cancelOversoldLine, recordOversellResolution, type OversellOrderRef, type OversellTaskRef, type ResolutionDone } from '../../commands/oversell-resolution.ts';
import type { OversellResolutionDoc } from '../../domain/reconcile/resolution-doc.ts';
import { cancelLineRefund } from '../../domain/reconcile/resolutions.ts';
import { money } from '../../domain/money.ts';
import type { CurrencyCode } from '../../domain/money.ts';
import { watchCancelLine, type CancelLineView } from '../../store/reconcile-queries.ts';
import { fmtMoney, t } from '../i18n/index.ts';
import { errorMessage, live } from '../reactive.ts';
import { DialogActions, OrderDialog } from './OrderShared.tsx';
import { resolutionRefusalText, s } from './OversellText.ts';

export function OversellCancelLine(props: {
  task: OversellTaskRef;
  order: OversellOrderRef;
  /** Units to take off: the order's claim within the shortfall (never more than can come off). */
  claimed: number;
  onClose: () => void;
  onDone: (done: ResolutionDone) => void;
}): JSX.Element {
  const view = live<CancelLineView | undefined>(() => watchCancelLine(props.order.id, props.task.sku, props.task.location), undefined);
  const [quantity, setQuantity] = createSignal<number | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  /** The change went through but its record did not: only the record is retried. */
  const [unrecorded, setUnrecorded] = createSignal<OversellResolutionDoc | null>(null);
  const max = (): number => {
    const o = view.value()?.option;
    return o?.ok ? o.units : 0;
  };
  const units = (): number => quantity() ?? Math.max(1, Math.min(props.claimed, max() || 1));
  const label = (): string => view.value()?.orderNumber ?? props.order.number ?? props.order.id;
  const blocked = (): string | null => {
    const o = view.value()?.option;
    return o !== undefined && !o.ok ? s().blocked[o.block.kind] : null;
  };
  const refund = (): string | null => {
    const v = view.value();
    if (v?.state === undefined || !v.option.ok) return null;
    const amount = cancelLineRefund(v.state, props.task.sku, Math.min(units(), v.option.units));
    return amount > 0 ? s().cancelRefund(fmtMoney(money(amount), v.currency as CurrencyCode | undefined)) : s().cancelNoRefund;
  };

  async function confirm(): Promise<void> {
    if (busy()) return;
    if (blocked() !== null && unrecorded() === null) return void setError(blocked());
    setBusy(true);
    setError(null);
    try {
      const pending = unrecorded();
      if (pending !== null) {
        const r = await recordOversellResolution(pending);
        if (r.ok) props.onDone({ resolution: r.value, reconciled: false });
        else setError(resolutionRefusalText(r.error));
        return;
      }
      const r = await cancelOversoldLine(props.task, { ...props.order, number: label() }, units());
      if (r.ok) return props.onDone(r.value);
      if (r.error.kind === 'not_saved' && r.error.resolution !== undefined) setUnrecorded(r.error.resolution);
      setError(resolutionRefusalText(r.error));
    } catch (e) {
      setError(t().errors.unexpected(errorMessage(e)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <OrderDialog title={s().cancelTitle(label())} testId="oversell-cancel-dialog" onSubmit={() => void confirm()} onClose={props.onClose}>
      <p>{s().cancelBody(props.task.sku, label())}</p>
      <Show when={blocked()} fallback={
        <>
          <label class="field">
            <span>{s().quantity}</span>
            <input type="number" class="qty-input" data-testid="oversell-cancel-qty" min={1} max={max() || 1} step={1} value={units()} disabled={busy() || unrecorded() !== null}
              ref={(el) => queueMicrotask(() => el.focus())}
              onInput={(e) => { setQuantity(Math.floor(Number(e.currentTarget.value))); setError(null); }} />
          </label>
          <Show when={refund()}>{(text) => <p class="strong" data-testid="oversell-cancel-refund">{text()}</p>}</Show>
        </>
      }>
        {(why) => <p class="banner warning" role="alert" data-testid="oversell-cancel-blocked">{why()}</p>}
      </Show>
      <DialogActions error={error()} busy={busy()} confirm={unrecorded() !== null ? s().retry : s().cancelConfirm} confirmTestId="oversell-cancel-confirm" danger onClose={props.onClose} />
    </OrderDialog>
  );
}
