/** Order detail history, refusals, payment checks (issue 6), English: typed against the French reference. */
import type { EventDetail, orderHistoryFr } from './order-detail-history.fr.ts';

const units = (lines: EventDetail['lines']): string => (lines ?? []).map((l) => `${l.quantity} × ${l.sku}`).join(', ');
const at = (d: EventDetail): string => (d.place ? ` — ${d.place}` : '');
const forced = (d: EventDetail): string => (d.override === true ? ' (manager override)' : '');
const refundEn = (d: EventDetail): string =>
  d.amount === undefined ? '' : d.refundTo === 'store_credit' ? `; store credit ${d.amount}${d.voucher ? ` (${d.voucher})` : ''}` : `; refund ${d.amount}`;

export const orderHistoryEn: typeof orderHistoryFr = {
  event: (kind, d) => {
    switch (kind) {
      case 'picked':
        return (d.all === true ? 'Pick completed without scanning' : `Picked ${d.quantity ?? 1} × ${d.sku ?? ''}`) + at(d);
      case 'packed':
        return `Packed${at(d)}${forced(d)}`;
      case 'note':
        return `Note: ${d.text ?? ''}`;
      case 'shipped':
        return `Shipped${d.lines?.length ? ` (${units(d.lines)})` : ''}${d.tracking ? ` — ${d.tracking.carrier} ${d.tracking.number}` : ''}${at(d)}${forced(d)}`;
      case 'ready_for_pickup':
        return `Ready for pickup${forced(d)}`;
      case 'picked_up':
        return `Picked up by the customer${forced(d)}`;
      case 'cancelled':
        return `Cancelled${d.reason ? `: ${d.reason}` : ''}${d.restock === false ? ' (not restocked)' : ''}${refundEn(d)}`;
      case 'allocated':
        return `Allocated: ${(d.allocation ?? []).map((a) => `${a.quantity} × ${a.sku} → ${a.location}`).join(', ')}`;
      case 'paid':
        return `Balance taken${d.amount ? `: ${d.amount}` : ''}${d.method ? ` (${d.method})` : ''}`;
      case 'changed': {
        const c = d.change ?? {};
        const parts = [c.sku && c.remove ? `removed ${c.remove} × ${c.sku}` : '', c.add ? `added ${c.add.quantity} × ${c.add.sku}` : ''].filter((p) => p !== '');
        return `Changed: ${parts.join(', ')}${refundEn(d)}`;
      }
      case 'returned':
        return `Return: ${units(d.lines)}${d.restock === false ? ' (not restocked)' : ''}${refundEn(d)}${d.surcharge ? `; surcharge kept ${d.surcharge}` : ''}`;
      case 'assigned':
        return d.assignee ? `Assigned to ${d.assignee}` : 'Unassigned';
      case 'address_corrected':
        return 'Address or customer corrected';
      case 'printed':
        return d.printed === 'label' ? 'Label printed' : d.printed === 'pick_list' ? 'Pick list printed' : 'Packing slip printed';
    }
  },
  refusal: (r) => {
    switch (r.kind) {
      case 'not_on_order':
        return `Wrong item: ${r.sku ?? ''} is not on this order.`;
      case 'over_pick':
        return `Extra unit: ${r.sku ?? ''} is already picked (${r.picked ?? 0}/${r.ordered ?? 0}).`;
      case 'unknown_code':
        return `Unknown code: ${r.code ?? ''}.`;
      case 'closed':
        return 'This order is closed.';
      case 'not_picking':
        return 'This step is already done.';
      case 'bad_quantity':
        return 'Invalid quantity.';
      case 'not_picked':
        return 'Not every item is picked.';
      case 'not_packed':
        return 'The order is not packed.';
      case 'unpaid':
        return 'The order is not fully paid: take the balance first.';
      case 'flagged':
        return 'The payment checks failed: a manager must approve.';
      case 'wrong_delivery':
        return 'Not possible for this delivery method.';
      case 'empty_note':
        return 'The note is empty.';
      case 'nothing_to_ship':
        return 'Nothing left to ship.';
      case 'over_ship':
        return 'More units than are left to ship.';
      case 'already_shipped':
        return 'Already shipped: make a return instead.';
      case 'not_shipped':
        return 'Nothing is shipped yet: change or cancel the order instead.';
      case 'over_return':
        return 'More units than were shipped.';
      case 'nothing_due':
        return 'Nothing to take: the order is paid.';
      case 'bad_amount':
        return 'Invalid amount.';
      case 'no_lines_at':
        return 'This location has no line of the order.';
      case 'over_remove':
        return 'More units than are left to ship.';
      case 'empty_change':
        return 'Nothing changed.';
      case 'no_address':
        return 'No shipping address: correct it first.';
      case 'bad_parcel':
        return 'Invalid parcel weight or size.';
      case 'weight_required':
        return 'This carrier needs the parcel’s weight.';
      case 'too_heavy':
        return 'Parcel too heavy for this service.';
      case 'unknown_service':
        return 'Unknown carrier service.';
      case 'rejected':
      case 'unreachable':
        return `Carrier: ${r.message ?? ''}`;
      case 'unknown_location':
        return 'Unknown location.';
      case 'bad_allocation':
        return 'The allocation does not cover the order exactly.';
      case 'empty_reason':
        return 'Give a reason.';
      case 'not_paired':
        return 'Register not paired.';
      case 'not_signed_in':
        return 'Nobody is signed in on this register.';
      case 'order_not_found':
        return 'Order not found.';
      case 'no_open_shift':
        return 'No open shift: open the till first (Shift screen).';
      case 'not_saved':
        return `Not saved: ${r.message ?? ''}`;
      case 'order_cancelled':
        return 'The order is cancelled.';
      case 'pickup_order':
        return 'A pickup order gets no shipping label.';
      case 'no_service':
        return 'Choose a carrier service.';
      case 'unknown_courier':
        return 'Unknown carrier.';
      case 'unprintable_label':
        return 'This label cannot be printed here.';
      case 'not_queued':
        return `Could not print: ${r.message ?? ''}`;
      default:
        return null;
    }
  },
  refusedTag: (why) => `refused: ${why}`,
  checks: {
    title: 'Payment checks',
    names: { fraud_risk: 'Fraud risk', address: 'Address (AVS)', postcode: 'Postcode', card_code: 'Card code (CVC)', '3d_secure': '3-D Secure' },
    results: { pass: 'Pass', fail: 'Failed', unavailable: 'Unavailable' },
    flagged: 'Payment checks failed: hand nothing over and ship nothing without a manager’s approval.',
    none: 'The platform gives no checks for this payment.',
  },
  processors: {
    shopify_payments: 'Shopify Payments',
    stripe: 'Stripe',
    paypal: 'PayPal',
    ppcp: 'PayPal',
    klarna: 'Klarna',
    bacs: 'Bank transfer',
    cheque: 'Cheque',
    cod: 'Pay on pickup',
    manual: 'Manual payment',
  },
};
