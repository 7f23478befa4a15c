import { A, useNavigate } from '@solidjs/router';
import { createEffect, createMemo, createSignal, on, onCleanup, onMount, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { filterChoices, filterOrders } from '../../store/orders-filter.ts';
import { watchNewOrdersNotice, watchOpenOrders, type NewOrdersNotice, type OpenOrder } from '../../store/orders-queries.ts';
import { markOrdersSeen, resumeParkedSale } from '../actions.ts';
import { cartStore } from '../cart-store.ts';
import { OrdersBulkBar } from '../components/OrdersBulkBar.tsx';
import { EMPTY_ORDER_FILTERS, OrdersFilters, toOrdersFilter, type OrdersFilterState } from '../components/OrdersFilters.tsx';
import { OrdersTable } from '../components/OrdersTable.tsx';
import { t } from '../i18n/index.ts';
import { live } from '../reactive.ts';
import { describeRefusal } from '../refusals.ts';
import { session } from '../session.ts';
import { isTyping, useShortcuts } from '../shortcuts.ts';
import '../styles/orders.css';

/** The filters survive a visit to an order's detail and back (this tab only). */
let remembered: OrdersFilterState = EMPTY_ORDER_FILTERS;

/**
 * Rows whose content did not change keep their object, so that a new emission of the query (another
 * register's pick, a replication) does not rebuild the table under the cashier's keyboard focus.
 */
function keepUnchanged(previous: Map<string, { json: string; row: OpenOrder }>, next: OpenOrder[]): OpenOrder[] {
  const out = next.map((row) => {
    const json = JSON.stringify(row);
    const before = previous.get(row.id);
    if (before !== undefined && before.json === json) return before.row;
    previous.set(row.id, { json, row });
    return row;
  });
  const ids = new Set(next.map((r) => r.id));
  for (const id of previous.keys()) if (!ids.has(id)) previous.delete(id);
  return out;
}

/**
 * "Recall orders": every order of the store the counter may have to finish — web orders (folded with
 * every register's events) and parked sales — filtered and searched; a tap or Enter opens one (a
 * parked sale resumes on the sell screen). Layaways and quotes do not exist in this product yet.
 * Showing the screen marks the new web orders as seen on this register (the header's badge).
 */
export default function OrdersScreen(): JSX.Element {
  let searchEl: HTMLInputElement | undefined;
  let tbodyEl: HTMLTableSectionElement | undefined;
  const navigate = useNavigate();
  const cache = new Map<string, { json: string; row: OpenOrder }>();
  const orders = live<OpenOrder[]>(() => watchOpenOrders(), []);
  const all = createMemo(() => keepUnchanged(cache, orders.value()));
  const [fields, setFieldsSignal] = createSignal<OrdersFilterState>(remembered);
  const setFields = (next: OrdersFilterState): void => {
    remembered = next;
    setFieldsSignal(next);
  };
  const rows = createMemo(() => filterOrders(all(), toOrdersFilter(fields())));
  const [selected, setSelected] = createSignal<ReadonlySet<string>>(new Set());
  const [active, setActive] = createSignal(0);
  const [error, setError] = createSignal<string | null>(null);
  const [fresh, setFresh] = createSignal<ReadonlySet<string>>(new Set());

  // Ticked orders that a filter hides are unticked: bulk work only ever touches what is on screen.
  createEffect(
    on(rows, (visible) => {
      const ids = new Set(visible.map((r) => r.id));
      setSelected((s) => (([...s].every((id) => ids.has(id)) ? s : new Set([...s].filter((id) => ids.has(id))))));
      if (active() >= visible.length) setActive(Math.max(0, visible.length - 1));
    }),
  );

  // What is on screen is seen: the badge drops to 0, and the orders new to this register stay marked.
  const notice = live<NewOrdersNotice | null>(() => watchNewOrdersNotice(), null);
  createEffect(
    on(notice.value, (n) => {
      if (n === null || n.unseenIds.length === 0) return;
      setFresh((f) => new Set([...f, ...n.unseenIds]));
      void markOrdersSeen(n.newOrders.map((o) => o.id));
    }),
  );

  const selectedRows = (): OpenOrder[] => rows().filter((r) => selected().has(r.id));
  const toggle = (id: string): void => {
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  };
  const toggleAll = (): void => {
    setSelected((s) => (rows().every((r) => s.has(r.id)) ? new Set<string>() : new Set(rows().map((r) => r.id))));
  };

  async function open(row: OpenOrder): Promise<void> {
    setError(null);
    if (row.channel === 'web') return navigate(`/orders/${encodeURIComponent(row.id)}`);
    // A parked sale is finished on the sell screen, in this register's cart.
    if (!cartStore.isEmpty()) return void setError(t().orders.resumeRefused.cartNotEmpty);
    const r = await resumeParkedSale(row.id);
    if (!r.ok) return void setError(r.error.kind === 'already_resumed' ? t().orders.resumeRefused.alreadyResumed : describeRefusal(r.error));
    cartStore.loadCart(r.value);
    navigate('/');
  }

  const locationName = (id: string): string => session.settings.value()?.locations?.find((l) => l.id === id)?.name ?? id;
  const locations = (): Array<{ id: string; name: string }> => {
    const ids = new Set([...(session.settings.value()?.locations ?? []).map((l) => l.id), ...filterChoices(all()).locations]);
    return [...ids].map((id) => ({ id, name: locationName(id) }));
  };

  const focusActiveRow = (): void => {
    const list = tbodyEl?.querySelectorAll<HTMLTableRowElement>('tr[data-testid="order-row"]');
    list?.[Math.min(active(), list.length - 1)]?.focus();
  };

  useShortcuts(() => [
    { keys: 'F2 · /', label: () => t().orders.keys.search },
    { keys: '↑ ↓', label: () => t().orders.keys.move },
    { keys: t().keys.enter, label: () => t().orders.keys.open },
    { keys: t().orders.keys.space, label: () => t().orders.keys.toggle },
  ]);
  const onKey = (e: KeyboardEvent): void => {
    if (e.key === 'F2' || (e.key === '/' && !isTyping(e))) {
      e.preventDefault();
      searchEl?.focus();
      searchEl?.select();
    }
  };
  onMount(() => window.addEventListener('keydown', onKey));
  onCleanup(() => window.removeEventListener('keydown', onKey));

  return (
    <main class="page orders-page" data-testid="orders-page">
      <div class="orders-head">
        <h1>{t().orders.title}</h1>
        <A href="/orders/import" class="btn secondary" data-testid="import-link">
          {t().webImport.link}
        </A>
      </div>
      <OrdersFilters
        value={fields()}
        onChange={setFields}
        platforms={filterChoices(all()).platforms}
        locations={locations()}
        searchRef={(el) => (searchEl = el)}
        onSearchKeyDown={(e) => {
          // From the search, ↓ or Enter goes into the list (Enter opens the only match).
          if (e.key === 'ArrowDown' && rows().length > 0) {
            e.preventDefault();
            setActive(0);
            focusActiveRow();
          } else if (e.key === 'Enter' && rows().length === 1) {
            e.preventDefault();
            void open(rows()[0]!);
          }
        }}
      />
      <Show when={error()}>
        {(msg) => (
          <p class="notice error" role="alert" data-testid="orders-error">
            {msg()}
          </p>
        )}
      </Show>
      <p class="muted small" aria-live="polite" data-testid="orders-count">
        {t().orders.results(rows().length)}
      </p>
      <Show when={orders.ready() && rows().length === 0}>
        <p class="empty muted" data-testid="orders-empty">
          {all().length === 0 ? t().orders.empty : t().orders.noMatch}
        </p>
      </Show>
      <Show when={rows().length > 0}>
        <OrdersTable
          rows={rows()}
          selected={selected()}
          unseen={fresh()}
          active={active()}
          onActive={setActive}
          onToggle={toggle}
          onToggleAll={toggleAll}
          onOpen={(row) => void open(row)}
          locationName={locationName}
          tbodyRef={(el) => (tbodyEl = el)}
        />
      </Show>
      <Show when={selected().size > 0}>
        <OrdersBulkBar selected={selectedRows()} onClear={() => setSelected(new Set<string>())} />
      </Show>
    </main>
  );
}
