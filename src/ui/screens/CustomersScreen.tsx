import { useNavigate } from '@solidjs/router';
import { createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { formatPhone, type MergeProposal } from '../../domain/customer.ts';
import type { CustomerDoc } from '../../domain/documents.ts';
import { watchCustomerSales, watchCustomers, watchMergeProposals } from '../../store/customer-queries.ts';
import { CustomerForm } from '../components/CustomerForm.tsx';
import { mergeCustomers } from '../customer-actions.ts';
import { fmtDate, fmtDateTime, fmtMoney, t } from '../i18n/index.ts';
import { errorMessage, live } from '../reactive.ts';
import { isTyping, useShortcuts } from '../shortcuts.ts';
import type { SaleRow } from '../types.ts';
import '../styles/customers-history.css';

type Editing = { kind: 'new'; name: string } | { kind: 'edit'; customer: CustomerDoc } | null;

function CustomerSales(props: { id: string }): JSX.Element {
  const navigate = useNavigate();
  const sales = live<SaleRow[]>(() => watchCustomerSales(props.id, 50), []);
  return (
    <section class="customer-sales">
      <h3 class="section-title">{t().customers.sales}</h3>
      <Show when={sales.value().length > 0} fallback={<p class="muted">{t().customers.noSales}</p>}>
        <ul class="list" role="list">
          <For each={sales.value()}>
            {(s) => (
              <li>
                <button type="button" class="list-row" data-testid="customer-sale" onClick={() => navigate(`/sales?sale=${encodeURIComponent(s._id)}`)}>
                  <span class="mono">{s.receiptLabel}</span>
                  <span class="muted">{fmtDateTime(s.createdAt)}</span>
                  <span class="num strong">{fmtMoney(s.totals.gross, s.currency)}</span>
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}

function Proposal(props: { proposal: MergeProposal; onMerged: () => void; onError: (m: string) => void }): JSX.Element {
  const [busy, setBusy] = createSignal(false);
  // The most recently updated profile survives; the others are merged into it, one by one.
  const keep = (): CustomerDoc => props.proposal.customers[props.proposal.customers.length - 1]!;
  async function merge(): Promise<void> {
    setBusy(true);
    try {
      for (const other of props.proposal.customers) {
        if (other._id === keep()._id) continue;
        const r = await mergeCustomers(keep()._id, other._id);
        if (!r.ok) {
          props.onError(r.error.kind === 'not_saved' ? t().customers.notSaved(r.error.message) : t().customers.notFound);
          return;
        }
      }
      props.onMerged();
    } catch (e) {
      props.onError(t().customers.notSaved(errorMessage(e)));
    } finally {
      setBusy(false);
    }
  }
  return (
    <li class="card merge-proposal" data-testid="merge-proposal">
      <p>{t().customers.proposalIntro(props.proposal.email)}</p>
      <ul class="list" role="list">
        <For each={props.proposal.customers}>
          {(c) => (
            <li class="list-row static">
              <span class="strong">{c.name}</span>
              <span class="muted">{formatPhone(c.phone)}</span>
              <span class="muted">{t().customers.updated(fmtDate(c.updatedAt))}</span>
              <Show when={c._id === keep()._id}>
                <span class="badge">{t().customers.keep}</span>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <button type="button" class="btn primary" data-testid="merge-confirm" disabled={busy()} onClick={() => void merge()}>
        {busy() ? t().customers.merging : t().customers.merge}
      </button>
    </li>
  );
}

export default function CustomersScreen(): JSX.Element {
  let search!: HTMLInputElement;
  const [text, setText] = createSignal('');
  const [editing, setEditing] = createSignal<Editing>(null);
  const [message, setMessage] = createSignal<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const customers = live<CustomerDoc[]>(() => watchCustomers(text(), 100), []);
  const proposals = live<MergeProposal[]>(() => watchMergeProposals(), []);

  useShortcuts([
    { keys: 'F2', label: () => t().help.keys.search },
    { keys: 'F3', label: () => t().help.keys.newCustomer },
    { keys: t().keys.enter, label: () => t().help.keys.save },
  ]);
  const onKey = (e: KeyboardEvent): void => {
    if (e.key === 'F2' || (e.key === '/' && !isTyping(e))) {
      e.preventDefault();
      search.focus();
      search.select();
    } else if (e.key === 'F3') {
      e.preventDefault();
      setEditing({ kind: 'new', name: '' });
    }
  };
  onMount(() => window.addEventListener('keydown', onKey));
  onCleanup(() => window.removeEventListener('keydown', onKey));

  const saved = (c: CustomerDoc): void => {
    setEditing(null);
    setMessage({ kind: 'ok', text: t().customers.saved(c.name) });
  };

  return (
    <main class="page customers-page">
      <div class="page-head">
        <h1>{t().customers.title}</h1>
        <button type="button" class="btn primary" data-testid="customer-new" onClick={() => setEditing({ kind: 'new', name: /@|\d/.test(text()) ? '' : text() })}>
          + {t().customers.new} <kbd>F3</kbd>
        </button>
      </div>
      <div class="search-row">
        <input
          ref={search}
          type="search"
          class="search-input"
          data-testid="customer-search"
          aria-label={t().customers.search}
          placeholder={t().customers.searchPlaceholder}
          value={text()}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <kbd class="hint">F2</kbd>
      </div>
      <Show when={message()}>
        {(m) => (
          <p class={`notice ${m().kind === 'ok' ? 'ok' : 'error'}`} role="status" data-testid="customer-message">
            {m().text}
          </p>
        )}
      </Show>

      <Show when={proposals.value().length > 0}>
        <section class="merge-proposals">
          <h2 class="section-title">{t().customers.proposals}</h2>
          <ul class="list" role="list">
            <For each={proposals.value()}>
              {(p) => (
                <Proposal
                  proposal={p}
                  onMerged={() => setMessage({ kind: 'ok', text: t().customers.merged })}
                  onError={(m) => setMessage({ kind: 'error', text: m })}
                />
              )}
            </For>
          </ul>
        </section>
      </Show>

      <ul class="list" role="list">
        <For each={customers.value()}>
          {(c) => (
            <li>
              <button type="button" class="list-row" data-testid="customer-row" onClick={() => setEditing({ kind: 'edit', customer: c })}>
                <span class="strong">{c.name}</span>
                <span class="muted">{c.email ?? ''}</span>
                <span class="muted">{formatPhone(c.phone)}</span>
              </button>
            </li>
          )}
        </For>
      </ul>
      <Show when={customers.ready() && customers.value().length === 0}>
        <p class="empty muted">{text().trim() === '' ? t().customers.empty : t().customers.noResults(text())}</p>
      </Show>

      <Show when={editing()} keyed>
        {(ed) => (
          <div class="overlay" onClick={(e) => e.target === e.currentTarget && setEditing(null)}>
            <div class="panel customer-panel" role="dialog" aria-modal="true" aria-label={ed.kind === 'new' ? t().customers.new : t().customers.edit}>
              <h2>{ed.kind === 'new' ? t().customers.new : t().customers.edit}</h2>
              <CustomerForm
                customer={ed.kind === 'edit' ? ed.customer : undefined}
                name={ed.kind === 'new' ? ed.name : undefined}
                onSaved={saved}
                onUseExisting={(c) => setEditing({ kind: 'edit', customer: c })}
                onCancel={() => setEditing(null)}
              />
              <Show when={ed.kind === 'edit' ? ed.customer._id : null}>{(id) => <CustomerSales id={id()} />}</Show>
            </div>
          </div>
        )}
      </Show>
    </main>
  );
}
