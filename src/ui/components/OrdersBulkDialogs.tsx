import { createSignal, For } from 'solid-js';
import type { JSX } from 'solid-js';
import type { OpenOrder } from '../../store/orders-queries.ts';
import { t } from '../i18n/index.ts';

export interface ShipInput {
  carrier: string;
  /** Per order id; orders without one ship without a tracking number. */
  trackingById: Record<string, string>;
}

export type PaidMethod = 'bank_transfer' | 'cheque';

function Dialog(props: { title: string; testid: string; onCancel: () => void; onSubmit: () => void; canSubmit: boolean; children: JSX.Element }): JSX.Element {
  const b = () => t().orders.bulk;
  return (
    <div class="overlay" role="presentation" onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), props.onCancel())}>
      <form
        class="panel dialog orders-bulk-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={props.title}
        data-testid={props.testid}
        onSubmit={(e) => {
          e.preventDefault();
          if (props.canSubmit) props.onSubmit();
        }}
      >
        <h2>{props.title}</h2>
        {props.children}
        <div class="panel-actions">
          <button type="button" class="btn secondary" onClick={() => props.onCancel()}>
            {b().cancel}
          </button>
          <button type="submit" class="btn primary" data-testid="bulk-confirm" disabled={!props.canSubmit}>
            {b().confirm}
          </button>
        </div>
      </form>
    </div>
  );
}

/** Carrier for all, and a tracking number per order (typed or scanned; optional). */
export function ShipDialog(props: { orders: OpenOrder[]; onCancel: () => void; onSubmit: (input: ShipInput) => void }): JSX.Element {
  const b = () => t().orders.bulk;
  const [carrier, setCarrier] = createSignal('');
  const tracking: Record<string, string> = {};
  return (
    <Dialog
      title={b().shipTitle}
      testid="bulk-ship-dialog"
      canSubmit={carrier().trim() !== ''}
      onCancel={props.onCancel}
      onSubmit={() => {
        const trackingById: Record<string, string> = {};
        for (const [id, n] of Object.entries(tracking)) if (n.trim() !== '') trackingById[id] = n.trim();
        props.onSubmit({ carrier: carrier().trim(), trackingById });
      }}
    >
      <label class="field">
        <span>{b().carrier}</span>
        <input
          type="text"
          data-testid="bulk-carrier"
          placeholder={b().carrierPlaceholder}
          ref={(el) => queueMicrotask(() => el.focus())}
          value={carrier()}
          onInput={(e) => setCarrier(e.currentTarget.value)}
        />
      </label>
      <For each={props.orders}>
        {(o) => (
          <label class="field">
            <span>{b().tracking(o.number)}</span>
            <input type="text" data-testid="bulk-tracking" data-order-id={o.id} onInput={(e) => (tracking[o.id] = e.currentTarget.value)} />
          </label>
        )}
      </For>
    </Dialog>
  );
}

/** Bank transfers and cheques received for several orders: how, and an optional reference. */
export function PaidDialog(props: { onCancel: () => void; onSubmit: (input: { method: PaidMethod; reference?: string }) => void }): JSX.Element {
  const b = () => t().orders.bulk;
  const [method, setMethod] = createSignal<PaidMethod>('bank_transfer');
  const [reference, setReference] = createSignal('');
  return (
    <Dialog
      title={b().paidTitle}
      testid="bulk-paid-dialog"
      canSubmit
      onCancel={props.onCancel}
      onSubmit={() => props.onSubmit({ method: method(), ...(reference().trim() !== '' ? { reference: reference().trim() } : {}) })}
    >
      <fieldset class="orders-method">
        <legend>{b().method}</legend>
        <For each={['bank_transfer', 'cheque'] as const}>
          {(m) => (
            <label class="check-target">
              <input type="radio" name="paid-method" data-testid={`bulk-method-${m}`} checked={method() === m} onChange={() => setMethod(m)} />
              {b().methods[m]}
            </label>
          )}
        </For>
      </fieldset>
      <label class="field">
        <span>{b().reference}</span>
        <input type="text" data-testid="bulk-reference" placeholder={b().referencePlaceholder} value={reference()} onInput={(e) => setReference(e.currentTarget.value)} />
      </label>
    </Dialog>
  );
}
