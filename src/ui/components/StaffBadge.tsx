import { createSignal, onCleanup, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { openDrawerWithOverride } from '../../commands/drawer.ts';
import { signOut } from '../../commands/session.ts';
import { openShift } from '../../commands/shift.ts';
import { t } from '../i18n/index.ts';
import { describeStaffRefusal, signedInStaff } from '../staff-state.ts';
import { requestManagerOverride } from './ManagerOverride.tsx';
import '../styles/staff.css';

/** Header block: who is signed in, "Open drawer" (manager authorisation + reason) and sign-out. */
export function StaffBadge(): JSX.Element {
  const [note, setNote] = createSignal<{ state: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = createSignal(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));

  const say = (state: 'ok' | 'error', text: string): void => {
    setNote({ state, text });
    clearTimeout(timer);
    timer = setTimeout(() => setNote(null), 8000);
  };

  async function openDrawer(): Promise<void> {
    if (busy()) return;
    setBusy(true);
    try {
      // Refuse before bothering a manager: the opening belongs to a shift.
      if ((await openShift()) === null) return say('error', describeStaffRefusal('no_open_shift'));
      const override = await requestManagerOverride('drawer_open', { requireReason: true });
      if (override === null) return;
      const r = await openDrawerWithOverride(override);
      say(r.ok ? 'ok' : 'error', r.ok ? t().staff.drawer.recorded : describeStaffRefusal(r.error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Show when={signedInStaff()}>
      {(me) => (
        <div class="staff-badge">
          <span class="badge staff-who" data-testid="staff-current" data-role={me().role} title={t().staff.roles[me().role]}>
            {t().staff.signedInAs(me().name)}
          </span>
          <button type="button" class="btn" data-testid="drawer-open" onClick={() => void openDrawer()} disabled={busy()}>
            {t().staff.drawer.open}
          </button>
          <button type="button" class="btn secondary" data-testid="signout" onClick={() => void signOut()}>
            {t().staff.signOut}
          </button>
          <Show when={note()}>
            {(n) => (
              <p class="staff-note banner" classList={{ error: n().state === 'error' }} role="status" data-testid="drawer-result" data-state={n().state}>
                {n().text}
              </p>
            )}
          </Show>
        </div>
      )}
    </Show>
  );
}
