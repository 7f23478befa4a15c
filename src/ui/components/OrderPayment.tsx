/**
 * How the order is paid: the processor the customer used online (or "to be paid in the shop" and the
 * balance), total / already paid / balance, refunds made, and the payment's security checks when the
 * platform gave them — a failed check flags the order before anything is handed over.
 */
import { For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import type { OrderState } from '../../domain/web-order-types.ts';
import { fmtMoney, t } from '../i18n/index.ts';
import type { WebOrderRow } from '../types.ts';
import { processorName } from './OrderShared.tsx';

export function OrderPayment(props: { state: OrderState; order: WebOrderRow }): JSX.Element {
  const cur = (): WebOrderRow['currency'] => props.order.currency;
  const method = (): string => processorName(props.state.paymentMethod ?? props.order.paymentProcessor ?? props.order.payment.processor);
  const checks = (): NonNullable<WebOrderRow['paymentChecks']> => props.order.paymentChecks ?? [];
  const summary = (): string => {
    if (props.state.balance <= 0) return method() ? t().orderDetail.paidBy(method()) : t().orderDetail.paid;
    return t().orderDetail.toPay;
  };
  return (
    <section class="order-pay card" data-testid="order-payment" data-state={props.state.balance > 0 ? 'to_pay' : 'paid'} data-flagged={props.state.flagged ? 'true' : 'false'}>
      <h2>{t().orderDetail.payment}</h2>
      <Show when={props.state.flagged}>
        <p class="banner error order-flag" role="alert" data-testid="order-flagged">
          ⚠ {t().orderDetail.checks.flagged}
        </p>
      </Show>
      <p class="strong" data-testid="order-payment-summary">{summary()}</p>
      <Show when={props.state.balance > 0 && method()}>
        <p class="muted small">{t().orderDetail.chosenMethod(method())}</p>
      </Show>
      <dl class="order-amounts">
        <div>
          <dt>{t().orderDetail.total}</dt>
          <dd data-testid="order-total">{fmtMoney(props.state.total, cur())}</dd>
        </div>
        <div>
          <dt>{t().orderDetail.paidAmount}</dt>
          <dd data-testid="order-paid-amount">{fmtMoney(props.state.paidAmount, cur())}</dd>
        </div>
        <div classList={{ due: props.state.balance > 0 }}>
          <dt>{t().orderDetail.balance}</dt>
          <dd data-testid="order-balance-due">{fmtMoney(props.state.balance, cur())}</dd>
        </div>
      </dl>
      <Show when={props.state.refunds.length > 0}>
        <h3>{t().orderDetail.refunds}</h3>
        <ul>
          <For each={props.state.refunds}>
            {(r) => (
              <li data-testid="order-refund" data-to={r.to}>
                {fmtMoney(r.amount, cur())} {t().orderDetail.refundTo[r.to]}
                <Show when={r.voucher}> · {r.voucher}</Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <h3>{t().orderDetail.checks.title}</h3>
      <Show when={checks().length > 0} fallback={<p class="muted small">{t().orderDetail.checks.none}</p>}>
        <ul class="order-checks">
          <For each={checks()}>
            {(c) => (
              <li data-testid="order-check" data-name={c.name} data-result={c.result} class={`check-${c.result}`}>
                <span>{t().orderDetail.checks.names[c.name]}</span>
                <strong>
                  {c.result === 'pass' ? '✓ ' : c.result === 'fail' ? '✗ ' : ''}
                  {t().orderDetail.checks.results[c.result]}
                </strong>
                <Show when={c.detail}>
                  <span class="muted small"> ({c.detail})</span>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
