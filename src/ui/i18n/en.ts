import { webImportEn } from './web-import.en.ts';
import type { Messages } from './fr.ts';
import { returnsEn, shiftEn } from './shift-en.ts';
import { counterEn } from './counter-en.ts';
import { customersHistoryEn } from './customers-history.en.ts';
import { devicesEn } from './devices-en.ts';
import { staffEn } from './staff-en.ts';
import { peripheralsEn } from './peripherals-en.ts';
import { outboundEn } from './outbound.en.ts';
import { orderDetailEn } from './order-detail.en.ts';
import { ordersEn } from './orders.en.ts';
import { reportsEn } from './reports.en.ts';
import { productsEn } from './products.en.ts';
import { stockEn } from './stock.en.ts';

/** English strings; typed against the French catalogue so that no key can be missing. */
export const en: Messages = {
  // Reports and the till reconciliation (reports.*.ts, issue 7).
  reports: reportsEn,
  // Products and stock screens (products.*.ts, stock.*.ts, issue 7).
  products: productsEn,
  stock: stockEn,
  // Customers, sales history, invoices, shortcut help (customers-history.en.ts).
  ...customersHistoryEn,
  // Import of web orders by date range, import problems (web-import.*.ts).
  webImport: webImportEn,
  // Outbound queue (pushes to the web stores, mails) on the sync screen (outbound.*.ts).
  outbound: outboundEn,
  // Order detail and scan-to-pick (order-detail.*.ts, issue 6).
  orderDetail: orderDetailEn,
  appName: 'Comptoir',
  loading: 'Loading…',
  language: 'Language',
  // V2: cart, tenders, parked sales, voids, lookup, receipts (strings in counter-en.ts)
  // V1: sign-in, manager overrides, drawer, journal (strings in staff-en.ts)
  peripherals: peripheralsEn,
  staff: staffEn,
  counter: counterEn,
  // V3: shifts, X/Z reports, returns (strings in shift-en.ts)
  shift: shiftEn,
  returns: returnsEn,
  // H5a: devices screen, print queue (strings in devices-en.ts)
  devices: devicesEn,
  nav: {
    sell: 'Sell',
    sales: 'Sales',
    orders: 'Orders',
    sync: 'Sync',
    main: 'Main navigation',
  },
  connection: {
    unpaired: 'Not paired',
    offline: 'Offline',
    connecting: 'Connecting…',
    syncing: 'Syncing…',
    online: 'Online',
    error: 'Error',
    label: 'Connection state',
  },
  header: {
    pending: (n: number): string => (n === 0 ? 'all synced' : n === 1 ? 'document pending' : 'documents pending'),
    pendingTitle: 'Documents not yet acknowledged by the server',
    persistenceGranted: 'persistent storage granted',
    persistenceDenied: 'persistent storage refused',
    persistenceUnknown: 'persistent storage: pending',
    register: 'Register',
    lastSynced: (when: string) => `Last sync: ${when}`,
  },
  lock: {
    title: 'This register is open in another tab',
    body: 'Only one window can run the register at a time, so that receipts stay numbered with no gap and no duplicate.',
    takeOver: 'Take over',
    takeOverHint: 'The other tab will stand by.',
    starting: 'Opening the register…',
  },
  pair: {
    title: 'Pair this register',
    intro: "Enter the shop server's address and the pairing code shown by the administrator.",
    server: 'Server address',
    code: 'Pairing code',
    codePlaceholder: 'e.g. 482913',
    submit: 'Pair',
    pairing: 'Pairing…',
    errorServerUrl: 'Invalid server address (e.g. http://192.168.1.10:8080).',
    errorCode: 'Enter the pairing code.',
    errorGeneric: (msg: string) => `Pairing failed: ${msg}`,
  },
  sell: {
    search: 'Scan or search a product',
    searchPlaceholder: 'Barcode, SKU or name…',
    searchHint: 'F2',
    unknownBarcode: (code: string) => `Unknown barcode: ${code}`,
    badCheckDigit: 'wrong check digit, scan again',
    noResults: (text: string) => `No product matches “${text}”`,
    results: (n: number) => `${n} result${n > 1 ? 's' : ''}`,
    emptyCart: 'The cart is empty. Scan an item to start.',
    cart: 'Cart',
    unitPrice: 'Unit price',
    quantity: 'Quantity',
    decrease: 'Decrease quantity',
    increase: 'Increase quantity',
    remove: 'Remove',
    removeLine: (name: string) => `Remove ${name}`,
    clearCart: 'Clear cart',
    net: 'Total excl. VAT',
    vat: 'VAT',
    vatAt: (rate: string) => `VAT ${rate}`,
    total: 'Total incl. VAT',
    items: (n: number) => `${n} item${n === 1 ? '' : 's'}`,
    payCash: 'Pay cash',
    searchError: (msg: string) => `Search failed: ${msg}`,
  },
  tender: {
    title: 'Cash payment',
    due: 'Due',
    received: 'Amount received',
    quick: 'Quick amounts',
    exact: 'Exact',
    change: 'Change',
    remaining: 'Still due',
    complete: 'Complete',
    completing: 'Saving…',
    cancel: 'Cancel',
    invalid: {
      empty: 'Enter the amount received.',
      not_a_number: 'Not an amount (e.g. 20.00).',
      bad_grouping: 'Misplaced thousands separators (e.g. 1,234.50).',
      too_many_decimals: 'Two decimals at most: nothing was rounded.',
      out_of_range: 'Amount too large.',
    },
    refused: (msg: string) => `Sale refused: ${msg}`,
  },
  receipt: {
    title: 'Receipt',
    receiptNo: 'Receipt no.',
    register: 'Register',
    cashier: 'Cashier',
    date: 'Date',
    qty: 'Qty',
    item: 'Item',
    amount: 'Amount',
    vatRate: 'Rate',
    net: 'Net',
    vat: 'VAT',
    gross: 'Gross',
    total: 'TOTAL',
    tendered: 'Tendered',
    change: 'Change',
    tender: { cash: 'Cash', card: 'Card', voucher: 'Voucher', other: 'Other' },
    thanks: 'Thank you for your visit!',
    newSale: 'New sale',
    print: 'Print',
    close: 'Close',
  },
  sales: {
    title: 'Sales',
    today: 'Today',
    earlier: 'Earlier',
    empty: 'No sales yet.',
    receipt: 'Receipt',
    time: 'Time',
    total: 'Total',
    tender: 'Payment',
  },
  // Orders screen (recall), bulk bar, new-order badge (orders.*.ts, issue 6).
  orders: ordersEn,
  sync: {
    title: 'Sync',
    outbox: 'Outbox',
    outboxIntro: 'Every document written on this register stays here until the server acknowledges it.',
    empty: 'Nothing waiting: the server has acknowledged everything.',
    document: 'Document',
    state: 'State',
    since: 'Since',
    reason: 'Reason',
    states: { pending: 'Pending', sending: 'Sending…', acknowledged: 'Acknowledged', rejected: 'Rejected' },
    rebuild: 'Rebuild read model',
    rebuildIntro: "Drops this device's read tables and projects them again from the local replica. No sale is lost.",
    rebuilding: 'Rebuilding…',
    rebuilt: (n: number) => `Read model rebuilt: ${n} document${n === 1 ? '' : 's'} projected.`,
    rebuildFailed: (msg: string) => `Rebuild failed: ${msg}`,
    status: 'Connection state',
    message: 'Message',
  },
  keys: { enter: 'Enter', esc: 'Esc', plus: '+', minus: '−' },
  update: { available: 'New version available', apply: 'Update' },
  shortcuts: {
    search: 'Search',
    pay: 'Pay',
    quantity: 'Selected line quantity',
    clear: 'Clear / cancel',
    title: 'Shortcuts',
  },
  errors: {
    unexpected: (msg: string) => `Unexpected error: ${msg}`,
  },
};
