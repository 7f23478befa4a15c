/**
 * requestManagerOverride(action, opts) asks for a manager's authorisation and records it (an override
 * document, src/commands/override.ts). A cashier sees a modal: pick the manager, their PIN, a reason;
 * null when cancelled. A signed-in manager is their own authorisation: it resolves at once (still
 * recorded), unless `requireReason` asks them for the reason first.
 */
import { createMemo, createSignal, For, onMount, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { render } from 'solid-js/web';
import { authoriseOverride, overrideBySignedInManager } from '../../commands/override.ts';
import { currentStaff } from '../../commands/session.ts';
import type { OverrideAction, OverrideDoc } from '../../domain/register-documents.ts';
import { t } from '../i18n/index.ts';
import { describeStaffRefusal, staffState } from '../staff-state.ts';
import { PinPad } from './PinPad.tsx';
import '../styles/staff.css';

export interface OverrideOptions {
  /** The sale, line or event it authorises. */
  ref?: string;
  /** Shown above the form: what is being authorised, in the cashier's words. */
  message?: string;
  /** Prefills the reason (and is the reason when a signed-in manager authorises at once). */
  reason?: string;
  /** Ask a signed-in manager for the reason instead of resolving at once (e.g. opening the drawer). */
  requireReason?: boolean;
}

interface Pending {
  action: OverrideAction;
  opts: OverrideOptions;
  self: { name: string } | null;
  resolve: (doc: OverrideDoc | null) => void;
}

const [pending, setPending] = createSignal<Pending | null>(null);
let mounted = false;

function mountHost(): void {
  if (mounted || typeof document === 'undefined') return;
  mounted = true;
  const el = document.createElement('div');
  el.id = 'manager-override-host';
  document.body.appendChild(el);
  render(() => <Show when={pending()}>{(p) => <OverrideModal request={p()} />}</Show>, el);
}

export async function requestManagerOverride(action: OverrideAction, opts: OverrideOptions = {}): Promise<OverrideDoc | null> {
  const me = await currentStaff();
  if (me?.role === 'manager' && !opts.requireReason) {
    const r = await overrideBySignedInManager({ action, reason: opts.reason ?? opts.message ?? t().staff.override.selfReason, ...(opts.ref ? { ref: opts.ref } : {}) });
    if (!r.ok) console.warn('[comptoir] override not recorded', r.error);
    return r.ok ? r.value : null;
  }
  pending()?.resolve(null);
  mountHost();
  return new Promise((resolve) => {
    setPending({ action, opts, self: me?.role === 'manager' ? { name: me.name } : null, resolve });
  });
}

function OverrideModal(props: { request: Pending }): JSX.Element {
  const managers = createMemo(() => staffState.staff.value().filter((s) => s.role === 'manager'));
  const [managerId, setManagerId] = createSignal<string | null>(null);
  const [pin, setPin] = createSignal('');
  const [reason, setReason] = createSignal(props.request.opts.reason ?? '');
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  let pinInput: HTMLInputElement | undefined;
  let reasonInput: HTMLInputElement | undefined;
  const selected = (): string | null => managerId() ?? (managers().length === 1 ? managers()[0]!._id : null);

  onMount(() => (props.request.self || selected() ? (props.request.self ? reasonInput : pinInput) : undefined)?.focus());

  // Resolve before closing: once pending is null, the modal's props are stale.
  const { resolve } = props.request;
  const finish = (doc: OverrideDoc | null): void => {
    resolve(doc);
    setPending(null);
  };

  async function confirm(): Promise<void> {
    if (busy()) return;
    const { action, opts, self } = props.request;
    if (reason().trim() === '') {
      setError(describeStaffRefusal('reason_required'));
      return;
    }
    const id = selected();
    if (!self && id === null) {
      setError(`${t().staff.override.manager} ?`);
      return;
    }
    setBusy(true);
    try {
      const ref = opts.ref ? { ref: opts.ref } : {};
      const r = self
        ? await overrideBySignedInManager({ action, reason: reason(), ...ref })
        : await authoriseOverride({ action, managerId: id!, pin: pin(), reason: reason(), ...ref });
      if (r.ok) return finish(r.value);
      setError(describeStaffRefusal(r.error));
      setPin('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="overlay" role="presentation">
      <form class="panel dialog override-modal" role="dialog" aria-modal="true" aria-labelledby="override-title" data-testid="override-modal"
        data-action={props.request.action}
        onSubmit={(e) => { e.preventDefault(); void confirm(); }}
        onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); finish(null); } }}>
        <h2 id="override-title">{t().staff.override.title}</h2>
        <p class="override-action"><strong>{t().staff.override.actions[props.request.action]}</strong>
          <Show when={props.request.opts.message}>{(m) => <> — {m()}</>}</Show></p>
        <Show when={props.request.self} fallback={
          <>
            <Show when={managers().length > 0} fallback={<p class="banner warning">{t().staff.override.noManager}</p>}>
              <div class="override-managers" role="radiogroup" aria-label={t().staff.override.manager}>
                <For each={managers()}>
                  {(m) => (
                    <button type="button" class="btn big" role="radio" aria-checked={selected() === m._id} classList={{ primary: selected() === m._id }}
                      data-testid="override-manager" data-staff-id={m._id}
                      onClick={() => { setManagerId(m._id); setError(null); pinInput?.focus(); }}>
                      {m.name}
                    </button>
                  )}
                </For>
              </div>
            </Show>
            <label class="field">
              <span>{t().staff.override.pin}</span>
              <input ref={pinInput} class="input-xl pin-input" data-testid="override-pin" type="password" inputmode="numeric" autocomplete="off" maxlength={8}
                value={pin()} onInput={(e) => { setPin(e.currentTarget.value.replace(/\D/g, '').slice(0, 8)); e.currentTarget.value = pin(); setError(null); }} />
            </label>
            <PinPad value={pin()} onChange={(p) => { setPin(p); setError(null); }} disabled={busy()} testIdPrefix="override-pinpad" />
          </>
        }>
          {(self) => <p class="muted">{t().staff.override.asSelf(self().name)}</p>}
        </Show>
        <label class="field">
          <span>{t().staff.override.reason}</span>
          <input ref={reasonInput} class="input-xl" data-testid="override-reason" autocomplete="off" maxlength={200} placeholder={t().staff.override.reasonPlaceholder}
            value={reason()} onInput={(e) => { setReason(e.currentTarget.value); setError(null); }} />
        </label>
        <Show when={error()}>{(msg) => <p class="banner error" role="alert" data-testid="override-error">{msg()}</p>}</Show>
        <div class="panel-actions">
          <button type="button" class="btn secondary" data-testid="override-cancel" onClick={() => finish(null)} disabled={busy()}>
            {t().staff.override.cancel} <kbd>{t().keys.esc}</kbd>
          </button>
          <button type="submit" class="btn big primary" data-testid="override-confirm" disabled={busy()}>
            {t().staff.override.confirm} <kbd>{t().keys.enter}</kbd>
          </button>
        </div>
      </form>
    </div>
  );
}
