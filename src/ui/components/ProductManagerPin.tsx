/**
 * A manager's PIN for one product save, when the person signed in is not a manager: pick the
 * manager, type the PIN (keyboard or keypad), confirm. The check itself is the command's
 * (commands/products.ts authoriseManager, offline against the staff document); this only asks.
 */
import { createMemo, createSignal, For, onMount, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../i18n/index.ts';
import { staffState } from '../staff-state.ts';
import { PinPad } from './PinPad.tsx';
import '../styles/staff.css';

export function ProductManagerPin(props: {
  /** Saves with this manager's PIN; resolves to an error to show, or null when done. */
  onConfirm: (staffId: string, pin: string) => Promise<string | null>;
  onCancel: () => void;
}): JSX.Element {
  const managers = createMemo(() => staffState.staff.value().filter((s) => s.role === 'manager'));
  const [managerId, setManagerId] = createSignal<string | null>(null);
  const [pin, setPin] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const selected = (): string | null => managerId() ?? (managers().length === 1 ? managers()[0]!._id : null);
  let pinInput: HTMLInputElement | undefined;
  onMount(() => pinInput?.focus());

  async function confirm(): Promise<void> {
    const id = selected();
    if (busy()) return;
    if (id === null) return void setError(`${t().products.manager.who} ?`);
    setBusy(true);
    const problem = await props.onConfirm(id, pin()).catch((e: unknown) => String(e));
    setBusy(false);
    if (problem !== null) {
      setError(problem);
      setPin('');
      pinInput?.focus();
    }
  }

  const w = (): ReturnType<typeof t>['products']['manager'] => t().products.manager;
  return (
    <div class="overlay" role="presentation">
      <form class="panel dialog override-modal manager-pin" role="dialog" aria-modal="true" aria-labelledby="manager-pin-title" data-testid="product-manager-pin"
        onSubmit={(e) => { e.preventDefault(); void confirm(); }}
        onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); props.onCancel(); } }}>
        <h2 id="manager-pin-title">{w().title}</h2>
        <p>{w().intro}</p>
        <Show when={managers().length > 0} fallback={<p class="banner warning">{w().none}</p>}>
          <div class="override-managers" role="radiogroup" aria-label={w().who}>
            <For each={managers()}>
              {(m) => (
                <button type="button" class="btn big" role="radio" aria-checked={selected() === m._id} classList={{ primary: selected() === m._id }}
                  data-testid="product-manager" data-staff-id={m._id} onClick={() => { setManagerId(m._id); setError(null); pinInput?.focus(); }}>
                  {m.name}
                </button>
              )}
            </For>
          </div>
        </Show>
        <label class="field">
          <span>{w().pin}</span>
          <input ref={pinInput} class="input-xl pin-input" data-testid="product-manager-pin-input" type="password" inputmode="numeric" autocomplete="off" maxlength={8}
            value={pin()} onInput={(e) => { setPin(e.currentTarget.value.replace(/\D/g, '').slice(0, 8)); e.currentTarget.value = pin(); setError(null); }} />
        </label>
        <PinPad value={pin()} onChange={(p) => { setPin(p); setError(null); }} disabled={busy()} testIdPrefix="product-manager-pinpad" />
        <Show when={error()}>{(m) => <p class="banner error" role="alert" data-testid="product-manager-error">{m()}</p>}</Show>
        <div class="panel-actions">
          <button type="button" class="btn secondary" onClick={() => props.onCancel()} disabled={busy()}>
            {w().cancel} <kbd>{t().keys.esc}</kbd>
          </button>
          <button type="submit" class="btn big primary" data-testid="product-manager-confirm" disabled={busy()}>
            {w().confirm} <kbd>{t().keys.enter}</kbd>
          </button>
        </div>
      </form>
    </div>
  );
}
