/** The orders screen, its bulk bar and the header's new-order badge, English (typed against orders.fr.ts). */
import type { ordersFr } from './orders.fr.ts';

const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

export const ordersEn: typeof ordersFr = {
  title: 'Orders',
  empty: 'No open order.',
  noMatch: 'No order matches these filters.',
  results: (n) => `${n} ${plural(n, 'order', 'orders')}`,
  number: 'No.',
  date: 'Date',
  status: 'Status',
  delivery: 'Type',
  customer: 'Customer',
  location: 'Location',
  total: 'Total',
  payment: 'Payment',
  statuses: {
    new: 'New',
    picking: 'Picking',
    picked: 'Picked',
    packed: 'Packed',
    partially_shipped: 'Partly shipped',
    ready_for_pickup: 'Ready for pickup',
    shipped: 'Shipped',
    picked_up: 'Picked up',
    cancelled: 'Cancelled',
    parked: 'Parked',
  },
  deliveries: { shipping: 'Shipping', pickup: 'In-store pickup' },
  payments: { paid: 'Paid', to_pay: 'To pay' },
  platforms: { shopify: 'Shopify', woocommerce: 'WooCommerce', bigcommerce: 'BigCommerce' },
  parked: 'Parked sale',
  parkedBy: (who) => `parked by ${who}`,
  toPay: 'To pay',
  balance: (amount) => `${amount} due`,
  paidOnline: 'Paid',
  flagged: 'Payment check failed',
  unseen: 'new',
  open: (n) => `Open order ${n}`,
  select: (n) => `Select order ${n}`,
  selectAll: 'Select all',
  resumeRefused: {
    cartNotEmpty: 'The register’s cart is not empty: complete or park it before resuming this sale.',
    alreadyResumed: 'This sale was already resumed on another register.',
  },
  filters: {
    search: 'Search',
    searchPlaceholder: 'Order no., customer, e-mail, SKU…',
    web: 'Web',
    webTitle: 'Web orders only',
    channel: 'Channel',
    channels: { all: 'All', web: 'Web orders', parked: 'Parked sales' },
    platform: 'Platform',
    allPlatforms: 'All',
    status: 'Status',
    openStatuses: 'Open',
    anyStatus: 'All, finished ones too',
    delivery: 'Shipping or pickup',
    anyDelivery: 'All',
    payment: 'Payment',
    anyPayment: 'All',
    location: 'Location',
    anyLocation: 'All',
    from: 'From',
    to: 'To',
    clear: 'Clear filters',
  },
  badge: {
    title: (n) => `${n} new web ${plural(n, 'order', 'orders')} not yet seen on this register`,
    arrived: (n) => (n > 1 ? `${n} new web orders` : 'New web order'),
  },
  bulk: {
    selected: (n) => `${n} selected`,
    clear: 'Clear selection',
    pickList: 'Pick list',
    labels: 'Labels',
    packed: 'Mark packed',
    shipped: 'Mark shipped',
    paid: 'Mark paid',
    webOnly: (n) => `${n} parked ${plural(n, 'sale', 'sales')} left out: these actions are for web orders.`,
    shipTitle: 'Ship the selected orders',
    carrier: 'Carrier',
    carrierPlaceholder: 'e.g. Colissimo',
    tracking: (n) => `Tracking no. ${n} (optional)`,
    paidTitle: 'Mark paid (bank transfers, cheques received)',
    method: 'Received by',
    methods: { bank_transfer: 'Bank transfer', cheque: 'Cheque' },
    reference: 'Reference (optional)',
    referencePlaceholder: 'e.g. transfer or cheque number',
    confirm: 'Confirm',
    cancel: 'Cancel',
    close: 'Close',
    progress: (done, total) => `${done} of ${total}…`,
    summary: (ok, refused) => `${ok} done, ${refused} refused`,
    ok: 'Done',
    printed: 'Sent to the printer',
    refused: (why) => `Refused: ${why}`,
    resultTitle: 'Result',
  },
  printRefused: (r) => {
    switch (r.kind) {
      case 'order_not_found':
        return 'order not found on this register';
      case 'no_orders':
        return 'no order selected';
      case 'order_cancelled':
        return 'order cancelled';
      case 'nothing_to_pick':
        return 'nothing to pick: these orders are all picked, shipped or cancelled';
      case 'pickup_order':
        return 'in-store pickup: no label';
      case 'nothing_to_label':
        return 'no label to print: pickups or cancelled orders';
      case 'no_service':
        return 'no carrier service for this order';
      case 'unknown_courier':
        return `unknown carrier: ${r.courierId}`;
      case 'courier':
        return r.refusal.kind === 'rejected' || r.refusal.kind === 'unreachable'
          ? `carrier: ${r.refusal.message}`
          : r.refusal.kind === 'no_address'
            ? 'shipping address missing'
            : r.refusal.kind === 'weight_required'
              ? 'the carrier needs the parcel’s weight (enter it on the order)'
              : `carrier: ${r.refusal.kind}`;
      case 'unprintable_label':
        return `a ${r.format} label cannot be printed here`;
      case 'not_queued':
        return `print not queued: ${r.message}`;
      case 'labels_failed':
        return `${r.failed.length} label(s) not printed`;
    }
  },
  printSkipped: { nothing_to_pick: 'nothing to pick', pickup_order: 'pickup: no label', order_cancelled: 'cancelled: nothing to print' },
  keys: {
    search: 'Search an order',
    move: 'Previous / next order',
    open: 'Open the order',
    toggle: 'Tick / untick the order',
    space: 'Space',
  },
};
