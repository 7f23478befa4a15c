import { A, useNavigate } from '@solidjs/router';
import { createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { attachCustomer, addProduct } from '../../domain/cart.ts';
import { invoiceLabel } from '../../domain/invoice.ts';
import { repeatOrderItems } from '../../domain/repeat-order.ts';
import { getCustomer } from '../../store/customer-queries.ts';
import { watchInvoicesForSource, type SourceInvoice } from '../../store/invoice-queries.ts';
import { findProductByCode } from '../../store/queries.ts';
import { cartStore } from '../cart-store.ts';
import { emailReceipt } from '../customer-actions.ts';
import { lang, t } from '../i18n/index.ts';
import { errorMessage, live } from '../reactive.ts';
import { printReceipt, receiptLayout } from '../receipt-prefs.ts';
import { currentPairing } from '../session.ts';
import { isTyping, useShortcuts } from '../shortcuts.ts';
import type { SaleRow } from '../types.ts';
import { CustomerName } from './CustomerName.tsx';
import { InvoiceRequestForm } from './InvoiceRequestForm.tsx';
import { Receipt } from './Receipt.tsx';

type Mode = 'receipt' | 'email' | 'invoice';

/** A sale opened from the history: its receipt and what can be done with it. */
export function SaleDetail(props: { sale: SaleRow; onClose: () => void }): JSX.Element {
  const navigate = useNavigate();
  const [mode, setMode] = createSignal<Mode>('receipt');
  const [to, setTo] = createSignal('');
  const [notice, setNotice] = createSignal<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const invoices = live<SourceInvoice[]>(() => watchInvoicesForSource(props.sale._id), []);

  function reprint(): void {
    // The layout is this register's paper; from the history, every print is a duplicate.
    printReceipt(props.sale._id, currentPairing()?.registerId ?? props.sale.registerId);
  }

  async function openEmail(): Promise<void> {
    setMode('email');
    if (to() === '' && props.sale.customerId) setTo((await getCustomer(props.sale.customerId))?.email ?? '');
  }

  async function sendEmail(): Promise<void> {
    try {
      const r = await emailReceipt({ saleId: props.sale._id, to: to(), locale: lang() === 'fr' ? 'fr-FR' : 'en' });
      if (r.ok) {
        setNotice({ kind: 'ok', text: t().history.emailQueued(to().trim()) });
        setMode('receipt');
      } else if (r.error.kind === 'invalid_email') setNotice({ kind: 'error', text: t().history.emailInvalid });
      else setNotice({ kind: 'error', text: t().history.emailFailed(r.error.kind === 'not_saved' ? r.error.message : t().invoice.notPaired) });
    } catch (e) {
      setNotice({ kind: 'error', text: t().history.emailFailed(errorMessage(e)) });
    }
  }

  async function repeat(): Promise<void> {
    const items = repeatOrderItems(props.sale);
    let cart = cartStore.currentCart();
    const missing: string[] = [];
    for (const item of items) {
      const product = await findProductByCode(item.sku);
      if (product) cart = addProduct(cart, product, item.quantity);
      else missing.push(item.name);
    }
    if (props.sale.customerId && cart.customerId === undefined) cart = attachCustomer(cart, props.sale.customerId);
    cartStore.loadCart(cart);
    if (missing.length > 0) setNotice({ kind: 'error', text: t().history.repeatMissing(missing.join(', ')) });
    navigate('/');
  }

  const refund = (): void => navigate(`/returns?sale=${encodeURIComponent(props.sale._id)}`);

  useShortcuts([
    { keys: 'P', label: () => t().help.keys.reprint },
    { keys: 'R', label: () => t().help.keys.repeat },
    { keys: 'F', label: () => t().help.keys.invoice },
    { keys: t().keys.esc, label: () => t().help.keys.escape },
  ]);
  const onKey = (e: KeyboardEvent): void => {
    if (isTyping(e) || e.ctrlKey || e.metaKey || e.altKey || mode() !== 'receipt') return;
    const k = e.key.toLowerCase();
    if (k === 'p') reprint();
    else if (k === 'r') void repeat();
    else if (k === 'f') setMode('invoice');
    else return;
    e.preventDefault();
  };
  onMount(() => window.addEventListener('keydown', onKey));
  onCleanup(() => window.removeEventListener('keydown', onKey));

  return (
    <div class="overlay receipt-overlay" onClick={(e) => e.target === e.currentTarget && props.onClose()}>
      <div
        class="panel receipt-panel sale-detail"
        role="dialog"
        aria-modal="true"
        aria-label={t().history.detail}
        data-testid="sale-detail"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            if (mode() !== 'receipt') setMode('receipt');
            else props.onClose();
          }
        }}
      >
        <Show when={props.sale.customerId}>
          {(id) => (
            <p class="sale-customer no-print" data-testid="sale-customer">
              {t().history.customer} : <strong><CustomerName id={id()} /></strong>
            </p>
          )}
        </Show>
        <Show when={mode() === 'receipt'}>
          <Receipt sale={props.sale} duplicate layout={receiptLayout(currentPairing()?.registerId ?? props.sale.registerId)} />
        </Show>
        <Show when={mode() === 'email'}>
          <form
            class="sale-email-form no-print"
            onSubmit={(e) => {
              e.preventDefault();
              void sendEmail();
            }}
          >
            <label class="field">
              <span>{t().history.emailTo}</span>
              <input type="email" data-testid="sale-email-to" value={to()} ref={(el) => queueMicrotask(() => el.focus())} onInput={(e) => setTo(e.currentTarget.value)} />
            </label>
            <div class="panel-actions">
              <button type="button" class="btn secondary" onClick={() => setMode('receipt')}>
                {t().customers.cancel}
              </button>
              <button type="submit" class="btn primary" data-testid="sale-email-send">
                {t().history.emailSend}
              </button>
            </div>
          </form>
        </Show>
        <Show when={mode() === 'invoice'}>
          <InvoiceRequestForm
            source={props.sale._id}
            customerId={props.sale.customerId}
            onRequested={(req) => navigate(`/invoices/${encodeURIComponent(req._id)}`)}
            onCancel={() => setMode('receipt')}
          />
        </Show>

        <Show when={notice()}>
          {(n) => (
            <p class={`notice ${n().kind} no-print`} role="status" data-testid="sale-notice">
              {n().text}
            </p>
          )}
        </Show>
        <Show when={invoices.value().length > 0}>
          <div class="sale-invoices no-print">
            <h3 class="section-title">{t().history.invoices}</h3>
            <ul class="list" role="list">
              <For each={invoices.value()}>
                {(inv) => (
                  <li>
                    <A class="list-row" href={`/invoices/${encodeURIComponent(inv.requestId)}`} data-testid="sale-invoice-link">
                      {inv.number === null ? t().history.invoicePending : t().history.invoiceNo(invoiceLabel(inv.number))}
                    </A>
                  </li>
                )}
              </For>
            </ul>
          </div>
        </Show>

        <Show when={mode() === 'receipt'}>
          <div class="panel-actions sale-actions no-print">
            <button type="button" class="btn secondary" data-testid="sale-reprint" onClick={reprint}>
              {t().history.reprint} <kbd>P</kbd>
            </button>
            <button type="button" class="btn secondary" data-testid="sale-email" onClick={() => void openEmail()}>
              {t().history.email}
            </button>
            <button type="button" class="btn secondary" data-testid="sale-refund" onClick={refund}>
              {t().history.refundAction}
            </button>
            <button type="button" class="btn secondary" data-testid="sale-repeat" onClick={() => void repeat()}>
              {t().history.repeat} <kbd>R</kbd>
            </button>
            <button type="button" class="btn secondary" data-testid="sale-invoice" onClick={() => setMode('invoice')}>
              {t().history.invoice} <kbd>F</kbd>
            </button>
            <button type="button" class="btn primary" data-testid="receipt-close" ref={(el) => queueMicrotask(() => el.focus())} onClick={() => props.onClose()}>
              {t().receipt.close} <kbd>{t().keys.esc}</kbd>
            </button>
          </div>
        </Show>
      </div>
    </div>
  );
}
