/** The customer's note (from the web store) and the staff's fulfilment notes, with a field to add one. */
import { createSignal, For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { addOrderNote } from '../actions.ts';
import { t } from '../i18n/index.ts';
import { orderRefusalText } from './OrderShared.tsx';

export function OrderNotes(props: {
  orderId: string;
  customerNote: string | undefined;
  notes: readonly string[];
  ref?: (input: HTMLInputElement) => void;
  onError: (text: string | null) => void;
}): JSX.Element {
  const [note, setNote] = createSignal('');
  const [busy, setBusy] = createSignal(false);

  async function add(): Promise<void> {
    const text = note().trim();
    if (text === '' || busy()) return;
    setBusy(true);
    try {
      const r = await addOrderNote(props.orderId, text);
      if (r.ok) setNote('');
      props.onError(r.ok ? null : orderRefusalText(r.error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="order-notes card">
      <Show when={props.customerNote}>
        <h2>{t().orderDetail.customerNote}</h2>
        <p class="order-customer-note" data-testid="order-customer-note">
          {props.customerNote}
        </p>
      </Show>
      <h2>{t().orderDetail.notes}</h2>
      <Show when={props.notes.length > 0} fallback={<p class="muted small">{t().orderDetail.noNotes}</p>}>
        <ul>
          <For each={props.notes}>{(n) => <li data-testid="order-note">{n}</li>}</For>
        </ul>
      </Show>
      <form
        data-no-scan
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <input
          ref={(el) => props.ref?.(el)}
          type="text"
          data-testid="order-note-input"
          placeholder={t().orderDetail.notePlaceholder}
          aria-label={t().orderDetail.notes}
          maxlength={500}
          value={note()}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
        <button type="submit" class="btn" data-testid="order-note-add" disabled={busy() || note().trim() === ''}>
          {t().orderDetail.addNote}
        </button>
      </form>
    </section>
  );
}
