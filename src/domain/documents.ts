/**
 * The shapes of the documents that live in a store's CouchDB database (and the register's replica).
 * This file is the contract between the sync server (which seeds and imports), the registers (which
 * write sales) and the read-model projection. Changing a shape means a migration: add fields, never
 * repurpose them.
 *
 * Id scheme (prefix + ':' + parts; ids sort by type first, then by register and sequence):
 *   product:<sku>                          mutable (conflicting revisions merged field-wise: field-clock.ts)
 *   customer:<ulid>                        mutable (idem)
 *   stock:<origin>:<ulid>                  immutable stock movement; origin is a register id or "server"
 *   sale:<registerId>:<receiptNumber 8 digits>  immutable; the receipt number in the id makes a
 *                                          second sale with the same number a conflict, never a duplicate
 *   weborder:<platform>:<shop>:<orderId>   written by the server only, deterministic
 *   woevent:<registerId>:<ulid>           immutable: a register’s action on a web order (picked, packed, note, shipped…)
 *   mailreq:<registerId>:<ulid>           immutable: a register asks for a receipt by mail
 *   outbound:<platform>:<kind>:<key>, mail:<key>  server-written queue jobs (registers read them)
 *   store:settings                         the shop's name, address, currency (server-written)
 */
import type { CurrencyCode, Money } from './money.ts';
import type { RegisterDoc } from './register-documents.ts';

/** VAT rate in basis points: 2000 = 20 %, 550 = 5.5 %. Integer so that rates compare exactly. */
export type VatRateBp = number;

export interface ProductDoc {
  _id: string; // product:<sku>
  _rev?: string;
  type: 'product';
  sku: string;
  name: string;
  /** Valid EAN-13, EAN-8 or UPC-A codes (check digit verified), or Code 128 SKUs. */
  barcodes: string[];
  /** Unit price in minor units; includes VAT when priceIncludesTax is true. */
  price: Money;
  priceIncludesTax: boolean;
  vatRate: VatRateBp;
  currency: CurrencyCode;
  category: string;
  stockTracked: boolean;
  updatedAt: string; // ISO 8601
  /** Field clocks (field-clock.ts): field → stamp of the write that last set it; '*' for the rest. */
  clock?: Record<string, string>;
}

export interface CustomerDoc {
  _id: string; // customer:<ulid>
  _rev?: string;
  type: 'customer';
  name: string;
  email?: string; // normalised: trimmed, lowercase (customer.ts normaliseEmail)
  phone?: string; // normalised: E.164 when recognisable ("+33612345678")
  /** Postal address, one line per entry (invoices print it). */
  address?: string[];
  vatNumber?: string;
  note?: string;
  /** Set on a profile absorbed by a merge: the id of the profile that survives. Hidden from search. */
  mergedInto?: string;
  updatedAt: string;
  /** Field clocks (field-clock.ts): field → stamp of the write that last set it; '*' for the rest. */
  clock?: Record<string, string>;
}

export type StockReason = 'count' | 'receipt' | 'adjustment' | 'sale' | 'refund' | 'transfer';

/**
 * An immutable stock movement. A 'count' is a baseline: on hand becomes `quantity` at `at`, and only
 * later movements apply on top. Every other reason carries a signed `delta`.
 */
export interface StockMovementDoc {
  _id: string; // stock:<origin>:<ulid>
  _rev?: string;
  type: 'stock_movement';
  sku: string;
  location: string;
  reason: StockReason;
  /** Signed change for every reason but 'count'. */
  delta?: number;
  /** Absolute counted quantity when reason === 'count'. */
  quantity?: number;
  at: string; // ISO 8601
  ref?: string; // id of the document that caused it (a sale, a receipt of goods)
}

export interface SaleLine {
  sku: string;
  name: string;
  quantity: number; // integer, > 0
  unitPrice: Money; // as charged, tax-inclusive when the sale's pricesIncludeTax
  vatRate: VatRateBp;
  /**
   * Tax-inclusive line total: quantity × unitPrice, except when unitPriceExcludesTax, where it is
   * quantity × unitPrice plus VAT on that line net (vat.ts vatOfExclusive), rounded once per line.
   */
  total: Money;
  /** Set (true) only when the catalogue price was tax-exclusive; unitPrice is then the net unit price. */
  unitPriceExcludesTax?: true;
  /** Catalogue price when the cashier overrode it (unitPrice is then the overridden price). */
  listPrice?: Money;
  /** Discount granted on this line (its own, plus its share of a whole-cart discount), already in total. */
  discount?: LineDiscount;
  note?: string;
  /** For a returned item (negative quantity): the original sale and line index. */
  returnOf?: { saleId: string; line: number };
  /** For a returned item: whether it goes back on the shelf (a stock movement) or not. */
  restock?: boolean;
  /** Ids of the override documents that authorised this line's price or discount. */
  overrideIds?: string[];
}

export interface LineDiscount {
  kind: 'percent' | 'amount';
  /** Percent in basis points (1000 = 10 %) or an amount in minor units, as the cashier entered it. */
  value: number;
  /** What it took off the line, in minor units (positive). Includes the line's share of a cart discount. */
  amount: Money;
  /** The part of `amount` that came from a whole-cart discount. */
  fromCart?: Money;
}

/** Link of a per-register hash chain (journal) carried by every sale, refund and Z report. */
export interface JournalLink {
  /** Position in the register's chain, from 1, gapless. */
  seq: number;
  /** Hash of the previous entry ("" for the first). */
  prev: string;
  /** SHA-256 (hex) of prev + the canonical JSON of the document without _rev and journal.hash. */
  hash: string;
  /** Perpetual grand total of the register after this entry (Σ of sale totals, refunds negative). */
  grandTotal: Money;
}

export type TenderKind = 'cash' | 'card' | 'voucher' | 'other';

export interface Tender {
  kind: TenderKind;
  /** Amount handed over by the customer for this tender (cash may exceed what is due; negative on a refund). */
  amount: Money;
  /** Card paid on an external terminal: what the terminal printed. */
  card?: { approvalCode: string; last4: string };
  /** Voucher or store credit number. */
  reference?: string;
  /** Store-configured tender ("Chèque", "Ticket restaurant"): its id and label. */
  tenderId?: string;
  label?: string;
}

export interface VatBreakdownRow {
  rate: VatRateBp;
  net: Money;
  vat: Money;
  gross: Money;
}

export interface SaleTotals {
  net: Money;
  vat: Money;
  gross: Money; // what the customer owes
  tendered: Money; // sum of tenders
  change: Money; // tendered − gross, paid back in cash
}

export interface SaleDoc {
  _id: string; // sale:<registerId>:<receiptNumber padded to 8>
  _rev?: string;
  type: 'sale';
  storeId: string;
  registerId: string;
  /** Per-register gapless sequence, starting at 1. */
  receiptNumber: number;
  /** Human form printed on the receipt, e.g. "R-ABCD-000042". */
  receiptLabel: string;
  createdAt: string; // ISO 8601, from the register's clock
  cashier: string;
  currency: CurrencyCode;
  lines: SaleLine[];
  tenders: Tender[];
  totals: SaleTotals;
  vatBreakdown: VatBreakdownRow[];
  location: string;
  /** Staff id of the cashier (cashier above is the display name). */
  cashierId?: string;
  /** The shift it was made in: a sale that syncs late stays attributed to it. */
  shiftId?: string;
  customerId?: string;
  /** 'refund' when every line is a return; an exchange is a 'sale' with returned and new lines. */
  kind?: 'sale' | 'refund';
  /** Whole-cart discount as entered (its amount is spread over the lines' discounts). */
  cartDiscount?: { kind: 'percent' | 'amount'; value: number; amount: Money };
  /** Sale this one repeats (a repeat order) or refunds without a receipt: nothing; with: the original. */
  originalSaleId?: string;
  /**
   * The web order whose balance this sale takes at the counter (issue 6): its lines are the order's,
   * for the receipt and the VAT, but move no stock — the order's shipped / picked-up events do.
   */
  webOrderId?: string;
  journal?: JournalLink;
}

export type Platform = 'shopify' | 'woocommerce' | 'bigcommerce';

export interface WebOrderLine {
  sku: string | null; // null when the platform's SKU is unknown to the catalogue
  name: string;
  quantity: number;
  unitPrice: Money;
  /** The platform's SKU as sent (kept when `sku` is null because the catalogue does not know it). */
  platformSku?: string;
  /** The platform's id of this line (Shopify line_item id, WooCommerce line id, BigCommerce order product id). */
  platformLineId?: string;
}

export interface WebOrderAddress {
  name: string;
  address1: string;
  address2?: string;
  city: string;
  postcode: string;
  region?: string;
  country: string; // ISO 3166-1 alpha-2 when the platform gives one
  phone?: string;
}

export interface WebOrderRefund {
  /** The platform's refund id (or a stable key derived from it). */
  id: string;
  at: string; // ISO 8601
  amount: Money;
  reason?: string;
}

export interface WebOrderDoc {
  _id: string; // weborder:<platform>:<shop>:<orderId>
  _rev?: string;
  type: 'web_order';
  platform: Platform;
  shop: string;
  platformOrderId: string;
  orderNumber: string; // as the customer sees it, e.g. "#1042"
  createdAt: string;
  updatedAt: string; // platform's modification time: an older version never overwrites a newer one
  status: 'new' | 'packed' | 'shipped' | 'picked_up' | 'cancelled';
  delivery: 'shipping' | 'pickup';
  customer: { name: string; email?: string; phone?: string };
  currency: CurrencyCode;
  pricesIncludeTax: boolean;
  lines: WebOrderLine[];
  total: Money;
  payment: { state: 'paid' | 'to_pay'; processor?: string };
  note?: string;
  // Added by the platform importers (issue 4); all optional so that older documents stay valid.
  /** Delivery address when `delivery` is 'shipping'. */
  shippingAddress?: WebOrderAddress;
  /** The shipping method chosen on the web store and what it cost. */
  shippingMethod?: { name: string; code?: string; price: Money };
  /** Import problems staff must look at (e.g. an unknown SKU); empty or absent when none. */
  problems?: string[];
  /** The platform's own status word (Shopify financial/fulfilment status, WooCommerce status, BigCommerce status id). */
  platformStatus?: string;
  /** Refunds made on the platform. */
  refunds?: WebOrderRefund[];
  /** When the order was cancelled on the platform. */
  cancelledAt?: string;
  /** The payment method the customer chose (gateway name), whether or not it is paid yet. */
  paymentProcessor?: string;
  /** The customer profile matched (by e-mail) or created for this order. */
  customerId?: string;
  /** Tax included in `total`, when the platform reports it. */
  totalTax?: Money;
  /** The payment's security results, when the platform provides them (issue 6). */
  paymentChecks?: PaymentCheck[];
}

/**
 * What a register did to a web order (issue 4 defines it, issue 6 writes every counter step as one):
 * immutable, one document per action, written offline too; the order's state is a fold over them
 * (src/domain/web-order-state.ts). The server turns the kinds the web store must hear about into one
 * outbound push each (and a mail to the customer where the shop wants one).
 */
export interface WebOrderEventDoc {
  _id: string; // woevent:<registerId>:<ulid>   (the server's own: woevent:server:<ulid>)
  _rev?: string;
  type: 'web_order_event';
  orderId: string; // weborder:<platform>:<shop>:<orderId>
  /**
   * Pushed to the web store (outbound queue): shipped, ready_for_pickup, picked_up, cancelled,
   * changed and returned (their refund), paid (marks the order paid on the platform).
   * The counter's own steps push nothing: picked, packed, note, allocated, assigned,
   * address_corrected, printed.
   */
  kind: WebOrderEventKind;
  /** shipped: the parcel's carrier and tracking number. */
  tracking?: { carrier: string; number: string; url?: string };
  /** picked: the SKU scanned and how many units (one per scan). */
  sku?: string;
  quantity?: number;
  /** picked: "complete the pick without scanning" — every stock line (of `location`, if set) picked in full. */
  all?: true;
  /** note: the fulfilment note. */
  text?: string;
  /** packed / shipped / ready_for_pickup / picked_up: done by a manager's override (e.g. packed before the pick was complete, a flagged order handed over). */
  override?: boolean;
  /** The manager override document that allowed it (override:<registerId>:<ulid>), with `override`. */
  overrideId?: string;
  /**
   * picked / packed / shipped / ready_for_pickup: the location whose part of the order this step is
   * about (an order allocated across locations is packed and shipped by each location for its lines).
   * Absent: the whole order.
   */
  location?: string;
  /** shipped: the units in this parcel (absent: everything not yet shipped, of `location` if set). returned: the units that came back. */
  lines?: Array<{ sku: string; quantity: number }>;
  /** shipped: the parcel as weighed and measured, and the carrier service used. */
  parcel?: { weightGrams?: number; lengthCm?: number; widthCm?: number; heightCm?: number; service?: string };
  /** allocated: which location prepares which units (replaces any earlier allocation of those SKUs). */
  allocation?: Array<{ sku: string; location: string; quantity: number }>;
  /**
   * paid: the balance taken. With `saleId` it was taken at the register (that sale holds the tenders
   * and the receipt); without, it was reconciled by hand (bank transfer, cheque received).
   */
  payment?: { amount: Money; method: string; saleId?: string; reference?: string };
  /**
   * changed (before shipping): `sku`'s quantity reduced by `remove` (to 0 = the line removed) and/or
   * a line added (a swap is both). Its refund (or the extra to pay) follows from the line prices.
   */
  change?: { sku?: string; remove?: number; add?: { sku: string; name: string; quantity: number; unitPrice: Money } };
  /** cancelled / changed / returned: whether the units go back on the shelf. Default true. */
  restock?: boolean;
  /**
   * cancelled / changed / returned: the money going back. 'original' = to the tender the customer paid
   * with (through the platform when paid online), 'store_credit' = a credit note (`voucher`). A
   * surcharge (labour, a change of shipping method) is kept back from the refund.
   */
  refund?: { to: 'original' | 'store_credit'; amount: Money; surcharge?: Money; surchargeReason?: string; voucher?: string };
  /** cancelled: why (shown in the history and told to the customer). */
  reason?: string;
  /** assigned: the staff member now in charge of the order (null: nobody). */
  assignee?: { id: string; name: string } | null;
  /** address_corrected: the shipping address and/or customer contact as corrected before the label. */
  address?: WebOrderAddress;
  customer?: { name: string; email?: string; phone?: string };
  /** printed: what was printed (kept in the history; reprints are allowed). */
  printed?: 'packing_slip' | 'label' | 'pick_list';
  at: string; // ISO 8601
  by: string; // who did it (staff name)
}

export type WebOrderEventKind =
  | 'shipped'
  | 'ready_for_pickup'
  | 'picked_up'
  | 'cancelled'
  | 'picked'
  | 'packed'
  | 'note'
  | 'allocated'
  | 'paid'
  | 'changed'
  | 'returned'
  | 'assigned'
  | 'address_corrected'
  | 'printed';

/** A payment security check as the platform reports it (shown before anything is handed over). */
export interface PaymentCheck {
  name: 'fraud_risk' | 'address' | 'postcode' | 'card_code' | '3d_secure';
  result: 'pass' | 'fail' | 'unavailable';
  /** The platform's own words ("Y", "high", "authenticated"…). */
  detail?: string;
}

/** A register asks the server to mail a sale's receipt (queued offline, sent once it replicates). */
export interface MailRequestDoc {
  _id: string; // mailreq:<registerId>:<ulid>
  _rev?: string;
  type: 'mail_request';
  saleId: string;
  to: string;
  locale?: 'fr-FR' | 'en';
  at: string;
}

export interface StoreSettingsDoc {
  _id: 'store:settings';
  _rev?: string;
  type: 'store_settings';
  storeId: string;
  name: string;
  address: string[];
  currency: CurrencyCode;
  locale: 'fr-FR' | 'en';
  defaultLocation: string;
  /** Discounts above this (basis points of the line or cart) need a manager. Default 1000 (10 %). */
  discountThresholdBp?: number;
  /** Tenders beyond cash/card/voucher that this shop takes ("Chèque", "Ticket restaurant"…). */
  otherTenders?: Array<{ id: string; label: string }>;
  /** Notes and coins in minor units for the cash count, largest first. Default: the euro set. */
  denominations?: number[];
  /** Legal mentions printed on receipts and invoices (SIRET, VAT number). */
  legal?: string[];
  /** The shop's stock locations (the shop floor, a warehouse…); default: only `defaultLocation`. */
  locations?: Array<{ id: string; name: string }>;
  /** Unpaid web orders are cancelled automatically after this many hours (absent: never). */
  autoCancelUnpaidAfterHours?: number;
  /** New web orders are announced by mail to this address (absent: only at the registers). */
  newOrderMailTo?: string;
}

export type StoreDoc =
  | RegisterDoc
  | ProductDoc
  | CustomerDoc
  | StockMovementDoc
  | SaleDoc
  | WebOrderDoc
  | WebOrderEventDoc
  | MailRequestDoc
  | StoreSettingsDoc;
