/**
 * The server's in-memory view of one store's stock, kept from the database's changes feed: the
 * movements per SKU (stock movements, the movements implied by sales — src/domain/stock.ts — and the
 * movements implied by web orders and their events) and the stock the open web orders still hold.
 * available = on hand (all locations) − reserved, never below zero: that is what the web stores may
 * sell.
 *
 * A web order's effect on stock is the domain's fold (orderStockEffect, src/domain/web-order-stock.ts),
 * the same one the registers' projection runs: shipped and picked-up units leave the shelf, restocked
 * returns come back, a cancelled order or a removed line holds nothing. So the ledger keeps every web
 * order with its events (woevent:…) and folds an order again whenever it or one of its events changes.
 * The producer reads the same orders and events to describe each push (producers.ts).
 */
import type { ProductDoc, SaleDoc, StockMovementDoc, StoreSettingsDoc, WebOrderDoc, WebOrderEventDoc } from '../../src/domain/documents.ts';
import { movementsOfSale, stockOnHand, type StockMovement } from '../../src/domain/stock.ts';
import { orderStockEffect } from '../../src/domain/web-order-stock.ts';

export interface StockFigures {
  onHand: number;
  reserved: number;
  available: number;
}

type AnyDoc = { _id: string; _deleted?: boolean; type?: unknown };

/** The source key of the movements derived from a web order (one key per order, all its events). */
const orderSource = (orderId: string): string => `weborder-effect:${orderId}`;

export const DEFAULT_LOCATION = 'shop';

export class StockLedger {
  /** sku → (source id → its movements for that sku) */
  private readonly bySku = new Map<string, Map<string, StockMovement[]>>();
  /** source id → skus it touched (to undo on a new revision or deletion) */
  private readonly skusOfDoc = new Map<string, Set<string>>();
  private readonly orders = new Map<string, WebOrderDoc>();
  /** order id → its events by id (events may arrive before their order). */
  private readonly events = new Map<string, Map<string, WebOrderEventDoc>>();
  /** order id → what it still holds, per sku. */
  private readonly reservedByOrder = new Map<string, Map<string, number>>();
  private readonly untracked = new Set<string>();
  private location = DEFAULT_LOCATION;

  /** The store's default location (where lines are prepared until allocated elsewhere). */
  get defaultLocation(): string {
    return this.location;
  }

  /** Applies one document revision; returns the SKUs whose figures may have changed. */
  apply(doc: AnyDoc, deleted = false): Set<string> {
    const gone = deleted || doc._deleted === true;
    if (doc._id === 'store:settings') return this.applySettings(doc, gone);
    if (doc._id.startsWith('weborder:')) {
      if (gone || doc.type !== 'web_order') this.orders.delete(doc._id);
      else this.orders.set(doc._id, doc as unknown as WebOrderDoc);
      return this.refold(doc._id);
    }
    if (doc._id.startsWith('woevent:')) {
      if (gone || doc.type !== 'web_order_event') return new Set(); // immutable: a deletion is refused upstream
      const ev = doc as unknown as WebOrderEventDoc;
      if (typeof ev.orderId !== 'string') return new Set();
      let list = this.events.get(ev.orderId);
      if (!list) this.events.set(ev.orderId, (list = new Map()));
      list.set(ev._id, ev);
      return this.refold(ev.orderId);
    }
    if (doc._id.startsWith('product:')) {
      const sku = doc._id.slice('product:'.length);
      const tracked = gone || (doc as unknown as ProductDoc).stockTracked !== false;
      if (tracked) this.untracked.delete(sku);
      else this.untracked.add(sku);
      return new Set();
    }
    let movements: StockMovement[] = [];
    if (!gone && doc.type === 'stock_movement') movements = [doc as unknown as StockMovementDoc];
    else if (!gone && doc.type === 'sale' && Array.isArray((doc as unknown as SaleDoc).lines)) movements = movementsOfSale(doc as unknown as SaleDoc);
    else if (!this.skusOfDoc.has(doc._id)) return new Set();
    return this.setMovements(doc._id, movements);
  }

  /** A web order and its events as known now (null when the order is not here). */
  order(orderId: string): { order: WebOrderDoc; events: WebOrderEventDoc[] } | null {
    const order = this.orders.get(orderId);
    if (!order) return null;
    return { order, events: [...(this.events.get(orderId)?.values() ?? [])] };
  }

  /** Every web order with its events (the auto-cancel timer looks through them). */
  *allOrders(): Iterable<{ order: WebOrderDoc; events: WebOrderEventDoc[] }> {
    for (const id of this.orders.keys()) {
      const o = this.order(id);
      if (o) yield o;
    }
  }

  /** False for products whose stock is not tracked (nothing to push). */
  isTracked(sku: string): boolean {
    return !this.untracked.has(sku);
  }

  figures(sku: string): StockFigures {
    const movements = [...(this.bySku.get(sku)?.values() ?? [])].flat();
    let onHand = 0;
    for (const qty of stockOnHand(movements).values()) onHand += qty; // every location of this SKU
    let reserved = 0;
    for (const r of this.reservedByOrder.values()) reserved += r.get(sku) ?? 0;
    return { onHand, reserved, available: Math.max(0, onHand - reserved) };
  }

  private applySettings(doc: AnyDoc, gone: boolean): Set<string> {
    const next = gone ? DEFAULT_LOCATION : (doc as unknown as Partial<StoreSettingsDoc>).defaultLocation || DEFAULT_LOCATION;
    if (next === this.location) return new Set();
    this.location = next;
    // Unallocated lines are prepared at the default location: every order's movements move with it.
    const touched = new Set<string>();
    for (const id of new Set([...this.orders.keys(), ...this.reservedByOrder.keys()])) for (const s of this.refold(id)) touched.add(s);
    return touched;
  }

  /** Folds one order again (its document and events) and replaces what it contributed. */
  private refold(orderId: string): Set<string> {
    const order = this.orders.get(orderId);
    const before = this.reservedByOrder.get(orderId);
    const touched = new Set<string>(before?.keys() ?? []);
    let movements: StockMovement[] = [];
    if (order) {
      const effect = orderStockEffect(order, [...(this.events.get(orderId)?.values() ?? [])], this.location);
      movements = effect.movements;
      const reserved = new Map<string, number>();
      for (const [sku, qty] of effect.reserved) {
        if (qty > 0) reserved.set(sku, qty);
        touched.add(sku);
      }
      this.reservedByOrder.set(orderId, reserved);
    } else {
      this.reservedByOrder.delete(orderId);
    }
    for (const s of this.setMovements(orderSource(orderId), movements)) touched.add(s);
    return touched;
  }

  /** Replaces the movements a source (a document, or a web order's fold) contributes. */
  private setMovements(source: string, movements: readonly StockMovement[]): Set<string> {
    const touched = new Set<string>();
    for (const sku of this.skusOfDoc.get(source) ?? []) {
      this.bySku.get(sku)?.delete(source);
      touched.add(sku);
    }
    this.skusOfDoc.delete(source);
    if (movements.length === 0) return touched;
    const skus = new Set<string>();
    for (const m of movements) {
      if (typeof m.sku !== 'string') continue;
      let perDoc = this.bySku.get(m.sku);
      if (!perDoc) this.bySku.set(m.sku, (perDoc = new Map()));
      perDoc.set(source, [...(perDoc.get(source) ?? []), m]);
      skus.add(m.sku);
      touched.add(m.sku);
    }
    this.skusOfDoc.set(source, skus);
    return touched;
  }
}
