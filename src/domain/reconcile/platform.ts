/**
 * What each web store shows for sale, compared with what it should show: the available units (on
 * hand − reserved), never below zero, at the location it names or summed over every location when it
 * reports one figure per SKU (as Shopify, WooCommerce and BigCommerce usually do).
 */
import type { PlatformLevel, StockDifference, StockFigure } from './types.ts';

const ALL = '*';

export function platformDifferences(figures: readonly StockFigure[], levels: readonly PlatformLevel[]): StockDifference[] {
  if (levels.length === 0) return [];
  // Only the SKUs the platforms report are indexed.
  const wanted = new Set(levels.map((l) => l.sku));
  const total = new Map<string, number>();
  const at = new Map<string, Map<string, number>>();
  for (const f of figures) {
    if (!wanted.has(f.sku)) continue;
    const sellable = Math.max(0, f.available);
    total.set(f.sku, (total.get(f.sku) ?? 0) + sellable);
    let bySku = at.get(f.sku);
    if (bySku === undefined) at.set(f.sku, (bySku = new Map()));
    bySku.set(f.location, sellable);
  }
  // The same level reported twice: the latest report counts (then the larger figure, to stay deterministic).
  const latest = new Map<string, PlatformLevel>();
  for (const level of levels) {
    if (!Number.isSafeInteger(level.quantity)) continue;
    const id = `stockdiff:${level.source}:${level.sku}@${level.location ?? ALL}`;
    const known = latest.get(id);
    if (known === undefined || later(level, known)) latest.set(id, level);
  }
  const out: StockDifference[] = [];
  for (const [id, level] of latest) {
    const location = level.location ?? null;
    const expected = location === null ? (total.get(level.sku) ?? 0) : (at.get(level.sku)?.get(location) ?? 0);
    if (level.quantity === expected) continue;
    out.push({
      id,
      source: level.source,
      sku: level.sku,
      location,
      platform: level.quantity,
      expected,
      difference: level.quantity - expected,
      ...(level.reportedAt !== undefined ? { reportedAt: level.reportedAt } : {}),
    });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function later(level: PlatformLevel, known: PlatformLevel): boolean {
  const a = Date.parse(level.reportedAt ?? '');
  const b = Date.parse(known.reportedAt ?? '');
  if (a !== b && !(Number.isNaN(a) && Number.isNaN(b))) return Number.isNaN(b) || a > b;
  return level.quantity > known.quantity;
}
