/**
 * The order detail's dialogs, one at a time: take the balance (then ship or hand over), label, ship,
 * correct the address (back to the label when opened from it), change, cancel, return.
 */
import { Match, Switch } from 'solid-js';
import type { JSX } from 'solid-js';
import type { SaleDoc } from '../../domain/documents.ts';
import type { OrderState } from '../../domain/web-order-types.ts';
import type { StoreSettingsRow, WebOrderRow } from '../types.ts';
import { OrderAddressForm } from './OrderAddressForm.tsx';
import { OrderBalanceDialog } from './OrderBalanceDialog.tsx';
import { OrderCancelDialog } from './OrderCancelDialog.tsx';
import { OrderChangeDialog } from './OrderChangeDialog.tsx';
import { OrderLabelDialog, type LabelOutcome } from './OrderLabelDialog.tsx';
import { OrderReturnDialog } from './OrderReturnDialog.tsx';
import { OrderShipDialog } from './OrderShipDialog.tsx';
import { shipParcel } from './OrderSteps.ts';

export type OrderDialogState =
  | { kind: 'balance'; then?: 'ship' | 'pickedUp'; label?: LabelOutcome }
  | ({ kind: 'ship' } & Partial<LabelOutcome>)
  | { kind: 'label' }
  | { kind: 'address'; back?: 'label' }
  | { kind: 'change' }
  | { kind: 'cancel' }
  | { kind: 'return' };

type Balance = Extract<OrderDialogState, { kind: 'balance' }>;
type Ship = Extract<OrderDialogState, { kind: 'ship' }>;

export function OrderDialogs(props: {
  dialog: OrderDialogState | null;
  state: OrderState;
  order: WebOrderRow;
  settings: StoreSettingsRow | undefined;
  /** The part this register ships from, when the order is split. */
  location: string | undefined;
  open: (d: OrderDialogState | null) => void;
  onBalanceTaken: (sale: SaleDoc, request: Balance) => void;
  onError: (text: string) => void;
  /** A dialog's step is done: close it and say so. */
  onDone: () => void;
}): JSX.Element {
  const close = (): void => {
    const d = props.dialog;
    props.open(d?.kind === 'address' && d.back === 'label' ? { kind: 'label' } : null);
  };
  const done = (): void => {
    close();
    props.onDone();
  };
  const as = <K extends OrderDialogState['kind']>(kind: K): Extract<OrderDialogState, { kind: K }> | false =>
    props.dialog?.kind === kind ? (props.dialog as Extract<OrderDialogState, { kind: K }>) : false;

  return (
    <Switch>
      <Match when={as('balance')}>
        {(d) => <OrderBalanceDialog state={props.state} order={props.order} settings={props.settings} onClose={close}
          onDone={(sale) => props.onBalanceTaken(sale, d() as Balance)} onUnrecorded={(text) => { props.open(null); props.onError(text); }} />}
      </Match>
      <Match when={as('ship')}>
        {(d) => (
          <OrderShipDialog
            state={props.state}
            settings={props.settings}
            location={props.location}
            carrier={(d() as Ship).carrier ?? props.order.shippingMethod?.name ?? ''}
            {...((d() as Ship).tracking ? { tracking: (d() as Ship).tracking } : {})}
            {...((d() as Ship).parcel ? { parcel: (d() as Ship).parcel } : {})}
            onClose={close}
            onConfirm={async (input) => {
              const r = await shipParcel(props.state, input);
              if (r === null) done();
              return r;
            }}
          />
        )}
      </Match>
      <Match when={as('label')}>
        <OrderLabelDialog
          state={props.state}
          onClose={close}
          onCorrect={() => props.open({ kind: 'address', back: 'label' })}
          onShip={(outcome) => props.open(props.state.balance > 0 ? { kind: 'balance', then: 'ship', label: outcome } : { kind: 'ship', ...outcome })}
        />
      </Match>
      <Match when={as('address')}>
        <OrderAddressForm state={props.state} onClose={close} onDone={done} />
      </Match>
      <Match when={as('change')}>
        <OrderChangeDialog state={props.state} order={props.order} onClose={close} onDone={done} />
      </Match>
      <Match when={as('cancel')}>
        <OrderCancelDialog state={props.state} order={props.order} onClose={close} onDone={done} />
      </Match>
      <Match when={as('return')}>
        <OrderReturnDialog state={props.state} order={props.order} onClose={close} onDone={done} />
      </Match>
    </Switch>
  );
}
