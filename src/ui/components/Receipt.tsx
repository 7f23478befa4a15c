import { For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import type { SaleDoc } from '../../domain/documents.ts';
import { fmtDateTime, fmtMoney, fmtRate, t } from '../i18n/index.ts';
import { currentPairing, session } from '../session.ts';
import { Barcode } from './Barcode.tsx';

/**
 * The on-screen receipt of a completed sale, laid out as the 80 mm paper one (print CSS in
 * styles/receipt.css). Everything comes from the immutable sale document, plus the shop's name and
 * address from its settings and the register's name from the pairing.
 */
export function Receipt(props: { sale: SaleDoc }): JSX.Element {
  const money = (m: SaleDoc['totals']['gross']): string => fmtMoney(m, props.sale.currency);
  const registerName = (): string => {
    const p = currentPairing();
    return p && p.registerId === props.sale.registerId ? p.registerName : props.sale.registerId;
  };
  return (
    <article class="receipt" data-testid="receipt" aria-label={t().receipt.title}>
      <header class="receipt-shop">
        <h2>{session.settings.value()?.name ?? t().appName}</h2>
        <For each={session.settings.value()?.address ?? []}>{(line) => <div>{line}</div>}</For>
      </header>

      <dl class="receipt-meta">
        <div>
          <dt>{t().receipt.receiptNo}</dt>
          <dd data-testid="receipt-number">{props.sale.receiptLabel}</dd>
        </div>
        <div>
          <dt>{t().receipt.date}</dt>
          <dd>{fmtDateTime(props.sale.createdAt)}</dd>
        </div>
        <div>
          <dt>{t().receipt.register}</dt>
          <dd>{registerName()}</dd>
        </div>
        <div>
          <dt>{t().receipt.cashier}</dt>
          <dd>{props.sale.cashier}</dd>
        </div>
      </dl>

      <table class="receipt-lines">
        <thead>
          <tr>
            <th scope="col">{t().receipt.item}</th>
            <th scope="col" class="num">
              {t().receipt.qty}
            </th>
            <th scope="col" class="num">
              {t().receipt.amount}
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={props.sale.lines}>
            {(line) => (
              <tr>
                <td>
                  {line.name}
                  <Show when={line.quantity > 1}>
                    <div class="muted small">
                      {line.quantity} × {money(line.unitPrice)}
                    </div>
                  </Show>
                </td>
                <td class="num">{line.quantity}</td>
                <td class="num">{money(line.total)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>

      <div class="receipt-total">
        <span>{t().receipt.total}</span>
        <span data-testid="receipt-total">{money(props.sale.totals.gross)}</span>
      </div>

      <table class="receipt-vat">
        <thead>
          <tr>
            <th scope="col">{t().receipt.vatRate}</th>
            <th scope="col" class="num">
              {t().receipt.net}
            </th>
            <th scope="col" class="num">
              {t().receipt.vat}
            </th>
            <th scope="col" class="num">
              {t().receipt.gross}
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={props.sale.vatBreakdown}>
            {(row) => (
              <tr>
                <td>{fmtRate(row.rate)}</td>
                <td class="num">{money(row.net)}</td>
                <td class="num">{money(row.vat)}</td>
                <td class="num">{money(row.gross)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>

      <dl class="receipt-pay">
        <For each={props.sale.tenders}>
          {(tender) => (
            <div>
              <dt>
                {t().receipt.tendered} ({t().receipt.tender[tender.kind]})
              </dt>
              <dd>{money(tender.amount)}</dd>
            </div>
          )}
        </For>
        <div class="change">
          <dt>{t().receipt.change}</dt>
          <dd data-testid="receipt-change">{money(props.sale.totals.change)}</dd>
        </div>
      </dl>

      <div class="receipt-barcode">
        <Barcode value={props.sale.receiptLabel} height={44} />
      </div>
      <p class="receipt-thanks">{t().receipt.thanks}</p>
    </article>
  );
}
