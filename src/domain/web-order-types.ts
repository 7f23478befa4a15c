/**
 * The shapes of a web order's fulfilment state (issue 6), shared by the state machine
 * (web-order-transition.ts), the fold (web-order-state.ts), the stock effect (web-order-stock.ts),
 * the commands and the screens. Kept apart so that each of those files stays about one thing.
 */
import type { WebOrderAddress, WebOrderDoc, WebOrderEventDoc, WebOrderEventKind } from './documents.ts';
import type { Money } from './money.ts';

export type FulfilmentStatus =
  | 'new'
  | 'picking'
  | 'picked'
  | 'packed'
  | 'partially_shipped'
  | 'ready_for_pickup'
  | 'shipped'
  | 'picked_up'
  | 'cancelled';

/** One per (sku, location): the units of a SKU that one location prepares. */
export interface OrderLineState {
  sku: string;
  name: string;
  location: string;
  unitPrice: Money;
  /** Units on the order now (after changes). */
  ordered: number;
  picked: number;
  packed: number;
  /** Units that left the shop (shipped or handed over). */
  shipped: number;
  /** Shipped units that came back. */
  returned: number;
}

export type PartStatus = 'new' | 'picking' | 'picked' | 'packed' | 'partially_shipped' | 'shipped';

/** The lines one location prepares, packs and ships (one part when the order is not split). */
export interface LocationPart {
  location: string;
  status: PartStatus;
  lines: OrderLineState[];
}

/** One parcel that left the shop: a shipped event, with its own tracking. */
export interface Parcel {
  eventId: string;
  at: string;
  by: string;
  location?: string;
  tracking?: { carrier: string; number: string; url?: string };
  lines: Array<{ sku: string; quantity: number }>;
  parcel?: WebOrderEventDoc['parcel'];
}

export interface OrderRefund {
  eventId: string;
  to: 'original' | 'store_credit';
  amount: Money;
  voucher?: string;
}

/** The state the state machine steps through (everything but the order id and the history). */
export interface FulfilmentState {
  status: FulfilmentStatus;
  delivery: WebOrderDoc['delivery'];
  /** Stock lines only (lines without a catalogue SKU — shipping, fees — are not picked). */
  lines: OrderLineState[];
  /** One per location with lines, the store's default location first. */
  parts: LocationPart[];
  parcels: Parcel[];
  /** The order's total after changes, returns and surcharges. */
  total: Money;
  /** Paid online (the whole total when the platform says paid) + balances taken/reconciled − refunds. */
  paidAmount: Money;
  /** total − paidAmount, never below 0; 0 once paid, and for a cancelled order. */
  balance: Money;
  paid: boolean;
  /** The processor / method the customer chose online. */
  paymentMethod?: string;
  /** A payment check failed: handing over or shipping needs an override. */
  flagged: boolean;
  assignee: { id: string; name: string } | null;
  shippingAddress?: WebOrderAddress;
  customer: { name: string; email?: string; phone?: string };
  notes: string[];
  refunds: OrderRefund[];
  /** Where lines are prepared until an 'allocated' event moves them (the store's default location). */
  defaultLocation: string;
}

/**
 * A step as the state machine sees it: the fields of an event document that matter, plus who and
 * when (parcels and refunds keep them). Commands check a step before it has an id.
 */
export type OrderStep = { kind: WebOrderEventKind; eventId?: string; at?: string; by?: string } & Partial<
  Pick<
    WebOrderEventDoc,
    | 'sku'
    | 'quantity'
    | 'all'
    | 'text'
    | 'override'
    | 'overrideId'
    | 'location'
    | 'lines'
    | 'parcel'
    | 'tracking'
    | 'allocation'
    | 'payment'
    | 'change'
    | 'restock'
    | 'refund'
    | 'reason'
    | 'assignee'
    | 'address'
    | 'customer'
    | 'printed'
  >
>;

export type OrderRefusal =
  /** The order is cancelled, handed over or shipped: nothing more can be done to it. */
  | { kind: 'closed'; status: FulfilmentStatus }
  /** A pick or packing after the part was packed (or later). */
  | { kind: 'not_picking'; status: FulfilmentStatus }
  | { kind: 'not_on_order'; sku: string }
  | { kind: 'over_pick'; sku: string; ordered: number; picked: number }
  | { kind: 'bad_quantity' }
  /** A step about a location that has no lines of this order. */
  | { kind: 'no_lines_at'; location: string }
  /** Packing before every stock line (of the part) is picked, without override. */
  | { kind: 'not_picked' }
  /** Shipping, or making ready / handing over, before packing, without override. */
  | { kind: 'not_packed' }
  /** Shipping or handing over an order that is not paid. */
  | { kind: 'unpaid'; balance: Money }
  /** A payment check failed: shipping or handing over needs a manager's override. */
  | { kind: 'flagged' }
  | { kind: 'wrong_delivery'; delivery: WebOrderDoc['delivery'] }
  | { kind: 'empty_note' }
  /** Every unit (of the part) has already left. */
  | { kind: 'nothing_to_ship' }
  | { kind: 'over_ship'; sku: string; left: number }
  /** An allocation must place every unit of the SKU not yet shipped (and keep shipped ones where they left from). */
  | { kind: 'bad_allocation'; sku: string; ordered: number; allocated: number }
  /** A balance taken when nothing is due. */
  | { kind: 'nothing_due' }
  | { kind: 'bad_amount' }
  /** A change removing more units than are still to ship. */
  | { kind: 'over_remove'; sku: string; left: number }
  | { kind: 'empty_change' }
  /** A return of units that never left (or came back already). */
  | { kind: 'over_return'; sku: string; left: number };

export type HistoryEntry = OrderStep & {
  eventId: string;
  at: string;
  by: string;
  /** Set when the step was refused at its place in the merged order (it changed nothing). */
  refused?: OrderRefusal;
};

export interface OrderState extends FulfilmentState {
  orderId: string;
  /** Every event, in fold order. */
  history: HistoryEntry[];
}
