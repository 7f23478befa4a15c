/**
 * The shapes of the documents that live in a store's CouchDB database (and the register's replica).
 * This file is the contract between the sync server (which seeds and imports), the registers (which
 * write sales) and the read-model projection. Changing a shape means a migration: add fields, never
 * repurpose them.
 *
 * Id scheme (prefix + ':' + parts; ids sort by type first, then by register and sequence):
 *   product:<sku>                          mutable (merged field-wise later)
 *   customer:<ulid>                        mutable
 *   stock:<origin>:<ulid>                  immutable stock movement; origin is a register id or "server"
 *   sale:<registerId>:<receiptNumber 8 digits>  immutable; the receipt number in the id makes a
 *                                          second sale with the same number a conflict, never a duplicate
 *   weborder:<platform>:<shop>:<orderId>   written by the server only, deterministic
 *   store:settings                         the shop's name, address, currency (server-written)
 */
import type { CurrencyCode, Money } from './money.ts';

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
}

export interface CustomerDoc {
  _id: string; // customer:<ulid>
  _rev?: string;
  type: 'customer';
  name: string;
  email?: string;
  phone?: string;
  updatedAt: string;
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
}

export type TenderKind = 'cash' | 'card' | 'voucher' | 'other';

export interface Tender {
  kind: TenderKind;
  /** Amount handed over by the customer for this tender (cash may exceed what is due). */
  amount: Money;
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
}

export type Platform = 'shopify' | 'woocommerce' | 'bigcommerce';

export interface WebOrderLine {
  sku: string | null; // null when the platform's SKU is unknown to the catalogue
  name: string;
  quantity: number;
  unitPrice: Money;
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
}

export type StoreDoc =
  | ProductDoc
  | CustomerDoc
  | StockMovementDoc
  | SaleDoc
  | WebOrderDoc
  | StoreSettingsDoc;
