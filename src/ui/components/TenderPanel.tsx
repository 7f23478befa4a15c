import { createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import type { Tender } from '../../domain/documents.ts';
import { money } from '../../domain/money.ts';
import type { CurrencyCode, Money } from '../../domain/money.ts';
import { suggestedCashAmounts } from '../../domain/sale.ts';
import { changeDue, checkTenders, remainingDue, type OtherTenderOption } from '../../domain/tenders.ts';
import { fmtMoney, moneyInputText, readMoney, t } from '../i18n/index.ts';
import { NonCashForm, type TenderMode } from './TenderForms.tsx';

export interface TenderPanelProps {
  /** What is due: negative on a refund (money goes back to the customer). */
  due: Money;
  currency: CurrencyCode;
  otherTenders?: readonly OtherTenderOption[];
  /** Tenders already proposed (a refund defaults to the original sale's tenders). */
  initialTenders?: readonly Tender[];
  initialMode?: 'cash' | 'card' | 'voucher';
  /** Commits the sale; resolves to an error message to show, or null when done. */
  onComplete: (tenders: Tender[]) => Promise<string | null>;
  onCancel: () => void;
}

/**
 * Split tender: cash typed in the main field (quick-cash buttons, change shown live), card, voucher and
 * the store's other tenders added to a list that can be edited. "Valider" stays disabled until the
 * tenders cover what is due (only cash gives change). F4 cash, F6 card, F7 voucher, Enter completes.
 */
export function TenderPanel(props: TenderPanelProps): JSX.Element {
  let cashInput!: HTMLInputElement;
  const sign = (): 1 | -1 => (props.due < 0 ? -1 : 1);
  const [mode, setMode] = createSignal<TenderMode>({ kind: props.initialMode ?? 'cash' });
  const [taken, setTaken] = createSignal<Tender[]>([...(props.initialTenders ?? [])]);
  const [text, setText] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<string | null>(null);

  const parsedCash = createMemo(() => readMoney(text(), props.currency));
  const cashTender = (): Tender | null => {
    const p = parsedCash();
    return p.ok && p.value > 0 ? { kind: 'cash', amount: money(p.value * sign()) } : null;
  };
  const all = (): Tender[] => {
    const c = cashTender();
    return c ? [...taken(), c] : taken();
  };
  const opts = () => ({ requireDetails: true, otherTenders: props.otherTenders ?? [] });
  const paid = (): boolean => checkTenders(props.due, all(), opts()).ok;
  const leftBeforeCash = (): Money => money(Math.abs(remainingDue(props.due, taken())));
  const left = (): Money => money(Math.abs(remainingDue(props.due, all())));
  const cashError = (): string | null => {
    const p = parsedCash();
    if (p.ok) return null;
    return p.error.code === 'empty' ? null : t().tender.invalid[p.error.code];
  };
  const quick = createMemo(() => suggestedCashAmounts(leftBeforeCash(), props.currency));
  const label = (tender: Tender): string =>
    tender.kind === 'other' ? (tender.label ?? t().receipt.tender.other) : tender.kind === 'card' && tender.card ? `${t().counter.pay.card} ****${tender.card.last4}` : tender.kind === 'voucher' ? `${t().counter.pay.voucher} ${tender.reference ?? ''}` : t().counter.pay.cash;

  function switchTo(next: TenderMode): void {
    setMode(next);
    setFailure(null);
    if (next.kind === 'cash') queueMicrotask(() => cashInput?.focus());
  }

  async function complete(): Promise<void> {
    if (!paid() || busy()) return;
    setBusy(true);
    setFailure(null);
    try {
      const problem = await props.onComplete(all());
      if (problem !== null) setFailure(problem);
    } finally {
      setBusy(false);
    }
  }

  function onKey(e: KeyboardEvent): void {
    if (e.key === 'F4') switchTo({ kind: 'cash' });
    else if (e.key === 'F6') switchTo({ kind: 'card' });
    else if (e.key === 'F7') switchTo({ kind: 'voucher' });
    else if (e.key === 'Enter' && !(e.target instanceof HTMLInputElement) && !(e.target instanceof HTMLButtonElement) && paid()) void complete();
    else return;
    e.preventDefault();
  }
  onMount(() => {
    window.addEventListener('keydown', onKey);
    if (mode().kind === 'cash') cashInput.focus();
  });
  onCleanup(() => window.removeEventListener('keydown', onKey));

  return (
    <div class="overlay" role="presentation">
      <div class="panel tender-panel split" role="dialog" aria-modal="true" aria-labelledby="tender-title" data-testid="tender-panel">
        <h2 id="tender-title">{props.due < 0 ? t().counter.pay.refundTitle : t().counter.pay.title}</h2>
        <div class="due-row">
          <span>{props.due < 0 ? t().counter.pay.toRefund : t().tender.due}</span>
          <strong class="amount-xl" data-testid="amount-due">
            {fmtMoney(money(Math.abs(props.due)), props.currency)}
          </strong>
        </div>

        <div class="tender-modes" role="tablist">
          <button type="button" class="btn" classList={{ primary: mode().kind === 'cash' }} data-testid="pay-cash-tab" onClick={() => switchTo({ kind: 'cash' })}>
            {t().counter.pay.cash} <kbd>F4</kbd>
          </button>
          <button type="button" class="btn" classList={{ primary: mode().kind === 'card' }} data-testid="pay-card" onClick={() => switchTo({ kind: 'card' })}>
            {t().counter.pay.card} <kbd>F6</kbd>
          </button>
          <button type="button" class="btn" classList={{ primary: mode().kind === 'voucher' }} data-testid="pay-voucher" onClick={() => switchTo({ kind: 'voucher' })}>
            {t().counter.pay.voucher} <kbd>F7</kbd>
          </button>
          <For each={props.otherTenders ?? []}>
            {(option) => {
              const current = (): boolean => { const m = mode(); return m.kind === 'other' && m.option.id === option.id; };
              return (
                <button type="button" class="btn" classList={{ primary: current() }} data-testid="pay-other" data-tender-id={option.id} onClick={() => switchTo({ kind: 'other', option })}>
                  {option.label}
                </button>
              );
            }}
          </For>
        </div>

        <Show
          when={mode().kind === 'cash'}
          fallback={
            <Show when={mode()} keyed>
              {(m) => (
                <NonCashForm mode={m} remaining={leftBeforeCash()} sign={sign()} currency={props.currency} onAdd={(tender) => { setTaken([...taken(), tender]); switchTo({ kind: 'cash' }); }} />
              )}
            </Show>
          }
        >
          <form class="tender-form" onSubmit={(e) => { e.preventDefault(); void complete(); }}>
            <label class="field">
              <span>{props.due < 0 ? t().counter.pay.toRefund : t().tender.received}</span>
              <input ref={cashInput} data-testid="cash-received" class="input-xl" inputmode="decimal" autocomplete="off" spellcheck={false} value={text()} aria-invalid={cashError() !== null}
                onInput={(e) => { setText(e.currentTarget.value); setFailure(null); }} />
            </label>
            <p class="inline-error" data-testid="cash-error" role="alert">{cashError() ?? ''}</p>
            <div class="quick-cash" role="group" aria-label={t().tender.quick}>
              <For each={quick()}>
                {(amount, i) => (
                  <button type="button" class="btn quick" data-testid="quick-cash" onClick={() => { setText(moneyInputText(amount, props.currency)); cashInput.focus(); }}>
                    <span>{fmtMoney(amount, props.currency)}</span>
                    <Show when={i() === 0}><small>{t().tender.exact}</small></Show>
                  </button>
                )}
              </For>
            </div>
          </form>
        </Show>

        <Show when={taken().length > 0}>
          <h3 class="small muted">{t().counter.pay.taken}</h3>
          <ul class="tender-list" role="list">
            <For each={taken()}>
              {(tender, i) => (
                <li class="tender-row" data-testid="tender-row" data-kind={tender.kind}>
                  <span>{label(tender)}</span>
                  <strong>{fmtMoney(money(Math.abs(tender.amount)), props.currency)}</strong>
                  <button type="button" class="btn icon danger" data-testid="tender-remove" aria-label={t().counter.pay.remove} title={t().counter.pay.remove}
                    onClick={() => setTaken(taken().filter((_, k) => k !== i()))}>✕</button>
                </li>
              )}
            </For>
          </ul>
        </Show>

        <div class="change-row" classList={{ short: left() > 0 }}>
          <span>{t().tender.remaining}</span>
          <strong class="amount-xl" data-testid="remaining-due">{fmtMoney(left(), props.currency)}</strong>
          <span>{t().tender.change}</span>
          <strong class="amount-xl" data-testid="change-due">{fmtMoney(changeDue(props.due, all()), props.currency)}</strong>
        </div>

        <Show when={failure()}>
          {(msg) => <p class="banner error" role="alert" data-testid="sale-error">{msg()}</p>}
        </Show>
        <p class="muted small">{t().counter.pay.keys}</p>
        <div class="panel-actions">
          <button type="button" class="btn secondary" onClick={() => props.onCancel()} disabled={busy()}>
            {t().tender.cancel} <kbd>{t().keys.esc}</kbd>
          </button>
          <button type="button" class="btn primary big" data-testid="complete-sale" disabled={!paid() || busy()} onClick={() => void complete()}>
            {busy() ? t().tender.completing : t().tender.complete} <kbd>{t().keys.enter}</kbd>
          </button>
        </div>
      </div>
    </div>
  );
}
