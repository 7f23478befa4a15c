/**
 * Documents a register writes about the running of the till (issue 3): staff, shifts and Z closures,
 * manager overrides, drawer and cash events, voids, parked sales, invoice requests. Same rules as
 * documents.ts: immutable unless said otherwise, ids prefixed by type and register so that registers
 * never collide and the server can check who may write what.
 *
 *   staff:<ulid>                              mutable, written by the server (admin API / CLI) only
 *   shift:<registerId>:<ulid>                 immutable: a shift was opened with a float
 *   z:<registerId>:<zNumber 6 digits>         immutable: the shift's closure (Z report); gapless per register
 *   override:<registerId>:<ulid>              immutable: a manager authorised something
 *   cash:<registerId>:<ulid>                  immutable: pay-in, pay-out, drawer opened without a sale
 *   void:<registerId>:<ulid>                  immutable: a sale in progress was voided
 *   parked:<registerId>:<ulid>                created on park, DELETED on resume (by any register of the
 *                                             store); a second resume of the same sale is a conflict
 *   invoicereq:<registerId>:<ulid>            immutable: ask the server for an invoice (numbered per store
 *                                             by the server, without gaps, as invoice:<storeId>:<n 8 digits>)
 *   invoice:<storeId>:<n 8 digits>            immutable, written by the server only
 *   oversellfix:<registerId>:<ulid>           immutable: how staff resolved an oversell task (reconcile/resolution-doc.ts)
 */
import type { Money } from './money.ts';
import type { OversellResolutionDoc } from './reconcile/resolution-doc.ts';
import type { JournalLink, SaleLine, Tender, VatBreakdownRow } from './documents.ts';

export type StaffRole = 'cashier' | 'manager';

export interface StaffDoc {
  _id: string; // staff:<ulid>
  _rev?: string;
  type: 'staff';
  name: string;
  role: StaffRole;
  /** PBKDF2-SHA256 of the PIN: never the PIN itself. Registers verify offline against it. */
  pin: { algorithm: 'PBKDF2-SHA256'; iterations: number; salt: string; hash: string }; // base64
  active: boolean;
  updatedAt: string;
}

export interface ShiftDoc {
  _id: string; // shift:<registerId>:<ulid>
  _rev?: string;
  type: 'shift';
  storeId: string;
  registerId: string;
  openedAt: string;
  openedBy: string; // staff id
  float: Money; // cash in the drawer at opening
}

export type OverrideAction =
  | 'refund_without_receipt'
  | 'discount_above_threshold'
  | 'price_override'
  | 'void'
  | 'drawer_open'
  | 'web_order_step';

export interface OverrideDoc {
  _id: string; // override:<registerId>:<ulid>
  _rev?: string;
  type: 'override';
  registerId: string;
  shiftId: string | null;
  action: OverrideAction;
  managerId: string; // who authorised
  cashierId: string; // who asked
  reason: string;
  at: string;
  ref?: string; // the sale, line or event it authorised
}

export type CashEventKind = 'pay_in' | 'pay_out' | 'drawer_open';

export interface CashEventDoc {
  _id: string; // cash:<registerId>:<ulid>
  _rev?: string;
  type: 'cash_event';
  registerId: string;
  shiftId: string;
  kind: CashEventKind;
  amount: Money; // positive; pay_out takes it out of the drawer; 0 for drawer_open
  reason: string;
  by: string; // staff id
  overrideId?: string;
  at: string;
}

export interface VoidDoc {
  _id: string; // void:<registerId>:<ulid>
  _rev?: string;
  type: 'void';
  registerId: string;
  shiftId: string | null;
  lines: SaleLine[];
  total: Money;
  by: string;
  overrideId?: string;
  reason: string;
  at: string;
}

/** A cart put aside; any register of the store may resume it (which deletes this document). */
export interface ParkedSaleDoc {
  _id: string; // parked:<registerId>:<ulid>
  _rev?: string;
  type: 'parked_sale';
  registerId: string;
  parkedAt: string;
  parkedBy: string;
  label: string; // what the cashier typed, or the customer's name
  customerId?: string;
  /** The cart as the register's cart model serialises it (structured, validated on resume). */
  cart: unknown;
  total: Money;
}

export interface TenderTotal {
  kind: Tender['kind'];
  label: string; // "Espèces", "Carte", a store-configured tender's label
  amount: Money; // net of change and refunds
  count: number;
}

export interface ShiftTotals {
  salesCount: number;
  refundsCount: number;
  grossSales: Money; // Σ positive sale totals
  refunds: Money; // Σ refund totals (positive figure)
  discounts: Money; // Σ discounts granted
  voids: { count: number; amount: Money };
  tenders: TenderTotal[];
  vat: VatBreakdownRow[];
  payIns: Money;
  payOuts: Money;
  expectedCash: Money; // float + cash tenders − change − cash refunds + pay-ins − pay-outs
}

export interface ZReportDoc {
  _id: string; // z:<registerId>:<zNumber padded to 6>
  _rev?: string;
  type: 'z_report';
  storeId: string;
  registerId: string;
  zNumber: number; // gapless per register, from 1
  shiftId: string;
  openedAt: string;
  closedAt: string;
  closedBy: string;
  float: Money;
  /** Counted cash by denomination in minor units: { "5000": 2, "200": 7, … } → 2 × 50 €, 7 × 2 €. */
  counted: Record<string, number>;
  countedCash: Money;
  totals: ShiftTotals;
  difference: Money; // counted − expected
  /** Ids of the sales and refunds included (so late-synced documents stay attributed). */
  saleIds: string[];
  /**
   * Sales of an earlier, already closed shift of this register that were missing from its Z (they
   * reached the read model after the close). Listed once, here; not in this Z's totals (ADR 0009).
   */
  lateSales?: Array<{ saleId: string; shiftId: string; zNumber: number; receiptLabel: string; createdAt: string; gross: Money }>;
  journal: JournalLink;
}

export interface InvoiceRequestDoc {
  _id: string; // invoicereq:<registerId>:<ulid>
  _rev?: string;
  type: 'invoice_request';
  registerId: string;
  /** A sale id or a web order id. */
  source: string;
  customer: { name: string; address: string[]; email?: string; vatNumber?: string };
  at: string;
}

export interface InvoiceDoc {
  _id: string; // invoice:<storeId>:<number padded to 8>
  _rev?: string;
  type: 'invoice';
  storeId: string;
  number: number; // gapless per store, assigned by the server
  requestId: string;
  source: string;
  customer: InvoiceRequestDoc['customer'];
  issuedAt: string;
  lines: SaleLine[];
  vatBreakdown: VatBreakdownRow[];
  total: Money;
  /** What the customer knows the source by: the sale's receipt label or the web order's number. */
  sourceLabel?: string;
  /** ISO 4217 code of the amounts (the source's currency). */
  currency?: string;
}

export type RegisterDoc =
  | StaffDoc
  | ShiftDoc
  | OverrideDoc
  | CashEventDoc
  | VoidDoc
  | ParkedSaleDoc
  | ZReportDoc
  | InvoiceRequestDoc
  | InvoiceDoc
  | OversellResolutionDoc;
