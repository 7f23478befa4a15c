/**
 * What the stock screens keep on this device between reloads (localStorage, like the cart draft):
 * the stock take in progress, and a stock plan being written (so that one interrupted by a reload or
 * a full disk is finished, under the same ids, instead of being redone or lost). Nothing here
 * replicates; the movements do once written.
 */
import { parseStockTake, type StockPlan, type StockTake } from '../../domain/stock-ops.ts';

const TAKE_KEY = 'comptoir.stocktake-draft';
const PLAN_KEY = 'comptoir.stock-plan-pending';

function read(key: string): unknown {
  try {
    const raw = localStorage.getItem(key);
    return raw === null ? null : (JSON.parse(raw) as unknown);
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // storage unavailable: the draft lives in memory only
  }
}

export function loadStockTake(): StockTake | null {
  return parseStockTake(read(TAKE_KEY));
}

export function saveStockTake(take: StockTake | null): void {
  write(TAKE_KEY, take);
}

function isPlan(x: unknown): x is StockPlan {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as Record<string, unknown>;
  return (o['kind'] === 'count' || o['kind'] === 'receipt' || o['kind'] === 'transfer') && typeof o['ref'] === 'string' && Array.isArray(o['movements']);
}

/** The plan being written, if one was interrupted. */
export function loadPendingPlan(): StockPlan | null {
  const x = read(PLAN_KEY);
  return isPlan(x) ? x : null;
}

export function savePendingPlan(plan: StockPlan | null): void {
  write(PLAN_KEY, plan);
}
