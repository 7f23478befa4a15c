/**
 * The steps the order offers now, as big buttons with their keyboard shortcut: what is available
 * follows from the order's state (and, for a split order, from the part this register prepares).
 */
import { For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import type { LocationPart, OrderState } from '../../domain/web-order-types.ts';
import { fmtMoney, t } from '../i18n/index.ts';

export type OrderAction = 'pickComplete' | 'packed' | 'slip' | 'slipA4' | 'label' | 'ship' | 'ready' | 'pickedUp' | 'balance' | 'change' | 'cancel' | 'returns';

/** Which steps the order offers for the part `part` (the whole order when it is not split). */
export function availableActions(state: OrderState, part: LocationPart | undefined): Set<OrderAction> {
  const out = new Set<OrderAction>();
  const closed = state.status === 'shipped' || state.status === 'picked_up' || state.status === 'cancelled';
  const anyShipped = state.lines.some((l) => l.shipped > 0);
  const ps = part?.status;
  const preparing = ps === 'new' || ps === 'picking' || ps === 'picked';
  if (!closed && preparing && state.status !== 'ready_for_pickup') {
    if (part!.lines.some((l) => l.picked < l.ordered)) out.add('pickComplete');
    out.add('packed');
  }
  if (state.status !== 'cancelled') {
    out.add('slip');
    out.add('slipA4');
  }
  if (!closed && state.delivery === 'shipping') {
    out.add('label');
    if (ps === 'picked' || ps === 'packed' || ps === 'partially_shipped') out.add('ship');
  }
  if (!closed && state.delivery === 'pickup') {
    if (state.status === 'picked' || state.status === 'packed') out.add('ready');
    if (state.status === 'packed' || state.status === 'ready_for_pickup') out.add('pickedUp');
  }
  if (state.status !== 'cancelled' && state.balance > 0) out.add('balance');
  if (!closed && state.lines.some((l) => l.ordered > l.shipped)) out.add('change');
  if (!closed && !anyShipped) out.add('cancel');
  if (state.lines.some((l) => l.shipped > l.returned)) out.add('returns');
  return out;
}

interface ButtonSpec {
  action: OrderAction;
  key?: string;
  testId: string;
  primary?: boolean;
  danger?: boolean;
}

const BUTTONS: ButtonSpec[] = [
  { action: 'pickComplete', key: 'C', testId: 'pick-complete' },
  { action: 'packed', key: 'P', testId: 'order-packed', primary: true },
  { action: 'balance', key: 'B', testId: 'order-balance', primary: true },
  { action: 'ready', key: 'R', testId: 'order-ready', primary: true },
  { action: 'pickedUp', key: 'H', testId: 'order-picked-up', primary: true },
  { action: 'label', key: 'L', testId: 'order-label' },
  { action: 'ship', key: 'S', testId: 'order-ship', primary: true },
  { action: 'slip', key: 'K', testId: 'order-slip' },
  { action: 'slipA4', testId: 'order-slip-a4' },
  { action: 'change', testId: 'order-change' },
  { action: 'returns', testId: 'order-return' },
  { action: 'cancel', testId: 'order-cancel', danger: true },
];

export function OrderActions(props: { state: OrderState; available: Set<OrderAction>; busy: boolean; onAction: (a: OrderAction) => void }): JSX.Element {
  const label = (a: OrderAction): string => {
    const l = t().orderDetail.actions;
    return a === 'balance' ? l.balance(fmtMoney(props.state.balance)) : l[a as Exclude<OrderAction, 'balance'>];
  };
  return (
    <div class="order-actions" role="group" aria-label={t().orderDetail.actions.title}>
      <For each={BUTTONS.filter((b) => props.available.has(b.action))}>
        {(b) => (
          <button type="button" class="btn big" classList={{ primary: b.primary === true, danger: b.danger === true }} data-testid={b.testId} disabled={props.busy}
            onClick={() => props.onAction(b.action)}>
            {label(b.action)}
            <Show when={b.key}>{(k) => <kbd>{k()}</kbd>}</Show>
          </button>
        )}
      </For>
    </div>
  );
}
