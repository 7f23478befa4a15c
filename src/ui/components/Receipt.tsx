import { For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import type { SaleDoc, Tender } from '../../domain/documents.ts';
import { money as toMoney } from '../../domain/money.ts';
import { fmtDateTime, fmtMoney, fmtRate, t } from '../i18n/index.ts';
import { currentPairing, session } from '../session.ts';
import { Barcode } from './Barcode.tsx';
import { CustomerName } from './CustomerName.tsx';

/**
 * The receipt of a completed sale, laid out for the register's paper (58 / 80 mm roll or A4; print CSS
 * in styles/receipt.css). Everything comes from the immutable sale document, plus the shop's name,
 * address and legal lines from its settings and the register's name from the pairing. A reprint
 * carries "DUPLICATA".
 */
export function Receipt(props: { sale: SaleDoc; duplicate?: boolean; layout?: string }): JSX.Element {
  const money = (m: number): string => fmtMoney(toMoney(m), props.sale.currency);
  const registerName = (): string => {
    const p = currentPairing();
    return p && p.registerId === props.sale.registerId ? p.registerName : props.sale.registerId;
  };
  const tenderLabel = (tender: Tender): string => {
    if (tender.kind === 'card' && tender.card) return t().counter.receipt.card(tender.card.last4);
    if (tender.kind === 'other' && tender.label) return tender.label;
    const base = t().receipt.tender[tender.kind];
    return tender.reference ? `${base} ${tender.reference}` : base;
  };
  const discounts = (): number => props.sale.lines.reduce((s, l) => s + (l.quantity > 0 ? (l.discount?.amount ?? 0) : 0), 0);
  return (
    <article class={`receipt layout-${props.layout ?? '80mm'}`} data-testid="receipt" aria-label={t().receipt.title}>
      <header class="receipt-shop">
        <h2>{session.settings.value()?.name ?? t().appName}</h2>
        <For each={session.settings.value()?.address ?? []}>{(line) => <div>{line}</div>}</For>
        <For each={session.settings.value()?.legal ?? []}>{(line) => <div class="small">{line}</div>}</For>
      </header>
      <Show when={props.duplicate}>
        <p class="receipt-duplicate" data-testid="receipt-duplicate">{t().counter.receipt.duplicate}</p>
      </Show>
      <Show when={props.sale.kind === 'refund'}>
        <p class="receipt-duplicate">{t().counter.receipt.refund}</p>
      </Show>

      <dl class="receipt-meta">
        <div><dt>{t().receipt.receiptNo}</dt><dd data-testid="receipt-number">{props.sale.receiptLabel}</dd></div>
        <div><dt>{t().receipt.date}</dt><dd>{fmtDateTime(props.sale.createdAt)}</dd></div>
        <div><dt>{t().receipt.register}</dt><dd>{registerName()}</dd></div>
        <div><dt>{t().receipt.cashier}</dt><dd data-testid="receipt-cashier">{props.sale.cashier}</dd></div>
        <Show when={props.sale.customerId}>
          {(id) => <div><dt>{t().history.customer}</dt><dd data-testid="receipt-customer"><CustomerName id={id()} /></dd></div>}
        </Show>
      </dl>

      <table class="receipt-lines">
        <thead>
          <tr>
            <th scope="col">{t().receipt.item}</th>
            <th scope="col" class="num">{t().receipt.qty}</th>
            <th scope="col" class="num">{t().receipt.amount}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.sale.lines}>
            {(line) => (
              <tr data-testid="receipt-line">
                <td>
                  <Show when={line.quantity < 0}><span>{t().counter.receipt.returned} · </span></Show>
                  {line.name}
                  <Show when={Math.abs(line.quantity) > 1 || line.listPrice !== undefined}>
                    <div class="muted small">
                      {Math.abs(line.quantity)} × {money(line.unitPrice)}
                      <Show when={line.listPrice !== undefined}> ({t().counter.receipt.listPrice} {money(line.listPrice ?? 0)})</Show>
                    </div>
                  </Show>
                  <Show when={line.discount && line.quantity > 0 ? line.discount : undefined}>
                    {(d) => (
                      <div class="muted small" data-testid="receipt-line-discount">
                        {t().counter.receipt.discount}
                        {d().kind === 'percent' && !d().fromCart ? ` ${fmtRate(d().value)}` : ''} −{money(d().amount)}
                        <Show when={d().fromCart}>{(c) => <> ({t().counter.receipt.cartDiscount} {money(c())})</>}</Show>
                      </div>
                    )}
                  </Show>
                  <Show when={line.note}><div class="small receipt-note">« {line.note} »</div></Show>
                </td>
                <td class="num">{line.quantity}</td>
                <td class="num">{money(line.total)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>

      <Show when={discounts() > 0}>
        <div class="receipt-row"><span>{t().counter.receipt.discounts}</span><span data-testid="receipt-discounts">−{money(discounts())}</span></div>
      </Show>
      <div class="receipt-total">
        <span>{t().receipt.total}</span>
        <span data-testid="receipt-total">{money(props.sale.totals.gross)}</span>
      </div>

      <table class="receipt-vat">
        <thead>
          <tr>
            <th scope="col">{t().receipt.vatRate}</th>
            <th scope="col" class="num">{t().receipt.net}</th>
            <th scope="col" class="num">{t().receipt.vat}</th>
            <th scope="col" class="num">{t().receipt.gross}</th>
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
            <div data-testid="receipt-tender">
              <dt>{tenderLabel(tender)}</dt>
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
