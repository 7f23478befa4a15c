import { useNavigate } from '@solidjs/router';
import { createSignal, onMount, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { pairRegister } from '../actions.ts';
import { t } from '../i18n/index.ts';
import { errorMessage } from '../reactive.ts';

function normaliseServerUrl(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const withScheme = /^https?:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return null;
  }
}

export default function PairScreen(): JSX.Element {
  const navigate = useNavigate();
  let codeInput!: HTMLInputElement;
  const [server, setServer] = createSignal(window.location.origin);
  const [code, setCode] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  onMount(() => codeInput.focus());

  async function submit(): Promise<void> {
    if (busy()) return;
    const url = normaliseServerUrl(server());
    if (url === null) {
      setError(t().pair.errorServerUrl);
      return;
    }
    const pairingCode = code().trim();
    if (pairingCode === '') {
      setError(t().pair.errorCode);
      codeInput.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await pairRegister(url, pairingCode);
      if (!result.ok) {
        setError(t().pair.errorGeneric(errorMessage(result.error)));
        return;
      }
      navigate('/', { replace: true });
    } catch (e) {
      setError(t().pair.errorGeneric(errorMessage(e)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="pair-screen">
      <form
        class="panel pair-panel"
        aria-busy={busy()}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <img src="/icon-192.png" alt="" width="72" height="72" class="pair-logo" />
        <h1>{t().pair.title}</h1>
        <p class="muted">{t().pair.intro}</p>
        <label class="field">
          <span>{t().pair.server}</span>
          <input
            data-testid="pair-server"
            type="url"
            inputmode="url"
            autocomplete="url"
            spellcheck={false}
            value={server()}
            disabled={busy()}
            onInput={(e) => {
              setServer(e.currentTarget.value);
              setError(null);
            }}
          />
        </label>
        <label class="field">
          <span>{t().pair.code}</span>
          <input
            ref={codeInput}
            data-testid="pair-code"
            class="input-xl code-input"
            autocomplete="one-time-code"
            autocapitalize="characters"
            spellcheck={false}
            placeholder={t().pair.codePlaceholder}
            value={code()}
            disabled={busy()}
            onInput={(e) => {
              setCode(e.currentTarget.value);
              setError(null);
            }}
          />
        </label>
        <Show when={error()}>
          {(msg) => (
            <p class="banner error" role="alert" data-testid="pair-error">
              {msg()}
            </p>
          )}
        </Show>
        <button type="submit" class="btn primary big" data-testid="pair-submit" disabled={busy()}>
          <Show when={busy()} fallback={t().pair.submit}>
            <span class="spinner" aria-hidden="true" /> {t().pair.pairing}
          </Show>
        </button>
      </form>
    </main>
  );
}
