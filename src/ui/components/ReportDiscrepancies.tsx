/**
 * The reconciliation's discrepancies, each said in a sentence with what to look at (a receipt, an
 * order, a Z), most important kinds first.
 */
import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import type { Money } from '../../domain/money.ts';
import type { Discrepancy } from '../../domain/payments-reconcile.ts';
import { fmtDateTime, fmtMoney, t } from '../i18n/index.ts';

export function describeDiscrepancy(d: Discrepancy, currency: string, register: (id: string) => string = (id) => t().reports.shifts.registerId(id)): string {
  const m = (x: number): string => fmtMoney(x as Money, currency);
  const signed = (x: number): string => `${x > 0 ? '+' : ''}${m(x)}`;
  const L = t().reports.discrepancy;
  switch (d.kind) {
    case 'z_difference':
      return L.zDifference(register(d.registerId), d.zNumber, signed(d.amount), d.lateSales, d.missingSales);
    case 'cash_difference':
      return L.cashDifference(register(d.registerId), d.zNumber, m(d.counted), m(d.expected), signed(d.amount));
    case 'journal_gap':
      return L.journalGap(register(d.registerId), d.zNumber, d.missing);
    case 'unclosed_shift':
      return L.unclosedShift(register(d.registerId), fmtDateTime(d.openedAt));
    case 'card_without_approval':
      return L.cardWithoutApproval(register(d.registerId), d.receiptLabel, m(d.amount));
    case 'balance_without_event':
      return L.balanceWithoutEvent(d.receiptLabel, m(d.amount));
    case 'payment_sale_missing':
      return L.paymentSaleMissing(d.orderNumber, m(d.amount));
    case 'payment_amount_mismatch':
      return L.paymentAmountMismatch(d.orderNumber, m(d.paid), m(d.sale));
    case 'delivered_unpaid':
      return L.deliveredUnpaid(d.orderNumber, m(d.balance));
  }
}

/** Where to look: the order, the receipt, or nothing (a shift's line is in the table below). */
function linkOf(d: Discrepancy): string | null {
  if ('orderId' in d && d.kind !== 'balance_without_event') return `/orders/${encodeURIComponent(d.orderId)}`;
  if ('saleId' in d) return `/sales?sale=${encodeURIComponent(d.saleId)}`;
  return null;
}

export function ReportDiscrepancies(props: { list: readonly Discrepancy[]; currency: string; register?: (id: string) => string }): JSX.Element {
  return (
    <Show when={props.list.length > 0} fallback={<p class="banner ok" data-testid="no-discrepancy">{t().reports.shifts.noDiscrepancy}</p>}>
      <ul class="discrepancies" role="list">
        <For each={props.list}>
          {(d) => (
            <li class="discrepancy" data-testid="discrepancy" data-kind={d.kind} data-amount={'amount' in d ? d.amount : undefined}>
              <span class="pill warn">{t().reports.discrepancy.kinds[d.kind]}</span>{' '}
              <span>{describeDiscrepancy(d, props.currency, props.register)}</span>
              <Show when={linkOf(d)}>
                {(href) => (
                  <>
                    {' '}
                    <A href={href()} class="small" aria-label={t().reports.shifts.details}>
                      →
                    </A>
                  </>
                )}
              </Show>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
