import { createMemo, createSignal, For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import type { SaleDoc } from '../../domain/documents.ts';
import { watchRecentSales } from '../../store/queries.ts';
import { Receipt } from '../components/Receipt.tsx';
import { fmtDate, fmtMoney, fmtTime, t } from '../i18n/index.ts';
import { live } from '../reactive.ts';
import type { SaleRow } from '../types.ts';

function isToday(iso: string): boolean {
  const d = new Date(iso);
  const now = new Date();
  return d.getFullYear() === now.getFullYear() && d.getMonth() === now.getMonth() && d.getDate() === now.getDate();
}

export default function SalesScreen(): JSX.Element {
  const sales = live<SaleRow[]>(() => watchRecentSales(100), []);
  const [open, setOpen] = createSignal<SaleDoc | null>(null);

  const sorted = createMemo(() => [...sales.value()].sort((a, b) => b.createdAt.localeCompare(a.createdAt)));
  const today = createMemo(() => sorted().filter((s) => isToday(s.createdAt)));
  const earlier = createMemo(() => sorted().filter((s) => !isToday(s.createdAt)));

  const tenderText = (s: SaleRow): string => [...new Set(s.tenders.map((x) => t().receipt.tender[x.kind]))].join(' + ');

  const Row = (p: { sale: SaleRow; showDate: boolean }): JSX.Element => (
    <li>
      <button type="button" class="list-row sale-row" data-testid="sale-row" onClick={() => setOpen(p.sale)}>
        <span class="mono strong">{p.sale.receiptLabel}</span>
        <span class="muted">
          {p.showDate ? `${fmtDate(p.sale.createdAt)} ` : ''}
          {fmtTime(p.sale.createdAt)}
        </span>
        <span class="muted">{tenderText(p.sale)}</span>
        <span class="num strong">{fmtMoney(p.sale.totals.gross, p.sale.currency)}</span>
      </button>
    </li>
  );

  return (
    <main class="page">
      <h1>{t().sales.title}</h1>
      <Show when={sales.ready() && sorted().length === 0}>
        <p class="empty muted">{t().sales.empty}</p>
      </Show>
      <Show when={today().length > 0}>
        <h2 class="section-title">{t().sales.today}</h2>
        <ul class="list" role="list">
          <For each={today()}>{(s) => <Row sale={s} showDate={false} />}</For>
        </ul>
      </Show>
      <Show when={earlier().length > 0}>
        <h2 class="section-title">{t().sales.earlier}</h2>
        <ul class="list" role="list">
          <For each={earlier()}>{(s) => <Row sale={s} showDate />}</For>
        </ul>
      </Show>

      <Show when={open()}>
        {(sale) => (
          <div class="overlay receipt-overlay" onClick={(e) => e.target === e.currentTarget && setOpen(null)}>
            <div
              class="panel receipt-panel"
              role="dialog"
              aria-modal="true"
              aria-label={t().receipt.title}
              onKeyDown={(e) => e.key === 'Escape' && setOpen(null)}
            >
              <Receipt sale={sale()} />
              <div class="panel-actions no-print">
                <button type="button" class="btn secondary" onClick={() => window.print()}>
                  {t().receipt.print}
                </button>
                <button
                  type="button"
                  class="btn primary"
                  data-testid="receipt-close"
                  ref={(el) => queueMicrotask(() => el.focus())}
                  onClick={() => setOpen(null)}
                >
                  {t().receipt.close}
                </button>
              </div>
            </div>
          </div>
        )}
      </Show>
    </main>
  );
}
