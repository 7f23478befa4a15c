import { createSignal, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import type { InvoiceRequestProblem } from '../../domain/invoice.ts';
import type { InvoiceRequestDoc } from '../../domain/register-documents.ts';
import { getCustomer } from '../../store/customer-queries.ts';
import { requestInvoice } from '../customer-actions.ts';
import { t } from '../i18n/index.ts';
import { errorMessage } from '../reactive.ts';

/**
 * The buyer's details for an invoice of a sale or web order, prefilled from the attached customer.
 * Submitting writes the request (offline-safe); the server numbers the invoice.
 */
export function InvoiceRequestForm(props: {
  source: string;
  customerId?: string;
  onRequested: (request: InvoiceRequestDoc) => void;
  onCancel: () => void;
}): JSX.Element {
  const [name, setName] = createSignal('');
  const [address, setAddress] = createSignal('');
  const [email, setEmail] = createSignal('');
  const [vatNumber, setVatNumber] = createSignal('');
  const [problems, setProblems] = createSignal<InvoiceRequestProblem[]>([]);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);

  if (props.customerId) {
    void getCustomer(props.customerId).then((c) => {
      if (!c) return;
      if (name() === '') setName(c.name);
      if (address() === '') setAddress((c.address ?? []).join('\n'));
      if (email() === '') setEmail(c.email ?? '');
      if (vatNumber() === '') setVatNumber(c.vatNumber ?? '');
    });
  }

  async function submit(): Promise<void> {
    if (busy()) return;
    setBusy(true);
    setError(null);
    try {
      const r = await requestInvoice({ source: props.source, customer: { name: name(), address: address(), email: email(), vatNumber: vatNumber() } });
      if (r.ok) props.onRequested(r.value);
      else if (r.error.kind === 'invalid') setProblems(r.error.problems);
      else if (r.error.kind === 'not_paired') setError(t().invoice.notPaired);
      else setError(t().invoice.notSaved(r.error.message));
    } catch (e) {
      setError(t().invoice.notSaved(errorMessage(e)));
    } finally {
      setBusy(false);
    }
  }

  const problem = (p: InvoiceRequestProblem): JSX.Element => (
    <Show when={problems().includes(p)}>
      <span class="field-error" role="alert">
        {t().invoice.problems[p]}
      </span>
    </Show>
  );

  return (
    <form
      class="invoice-request-form"
      data-testid="invoice-request-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          props.onCancel();
        }
      }}
    >
      <p class="muted small">{t().invoice.requestIntro}</p>
      <label class="field">
        <span>{t().invoice.customerName}</span>
        <input data-testid="invoice-customer-name" value={name()} ref={(el) => queueMicrotask(() => el.focus())} onInput={(e) => setName(e.currentTarget.value)} />
        {problem('name_required')}
      </label>
      <label class="field">
        <span>{t().invoice.customerAddress}</span>
        <textarea rows={3} data-testid="invoice-customer-address" placeholder={t().customers.addressHint} value={address()} onInput={(e) => setAddress(e.currentTarget.value)} />
        {problem('address_required')}
      </label>
      <label class="field">
        <span>{t().invoice.customerEmail}</span>
        <input type="email" data-testid="invoice-customer-email" value={email()} onInput={(e) => setEmail(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>{t().invoice.vatNumber}</span>
        <input data-testid="invoice-customer-vat" value={vatNumber()} onInput={(e) => setVatNumber(e.currentTarget.value)} />
      </label>
      {problem('source_required')}
      <Show when={error()}>
        <p class="notice error" role="alert">
          {error()}
        </p>
      </Show>
      <div class="panel-actions">
        <button type="button" class="btn secondary" onClick={() => props.onCancel()}>
          {t().customers.cancel} <kbd>{t().keys.esc}</kbd>
        </button>
        <button type="submit" class="btn primary" data-testid="invoice-request" disabled={busy()}>
          {busy() ? t().invoice.requesting : t().invoice.request} <kbd>{t().keys.enter}</kbd>
        </button>
      </div>
    </form>
  );
}
