import { createSignal, onMount, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../i18n/index.ts';

/** A small dialog asking for one line of text (a parked sale's label, a void's reason). */
export function TextPrompt(props: {
  title: string;
  label: string;
  placeholder?: string;
  initial?: string;
  inputTestId: string;
  confirmTestId: string;
  confirmLabel: string;
  danger?: boolean;
  /** Refuses an empty answer with this message. */
  requiredMessage?: string;
  /** Resolves to an error to show, or null when done. */
  onConfirm: (text: string) => Promise<string | null>;
  onCancel: () => void;
}): JSX.Element {
  let input!: HTMLInputElement;
  const [text, setText] = createSignal(props.initial ?? '');
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  onMount(() => input.focus());

  async function confirm(): Promise<void> {
    if (busy()) return;
    if (props.requiredMessage && text().trim() === '') return void setError(props.requiredMessage);
    setBusy(true);
    try {
      setError(await props.onConfirm(text()));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="overlay" role="presentation">
      <form class="panel dialog" role="dialog" aria-modal="true" aria-label={props.title}
        onSubmit={(e) => { e.preventDefault(); void confirm(); }}
        onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); props.onCancel(); } }}>
        <h2>{props.title}</h2>
        <label class="field">
          <span>{props.label}</span>
          <input ref={input} class="input-xl" data-testid={props.inputTestId} autocomplete="off" maxlength={120} placeholder={props.placeholder ?? ''}
            value={text()} onInput={(e) => { setText(e.currentTarget.value); setError(null); }} />
        </label>
        <Show when={error()}>{(msg) => <p class="banner error" role="alert">{msg()}</p>}</Show>
        <div class="panel-actions">
          <button type="button" class="btn secondary" onClick={() => props.onCancel()} disabled={busy()}>
            {t().counter.line.cancel} <kbd>{t().keys.esc}</kbd>
          </button>
          <button type="submit" class="btn big" classList={{ primary: !props.danger, danger: props.danger === true }} data-testid={props.confirmTestId} disabled={busy()}>
            {props.confirmLabel} <kbd>{t().keys.enter}</kbd>
          </button>
        </div>
      </form>
    </div>
  );
}
