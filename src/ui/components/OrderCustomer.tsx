/**
 * Who the order is for (customer, shipping address as corrected at the counter, or pickup) and who
 * on the staff is in charge of it: assign it to me, to someone else, or to nobody.
 */
import { createSignal, For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import type { WebOrderAddress } from '../../domain/documents.ts';
import type { OrderState } from '../../domain/web-order-types.ts';
import { assignOrder } from '../actions.ts';
import { t } from '../i18n/index.ts';
import { staffState } from '../staff-state.ts';
import { orderRefusalText } from './OrderShared.tsx';

export function addressLines(a: WebOrderAddress | undefined): string[] {
  if (a === undefined) return [];
  return [a.name, a.address1, a.address2 ?? '', `${a.postcode} ${a.city}`.trim(), [a.region, a.country].filter(Boolean).join(', '), a.phone ?? ''].filter((l) => l !== '');
}

export function OrderCustomer(props: { state: OrderState; canCorrect: boolean; onCorrect: () => void; onError: (text: string | null) => void }): JSX.Element {
  const [busy, setBusy] = createSignal(false);
  const me = (): { id: string; name: string } | null => {
    const s = staffState.session.value();
    return s ? { id: s.staffId, name: s.name } : null;
  };
  const assign = async (who: { id: string; name: string } | null): Promise<void> => {
    setBusy(true);
    try {
      const r = await assignOrder(props.state.orderId, who);
      props.onError(r.ok ? null : orderRefusalText(r.error));
    } finally {
      setBusy(false);
    }
  };
  const choose = (id: string): void => {
    const member = staffState.staff.value().find((s) => s._id === id);
    void assign(member ? { id: member._id, name: member.name } : null);
  };

  return (
    <section class="order-customer card">
      <h2>{t().orderDetail.customer}</h2>
      <p data-testid="order-customer">
        <strong>{props.state.customer.name}</strong>
        <Show when={props.state.customer.email}>
          <br />
          <span class="small">{props.state.customer.email}</span>
        </Show>
        <Show when={props.state.customer.phone}>
          <br />
          <span class="small">{props.state.customer.phone}</span>
        </Show>
      </p>
      <Show when={props.state.delivery === 'shipping'} fallback={<p class="muted">{t().orderDetail.pickup}</p>}>
        <h3>{t().orderDetail.shipTo}</h3>
        <Show when={props.state.shippingAddress === undefined}>
          <p class="banner warning small" data-testid="order-no-address">{t().orderDetail.label.noAddress}</p>
        </Show>
        <address data-testid="order-address">
          <For each={addressLines(props.state.shippingAddress)}>
            {(line) => (
              <>
                {line}
                <br />
              </>
            )}
          </For>
        </address>
      </Show>
      <Show when={props.canCorrect}>
        <button type="button" class="btn" data-testid="order-address-edit" onClick={() => props.onCorrect()}>
          {t().orderDetail.correct}
        </button>
      </Show>

      <h3>{t().orderDetail.assign.title}</h3>
      <p data-testid="order-assignee" data-staff-id={props.state.assignee?.id ?? ''}>
        {props.state.assignee?.name ?? t().orderDetail.assign.nobody}
      </p>
      <div class="order-assign">
        <Show when={me() !== null && props.state.assignee?.id !== me()?.id}>
          <button type="button" class="btn" data-testid="order-assign-me" disabled={busy()} onClick={() => void assign(me())}>
            {t().orderDetail.assign.toMe} <kbd>A</kbd>
          </button>
        </Show>
        <label class="field">
          <span class="visually-hidden">{t().orderDetail.assign.choose}</span>
          <select data-testid="order-assign-select" disabled={busy()} value={props.state.assignee?.id ?? ''} onChange={(e) => choose(e.currentTarget.value)}>
            <option value="">{t().orderDetail.assign.nobody}</option>
            <For each={staffState.staff.value().filter((s) => s.active)}>{(s) => <option value={s._id}>{s.name}</option>}</For>
          </select>
        </label>
      </div>
    </section>
  );
}
