import type { orderDetailFr } from './order-detail.fr.ts';

export const orderDetailEn: typeof orderDetailFr = {
  back: '← Web orders',
  open: (n) => `Open order ${n}`,
  notFound: 'Order not found on this register.',
  title: (n) => `Order ${n}`,
  lines: 'Items',
  sku: 'SKU',
  item: 'Item',
  ordered: 'Ordered',
  picked: 'Picked',
  shipped: 'Shipped',
  progress: 'Pick',
  scanLabel: 'Scan or type a barcode / SKU',
  scanPlaceholder: 'Barcode or SKU, then Enter',
  pickComplete: 'Complete without scanning',
  packed: 'Packed',
  allPicked: 'Pick complete.',
  customerNote: 'Customer’s note',
  notes: 'Fulfilment notes',
  addNote: 'Add note',
  notePlaceholder: 'Internal note…',
  payment: 'Payment',
  paidBy: (processor) => `Paid (${processor})`,
  paid: 'Paid',
  toPay: 'To be paid in the shop',
  history: 'History',
  noHistory: 'Nothing done to this order yet.',
  who: 'By',
  when: 'When',
  what: 'Action',
  refusedTag: 'ignored (conflict)',
  statuses: {
    new: 'New',
    picking: 'Picking',
    picked: 'Picked',
    packed: 'Packed',
    ready_for_pickup: 'Ready for pickup',
    shipped: 'Shipped',
    picked_up: 'Picked up',
    cancelled: 'Cancelled',
  },
  event: (kind, detail) => {
    const forced = detail.override === true ? ' (override)' : '';
    switch (kind) {
      case 'picked':
        return detail.all === true ? 'Pick completed without scanning' : `Picked ${detail.quantity ?? 1} × ${detail.sku ?? ''}`;
      case 'packed':
        return `Packed${forced}`;
      case 'note':
        return `Note: ${detail.text ?? ''}`;
      case 'shipped':
        return `Shipped${forced}`;
      case 'ready_for_pickup':
        return `Ready for pickup${forced}`;
      case 'picked_up':
        return `Picked up by the customer${forced}`;
      case 'cancelled':
        return 'Cancelled';
    }
  },
  refusal: (r) => {
    switch (r.kind) {
      case 'not_on_order':
        return `Wrong item: ${r.sku} is not on this order.`;
      case 'over_pick':
        return `Extra unit: ${r.sku} is already picked (${r.picked}/${r.ordered}).`;
      case 'unknown_code':
        return `Unknown code: ${r.code}.`;
      case 'closed':
        return 'This order is closed.';
      case 'not_picking':
        return 'The order is already packed.';
      case 'bad_quantity':
        return 'Invalid quantity.';
      case 'not_picked':
        return 'Not every item is picked.';
      case 'not_packed':
        return 'The order is not packed.';
      case 'unpaid':
        return 'The order is not paid.';
      case 'wrong_delivery':
        return 'Not possible for this delivery method.';
      case 'empty_note':
        return 'The note is empty.';
      case 'not_paired':
        return 'Register not paired.';
      case 'not_signed_in':
        return 'Nobody is signed in on this register.';
      case 'order_not_found':
        return 'Order not found.';
      case 'not_saved':
        return `Not saved: ${r.message}`;
    }
  },
};
