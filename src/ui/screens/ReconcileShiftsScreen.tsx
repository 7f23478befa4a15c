/**
 * /reports/shifts: the till reconciliation for a period. Shifts recomputed from their receipts
 * against their Z (a sale that synced after the Z shows as a difference, with the sale named),
 * expected vs counted cash, card totals per register and day for the acquirer's statement, web
 * orders paid online vs still to be paid, and every discrepancy in one list. Aggregated in the
 * reports worker; this screen only draws.
 */
import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { runPaymentsReconciliation } from '../../commands/reports.ts';
import type { Money } from '../../domain/money.ts';
import type { CardDayRow, Discrepancy, PaymentsReconciliation, ShiftReconciliation } from '../../domain/payments-reconcile.ts';
import { ReportDiscrepancies } from '../components/ReportDiscrepancies.tsx';
import { createReportRun, ReportRangeBar } from '../components/ReportRangeBar.tsx';
import { fmtDate, fmtDateTime, fmtMoney, fmtTime, t } from '../i18n/index.ts';
import { currentPairing } from '../session.ts';
import '../styles/reports.css';
import { ReportTabs } from './ReportsScreen.tsx';

export function registerLabel(registerId: string): string {
  const p = currentPairing();
  return p && p.registerId === registerId ? `${p.registerName} (${registerId})` : t().reports.shifts.registerId(registerId);
}

function Signed(props: { amount: number | null; currency: string; testid?: string }): JSX.Element {
  return (
    <span
      class="num"
      classList={{ 'diff-neg': (props.amount ?? 0) < 0, 'diff-pos': (props.amount ?? 0) > 0 }}
      data-testid={props.testid}
      data-amount={props.amount ?? undefined}
    >
      {props.amount === null ? '—' : `${props.amount > 0 ? '+' : ''}${fmtMoney(props.amount as Money, props.currency)}`}
    </span>
  );
}

function ShiftDetail(props: { s: ShiftReconciliation; currency: string }): JSX.Element {
  const s = props.s;
  const money = (m: number): string => fmtMoney(m as Money, props.currency);
  const L = (): ReturnType<typeof t>['reports']['shifts'] => t().reports.shifts;
  return (
    <div class="shift-detail" data-testid="shift-detail">
      <Show when={s.tenders.length > 0}>
        <h4>{L().tenders}</h4>
        <table class="data-table compact">
          <thead>
            <tr>
              <th scope="col">{t().reports.byTender.tender}</th>
              <th scope="col" class="num">{L().atZ}</th>
              <th scope="col" class="num">{L().recomputed}</th>
              <th scope="col" class="num">{L().difference}</th>
            </tr>
          </thead>
          <tbody>
            <For each={s.tenders}>
              {(x) => (
                <tr data-testid="shift-tender" data-key={x.key}>
                  <th scope="row">{x.kind === 'other' ? x.label : t().receipt.tender[x.kind]}</th>
                  <td class="num">{money(x.atZ)}</td>
                  <td class="num">{money(x.recomputed)}</td>
                  <td class="num">
                    <Signed amount={x.difference} currency={props.currency} />
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
      <Show when={s.lateSales.length > 0}>
        <h4>{L().lateSales}</h4>
        <ul class="plain-list" data-testid="late-sales">
          <For each={s.lateSales}>
            {(late) => (
              <li data-testid="late-sale" data-sale-id={late.saleId}>
                <A href={`/sales?sale=${encodeURIComponent(late.saleId)}`} class="mono">
                  {late.receiptLabel}
                </A>{' '}
                <span class="muted">{fmtDateTime(late.createdAt)}</span> · <strong class="num">{money(late.gross)}</strong>
                <Show when={late.listedInZ !== null}>
                  {' '}
                  <span class="pill">{L().listedInZ(late.listedInZ ?? 0)}</span>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={s.missingSales.length > 0}>
        <h4>{L().missingSales}</h4>
        <ul class="plain-list mono small" data-testid="missing-sales">
          <For each={s.missingSales}>{(id) => <li>{id}</li>}</For>
        </ul>
      </Show>
      <h4>{L().cash}</h4>
      <dl class="report-figures compact">
        <div class="report-figure">
          <dt>{L().expectedAtZ}</dt>
          <dd>{s.cash.expectedAtZ === null ? '—' : money(s.cash.expectedAtZ)}</dd>
        </div>
        <div class="report-figure">
          <dt>{L().expectedNow}</dt>
          <dd>{money(s.cash.expected)}</dd>
        </div>
        <div class="report-figure">
          <dt>{L().counted}</dt>
          <dd>{s.cash.counted === null ? '—' : money(s.cash.counted)}</dd>
        </div>
        <div class="report-figure">
          <dt>{L().cashDifference}</dt>
          <dd>
            <Signed amount={s.cash.difference} currency={props.currency} />
          </dd>
        </div>
      </dl>
      <Show when={s.zNumber !== null}>
        <h4>{L().journal}</h4>
        <p class="small" data-testid="shift-journal">
          {s.journal.expected === null
            ? L().journalUnknown
            : s.journal.missing > 0
              ? L().journalMissing(s.journal.missing, s.journal.expected)
              : L().journalOk(s.journal.expected)}{' '}
          <Show when={s.journal.takings !== null}>{L().journalTakings(money(s.journal.takings ?? 0))}</Show>
        </p>
      </Show>
    </div>
  );
}

function ShiftsTable(props: { shifts: readonly ShiftReconciliation[]; currency: string }): JSX.Element {
  const [open, setOpen] = createSignal<string | null>(null);
  const L = (): ReturnType<typeof t>['reports']['shifts'] => t().reports.shifts;
  const money = (m: number): string => fmtMoney(m as Money, props.currency);
  const takings = (x: { grossSales: number; refunds: number }): number => x.grossSales - x.refunds;
  return (
    <div class="table-wrap">
      <table class="data-table report-shifts">
        <thead>
          <tr>
            <th scope="col">{L().register}</th>
            <th scope="col">{L().z}</th>
            <th scope="col">{L().period}</th>
            <th scope="col" class="num">{L().atZ}</th>
            <th scope="col" class="num">{L().recomputed}</th>
            <th scope="col" class="num">{L().difference}</th>
            <th scope="col" class="num">{L().expectedCash}</th>
            <th scope="col" class="num">{L().counted}</th>
            <th scope="col" class="num">{L().cashDifference}</th>
            <th scope="col"><span class="visually-hidden">{L().details}</span></th>
          </tr>
        </thead>
        <tbody>
          <For each={props.shifts}>
            {(s) => (
              <>
                <tr data-testid="shift-row" data-shift-id={s.shiftId} data-z={s.zNumber ?? ''} classList={{ 'has-diff': (s.takingsDifference ?? 0) !== 0 || (s.cash.difference ?? 0) !== 0 }}>
                  <th scope="row">{registerLabel(s.registerId)}</th>
                  <td>{s.zNumber === null ? <span class="pill" classList={{ warn: s.superseded }}>{s.superseded ? L().leftOpen : L().open}</span> : s.zNumber}</td>
                  <td class="period">
                    {fmtDateTime(s.openedAt)} → {s.closedAt === null ? '…' : s.closedAt.slice(0, 10) === s.openedAt.slice(0, 10) ? fmtTime(s.closedAt) : fmtDateTime(s.closedAt)}
                  </td>
                  <td class="num" data-testid="shift-at-z">{s.atZ === null ? '—' : money(takings(s.atZ))}</td>
                  <td class="num" data-testid="shift-recomputed" data-amount={takings(s.recomputed)}>{money(takings(s.recomputed))}</td>
                  <td class="num"><Signed amount={s.takingsDifference} currency={props.currency} testid="shift-diff" /></td>
                  <td class="num">{money(s.cash.expected)}</td>
                  <td class="num">{s.cash.counted === null ? '—' : money(s.cash.counted)}</td>
                  <td class="num"><Signed amount={s.cash.difference} currency={props.currency} testid="shift-cash-diff" /></td>
                  <td>
                    <button
                      type="button"
                      class="btn secondary small"
                      data-testid="shift-toggle"
                      aria-expanded={open() === s.shiftId}
                      onClick={() => setOpen((cur) => (cur === s.shiftId ? null : s.shiftId))}
                    >
                      {L().details}
                    </button>
                  </td>
                </tr>
                <Show when={open() === s.shiftId}>
                  <tr class="detail-row">
                    <td colSpan={10}>
                      <ShiftDetail s={s} currency={props.currency} />
                    </td>
                  </tr>
                </Show>
              </>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}

function CardsTable(props: { rows: readonly CardDayRow[]; currency: string }): JSX.Element {
  const [open, setOpen] = createSignal<string | null>(null);
  const L = (): ReturnType<typeof t>['reports']['shifts'] => t().reports.shifts;
  const money = (m: number): string => fmtMoney(m as Money, props.currency);
  const key = (r: CardDayRow): string => `${r.registerId}|${r.day}`;
  return (
    <div class="table-wrap">
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">{L().day}</th>
            <th scope="col">{L().register}</th>
            <th scope="col" class="num">{L().payments}</th>
            <th scope="col" class="num">{L().cardRefunds}</th>
            <th scope="col" class="num">{L().net}</th>
            <th scope="col" class="num">{L().withoutApproval}</th>
            <th scope="col"><span class="visually-hidden">{L().details}</span></th>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>
            {(r) => (
              <>
                <tr data-testid="card-row" data-register={r.registerId} data-day={r.day}>
                  <th scope="row">{fmtDate(`${r.day}T12:00:00`)}</th>
                  <td>{registerLabel(r.registerId)}</td>
                  <td class="num">{r.payments.count} · {money(r.payments.amount)}</td>
                  <td class="num">{r.refunds.count} · {money(r.refunds.amount)}</td>
                  <td class="num strong" data-testid="card-net" data-amount={r.net}>{money(r.net)}</td>
                  <td class="num">{r.withoutApproval}</td>
                  <td>
                    <button type="button" class="btn secondary small" aria-expanded={open() === key(r)} onClick={() => setOpen((c) => (c === key(r) ? null : key(r)))}>
                      {L().details}
                    </button>
                  </td>
                </tr>
                <Show when={open() === key(r)}>
                  <tr class="detail-row">
                    <td colSpan={7}>
                      <table class="data-table compact">
                        <thead>
                          <tr>
                            <th scope="col">{L().time}</th>
                            <th scope="col">{L().receipt}</th>
                            <th scope="col">{L().approval}</th>
                            <th scope="col">{L().card}</th>
                            <th scope="col" class="num">{t().reports.table.amount}</th>
                          </tr>
                        </thead>
                        <tbody>
                          <For each={r.items}>
                            {(i) => (
                              <tr>
                                <td>{fmtTime(i.at)}</td>
                                <td class="mono">{i.receiptLabel}</td>
                                <td class="mono">{i.approvalCode ?? '—'}</td>
                                <td class="mono">{i.last4 ? `•••• ${i.last4}` : '—'}</td>
                                <td class="num">{money(i.amount)}</td>
                              </tr>
                            )}
                          </For>
                        </tbody>
                      </table>
                      <Show when={r.truncated}>
                        <p class="muted small">{L().truncated}</p>
                      </Show>
                    </td>
                  </tr>
                </Show>
              </>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}

function WebPaymentsView(props: { r: PaymentsReconciliation }): JSX.Element {
  const w = (): PaymentsReconciliation['web'] => props.r.web;
  const L = (): ReturnType<typeof t>['reports']['shifts'] => t().reports.shifts;
  const money = (m: number): string => fmtMoney(m as Money, props.r.currency);
  const Fig = (p: { label: string; count: number; amount: number; testid: string }): JSX.Element => (
    <div class="report-figure">
      <dt>{p.label}</dt>
      <dd data-testid={p.testid} data-amount={p.amount}>
        {money(p.amount)} <span class="muted small">({p.count})</span>
      </dd>
    </div>
  );
  return (
    <>
      <dl class="report-figures">
        <Fig label={L().webOrders} count={w().orders} amount={w().total} testid="web-total" />
        <Fig label={L().paidOnline} count={w().paidOnline.count} amount={w().paidOnline.amount} testid="web-paid-online" />
        <Fig label={L().paidAtCounter} count={w().paidAtCounter.count} amount={w().paidAtCounter.amount} testid="web-paid-counter" />
        <Fig label={L().paidOtherwise} count={w().paidOtherwise.count} amount={w().paidOtherwise.amount} testid="web-paid-otherwise" />
        <Fig label={L().refunded} count={w().refunded.count} amount={w().refunded.amount} testid="web-refunded" />
        <Fig label={L().toPay} count={w().toPay.count} amount={w().toPay.amount} testid="web-to-pay" />
      </dl>
      <Show when={w().unpaid.length > 0}>
        <h3>{L().unpaid}</h3>
        <div class="table-wrap">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{L().order}</th>
                <th scope="col">{L().opened}</th>
                <th scope="col">{L().status}</th>
                <th scope="col">{L().method}</th>
                <th scope="col" class="num">{L().total}</th>
                <th scope="col" class="num">{L().paid}</th>
                <th scope="col" class="num">{L().balance}</th>
              </tr>
            </thead>
            <tbody>
              <For each={w().unpaid}>
                {(o) => (
                  <tr data-testid="unpaid-order" data-order-id={o.orderId}>
                    <th scope="row">
                      <A href={`/orders/${encodeURIComponent(o.orderId)}`}>{o.orderNumber}</A>
                    </th>
                    <td>{fmtDateTime(o.createdAt)}</td>
                    <td>{t().orders.statuses[o.status]}</td>
                    <td>{o.paymentMethod ?? '—'}</td>
                    <td class="num">{money(o.total)}</td>
                    <td class="num">{money(o.paid)}</td>
                    <td class="num strong">{money(o.balance)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
        <Show when={w().unpaidTruncated}>
          <p class="muted small">{L().truncated}</p>
        </Show>
      </Show>
    </>
  );
}

export default function ReconcileShiftsScreen(): JSX.Element {
  const run = createReportRun<PaymentsReconciliation>((range, onProgress) => runPaymentsReconciliation(range, onProgress));
  const r = run.result;
  const L = (): ReturnType<typeof t>['reports']['shifts'] => t().reports.shifts;
  const discrepancies = (): Discrepancy[] => r()?.discrepancies ?? [];
  return (
    <main class="page reports-page">
      <div class="reports-head">
        <h1>{L().title}</h1>
        <ReportTabs current="shifts" />
      </div>
      <p class="muted">{L().intro}</p>
      <ReportRangeBar run={run} asOf={r()?.asOf} />
      <Show when={r()}>
        {(res) => (
          <div class="report-body" aria-busy={run.busy()}>
            <section class="card report-section" aria-labelledby="disc-title" data-testid="report-discrepancies">
              <h2 id="disc-title">
                {L().discrepancies} <span class="count">{discrepancies().length}</span>
              </h2>
              <ReportDiscrepancies list={discrepancies()} currency={res().currency} register={registerLabel} />
            </section>
            <section class="card report-section" aria-labelledby="shifts-title" data-testid="report-shifts">
              <h2 id="shifts-title">{L().sessions}</h2>
              <Show when={res().shifts.length > 0} fallback={<p class="empty muted">{L().noSessions}</p>}>
                <ShiftsTable shifts={res().shifts} currency={res().currency} />
              </Show>
            </section>
            <section class="card report-section" aria-labelledby="cards-title" data-testid="report-cards">
              <h2 id="cards-title">{L().cards}</h2>
              <p class="muted small">{L().cardsIntro}</p>
              <Show when={res().cards.length > 0} fallback={<p class="empty muted">{L().noCards}</p>}>
                <CardsTable rows={res().cards} currency={res().currency} />
              </Show>
            </section>
            <section class="card report-section" aria-labelledby="web-title" data-testid="report-web">
              <h2 id="web-title">{L().web}</h2>
              <WebPaymentsView r={res()} />
            </section>
          </div>
        )}
      </Show>
    </main>
  );
}
