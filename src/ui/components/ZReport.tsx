/**
 * An X or Z report, laid out like the receipt (it prints through the same 80 mm rule, or on A4 when
 * the body carries `print-a4`): totals per tender, VAT per rate, refunds, discounts, voids, number of
 * sales, float, expected and counted cash, difference, and the late sales of earlier shifts.
 */
import { For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import type { Money } from '../../domain/money.ts';
import type { ShiftTotals } from '../../domain/register-documents.ts';
import type { LateSale } from '../../domain/shift.ts';
import { fmtDateTime, fmtMoney, fmtRate, t } from '../i18n/index.ts';

export interface ReportData {
  mode: 'x' | 'z';
  storeName: string;
  registerName: string;
  zNumber?: number;
  openedAt: string;
  /** Closing time (Z) or when the X was read. */
  at: string;
  float: Money;
  totals: ShiftTotals;
  countedCash?: Money;
  difference?: Money;
  lateSales?: readonly LateSale[];
}

function Row(props: { label: string; value: string; testid?: string; strong?: boolean }): JSX.Element {
  return (
    <div classList={{ strong: props.strong === true }}>
      <dt>{props.label}</dt>
      <dd class="num" data-testid={props.testid}>
        {props.value}
      </dd>
    </div>
  );
}

export function ZReport(props: { report: ReportData }): JSX.Element {
  const r = (): ReportData => props.report;
  const m = () => t().shift.report;
  const tenderTestid = (kind: string): string => `z-tender-${kind}`;
  return (
    <article class="receipt z-paper" data-testid={r().mode === 'z' ? 'z-report' : 'x-report-view'} data-mode={r().mode}>
      <header class="receipt-shop">
        <h2>{r().mode === 'z' ? t().shift.zTitle(r().zNumber ?? 0) : t().shift.xTitle}</h2>
        <div>{r().storeName}</div>
        <div>
          {m().register} · {r().registerName}
        </div>
      </header>
      <dl class="receipt-meta">
        <Show when={r().mode === 'z'}>
          <Row label={m().zNumber} value={String(r().zNumber ?? '')} testid="z-number" strong />
        </Show>
        <Row label={m().opened} value={fmtDateTime(r().openedAt)} />
        <Row label={r().mode === 'z' ? m().closed : m().printedAt} value={fmtDateTime(r().at)} />
      </dl>

      <dl class="receipt-meta">
        <Row label={m().salesCount} value={String(r().totals.salesCount)} testid="z-sales-count" />
        <Row label={m().refundsCount} value={String(r().totals.refundsCount)} testid="z-refunds-count" />
        <Row label={m().grossSales} value={fmtMoney(r().totals.grossSales)} testid="z-gross-sales" />
        <Row label={m().refunds} value={fmtMoney(r().totals.refunds)} testid="z-refunds" />
        <Row label={m().discounts} value={fmtMoney(r().totals.discounts)} testid="z-discounts" />
        <Row label={m().voids} value={m().voidsValue(r().totals.voids.count, fmtMoney(r().totals.voids.amount))} testid="z-voids" />
      </dl>

      <h3 class="z-section">{m().tenders}</h3>
      <dl class="receipt-meta">
        <For each={r().totals.tenders}>
          {(tender) => (
            <div>
              <dt>
                {tender.kind === 'other' ? tender.label : m().tenderKinds[tender.kind]} <span class="muted">({tender.count})</span>
              </dt>
              <dd class="num" data-testid={tenderTestid(tender.kind)} data-label={tender.label}>
                {fmtMoney(tender.amount)}
              </dd>
            </div>
          )}
        </For>
      </dl>

      <h3 class="z-section">{m().vat}</h3>
      <table class="receipt-vat">
        <thead>
          <tr>
            <th>{m().rate}</th>
            <th class="num">{m().net}</th>
            <th class="num">{m().vatAmount}</th>
            <th class="num">{m().gross}</th>
          </tr>
        </thead>
        <tbody>
          <For each={r().totals.vat}>
            {(row) => (
              <tr data-testid={`z-vat-${row.rate}`} data-vat={row.vat} data-gross={row.gross}>
                <td>{fmtRate(row.rate)}</td>
                <td class="num">{fmtMoney(row.net)}</td>
                <td class="num">{fmtMoney(row.vat)}</td>
                <td class="num">{fmtMoney(row.gross)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>

      <dl class="receipt-meta">
        <Row label={m().float} value={fmtMoney(r().float)} testid="z-float" />
        <Row label={m().payIns} value={fmtMoney(r().totals.payIns)} testid="z-pay-ins" />
        <Row label={m().payOuts} value={fmtMoney(r().totals.payOuts)} testid="z-pay-outs" />
        <Row label={m().expected} value={fmtMoney(r().totals.expectedCash)} testid="z-expected" strong />
        <Show when={r().countedCash !== undefined}>
          <Row label={m().counted} value={fmtMoney(r().countedCash ?? (0 as Money))} testid="z-counted" strong />
        </Show>
        <Show when={r().difference !== undefined}>
          <Row label={m().difference} value={fmtMoney(r().difference ?? (0 as Money))} testid="z-difference" strong />
        </Show>
      </dl>

      <Show when={(r().lateSales?.length ?? 0) > 0}>
        <h3 class="z-section">{m().lateSales}</h3>
        <dl class="receipt-meta" data-testid="z-late-sales">
          <For each={r().lateSales ?? []}>
            {(late) => <Row label={m().lateSale(late.receiptLabel, late.zNumber)} value={fmtMoney(late.gross)} />}
          </For>
        </dl>
      </Show>
    </article>
  );
}

/** Prints through the browser's dialog: the 80 mm roll layout, or A4 while the body says so. */
export function printReport(format: '80mm' | 'a4'): void {
  const body = document.body;
  if (format === 'a4') body.classList.add('print-a4');
  const done = (): void => {
    body.classList.remove('print-a4');
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
  // Some browsers fire afterprint before print() returns, others not at all in tests.
  setTimeout(done, 1000);
}
