import { For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import type { OpenOrder } from '../../store/orders-queries.ts';
import { fmtDate, fmtMoney, fmtTime, t } from '../i18n/index.ts';

/**
 * The gateway's code word as a name staff recognise: the order detail's wording when it knows the
 * code ("bacs" → "Virement bancaire"), otherwise "some_gateway" → "Some Gateway".
 */
export function processorName(code: string): string {
  const known = t().orderDetail.processors[code.toLowerCase()];
  if (known !== undefined) return known;
  return code
    .split(/[_\s-]+/)
    .filter((w) => w !== '')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

export interface OrdersTableProps {
  rows: OpenOrder[];
  selected: ReadonlySet<string>;
  unseen: ReadonlySet<string>;
  /** The row the arrow keys move (its index in `rows`). */
  active: number;
  onActive: (index: number) => void;
  onToggle: (id: string) => void;
  onToggleAll: () => void;
  onOpen: (row: OpenOrder) => void;
  locationName: (id: string) => string;
  tbodyRef?: (el: HTMLTableSectionElement) => void;
}

function PaymentCell(props: { row: OpenOrder }): JSX.Element {
  const o = () => t().orders;
  const money = (m: OpenOrder['total']): string => fmtMoney(m, props.row.currency);
  return (
    <Show
      when={props.row.paid}
      fallback={
        <>
          <span class="pill pay-to_pay" data-testid="order-payment" data-state="to_pay">
            {o().toPay}
          </span>
          <Show when={props.row.balance !== props.row.total}>
            <div class="muted small">{o().balance(money(props.row.balance))}</div>
          </Show>
          <Show when={props.row.paymentMethod}>{(m) => <div class="muted small">{processorName(m())}</div>}</Show>
        </>
      }
    >
      <span class="pill pay-paid" data-testid="order-payment" data-state="paid">
        {props.row.paymentMethod ? processorName(props.row.paymentMethod) : o().paidOnline}
      </span>
    </Show>
  );
}

/**
 * The orders as a table: a tap on a row (or Enter on the focused one) opens it; the arrow keys move
 * the focused row (roving focus: one tab stop for the whole list); Space ticks it for bulk work.
 */
export function OrdersTable(props: OrdersTableProps): JSX.Element {
  const o = () => t().orders;
  let tbody: HTMLTableSectionElement | undefined;
  const focusRow = (i: number): void => {
    const n = props.rows.length;
    if (n === 0) return;
    const next = Math.max(0, Math.min(n - 1, i));
    props.onActive(next);
    tbody?.querySelectorAll<HTMLTableRowElement>('tr[data-testid="order-row"]')[next]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent, row: OpenOrder, i: number): void => {
    if ((e.target as HTMLElement).tagName === 'INPUT') return; // the checkbox handles its own keys
    const moves: Record<string, number> = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: props.rows.length - 1, PageDown: i + 10, PageUp: i - 10 };
    if (e.key in moves) {
      e.preventDefault();
      focusRow(moves[e.key]!);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      props.onOpen(row);
    } else if (e.key === ' ') {
      e.preventDefault();
      props.onToggle(row.id);
    }
  };
  const allSelected = (): boolean => props.rows.length > 0 && props.rows.every((r) => props.selected.has(r.id));
  return (
    <div class="table-wrap">
      <table class="data-table orders-table" data-testid="orders-table">
        <thead>
          <tr>
            <th scope="col" class="orders-check">
              <label class="check-target">
                <input type="checkbox" data-testid="orders-select-all" aria-label={o().selectAll} checked={allSelected()} onChange={() => props.onToggleAll()} />
              </label>
            </th>
            <th scope="col">{o().number}</th>
            <th scope="col">{o().date}</th>
            <th scope="col">{o().status}</th>
            <th scope="col">{o().delivery}</th>
            <th scope="col">{o().customer}</th>
            <th scope="col">{o().location}</th>
            <th scope="col" class="num">
              {o().total}
            </th>
            <th scope="col">{o().payment}</th>
          </tr>
        </thead>
        <tbody
          ref={(el) => {
            tbody = el;
            props.tbodyRef?.(el);
          }}
        >
          <For each={props.rows}>
            {(row, i) => (
              <tr
                data-testid="order-row"
                data-order-id={row.id}
                data-channel={row.channel}
                data-status={row.status}
                data-unseen={props.unseen.has(row.id) ? 'true' : undefined}
                class="clickable"
                classList={{ active: props.active === i(), selected: props.selected.has(row.id), flagged: row.flagged }}
                tabindex={props.active === i() ? 0 : -1}
                aria-label={o().open(row.number)}
                aria-selected={props.selected.has(row.id)}
                onClick={() => props.onOpen(row)}
                onFocus={() => props.onActive(i())}
                onKeyDown={(e) => onKeyDown(e, row, i())}
              >
                <td class="orders-check" onClick={(e) => e.stopPropagation()}>
                  <label class="check-target">
                    <input
                      type="checkbox"
                      data-testid="order-select"
                      tabindex="-1"
                      aria-label={o().select(row.number)}
                      checked={props.selected.has(row.id)}
                      onChange={() => props.onToggle(row.id)}
                    />
                  </label>
                </td>
                <td class="strong mono">
                  <span data-testid="order-number">{row.number || '—'}</span>
                  <Show when={props.unseen.has(row.id)}>
                    <span class="pill status-new orders-unseen">{o().unseen}</span>
                  </Show>
                  <div class="muted small">{row.platform !== null ? o().platforms[row.platform] : o().parked}</div>
                </td>
                <td>
                  {fmtDate(row.createdAt)}
                  <div class="muted small">{fmtTime(row.createdAt)}</div>
                </td>
                <td>
                  <span class={`pill status-${row.status}`} data-testid="order-status-pill">
                    {o().statuses[row.status]}
                  </span>
                  <Show when={row.flagged}>
                    <span class="orders-flag" title={o().flagged} aria-label={o().flagged} data-testid="order-flagged">
                      ⚠
                    </span>
                  </Show>
                </td>
                <td data-testid="order-delivery">{row.delivery !== null ? o().deliveries[row.delivery] : '—'}</td>
                <td>
                  <span data-testid="order-customer">{row.customer.name}</span>
                  <Show when={row.customer.email}>{(email) => <div class="muted small">{email()}</div>}</Show>
                  <Show when={row.parkedBy}>{(who) => <div class="muted small">{o().parkedBy(who())}</div>}</Show>
                </td>
                <td>{row.locations.length > 0 ? row.locations.map(props.locationName).join(', ') : '—'}</td>
                <td class="num strong">{fmtMoney(row.total, row.currency)}</td>
                <td>
                  <PaymentCell row={row} />
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
