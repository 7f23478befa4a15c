/**
 * "Move stock" on an oversell task: the store's other locations that have the item available (as
 * of the last reconciliation), the quantity prefilled to the shortfall (never more than the source
 * has), and a transfer written on confirmation; the reconciliation then runs again. A transfer that
 * could not be written in full is finished by confirming again: the same plan, nothing twice.
 */
import { createEffect, createSignal, For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { applyOversellTransfer, planOversellTransfer, type OversellTaskRef, type OversellTransferPlan, type ResolutionDone } from '../../commands/oversell-resolution.ts';
import type { TransferSource } from '../../domain/reconcile/resolutions.ts';
import { watchTransferSources } from '../../store/reconcile-queries.ts';
import { t } from '../i18n/index.ts';
import { errorMessage, live } from '../reactive.ts';
import { resolutionRefusalText, s } from './OversellText.ts';

export function OversellMove(props: {
  task: OversellTaskRef;
  /** Units to cover: prefilled, never more than the source has. */
  shortfall: number;
  placeName: (id: string) => string;
  onClose: () => void;
  onDone: (done: ResolutionDone) => void;
}): JSX.Element {
  const sources = live<TransferSource[]>(() => watchTransferSources(props.task.sku, props.task.location, props.shortfall), []);
  const [chosen, setChosen] = createSignal<string | null>(null);
  const [quantity, setQuantity] = createSignal<number | null>(null);
  const [plan, setPlan] = createSignal<OversellTransferPlan | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  let form: HTMLFormElement | undefined;

  const source = (): TransferSource | undefined => sources.value().find((x) => x.location === chosen()) ?? sources.value()[0];
  const units = (): number => quantity() ?? source()?.quantity ?? 1;
  // A plan is kept only for what it was made for: another source or quantity is a new plan.
  createEffect(() => {
    const p = plan();
    if (p !== null && (p.resolution.from !== source()?.location || p.resolution.quantity !== units())) setPlan(null);
  });
  // Focus lands on the chosen source once the sources are known (or on "Close" when there is none).
  let focused = false;
  createEffect(() => {
    if (!sources.ready() || focused) return;
    focused = true;
    queueMicrotask(() => form?.querySelector<HTMLElement>('input:checked, input, button')?.focus());
  });

  const choose = (x: TransferSource): void => {
    setChosen(x.location);
    setQuantity(null);
    setError(null);
  };

  async function confirm(): Promise<void> {
    const from = source();
    if (busy() || from === undefined) return;
    setBusy(true);
    setError(null);
    try {
      let p = plan();
      if (p === null) {
        const planned = await planOversellTransfer(props.task, from.location, units());
        if (!planned.ok) return void setError(resolutionRefusalText(planned.error, props.placeName));
        p = planned.value;
        setPlan(p);
      }
      const r = await applyOversellTransfer(p);
      if (r.ok) props.onDone(r.value);
      else setError(resolutionRefusalText(r.error, props.placeName));
    } catch (e) {
      setError(t().errors.unexpected(errorMessage(e)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={form} class="oversell-panel" data-testid="oversell-move" aria-label={s().moveTitle(props.task.sku, props.placeName(props.task.location))}
      onSubmit={(e) => { e.preventDefault(); void confirm(); }}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); props.onClose(); } }}>
      <h3>{s().moveTitle(props.task.sku, props.placeName(props.task.location))}</h3>
      <Show when={sources.ready()}>
        <Show when={sources.value().length > 0} fallback={<p class="banner warning" role="alert" data-testid="oversell-move-none">{s().moveNoSource}</p>}>
          <fieldset class="oversell-sources">
            <legend>{s().moveFrom}</legend>
            <For each={sources.value()}>
              {(x) => (
                <label class="check oversell-choice">
                  <input type="radio" name={`move-from-${props.task.id}`} data-testid="oversell-move-source" data-location={x.location} data-available={x.available}
                    checked={source()?.location === x.location} disabled={busy()} onChange={() => choose(x)} />
                  <span><span class="strong">{x.name}</span> <span class="muted">— {s().moveAvailable(x.available)}</span></span>
                </label>
              )}
            </For>
          </fieldset>
          <label class="field">
            <span>{s().quantity}</span>
            <input type="number" class="qty-input" data-testid="oversell-move-qty" min={1} max={source()?.available ?? 1} step={1} value={units()} disabled={busy()}
              onInput={(e) => { setQuantity(Math.floor(Number(e.currentTarget.value))); setError(null); }} />
          </label>
        </Show>
      </Show>
      <p class="inline-error" role="alert" data-testid="oversell-move-error">{error() ?? ''}</p>
      <div class="panel-actions">
        <button type="button" class="btn secondary" data-testid="oversell-move-close" disabled={busy()} onClick={() => props.onClose()}>
          {s().close} <kbd>{t().keys.esc}</kbd>
        </button>
        <Show when={sources.value().length > 0}>
          <button type="submit" class="btn primary" data-testid="oversell-move-confirm" disabled={busy()}>
            {plan() !== null && error() !== null ? s().retry : s().moveConfirm} <kbd>{t().keys.enter}</kbd>
          </button>
        </Show>
      </div>
    </form>
  );
}
