import { useSearchParams } from '@solidjs/router';
import { createEffect, createSignal, For, on, onCleanup, onMount, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import type { SalesFilter, SalesPage } from '../../store/sales-queries.ts';
import { getSaleById, watchSales } from '../../store/sales-queries.ts';
import { EMPTY_FILTERS, HistoryFilters, toSalesFilter, type HistoryFilterState } from '../components/HistoryFilters.tsx';
import { SaleDetail } from '../components/SaleDetail.tsx';
import { fmtDate, fmtMoney, fmtTime, t } from '../i18n/index.ts';
import { live } from '../reactive.ts';
import { useShortcuts } from '../shortcuts.ts';
import type { SaleRow } from '../types.ts';
import '../styles/customers-history.css';

const PAGE = 50;
const EMPTY_PAGE: SalesPage = { rows: [], hasMore: false, customers: {} };

function isToday(iso: string): boolean {
  const d = new Date(iso);
  const now = new Date();
  return d.getFullYear() === now.getFullYear() && d.getMonth() === now.getMonth() && d.getDate() === now.getDate();
}

/**
 * Sales history: search by receipt label or number, customer, date range, amount; filter by tender.
 * Newest first, one page at a time (more load as the list scrolls), so 10,000 sales stay instant.
 * `?sale=<id>` opens a sale directly (from a customer's purchases).
 */
export default function SalesScreen(): JSX.Element {
  let searchEl: HTMLInputElement | undefined;
  let sentinel: HTMLLIElement | undefined;
  const [params, setParams] = useSearchParams<{ sale?: string }>();
  const [fields, setFields] = createSignal<HistoryFilterState>(EMPTY_FILTERS);
  const [filter, setFilter] = createSignal<SalesFilter>({});
  const [limit, setLimit] = createSignal(PAGE);
  const [open, setOpen] = createSignal<SaleRow | null>(null);
  const page = live<SalesPage>(() => watchSales(filter(), limit()), EMPTY_PAGE);

  // Typing refines the query after a short pause; a new query starts again from the first page.
  let timer: ReturnType<typeof setTimeout> | undefined;
  createEffect(
    on(fields, (f) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const next = toSalesFilter(f);
        if (next === null) return;
        setLimit(PAGE);
        setFilter(next);
      }, 150);
    }),
  );
  onCleanup(() => clearTimeout(timer));

  createEffect(() => {
    const id = params.sale;
    if (!id) return;
    void getSaleById(id).then((s) => s && setOpen(s));
  });

  const close = (): void => {
    setOpen(null);
    if (params.sale) setParams({ sale: undefined });
  };

  onMount(() => {
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && page.value().hasMore) setLimit((n) => n + PAGE);
    });
    const watchSentinel = (): void => {
      io.disconnect();
      if (sentinel) io.observe(sentinel);
    };
    createEffect(on(() => page.value(), watchSentinel));
    onCleanup(() => io.disconnect());
  });

  useShortcuts([
    { keys: 'F2', label: () => t().help.keys.historySearch },
    { keys: 'P · R · F', label: () => `${t().help.keys.reprint} · ${t().help.keys.repeat} · ${t().help.keys.invoice}` },
  ]);
  const onKey = (e: KeyboardEvent): void => {
    if (e.key === 'F2') {
      e.preventDefault();
      searchEl?.focus();
      searchEl?.select();
    }
  };
  onMount(() => window.addEventListener('keydown', onKey));
  onCleanup(() => window.removeEventListener('keydown', onKey));

  const tenderText = (s: SaleRow): string => [...new Set(s.tenders.map((x) => x.label ?? t().receipt.tender[x.kind]))].join(' + ');

  return (
    <main class="page sales-page">
      <h1>{t().sales.title}</h1>
      <HistoryFilters value={fields()} onChange={setFields} searchRef={(el) => (searchEl = el)} />
      <p class="muted small" aria-live="polite" data-testid="history-count">
        {t().history.results(page.value().rows.length, page.value().hasMore)}
      </p>
      <Show when={page.ready() && page.value().rows.length === 0}>
        <p class="empty muted">{Object.keys(filter()).length === 0 ? t().sales.empty : t().history.noMatch}</p>
      </Show>
      <ul class="list" role="list">
        <For each={page.value().rows}>
          {(s) => (
            <li>
              <button type="button" class="list-row sale-row" data-testid="sale-row" data-sale-id={s._id} onClick={() => setOpen(s)}>
                <span class="mono strong">{s.receiptLabel}</span>
                <span class="muted">
                  {isToday(s.createdAt) ? '' : `${fmtDate(s.createdAt)} `}
                  {fmtTime(s.createdAt)}
                </span>
                <span class="muted sale-customer-name">{s.customerId ? (page.value().customers[s.customerId] ?? '') : ''}</span>
                <span class="muted">
                  {s.kind === 'refund' ? `${t().history.refund} · ` : ''}
                  {tenderText(s)}
                </span>
                <span class="num strong">{fmtMoney(s.totals.gross, s.currency)}</span>
              </button>
            </li>
          )}
        </For>
        <li ref={sentinel} class="list-sentinel" aria-hidden="true" />
      </ul>
      <Show when={page.value().hasMore}>
        <button type="button" class="btn secondary" data-testid="history-more" onClick={() => setLimit((n) => n + PAGE)}>
          {t().history.more}
        </button>
      </Show>

      <Show when={open()} keyed>
        {(sale) => <SaleDetail sale={sale} onClose={close} />}
      </Show>
    </main>
  );
}
