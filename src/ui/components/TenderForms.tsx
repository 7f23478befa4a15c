import { createSignal, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import type { Tender } from '../../domain/documents.ts';
import { money } from '../../domain/money.ts';
import type { CurrencyCode, Money } from '../../domain/money.ts';
import { cardTender, otherTender, voucherTender, type OtherTenderOption } from '../../domain/tenders.ts';
import { moneyInputText, readMoney, t } from '../i18n/index.ts';

export type TenderMode = { kind: 'cash' } | { kind: 'card' } | { kind: 'voucher' } | { kind: 'other'; option: OtherTenderOption };

interface FormProps {
  mode: TenderMode;
  /** What is left to pay (absolute value): the default amount, and the ceiling for non-cash. */
  remaining: Money;
  /** -1 on a refund: tenders are stored negative. */
  sign: 1 | -1;
  currency: CurrencyCode;
  onAdd: (tender: Tender) => void;
}

/** The card / voucher / store-configured tender form: amount defaulting to what remains, plus its details. */
export function NonCashForm(props: FormProps): JSX.Element {
  const [amount, setAmount] = createSignal(moneyInputText(props.remaining, props.currency));
  const [approval, setApproval] = createSignal('');
  const [last4, setLast4] = createSignal('');
  const [reference, setReference] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const prefix = (): string => (props.mode.kind === 'other' ? 'other' : props.mode.kind);

  function add(): void {
    const parsed = readMoney(amount(), props.currency);
    if (!parsed.ok || parsed.value <= 0) return void setError(t().counter.pay.errAmount);
    if (parsed.value > props.remaining) return void setError(t().counter.pay.errTooMuch);
    const value = parsed.value;
    let tender: Tender;
    const mode = props.mode;
    if (mode.kind === 'card') {
      const r = cardTender(value, approval(), last4());
      if (!r.ok) return void setError(r.error === 'approval' ? t().counter.pay.errApproval : r.error === 'last4' ? t().counter.pay.errLast4 : t().counter.pay.errAmount);
      tender = r.value;
    } else if (mode.kind === 'voucher') {
      const r = voucherTender(value, reference());
      if (!r.ok) return void setError(r.error === 'reference' ? t().counter.pay.errReference : t().counter.pay.errAmount);
      tender = r.value;
    } else if (mode.kind === 'other') {
      tender = otherTender(value, mode.option);
    } else return;
    setError(null);
    props.onAdd({ ...tender, amount: money(tender.amount * props.sign) });
  }

  return (
    <form
      class="tender-form"
      data-testid={`${prefix()}-form`}
      onSubmit={(e) => {
        e.preventDefault();
        add();
      }}
    >
      <label class="field">
        <span>{t().counter.pay.amount}</span>
        <input
          class="input-xl"
          data-testid={`${prefix()}-amount`}
          inputmode="decimal"
          autocomplete="off"
          value={amount()}
          ref={(el) => queueMicrotask(() => el.select())}
          onInput={(e) => setAmount(e.currentTarget.value)}
        />
      </label>
      <Show when={props.mode.kind === 'card'}>
        <div class="field-row">
          <label class="field">
            <span>{t().counter.pay.approval}</span>
            <input data-testid="card-approval" autocomplete="off" autocapitalize="characters" maxlength={12} value={approval()} onInput={(e) => setApproval(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>{t().counter.pay.last4}</span>
            <input data-testid="card-last4" inputmode="numeric" autocomplete="off" maxlength={4} value={last4()} onInput={(e) => setLast4(e.currentTarget.value)} />
          </label>
        </div>
      </Show>
      <Show when={props.mode.kind === 'voucher'}>
        <label class="field">
          <span>{t().counter.pay.reference}</span>
          <input data-testid="voucher-reference" autocomplete="off" value={reference()} onInput={(e) => setReference(e.currentTarget.value)} />
        </label>
      </Show>
      <p class="inline-error" role="alert" data-testid="tender-form-error">
        {error() ?? ''}
      </p>
      <button type="submit" class="btn primary" data-testid={`${prefix()}-add`}>
        {t().counter.pay.add} <kbd>{t().keys.enter}</kbd>
      </button>
    </form>
  );
}
