/**
 * What staff decided about an oversell task — who, how, when, from any register — and the
 * "Backorder" decision itself: the web order is kept, noted as waiting for restock, and its units
 * count as handled (the task shows "backordered" everywhere while stock is still short).
 */
import { createSignal, For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { backorderOversell, type OversellOrderRef, type OversellTaskRef } from '../../commands/oversell-resolution.ts';
import type { OversellResolutionDoc } from '../../domain/reconcile/resolution-doc.ts';
import { fmtTime } from '../i18n/index.ts';
import { resolutionRefusalText, s } from './OversellText.ts';

function describe(r: OversellResolutionDoc, placeName: (id: string) => string): string {
  const order = r.orderNumber ?? r.orderId ?? '';
  switch (r.action) {
    case 'backorder':
      return s().resolution.backorder(r.quantity, order);
    case 'transfer':
      return s().resolution.transfer(r.quantity, placeName(r.from ?? ''));
    case 'cancel_line':
      return s().resolution.cancel_line(r.quantity, order);
  }
}

export function ResolutionList(props: { resolutions: OversellResolutionDoc[]; placeName: (id: string) => string }): JSX.Element {
  return (
    <Show when={props.resolutions.length > 0}>
      <ul class="oversell-resolutions" aria-label={s().resolutionsTitle}>
        <For each={props.resolutions}>
          {(r) => (
            <li data-testid="oversell-resolution" data-action={r.action} data-id={r._id}>
              <span class="strong">{describe(r, props.placeName)}</span>{' '}
              <span class="muted small">{s().byAt(r.by, fmtTime(r.at))}</span>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

/** Backorders one web order of the task: a note on the order, then the recorded resolution. */
export function Backorder(props: { task: OversellTaskRef; order: OversellOrderRef; units: number; done: boolean }): JSX.Element {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const state = (): string => (props.done ? 'done' : busy() ? 'busy' : error() !== null ? 'failed' : 'idle');
  const mark = async (): Promise<void> => {
    if (busy() || props.done) return;
    setBusy(true);
    setError(null);
    try {
      const r = await backorderOversell(props.task, props.order, props.units, s().backorderNote(props.task.sku));
      if (!r.ok) setError(r.error.kind === 'order' ? `${s().backorderFailed} ${resolutionRefusalText(r.error)}` : resolutionRefusalText(r.error));
    } catch {
      setError(s().backorderFailed);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" class="btn" data-testid="oversell-backorder" data-state={state()} disabled={busy() || props.done} onClick={() => void mark()}>
        {props.done ? s().backordered : s().backorder}
      </button>
      <Show when={error()}>{(m) => <span class="bad small" role="alert" data-testid="oversell-backorder-error">{m()}</span>}</Show>
    </>
  );
}
