import { createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { formatPhone } from '../../domain/customer.ts';
import { watchCustomers } from '../../store/customer-queries.ts';
import { t } from '../i18n/index.ts';
import { live } from '../reactive.ts';
import { isTyping, useShortcuts } from '../shortcuts.ts';
import { CustomerForm } from './CustomerForm.tsx';
import { CustomerName } from './CustomerName.tsx';
import '../styles/customers-history.css';

type Row = { _id: string; name: string; email?: string; phone?: string };

/**
 * Attach a customer to the sale: search by name, email or phone, or create one inline. Shows the
 * attached customer's name with a button to detach it. F8 opens it.
 */
export function CustomerPicker(props: { customerId: string | undefined; onPick: (customerId: string | null) => void }): JSX.Element {
  const [open, setOpen] = createSignal(false);
  const [text, setText] = createSignal('');
  const [creating, setCreating] = createSignal(false);
  const results = live<Row[]>(() => watchCustomers(text(), 20), []);

  function pick(id: string | null): void {
    props.onPick(id);
    setOpen(false);
    setCreating(false);
    setText('');
  }

  useShortcuts([{ keys: 'F8', label: () => t().help.keys.attachCustomer }]);
  const onKey = (e: KeyboardEvent): void => {
    if (e.key === 'F8' && !open()) {
      e.preventDefault();
      setOpen(true);
    } else if (e.key === 'Escape' && open() && !isTyping(e)) {
      setOpen(false);
    }
  };
  onMount(() => window.addEventListener('keydown', onKey));
  onCleanup(() => window.removeEventListener('keydown', onKey));

  return (
    <div class="customer-picker">
      <Show when={props.customerId}>
        {(id) => (
          <span class="chip customer-chip" data-testid="customer-attached">
            <span aria-hidden="true">👤</span> <CustomerName id={id()} />
            <button type="button" class="chip-remove" data-testid="customer-detach" aria-label={t().customers.detach} title={t().customers.detach} onClick={() => pick(null)}>
              ×
            </button>
          </span>
        )}
      </Show>
      <button type="button" class="btn secondary" data-testid="customer-attach" title={t().customers.attachTitle} onClick={() => setOpen(true)}>
        {t().customers.attach} <kbd>F8</kbd>
      </button>

      <Show when={open()}>
        <div class="overlay" onClick={(e) => e.target === e.currentTarget && setOpen(false)}>
          <div class="panel customer-picker-panel" role="dialog" aria-modal="true" aria-label={t().customers.attachTitle}>
            <h2>{t().customers.attachTitle}</h2>
            <Show
              when={!creating()}
              fallback={
                <CustomerForm name={/@|\d/.test(text()) ? '' : text()} onSaved={(c) => pick(c._id)} onUseExisting={(c) => pick(c._id)} onCancel={() => setCreating(false)} />
              }
            >
              <div class="search-row">
                <input
                  type="search"
                  class="search-input"
                  data-testid="customer-search"
                  aria-label={t().customers.search}
                  placeholder={t().customers.searchPlaceholder}
                  value={text()}
                  ref={(el) => queueMicrotask(() => el.focus())}
                  onInput={(e) => setText(e.currentTarget.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      const first = results.value()[0];
                      if (first && text().trim() !== '') pick(first._id);
                    }
                  }}
                />
                <button type="button" class="btn secondary" data-testid="customer-new" onClick={() => setCreating(true)}>
                  + {t().customers.new}
                </button>
              </div>
              <ul class="list" role="list">
                <For each={results.value()}>
                  {(c) => (
                    <li>
                      <button type="button" class="list-row" data-testid="customer-row" onClick={() => pick(c._id)}>
                        <span class="strong">{c.name}</span>
                        <span class="muted">{c.email ?? ''}</span>
                        <span class="muted">{formatPhone(c.phone)}</span>
                      </button>
                    </li>
                  )}
                </For>
              </ul>
              <Show when={results.ready() && results.value().length === 0 && text().trim() !== ''}>
                <p class="muted">{t().customers.noResults(text())}</p>
              </Show>
              <div class="panel-actions">
                <button type="button" class="btn secondary" onClick={() => setOpen(false)}>
                  {t().customers.cancel} <kbd>{t().keys.esc}</kbd>
                </button>
              </div>
            </Show>
          </div>
        </div>
      </Show>
    </div>
  );
}
