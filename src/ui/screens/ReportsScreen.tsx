/**
 * /reports: sales for a period — by day, by hour, by tender, by category, web vs in-store — with
 * charts, tables and a CSV export. Everything is aggregated in the reports worker; this screen picks
 * the period, shows the progress and draws the result. Money is formatted here, at display.
 */
import { A } from '@solidjs/router';
import { createMemo, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { runSalesReport } from '../../commands/reports.ts';
import type { Money } from '../../domain/money.ts';
import type { SalesReport } from '../../domain/reports/sales-report.ts';
import { ReportBreakdown, type BreakdownRow } from '../components/ReportBreakdown.tsx';
import { ReportCsvButton } from '../components/ReportCsvButton.tsx';
import { createReportRun, ReportRangeBar } from '../components/ReportRangeBar.tsx';
import { fmtDate, fmtMoney, t } from '../i18n/index.ts';
import '../styles/reports.css';

/** The two reports screens' tabs. */
export function ReportTabs(props: { current: 'sales' | 'shifts' }): JSX.Element {
  return (
    <nav class="report-tabs" aria-label={t().reports.tabs.label}>
      <A href="/reports" end class="report-tab" activeClass="active" data-testid="report-tab-sales" aria-current={props.current === 'sales' ? 'page' : undefined}>
        {t().reports.tabs.sales}
      </A>
      <A href="/reports/shifts" class="report-tab" activeClass="active" data-testid="report-tab-shifts" aria-current={props.current === 'shifts' ? 'page' : undefined}>
        {t().reports.tabs.shifts}
      </A>
    </nav>
  );
}

function Figure(props: { label: string; value: string; testid: string; amount?: number; strong?: boolean }): JSX.Element {
  return (
    <div class="report-figure" classList={{ strong: props.strong === true }}>
      <dt>{props.label}</dt>
      <dd data-testid={props.testid} data-amount={props.amount}>
        {props.value}
      </dd>
    </div>
  );
}

export default function ReportsScreen(): JSX.Element {
  const run = createReportRun<SalesReport>((range, onProgress) => runSalesReport(range, onProgress));
  const report = run.result;
  const money = (m: number): string => fmtMoney(m as Money, report()?.currency);
  const dayLabel = (day: string): string => fmtDate(`${day}T12:00:00`);

  const days = createMemo<BreakdownRow[]>(() => (report()?.byDay ?? []).map((d) => ({ key: d.day, label: dayLabel(d.day), count: d.count, amount: d.amount })));
  // Hours: the shop's opening span (first to last hour with sales), so the chart is not mostly empty.
  const hours = createMemo<BreakdownRow[]>(() => {
    const rows = report()?.byHour ?? [];
    const used = rows.filter((h) => h.count > 0).map((h) => h.hour);
    const lo = used.length === 0 ? 8 : Math.min(...used);
    const hi = used.length === 0 ? 19 : Math.max(...used);
    return rows.filter((h) => h.hour >= lo && h.hour <= hi).map((h) => ({ key: String(h.hour), label: t().reports.byHour.label(h.hour), count: h.count, amount: h.amount }));
  });
  const tenders = createMemo<BreakdownRow[]>(() =>
    (report()?.byTender ?? []).map((x) => ({ key: x.key, label: x.kind === 'other' ? (x.label ?? t().receipt.tender.other) : t().receipt.tender[x.kind], count: x.count, amount: x.amount })),
  );
  const categories = createMemo<BreakdownRow[]>(() =>
    (report()?.byCategory ?? []).map((c) => ({ key: c.category, label: c.category === '' ? t().reports.byCategory.uncategorised : c.category, count: c.quantity, amount: c.amount })),
  );
  const channels = createMemo<BreakdownRow[]>(() => {
    const ch = report()?.channels;
    if (ch === undefined) return [];
    const c = t().reports.channels;
    return [
      { key: 'store', label: c.store, count: ch.store.count, amount: ch.store.amount },
      { key: 'web_counter', label: c.webCounter, count: ch.webCounter.count, amount: ch.webCounter.amount },
      { key: 'web_orders', label: c.webOrders, count: ch.webOrders.count, amount: ch.webOrders.total },
      { key: 'web_paid_online', label: c.webPaidOnline, count: ch.webOrders.count, amount: ch.webOrders.paidOnline },
    ];
  });

  return (
    <main class="page reports-page">
      <div class="reports-head">
        <h1>{t().reports.title}</h1>
        <ReportTabs current="sales" />
      </div>
      <ReportRangeBar run={run} asOf={report()?.asOf}>
        <ReportCsvButton report={report()} />
      </ReportRangeBar>

      <Show when={report()}>
        {(r) => (
          <div class="report-body" aria-busy={run.busy()}>
            <section class="card report-summary" aria-labelledby="report-summary-title" data-testid="report-summary">
              <h2 id="report-summary-title">{t().reports.summary.title}</h2>
              <dl class="report-figures">
                <Figure label={t().reports.summary.total} value={money(r().total.amount)} amount={r().total.amount} testid="report-total" strong />
                <Figure label={t().reports.summary.net} value={money(r().total.net)} amount={r().total.net} testid="report-net" />
                <Figure label={t().reports.summary.vat} value={money(r().total.vat)} amount={r().total.vat} testid="report-vat" />
                <Figure label={t().reports.summary.documents} value={String(r().total.documents)} testid="report-documents" />
                <Figure label={t().reports.summary.sales} value={String(r().total.sales)} testid="report-sales-count" />
                <Figure label={t().reports.summary.refunds} value={String(r().total.refunds)} testid="report-refunds-count" />
                <Figure
                  label={t().reports.summary.average}
                  value={r().total.sales === 0 ? '—' : money(Math.round(r().total.sold / r().total.sales))}
                  testid="report-average"
                />
                <Figure label={t().reports.summary.items} value={String(r().total.items)} testid="report-items" />
                <Figure label={t().reports.summary.discounts} value={money(r().total.discounts)} testid="report-discounts" />
                <Figure label={t().reports.summary.returned} value={money(r().total.returned)} testid="report-returned" />
              </dl>
              <Show when={r().total.documents === 0}>
                <p class="empty muted" data-testid="report-empty">
                  {t().reports.empty}
                </p>
              </Show>
            </section>

            <ReportBreakdown id="days" title={t().reports.byDay.title} chartTitle={t().reports.byDay.chart} keyLabel={t().reports.byDay.day} rows={days()} orientation="vertical" currency={r().currency} shortLabel={(row) => row.key.slice(8, 10)} />
            <ReportBreakdown id="hours" title={t().reports.byHour.title} chartTitle={t().reports.byHour.chart} keyLabel={t().reports.byHour.hour} rows={hours()} orientation="vertical" currency={r().currency} shortLabel={(row) => row.key.padStart(2, '0')} />
            <div class="report-columns">
              <ReportBreakdown id="tenders" title={t().reports.byTender.title} chartTitle={t().reports.byTender.chart} keyLabel={t().reports.byTender.tender} rows={tenders()} orientation="horizontal" currency={r().currency} total={r().total.amount} note={t().reports.byTender.note} />
              <ReportBreakdown
                id="channels"
                title={t().reports.channels.title}
                chartTitle={t().reports.channels.chart}
                keyLabel={t().reports.channels.title}
                rows={channels()}
                orientation="horizontal"
                currency={r().currency}
                note={t().reports.channels.note}
              >
                <Show when={r().channels.webOrders.cancelled > 0}>
                  <p class="muted small">{t().reports.channels.cancelled(r().channels.webOrders.cancelled)}</p>
                </Show>
              </ReportBreakdown>
            </div>
            <ReportBreakdown
              id="categories"
              title={t().reports.byCategory.title}
              chartTitle={t().reports.byCategory.chart}
              keyLabel={t().reports.byCategory.category}
              countLabel={t().reports.byCategory.quantity}
              rows={categories()}
              chartRows={categories().slice(0, 12)}
              orientation="horizontal"
              currency={r().currency}
              total={r().total.amount}
            />
          </div>
        )}
      </Show>
    </main>
  );
}
