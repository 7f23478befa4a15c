/**
 * The shapes of a stock reconciliation (issue 7): what goes in (movements, reservations of open web
 * orders, levels the web stores report) and what comes out (figures per SKU and location, differences
 * with the platforms, oversell tasks). Plain data: structured-cloneable, written as Dexie rows as is.
 */
import type { StockReason } from '../documents.ts';

/** A stock movement as the read model holds it (replicated, or derived from a sale or a web order). */
export interface ReconcileMovement {
  _id: string;
  sku: string;
  location: string;
  reason: StockReason;
  delta?: number;
  quantity?: number;
  at: string;
  /** The document that caused it: a sale id (`sale:`), a web order id (`weborder:`)… */
  ref?: string;
  /** Set on rows the projection derived from a sale or a web order: that document's id. */
  derivedFrom?: string;
}

/** Units an open web order still holds at one location, from the moment it was created. */
export interface Reservation {
  orderId: string;
  /** As the customer sees it ("#1042"): names the order in a task. */
  orderNumber?: string;
  sku: string;
  location: string;
  quantity: number;
  /** When the order was created (ISO 8601): the reservation holds from then on. */
  at: string;
}

/** What a web store says it has for sale. Without a location, the SKU's total over every location. */
export interface PlatformLevel {
  /** Which store reports it, e.g. "shopify:demo-shop". */
  source: string;
  sku: string;
  location?: string;
  quantity: number;
  /** When the platform reported it (ISO 8601), shown beside the difference. */
  reportedAt?: string;
}

export interface StockFigure {
  sku: string;
  location: string;
  /** Folded from movements, the latest count as baseline (domain/stock.ts stockOnHand). */
  onHand: number;
  /** Held by open web orders at this location. */
  reserved: number;
  /** onHand − reserved: what the counter and the web stores may still sell (negative: oversold). */
  available: number;
  /** Movements folded (usable ones) and the time of the latest, null when none. */
  movements: number;
  lastMovementAt: string | null;
}

export interface StockDifference {
  /** `stockdiff:<source>:<sku>@<location or *>`: one row per reported level. */
  id: string;
  source: string;
  sku: string;
  /** null: the platform reported one figure for every location together. */
  location: string | null;
  /** What the platform shows for sale. */
  platform: number;
  /** What it should show: the available units (never below 0, summed over locations when location is null). */
  expected: number;
  /** platform − expected: positive means the web store may sell units the shop does not have. */
  difference: number;
  reportedAt?: string;
}

/** One claim on the stock that took part in an oversell: a sale, a web order, or another outflow. */
export interface OversellClaim {
  kind: 'sale' | 'web_order' | 'movement';
  /** The sale id, the web order id, or the movement id (an adjustment, a transfer). */
  id: string;
  /** Units it claimed within the episode (a sale's lines and an order's shipments and reservation summed). */
  quantity: number;
  /** When it first claimed them. */
  at: string;
  /** The receipt label of a sale, the order number of a web order, when known. */
  label?: string;
  /** For kind 'movement': its reason (adjustment, transfer…). */
  reason?: StockReason;
}

/**
 * An episode in which a SKU's available stock at a location went below zero, as a task for staff.
 * `id` is `oversell:<sku>@<location>:<trigger id>`: the same on every register for the same facts.
 */
export interface OversellTask {
  id: string;
  sku: string;
  location: string;
  /** The movement or reservation with which available first went below zero. */
  triggerId: string;
  startedAt: string;
  /** When stock came back to ≥ 0 (a receipt, a count, a cancellation); null while still short. */
  endedAt: string | null;
  /** 'open': still short now; 'recovered': stock came back later (the collision still happened). */
  state: 'open' | 'recovered';
  /** The most units short at any point of the episode. */
  short: number;
  /** Units short now (0 once recovered). */
  shortNow: number;
  /**
   * The claims that collided: those that took the last units before the trigger (back to as many
   * units as were short), the trigger, and every claim while still short, in time order; at most
   * MAX_CLAIMS, the rest counted in moreClaims.
   */
  claims: OversellClaim[];
  moreClaims: number;
}

export interface StockReconciliation {
  /** Sorted by sku, then location. */
  figures: StockFigure[];
  /** Only levels that differ, sorted by id. */
  differences: StockDifference[];
  /** Sorted by sku, location, then start. */
  oversells: OversellTask[];
}
