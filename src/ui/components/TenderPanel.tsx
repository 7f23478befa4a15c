import { createMemo, createSignal, For, onMount, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { money } from '../../domain/money.ts';
import type { CurrencyCode, Money } from '../../domain/money.ts';
import { suggestedCashAmounts } from '../../domain/sale.ts';
import { fmtMoney, moneyInputText, readMoney, t } from '../i18n/index.ts';

export interface TenderPanelProps {
  due: Money;
  currency: CurrencyCode;
  /** Commits the sale; resolves to an error message to show, or null when done. */
  onComplete: (received: Money) => Promise<string | null>;
  onCancel: () => void;
}

/**
 * Cash tender: amount received (parsed in the UI locale, invalid input refused inline), quick-cash
 * buttons, change shown live. "Complete" stays disabled until the amount covers what is due; Enter
 * completes, Esc cancels (handled by the sell screen's shortcut map and the form's submit).
 */
export function TenderPanel(props: TenderPanelProps): JSX.Element {
  let input!: HTMLInputElement;
  const [text, setText] = createSignal('');
  const [touched, setTouched] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<string | null>(null);

  const parsed = createMemo(() => readMoney(text(), props.currency));
  const received = (): Money | null => {
    const p = parsed();
    return p.ok && p.value >= 0 ? p.value : null;
  };
  const paid = (): boolean => {
    const r = received();
    return r !== null && r >= props.due;
  };
  const change = (): Money => {
    const r = received();
    return r !== null && r >= props.due ? money(r - props.due) : money(0);
  };
  const remaining = (): Money | null => {
    const r = received();
    return r !== null && r < props.due ? money(props.due - r) : null;
  };
  const inputError = (): string | null => {
    const p = parsed();
    if (p.ok) return p.value < 0 ? t().tender.invalid.not_a_number : null;
    if (p.error.code === 'empty' && !touched()) return null;
    return t().tender.invalid[p.error.code];
  };
  const quick = createMemo(() => suggestedCashAmounts(props.due, props.currency));

  onMount(() => input.focus());

  async function complete(): Promise<void> {
    const r = received();
    if (r === null || r < props.due || busy()) return;
    setBusy(true);
    setFailure(null);
    try {
      const problem = await props.onComplete(r);
      if (problem !== null) setFailure(problem);
    } finally {
      setBusy(false);
    }
  }

  function pick(amount: Money): void {
    setText(moneyInputText(amount, props.currency));
    setTouched(true);
    input.focus();
  }

  return (
    <div class="overlay" role="presentation">
      <form
        class="panel tender-panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby="tender-title"
        data-testid="tender-panel"
        onSubmit={(e) => {
          e.preventDefault();
          void complete();
        }}
      >
        <h2 id="tender-title">{t().tender.title}</h2>
        <div class="due-row">
          <span>{t().tender.due}</span>
          <strong class="amount-xl" data-testid="amount-due">
            {fmtMoney(props.due, props.currency)}
          </strong>
        </div>

        <label class="field">
          <span>{t().tender.received}</span>
          <input
            ref={input}
            data-testid="cash-received"
            class="input-xl"
            inputmode="decimal"
            autocomplete="off"
            spellcheck={false}
            value={text()}
            aria-invalid={inputError() !== null}
            aria-describedby="cash-error"
            onInput={(e) => {
              setText(e.currentTarget.value);
              setTouched(true);
              setFailure(null);
            }}
          />
        </label>
        <p id="cash-error" class="inline-error" data-testid="cash-error" role="alert">
          {inputError() ?? ''}
        </p>

        <div class="quick-cash" role="group" aria-label={t().tender.quick}>
          <For each={quick()}>
            {(amount, i) => (
              <button type="button" class="btn quick" data-testid="quick-cash" onClick={() => pick(amount)}>
                <span>{fmtMoney(amount, props.currency)}</span>
                <Show when={i() === 0}>
                  <small>{t().tender.exact}</small>
                </Show>
              </button>
            )}
          </For>
        </div>

        <div class="change-row" classList={{ short: remaining() !== null }}>
          <Show
            when={remaining()}
            fallback={
              <>
                <span>{t().tender.change}</span>
                <strong class="amount-xl" data-testid="change-due">
                  {fmtMoney(change(), props.currency)}
                </strong>
              </>
            }
          >
            {(left) => (
              <>
                <span>{t().tender.remaining}</span>
                <strong class="amount-xl" data-testid="remaining-due">
                  {fmtMoney(left(), props.currency)}
                </strong>
                <span class="visually-hidden" data-testid="change-due">
                  {fmtMoney(money(0), props.currency)}
                </span>
              </>
            )}
          </Show>
        </div>

        <Show when={failure()}>
          {(msg) => (
            <p class="banner error" role="alert" data-testid="sale-error">
              {msg()}
            </p>
          )}
        </Show>

        <div class="panel-actions">
          <button type="button" class="btn secondary" onClick={() => props.onCancel()} disabled={busy()}>
            {t().tender.cancel} <kbd>{t().keys.esc}</kbd>
          </button>
          <button type="submit" class="btn primary big" data-testid="complete-sale" disabled={!paid() || busy()}>
            {busy() ? t().tender.completing : t().tender.complete} <kbd>{t().keys.enter}</kbd>
          </button>
        </div>
      </form>
    </div>
  );
}
