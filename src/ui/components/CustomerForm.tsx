import { createSignal, For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { formatPhone, type CustomerDraft, type CustomerProblem } from '../../domain/customer.ts';
import type { CustomerDoc } from '../../domain/documents.ts';
import { saveCustomer } from '../customer-actions.ts';
import { t } from '../i18n/index.ts';
import { errorMessage } from '../reactive.ts';

export interface CustomerFormProps {
  /** An existing profile to edit; none: a new one (optionally prefilled with `name`). */
  customer?: CustomerDoc;
  name?: string;
  onSaved: (customer: CustomerDoc) => void;
  /** "Use it" on the "same email exists" notice. */
  onUseExisting: (customer: CustomerDoc) => void;
  onCancel: () => void;
}

/**
 * Create or edit a profile. Saving a new one whose email is already known shows that profile and
 * asks: use it, or create anyway (which leaves a merge proposal).
 */
export function CustomerForm(props: CustomerFormProps): JSX.Element {
  const c = props.customer;
  const [name, setName] = createSignal(c?.name ?? props.name ?? '');
  const [email, setEmail] = createSignal(c?.email ?? '');
  const [phone, setPhone] = createSignal(formatPhone(c?.phone));
  const [address, setAddress] = createSignal((c?.address ?? []).join('\n'));
  const [vatNumber, setVatNumber] = createSignal(c?.vatNumber ?? '');
  const [note, setNote] = createSignal(c?.note ?? '');
  const [problems, setProblems] = createSignal<CustomerProblem[]>([]);
  const [existing, setExisting] = createSignal<CustomerDoc[] | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [saving, setSaving] = createSignal(false);

  const draft = (): CustomerDraft => ({
    ...(c ? { _id: c._id } : {}),
    name: name(),
    email: email(),
    phone: phone(),
    address: address().split('\n'),
    vatNumber: vatNumber(),
    note: note(),
  });

  async function save(allowDuplicate: boolean): Promise<void> {
    if (saving()) return;
    setSaving(true);
    setError(null);
    try {
      const r = await saveCustomer(draft(), { allowDuplicate, ...(c ? { base: c } : {}) });
      if (r.ok) {
        setProblems([]);
        setExisting(null);
        props.onSaved(r.value);
        return;
      }
      const e = r.error;
      if (e.kind === 'invalid') setProblems(e.problems);
      else if (e.kind === 'email_exists') {
        setProblems([]);
        setExisting(e.existing);
      } else if (e.kind === 'not_found') setError(t().customers.notFound);
      else setError(t().customers.notSaved(e.message));
    } catch (e) {
      setError(t().customers.notSaved(errorMessage(e)));
    } finally {
      setSaving(false);
    }
  }

  const has = (p: CustomerProblem): boolean => problems().includes(p);
  const field = (label: string, testid: string, value: () => string, set: (v: string) => void, opts: { type?: string; problem?: CustomerProblem; autofocus?: boolean; inputmode?: 'tel' | 'email' } = {}): JSX.Element => (
    <label class="field">
      <span>{label}</span>
      <input
        type={opts.type ?? 'text'}
        data-testid={testid}
        value={value()}
        inputmode={opts.inputmode}
        aria-invalid={opts.problem ? has(opts.problem) : undefined}
        ref={(el) => opts.autofocus && queueMicrotask(() => el.focus())}
        onInput={(e) => {
          set(e.currentTarget.value);
          if (testid === 'customer-email') setExisting(null);
        }}
      />
      <Show when={opts.problem && has(opts.problem)}>
        <span class="field-error" role="alert">
          {t().customers.problems[opts.problem!]}
        </span>
      </Show>
    </label>
  );

  return (
    <form
      class="customer-form"
      data-testid="customer-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save(false);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          props.onCancel();
        }
      }}
    >
      {field(t().customers.name, 'customer-name', name, setName, { problem: 'name_required', autofocus: true })}
      {field(t().customers.email, 'customer-email', email, setEmail, { type: 'email', problem: 'email_invalid', inputmode: 'email' })}
      {field(t().customers.phone, 'customer-phone', phone, setPhone, { type: 'tel', problem: 'phone_invalid', inputmode: 'tel' })}
      <label class="field">
        <span>{t().customers.address}</span>
        <textarea rows={3} data-testid="customer-address" placeholder={t().customers.addressHint} value={address()} onInput={(e) => setAddress(e.currentTarget.value)} />
      </label>
      {field(t().customers.vatNumber, 'customer-vat', vatNumber, setVatNumber)}
      <label class="field">
        <span>{t().customers.note}</span>
        <textarea rows={2} data-testid="customer-note" value={note()} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>

      <Show when={existing()}>
        {(list) => (
          <div class="notice warn" data-testid="customer-existing" role="alert">
            <p>{t().customers.existing(list()[0]?.email ?? email())}</p>
            <ul class="list">
              <For each={list()}>
                {(other) => (
                  <li class="existing-customer">
                    <span class="strong">{other.name}</span>
                    <span class="muted">{[other.email, formatPhone(other.phone)].filter(Boolean).join(' · ')}</span>
                    <button type="button" class="btn primary" data-testid="customer-use-existing" onClick={() => props.onUseExisting(other)}>
                      {t().customers.useExisting}
                    </button>
                  </li>
                )}
              </For>
            </ul>
            <button type="button" class="btn secondary" data-testid="customer-create-anyway" disabled={saving()} onClick={() => void save(true)}>
              {t().customers.createAnyway}
            </button>
            <span class="muted small">{t().customers.createAnywayHint}</span>
          </div>
        )}
      </Show>
      <Show when={error()}>
        <p class="notice error" role="alert" data-testid="customer-error">
          {error()}
        </p>
      </Show>

      <div class="panel-actions">
        <button type="button" class="btn secondary" data-testid="customer-cancel" onClick={() => props.onCancel()}>
          {t().customers.cancel} <kbd>{t().keys.esc}</kbd>
        </button>
        <button type="submit" class="btn primary" data-testid="customer-save" disabled={saving()}>
          {saving() ? t().customers.saving : t().customers.save} <kbd>{t().keys.enter}</kbd>
        </button>
      </div>
    </form>
  );
}
