import { useNavigate, useParams } from '@solidjs/router';
import { For, onCleanup, onMount, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import {
  invoiceContentOfSale,
  invoiceContentOfWebOrder,
  invoiceLabel,
  invoiceLineView,
  invoiceTotals,
  type InvoiceContent,
} from '../../domain/invoice.ts';
import type { Money } from '../../domain/money.ts';
import { watchInvoiceView, type InvoiceView } from '../../store/invoice-queries.ts';
import { fmtDate, fmtMoney, fmtRate, t } from '../i18n/index.ts';
import { live } from '../reactive.ts';
import { session } from '../session.ts';
import { useShortcuts } from '../shortcuts.ts';
import '../styles/invoice.css';

/** What the page prints: the issued invoice, or (pending) the same figures from the request's source. */
function contentOf(view: InvoiceView): InvoiceContent | null {
  const inv = view.invoice;
  if (inv) {
    return { lines: inv.lines, vatBreakdown: inv.vatBreakdown, total: inv.total, sourceLabel: inv.sourceLabel ?? inv.source, currency: inv.currency ?? 'EUR' };
  }
  const src = view.source;
  if (!src) return null;
  return src.type === 'sale' ? invoiceContentOfSale(src) : invoiceContentOfWebOrder(src, () => undefined);
}

/**
 * Prints on A4 whatever paper the register's receipts use: the page size cannot depend on a class,
 * so it is set (in the same style element the receipt print uses) right before the dialog opens.
 */
function printInvoice(): void {
  let style = document.getElementById('receipt-page-size') as HTMLStyleElement | null;
  if (style === null) {
    style = document.createElement('style');
    style.id = 'receipt-page-size';
    document.head.append(style);
  }
  style.textContent = '@media print { @page { size: A4; margin: 0; } }';
  window.print();
}

/**
 * An A4 invoice (facture): shop and legal lines, number and date, customer, lines with unit prices
 * HT and TTC, VAT per rate, totals, and the sale it is for. Until the server numbered it, it says so.
 */
export default function InvoiceScreen(): JSX.Element {
  const params = useParams<{ id: string }>();
  const navigate = useNavigate();
  const view = live<InvoiceView | undefined>(() => watchInvoiceView(decodeURIComponent(params.id)), undefined);

  useShortcuts([{ keys: 'Ctrl+P', label: () => t().help.keys.print }]);
  const onKey = (e: KeyboardEvent): void => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'p') {
      e.preventDefault();
      printInvoice();
    }
  };
  onMount(() => window.addEventListener('keydown', onKey));
  onCleanup(() => window.removeEventListener('keydown', onKey));

  return (
    <main class="page invoice-screen">
      <div class="panel-actions no-print">
        <button type="button" class="btn secondary" data-testid="invoice-back" onClick={() => navigate(-1)}>
          ← {t().invoice.back}
        </button>
        <button type="button" class="btn primary" data-testid="invoice-print" onClick={printInvoice}>
          {t().invoice.print} <kbd>Ctrl+P</kbd>
        </button>
      </div>
      <Show when={view.ready() && !view.value()}>
        <p class="notice error" data-testid="invoice-not-found">
          {t().invoice.notFound}
        </p>
      </Show>
      <Show when={view.value()}>{(v) => <InvoicePage view={v()} />}</Show>
    </main>
  );
}

function InvoicePage(props: { view: InvoiceView }): JSX.Element {
  const settings = () => session.settings.value();
  const inv = () => props.view.invoice;
  const customer = () => inv()?.customer ?? props.view.request?.customer;
  const content = () => contentOf(props.view);
  const money = (m: Money): string => fmtMoney(m, content()?.currency ?? 'EUR');
  const totals = () => invoiceTotals({ vatBreakdown: content()?.vatBreakdown ?? [] });
  const date = () => inv()?.issuedAt ?? props.view.request?.at;
  const sourceId = () => inv()?.source ?? props.view.request?.source ?? '';
  const reference = (): string => {
    const label = content()?.sourceLabel ?? sourceId();
    return sourceId().startsWith('weborder:') ? t().invoice.orderRef(label) : t().invoice.receiptRef(label);
  };

  return (
    <article class="invoice-page" data-testid="invoice-page" data-state={inv() ? 'issued' : 'pending'}>
      <header class="invoice-head">
        <div class="invoice-shop">
          <h2>{settings()?.name ?? t().appName}</h2>
          <For each={settings()?.address ?? []}>{(line) => <div>{line}</div>}</For>
        </div>
        <div class="invoice-title">
          <h1>{t().invoice.title}</h1>
          <Show
            when={inv()}
            fallback={
              <p class="invoice-pending" data-testid="invoice-number" data-state="pending">
                {t().invoice.pending}
                <span class="muted small no-print">{t().invoice.pendingHint}</span>
              </p>
            }
          >
            {(i) => (
              <p>
                {t().invoice.number}{' '}
                <strong data-testid="invoice-number" data-state="issued" data-number={i().number}>
                  {invoiceLabel(i().number)}
                </strong>
              </p>
            )}
          </Show>
          <Show when={date()}>
            {(d) => (
              <p>
                {t().invoice.date} : {fmtDate(d())}
              </p>
            )}
          </Show>
          <p>
            {t().invoice.reference} : <span data-testid="invoice-reference">{reference()}</span>
          </p>
        </div>
      </header>

      <Show when={customer()}>
        {(c) => (
          <section class="invoice-customer" data-testid="invoice-customer">
            <h3>{t().invoice.billedTo}</h3>
            <strong>{c().name}</strong>
            <For each={c().address}>{(line) => <div>{line}</div>}</For>
            <Show when={c().vatNumber}>
              <div>
                {t().invoice.vatNumberShort} : {c().vatNumber}
              </div>
            </Show>
          </section>
        )}
      </Show>

      <table class="invoice-lines">
        <thead>
          <tr>
            <th scope="col">{t().invoice.designation}</th>
            <th scope="col" class="num">{t().invoice.qty}</th>
            <th scope="col" class="num">{t().invoice.unitNet}</th>
            <th scope="col" class="num">{t().invoice.unitGross}</th>
            <th scope="col" class="num">{t().invoice.vatRate}</th>
            <th scope="col" class="num">{t().invoice.totalNet}</th>
            <th scope="col" class="num">{t().invoice.totalGross}</th>
          </tr>
        </thead>
        <tbody>
          <For each={(content()?.lines ?? []).map(invoiceLineView)}>
            {(l) => (
              <tr data-testid="invoice-line">
                <td>
                  {l.name}
                  <Show when={l.sku}>
                    <div class="muted small">{l.sku}</div>
                  </Show>
                </td>
                <td class="num">{l.quantity}</td>
                <td class="num">{money(l.unitNet)}</td>
                <td class="num">{money(l.unitGross)}</td>
                <td class="num">{fmtRate(l.vatRate)}</td>
                <td class="num">{money(l.totalNet)}</td>
                <td class="num">{money(l.totalGross)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>

      <div class="invoice-bottom">
        <table class="invoice-vat">
          <thead>
            <tr>
              <th scope="col">{t().invoice.vatRate}</th>
              <th scope="col" class="num">{t().invoice.vatBase}</th>
              <th scope="col" class="num">{t().invoice.vatAmount}</th>
              <th scope="col" class="num">{t().invoice.totalGross}</th>
            </tr>
          </thead>
          <tbody>
            <For each={content()?.vatBreakdown ?? []}>
              {(r) => (
                <tr>
                  <td>{fmtRate(r.rate)}</td>
                  <td class="num">{money(r.net)}</td>
                  <td class="num">{money(r.vat)}</td>
                  <td class="num">{money(r.gross)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
        <dl class="invoice-totals">
          <div>
            <dt>{t().invoice.totalNet}</dt>
            <dd data-testid="invoice-total-net">{money(totals().net)}</dd>
          </div>
          <div>
            <dt>{t().invoice.totalVat}</dt>
            <dd data-testid="invoice-total-vat">{money(totals().vat)}</dd>
          </div>
          <div class="grand">
            <dt>{t().invoice.totalGross}</dt>
            <dd data-testid="invoice-total">{money(totals().gross)}</dd>
          </div>
        </dl>
      </div>
      <Show when={sourceId().startsWith('sale:')}>
        <p class="invoice-paid">{t().invoice.paid}</p>
      </Show>
      <footer class="invoice-legal">
        <For each={settings()?.legal ?? []}>{(line) => <div>{line}</div>}</For>
      </footer>
    </article>
  );
}
