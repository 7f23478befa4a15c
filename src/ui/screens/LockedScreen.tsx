import type { JSX } from 'solid-js';
import { t } from '../i18n/index.ts';
import { takeOverRegister } from '../register-lock.ts';

/** Shown by every tab but the one that owns the register lock. */
export default function LockedScreen(): JSX.Element {
  return (
    <main class="locked-screen" data-testid="register-locked" role="alert">
      <div class="panel locked-panel">
        <img class="locked-icon" src="/favicon.svg" alt="" width="64" height="64" />
        <h1>{t().lock.title}</h1>
        <p class="muted">{t().lock.body}</p>
        <button type="button" class="btn primary big" data-testid="take-over" onClick={() => takeOverRegister()}>
          {t().lock.takeOver}
        </button>
        <p class="muted small">{t().lock.takeOverHint}</p>
      </div>
    </main>
  );
}
