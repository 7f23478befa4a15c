/**
 * "Take the balance" of a web order at the counter: the sell screen's tender panel (cash given and
 * change, card with its approval code, the shop's other tenders), preselected from how the customer
 * chose to pay online. The command makes a real sale for the order — the receipt prints and the
 * drawer opens for cash, as after any sale — then records the order paid.
 */
import { onCleanup, onMount } from 'solid-js';
import type { JSX } from 'solid-js';
import type { SaleDoc, Tender } from '../../domain/documents.ts';
import { money } from '../../domain/money.ts';
import { preselectTender } from '../../domain/tender-preselect.ts';
import type { OrderState } from '../../domain/web-order-types.ts';
import { recordBalanceSale, takeOrderBalance } from '../actions.ts';
import { errorMessage } from '../reactive.ts';
import { t } from '../i18n/index.ts';
import type { StoreSettingsRow, WebOrderRow } from '../types.ts';
import { TenderPanel } from './TenderPanel.tsx';
import { orderRefusalText } from './OrderShared.tsx';
import '../styles/counter.css';

export function OrderBalanceDialog(props: {
  state: OrderState;
  order: WebOrderRow;
  settings: StoreSettingsRow | undefined;
  onDone: (sale: SaleDoc) => void;
  /** The sale is saved (money taken, receipt printed) but the order does not know yet: never take it twice. */
  onUnrecorded: (text: string) => void;
  onClose: () => void;
}): JSX.Element {
  const otherTenders = (): Array<{ id: string; label: string }> => props.settings?.otherTenders ?? [];
  // Read once: the panel keeps what the cashier changes afterwards.
  const choice = preselectTender(props.state.paymentMethod ?? props.order.paymentProcessor ?? props.order.payment.processor, otherTenders());
  const due = props.state.balance;
  const initialMode = choice.kind === 'card' || choice.kind === 'voucher' ? choice.kind : 'cash';
  // A configured tender (a cheque) is proposed for the whole balance; the cashier can remove it.
  const initialTenders: Tender[] =
    choice.kind === 'other' && choice.tenderId !== undefined
      ? [{ kind: 'other', amount: money(due), tenderId: choice.tenderId, label: choice.label ?? otherTenders().find((o) => o.id === choice.tenderId)?.label ?? choice.tenderId }]
      : [];

  // The tender panel shows Esc as its cancel key; on the sell screen the screen handles it, here we do.
  const onKey = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || document.getElementById('manager-override-host')?.querySelector('.overlay')) return;
    e.preventDefault();
    props.onClose();
  };
  onMount(() => window.addEventListener('keydown', onKey));
  onCleanup(() => window.removeEventListener('keydown', onKey));

  async function pay(tenders: Tender[]): Promise<string | null> {
    try {
      const r = await takeOrderBalance(props.state.orderId, tenders);
      if (r.ok) {
        props.onDone(r.value.sale);
        return null;
      }
      if (r.error.kind !== 'paid_not_recorded') return orderRefusalText(r.error);
      const { sale, message } = r.error;
      const again = await recordBalanceSale(props.state.orderId, sale);
      if (again.ok) props.onDone(sale);
      else props.onUnrecorded(t().orderDetail.flash.paidNotRecorded(sale.receiptLabel, message));
      return null;
    } catch (e) {
      return t().errors.unexpected(errorMessage(e));
    }
  }

  return (
    <div class="order-balance" data-testid="balance-dialog" data-preselected={choice.kind}>
      <TenderPanel
        due={due}
        currency={props.order.currency}
        otherTenders={otherTenders()}
        initialMode={initialMode}
        initialTenders={initialTenders}
        onComplete={pay}
        onCancel={props.onClose}
      />
    </div>
  );
}
