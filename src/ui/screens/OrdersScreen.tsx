import { A, useNavigate } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { watchWebOrders } from '../../store/queries.ts';
import { fmtDateTime, fmtMoney, t } from '../i18n/index.ts';
import { live } from '../reactive.ts';
import type { WebOrderRow } from '../types.ts';

/** Web orders from the shop's online stores, newest first; a tap or Enter on a row opens the order. */
export default function OrdersScreen(): JSX.Element {
  const orders = live<WebOrderRow[]>(() => watchWebOrders(), []);
  const navigate = useNavigate();
  const open = (o: WebOrderRow): void => navigate(`/orders/${encodeURIComponent(o._id)}`);
  return (
    <main class="page">
      <h1>{t().orders.title}</h1>
      <p>
        <A href="/orders/import" data-testid="import-link">
          {t().webImport.link}
        </A>
      </p>
      <Show when={orders.ready() && orders.value().length === 0}>
        <p class="empty muted">{t().orders.empty}</p>
      </Show>
      <Show when={orders.value().length > 0}>
        <div class="table-wrap">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{t().orders.number}</th>
                <th scope="col">{t().orders.date}</th>
                <th scope="col">{t().orders.status}</th>
                <th scope="col">{t().orders.delivery}</th>
                <th scope="col">{t().orders.customer}</th>
                <th scope="col" class="num">
                  {t().orders.total}
                </th>
                <th scope="col">{t().orders.payment}</th>
              </tr>
            </thead>
            <tbody>
              <For each={orders.value()}>
                {(o) => (
                  <tr
                    data-testid="order-row"
                    data-status={o.status}
                    data-order-id={o._id}
                    class="clickable"
                    tabindex="0"
                    aria-label={t().orderDetail.open(o.orderNumber)}
                    onClick={() => open(o)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') {
                        e.preventDefault();
                        open(o);
                      }
                    }}
                  >
                    <td class="strong mono">
                      {o.orderNumber}
                      <div class="muted small">{o.platform}</div>
                    </td>
                    <td>{fmtDateTime(o.createdAt)}</td>
                    <td>
                      <span class={`pill status-${o.status}`}>{t().orders.statuses[o.status]}</span>
                    </td>
                    <td>{t().orders.deliveries[o.delivery]}</td>
                    <td>{o.customer.name}</td>
                    <td class="num strong">{fmtMoney(o.total, o.currency)}</td>
                    <td>
                      <span class={`pill pay-${o.payment.state}`}>{t().orders.payments[o.payment.state]}</span>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </main>
  );
}
