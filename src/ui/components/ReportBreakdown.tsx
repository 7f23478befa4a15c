/**
 * One breakdown of a report (by day, hour, tender, category, channel): a heading, its bar chart and
 * the same figures as a table (the chart's accessible counterpart, and what a manager copies).
 */
import { For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import type { Money } from '../../domain/money.ts';
import { fmtMoney, intlLocale, t } from '../i18n/index.ts';
import { ChartBars } from './ChartBars.tsx';

export interface BreakdownRow {
  key: string;
  label: string;
  count: number;
  amount: number;
}

export function ReportBreakdown(props: {
  id: string;
  title: string;
  chartTitle: string;
  keyLabel: string;
  countLabel?: string;
  rows: readonly BreakdownRow[];
  /** Rows drawn in the chart (default: all). */
  chartRows?: readonly BreakdownRow[];
  orientation: 'vertical' | 'horizontal';
  currency: string;
  note?: string;
  /** A share column (amount / total) when given. */
  total?: number;
  /** Short label under a vertical bar (default: the row's label). */
  shortLabel?: (row: BreakdownRow) => string;
  children?: JSX.Element;
}): JSX.Element {
  const money = (m: number): string => fmtMoney(m as Money, props.currency);
  const share = (m: number): string => {
    const total = props.total ?? 0;
    return total === 0 ? '—' : `${((100 * m) / total).toLocaleString(intlLocale(), { maximumFractionDigits: 1 })} %`;
  };
  return (
    <section class="card report-section" aria-labelledby={`${props.id}-title`} data-testid={`report-${props.id}`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      <Show when={props.note}>
        <p class="muted small">{props.note}</p>
      </Show>
      <ChartBars
        title={props.chartTitle}
        describe={t().reports.chartDesc}
        orientation={props.orientation}
        testid={`chart-${props.id}`}
        bars={(props.chartRows ?? props.rows).map((r) => ({ key: r.key, label: props.shortLabel?.(r) ?? r.label, value: r.amount, valueText: money(r.amount) }))}
      />
      <div class="table-wrap report-table">
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{props.keyLabel}</th>
              <th scope="col" class="num">
                {props.countLabel ?? t().reports.table.count}
              </th>
              <th scope="col" class="num">
                {t().reports.table.amount}
              </th>
              <Show when={props.total !== undefined}>
                <th scope="col" class="num">
                  {t().reports.table.share}
                </th>
              </Show>
            </tr>
          </thead>
          <tbody>
            <For each={props.rows}>
              {(row) => (
                <tr data-testid={`report-${props.id}-row`} data-key={row.key}>
                  <th scope="row">{row.label}</th>
                  <td class="num" data-testid="row-count">
                    {row.count}
                  </td>
                  <td class="num" data-testid="row-amount" data-amount={row.amount}>
                    {money(row.amount)}
                  </td>
                  <Show when={props.total !== undefined}>
                    <td class="num muted">{share(row.amount)}</td>
                  </Show>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      {props.children}
    </section>
  );
}
