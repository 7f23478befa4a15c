import { createEffect, createSignal, on } from 'solid-js';
import type { JSX } from 'solid-js';
import { arrivals, watchNewOrdersNotice, type NewOrdersNotice } from '../../store/orders-queries.ts';
import { chime } from '../chime.ts';
import { t } from '../i18n/index.ts';
import { live } from '../reactive.ts';
import '../styles/orders.css';

/**
 * The header's count of new web orders not yet seen on this register's orders screen, and the chime
 * when one placed on the web store arrives while the register is open (rules: arrivals() in
 * orders-queries.ts). `data-chimes` counts the arrivals announced on this page.
 */
export function OrdersBadge(): JSX.Element {
  // null until the first answer: that one is the baseline, not an arrival.
  const notice = live<NewOrdersNotice | null>(() => watchNewOrdersNotice(), null);
  const [announced, setAnnounced] = createSignal(0);
  const [message, setMessage] = createSignal('');
  let known: Set<string> | null = null;
  const openedAt = new Date().toISOString();

  createEffect(
    on(notice.value, (n) => {
      if (n === null) return;
      const fresh = arrivals(known, n.newOrders, openedAt);
      known = new Set([...(known ?? []), ...n.newOrders.map((o) => o.id)]);
      if (fresh.length === 0) return;
      chime();
      setAnnounced((c) => c + fresh.length);
      setMessage(t().orders.badge.arrived(fresh.length));
    }),
  );

  const count = (): number => notice.value()?.unseenIds.length ?? 0;
  return (
    <>
      <span
        class="orders-badge"
        data-testid="orders-badge"
        data-count={count()}
        data-chimes={announced()}
        hidden={count() === 0}
        title={t().orders.badge.title(count())}
        aria-label={t().orders.badge.title(count())}
      >
        {count()}
      </span>
      <span class="visually-hidden" role="status" aria-live="polite">
        {message()}
      </span>
    </>
  );
}
