/** Pay-in / pay-out: cash put into or taken out of the drawer outside a sale, always with a reason. */
import { createSignal, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { payInOut } from '../actions.ts';
import { fmtMoney, readMoney, t } from '../i18n/index.ts';
import { errorMessage } from '../reactive.ts';
import { describeShiftRefusal } from '../shift-refusals.ts';

export function PayInOut(): JSX.Element {
  const [kind, setKind] = createSignal<'pay_in' | 'pay_out'>('pay_out');
  const [amount, setAmount] = createSignal('');
  const [reason, setReason] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [message, setMessage] = createSignal<{ ok: boolean; text: string } | null>(null);

  async function submit(): Promise<void> {
    if (busy()) return;
    const parsed = readMoney(amount());
    if (!parsed.ok || parsed.value <= 0) {
      setMessage({ ok: false, text: parsed.ok ? t().shift.refusals.invalid_amount : t().tender.invalid[parsed.error.code] });
      return;
    }
    setBusy(true);
    try {
      const r = await payInOut(kind(), parsed.value, reason());
      if (!r.ok) {
        setMessage({ ok: false, text: describeShiftRefusal(r.error) });
        return;
      }
      setMessage({ ok: true, text: t().shift.recorded(kind() === 'pay_in' ? t().shift.payIn : t().shift.payOut, fmtMoney(r.value.amount)) });
      setAmount('');
      setReason('');
    } catch (e) {
      setMessage({ ok: false, text: t().errors.unexpected(errorMessage(e)) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      class="card pay-in-out"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2>{t().shift.payInOut}</h2>
      <div class="segmented" role="radiogroup" aria-label={t().shift.payInOut}>
        <button type="button" role="radio" class="btn" aria-checked={kind() === 'pay_in'} classList={{ primary: kind() === 'pay_in', secondary: kind() !== 'pay_in' }} data-testid="payinout-kind-in" onClick={() => setKind('pay_in')}>
          {t().shift.payIn}
        </button>
        <button type="button" role="radio" class="btn" aria-checked={kind() === 'pay_out'} classList={{ primary: kind() === 'pay_out', secondary: kind() !== 'pay_out' }} data-testid="payinout-kind-out" onClick={() => setKind('pay_out')}>
          {t().shift.payOut}
        </button>
      </div>
      <div class="form-row">
        <label class="field">
          <span>{t().shift.amount}</span>
          <input data-testid="payinout-amount" inputmode="decimal" autocomplete="off" value={amount()} onInput={(e) => { setAmount(e.currentTarget.value); setMessage(null); }} />
        </label>
        <label class="field grow">
          <span>{t().shift.reason}</span>
          <input data-testid="payinout-reason" autocomplete="off" placeholder={t().shift.reasonPlaceholder} value={reason()} onInput={(e) => { setReason(e.currentTarget.value); setMessage(null); }} />
        </label>
        <button type="submit" class="btn primary" data-testid="payinout-confirm" disabled={busy() || amount().trim() === '' || reason().trim() === ''}>
          {t().shift.record} <kbd>{t().keys.enter}</kbd>
        </button>
      </div>
      <Show when={message()}>
        {(msg) => (
          <p class="banner" classList={{ error: !msg().ok, ok: msg().ok }} role={msg().ok ? 'status' : 'alert'} data-testid="payinout-result">
            {msg().text}
          </p>
        )}
      </Show>
    </form>
  );
}
