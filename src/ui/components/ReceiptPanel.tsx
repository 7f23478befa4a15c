import { createSignal, For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import type { SaleDoc } from '../../domain/documents.ts';
import { emailReceipt } from '../actions.ts';
import { lang, t } from '../i18n/index.ts';
import { errorMessage } from '../reactive.ts';
import { printCount, printReceipt, RECEIPT_LAYOUTS, receiptLayout, setReceiptLayout, type ReceiptLayout } from '../receipt-prefs.ts';
import { Receipt } from './Receipt.tsx';

/**
 * A receipt on screen with its actions: print (browser dialog, the register's paper layout; a reprint
 * is a DUPLICATA), email (queued through the server), and the primary action (new sale, or close).
 * The sales history can reuse it for reprints.
 */
export function ReceiptPanel(props: { sale: SaleDoc; primaryLabel: string; primaryTestId: string; onPrimary: () => void }): JSX.Element {
  const [emailing, setEmailing] = createSignal(false);
  const [to, setTo] = createSignal('');
  const [message, setMessage] = createSignal<{ ok: boolean; text: string } | null>(null);
  const layout = (): ReceiptLayout => receiptLayout(props.sale.registerId);

  async function send(): Promise<void> {
    try {
      const r = await emailReceipt({ saleId: props.sale._id, to: to(), locale: lang() === 'fr' ? 'fr-FR' : 'en' });
      if (r.ok) {
        setMessage({ ok: true, text: t().counter.receipt.emailQueued(r.value.to) });
        setEmailing(false);
      } else setMessage({ ok: false, text: r.error.kind === 'invalid_email' ? t().counter.receipt.emailInvalid : r.error.kind === 'not_saved' ? r.error.message : r.error.kind });
    } catch (e) {
      setMessage({ ok: false, text: t().errors.unexpected(errorMessage(e)) });
    }
  }

  return (
    <div class="overlay receipt-overlay">
      <div class="panel receipt-panel" role="dialog" aria-modal="true" aria-label={t().receipt.title}>
        <Receipt sale={props.sale} duplicate={printCount(props.sale._id) > 0} layout={layout()} />
        <div class="no-print receipt-tools">
          <label class="field inline">
            <span>{t().counter.receipt.layout}</span>
            <select data-testid="receipt-layout" value={layout()} onChange={(e) => setReceiptLayout(props.sale.registerId, e.currentTarget.value as ReceiptLayout)}>
              <For each={RECEIPT_LAYOUTS}>{(l) => <option value={l}>{t().counter.receipt.layouts[l]}</option>}</For>
            </select>
          </label>
          <Show when={emailing()}>
            <form class="email-form" onSubmit={(e) => { e.preventDefault(); void send(); }}>
              <input type="email" data-testid="receipt-email-to" aria-label={t().counter.receipt.emailTo} placeholder={t().counter.receipt.emailTo}
                autocomplete="off" value={to()} ref={(el) => queueMicrotask(() => el.focus())} onInput={(e) => { setTo(e.currentTarget.value); setMessage(null); }} />
              <button type="submit" class="btn primary" data-testid="receipt-email-send">{t().counter.receipt.emailSend}</button>
            </form>
          </Show>
          <Show when={message()}>
            {(m) => <p class="banner" classList={{ error: !m().ok }} role="status" data-testid="receipt-email-status">{m().text}</p>}
          </Show>
        </div>
        <div class="panel-actions no-print">
          <button type="button" class="btn secondary" data-testid="receipt-print" onClick={() => printReceipt(props.sale._id, props.sale.registerId)}>
            {t().receipt.print}
          </button>
          <button type="button" class="btn secondary" data-testid="receipt-email" onClick={() => setEmailing(!emailing())}>
            {t().counter.receipt.email}
          </button>
          <button type="button" class="btn primary big" data-testid={props.primaryTestId} ref={(el) => queueMicrotask(() => el.focus())} onClick={() => props.onPrimary()}>
            {props.primaryLabel} <kbd>{t().keys.enter}</kbd>
          </button>
        </div>
      </div>
    </div>
  );
}
