import { createSignal, For, onMount, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { signIn } from '../../commands/session.ts';
import type { StaffMember } from '../../store/staff-queries.ts';
import { PinPad } from '../components/PinPad.tsx';
import { t } from '../i18n/index.ts';
import { describeStaffRefusal, staffState } from '../staff-state.ts';
import '../styles/staff.css';

/**
 * Every register route but /pair starts here until someone signs in: pick your name (big buttons),
 * type your PIN (touch pad or keyboard digits), Enter. Checked offline against the replicated hash.
 */
export default function SignInScreen(): JSX.Element {
  const [chosen, setChosen] = createSignal<StaffMember | null>(null);
  const [pin, setPin] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  let input: HTMLInputElement | undefined;

  const choose = (member: StaffMember | null): void => {
    setChosen(member);
    setPin('');
    setError(null);
    queueMicrotask(() => input?.focus());
  };

  // One person on the register: no need to pick.
  onMount(() => {
    const only = staffState.staff.value();
    if (only.length === 1 && only[0]) choose(only[0]);
  });

  async function submit(): Promise<void> {
    const who = chosen();
    if (who === null || busy()) return;
    setBusy(true);
    setError(null);
    try {
      const r = await signIn(who._id, pin());
      if (!r.ok) {
        setError(describeStaffRefusal(r.error));
        setPin('');
        input?.focus();
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="page signin" aria-labelledby="signin-title">
      <h1 id="signin-title">{t().staff.signIn.title}</h1>
      <Show
        when={chosen()}
        fallback={
          <>
            <p class="muted">{t().staff.signIn.pick}</p>
            <Show when={staffState.staff.value().length > 0} fallback={<p class="banner warning" data-testid="signin-empty">{t().staff.signIn.noStaff}</p>}>
              <div class="staff-grid">
                <For each={staffState.staff.value()}>
                  {(member) => (
                    <button type="button" class="btn big staff-button" data-testid="signin-staff" data-staff-id={member._id} onClick={() => choose(member)}>
                      <span class="staff-initial" aria-hidden="true">{member.name.slice(0, 1).toUpperCase()}</span>
                      <span class="staff-name">{member.name}</span>
                      <small>{t().staff.roles[member.role]}</small>
                    </button>
                  )}
                </For>
              </div>
            </Show>
          </>
        }
      >
        {(who) => (
          <form class="panel signin-pin" onSubmit={(e) => { e.preventDefault(); void submit(); }}
            onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); choose(null); } }}>
            <label class="field">
              <span>{t().staff.signIn.pinFor(who().name)}</span>
              <input
                ref={input}
                class="input-xl pin-input"
                data-testid="signin-pin"
                type="password"
                inputmode="numeric"
                autocomplete="off"
                maxlength={8}
                aria-describedby="signin-error"
                value={pin()}
                onInput={(e) => { setPin(e.currentTarget.value.replace(/\D/g, '').slice(0, 8)); e.currentTarget.value = pin(); setError(null); }}
                autofocus
              />
            </label>
            <PinPad value={pin()} onChange={(p) => { setPin(p); setError(null); input?.focus(); }} disabled={busy()} />
            <p id="signin-error" class="banner error" role="alert" data-testid="signin-error" hidden={error() === null}>{error()}</p>
            <div class="panel-actions">
              <button type="button" class="btn secondary" onClick={() => choose(null)} disabled={busy()}>
                {t().staff.signIn.back} <kbd>{t().keys.esc}</kbd>
              </button>
              <button type="submit" class="btn big primary" data-testid="signin-submit" disabled={busy()}>
                {busy() ? t().staff.signIn.checking : t().staff.signIn.submit} <kbd>{t().keys.enter}</kbd>
              </button>
            </div>
          </form>
        )}
      </Show>
    </main>
  );
}
