/**
 * The server's in-memory view of one store's stock, kept from the database's changes feed: the
 * movements per SKU (stock movements, and the movements implied by sales — src/domain/stock.ts) and
 * the open web orders (src/domain/reservations.ts). available = on hand (all locations) − reserved,
 * never below zero: that is what the web stores may sell.
 */
import type { ProductDoc, SaleDoc, StockMovementDoc, WebOrderDoc } from '../../src/domain/documents.ts';
import { reservedBySku } from '../../src/domain/reservations.ts';
import { movementsOfSale, stockOnHand, type StockMovement } from '../../src/domain/stock.ts';

export interface StockFigures {
  onHand: number;
  reserved: number;
  available: number;
}

type AnyDoc = { _id: string; _deleted?: boolean; type?: unknown };

export class StockLedger {
  /** sku → (source doc id → its movements for that sku) */
  private readonly bySku = new Map<string, Map<string, StockMovement[]>>();
  /** source doc id → skus it touched (to undo on a new revision or deletion) */
  private readonly skusOfDoc = new Map<string, Set<string>>();
  private readonly orders = new Map<string, WebOrderDoc>();
  private readonly untracked = new Set<string>();

  /** Applies one document revision; returns the SKUs whose figures may have changed. */
  apply(doc: AnyDoc, deleted = false): Set<string> {
    const touched = new Set<string>();
    const gone = deleted || doc._deleted === true;
    if (doc._id.startsWith('weborder:')) {
      const before = this.orders.get(doc._id);
      for (const l of before?.lines ?? []) if (l.sku) touched.add(l.sku);
      if (gone || doc.type !== 'web_order') this.orders.delete(doc._id);
      else {
        const order = doc as unknown as WebOrderDoc;
        this.orders.set(doc._id, order);
        for (const l of order.lines ?? []) if (l.sku) touched.add(l.sku);
      }
      return touched;
    }
    if (doc._id.startsWith('product:')) {
      const sku = doc._id.slice('product:'.length);
      const tracked = gone || (doc as unknown as ProductDoc).stockTracked !== false;
      if (tracked) this.untracked.delete(sku);
      else this.untracked.add(sku);
      return touched;
    }
    let movements: StockMovement[] = [];
    if (!gone && doc.type === 'stock_movement') movements = [doc as unknown as StockMovementDoc];
    else if (!gone && doc.type === 'sale' && Array.isArray((doc as unknown as SaleDoc).lines)) movements = movementsOfSale(doc as unknown as SaleDoc);
    else if (!this.skusOfDoc.has(doc._id)) return touched;

    for (const sku of this.skusOfDoc.get(doc._id) ?? []) {
      this.bySku.get(sku)?.delete(doc._id);
      touched.add(sku);
    }
    this.skusOfDoc.delete(doc._id);
    if (movements.length === 0) return touched;
    const skus = new Set<string>();
    for (const m of movements) {
      if (typeof m.sku !== 'string') continue;
      let perDoc = this.bySku.get(m.sku);
      if (!perDoc) this.bySku.set(m.sku, (perDoc = new Map()));
      perDoc.set(doc._id, [...(perDoc.get(doc._id) ?? []), m]);
      skus.add(m.sku);
      touched.add(m.sku);
    }
    this.skusOfDoc.set(doc._id, skus);
    return touched;
  }

  /** False for products whose stock is not tracked (nothing to push). */
  isTracked(sku: string): boolean {
    return !this.untracked.has(sku);
  }

  figures(sku: string): StockFigures {
    const movements = [...(this.bySku.get(sku)?.values() ?? [])].flat();
    let onHand = 0;
    for (const qty of stockOnHand(movements).values()) onHand += qty; // every location of this SKU
    const reserved = reservedBySku([...this.orders.values()].filter((o) => o.lines?.some((l) => l.sku === sku))).get(sku) ?? 0;
    return { onHand, reserved, available: Math.max(0, onHand - reserved) };
  }
}
