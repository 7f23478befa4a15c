/**
 * The result of comparing Comptoir's stock with what a web store reports (stock reconciliation),
 * kept in the store database by the sync server as `reconcile:stock:<platform>` so that registers can
 * show it offline. Server-written only; registers read it.
 *
 *   checkedAt      when the last comparison was attempted
 *   asOf           when the differences below were read from the platform (the last successful run;
 *                  null when no run succeeded yet): "as of 14:32"
 *   error          why the last attempt failed (the differences are then those of `asOf`)
 *   compared       SKUs known to both sides at `asOf`
 *   differences    SKUs whose available figure differs: Comptoir's and the platform's
 *   fixQueued      pushes queued by the last run that queued any (fixedAt: when)
 */
import type { Platform } from './documents.ts';

export const STOCK_DIFFERENCES_PREFIX = 'reconcile:stock:';

export interface StockDifference {
  sku: string;
  /** Comptoir's available quantity (on hand − reserved, never below zero). */
  comptoir: number;
  /** What the platform reports for the SKU. */
  platform: number;
  onHand: number;
  reserved: number;
}

export interface StockDifferencesDoc {
  _id: string;
  _rev?: string;
  type: 'stock_differences';
  platform: Platform;
  shop: string;
  checkedAt: string;
  asOf: string | null;
  error?: string;
  compared: number;
  differences: StockDifference[];
  fixedAt?: string;
  fixQueued?: number;
}

export const stockDifferencesId = (platform: Platform): string => `${STOCK_DIFFERENCES_PREFIX}${platform}`;

const PLATFORMS: readonly string[] = ['shopify', 'woocommerce', 'bigcommerce'];
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isIso = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));

function isDifference(v: unknown): v is StockDifference {
  const d = v as Partial<StockDifference> | null;
  return !!d && typeof d.sku === 'string' && d.sku !== '' && isCount(d.comptoir) && isCount(d.platform) && isCount(d.onHand) && isCount(d.reserved);
}

/** Problems with a stock-differences document (empty when valid). */
export function validateStockDifferencesDoc(doc: unknown): string[] {
  const d = doc as Partial<StockDifferencesDoc> | null;
  if (!d || typeof d !== 'object') return ['not an object'];
  const problems: string[] = [];
  if (d.type !== 'stock_differences') problems.push('type must be "stock_differences"');
  if (typeof d.platform !== 'string' || !PLATFORMS.includes(d.platform)) problems.push('platform must be shopify, woocommerce or bigcommerce');
  else if (d._id !== stockDifferencesId(d.platform)) problems.push(`_id must be ${stockDifferencesId(d.platform)}`);
  if (typeof d.shop !== 'string' || d.shop === '') problems.push('shop is required');
  if (!isIso(d.checkedAt)) problems.push('checkedAt must be an ISO date');
  if (d.asOf !== null && !isIso(d.asOf)) problems.push('asOf must be an ISO date or null');
  if (d.error !== undefined && typeof d.error !== 'string') problems.push('error must be a string');
  if (!isCount(d.compared) || d.compared < 0) problems.push('compared must be a count');
  if (!Array.isArray(d.differences) || !d.differences.every(isDifference)) problems.push('differences must be a list of {sku, comptoir, platform, onHand, reserved}');
  if (d.fixedAt !== undefined && !isIso(d.fixedAt)) problems.push('fixedAt must be an ISO date');
  if (d.fixQueued !== undefined && (!isCount(d.fixQueued) || d.fixQueued < 0)) problems.push('fixQueued must be a count');
  return problems;
}

export function isStockDifferencesDoc(doc: unknown): doc is StockDifferencesDoc {
  return validateStockDifferencesDoc(doc).length === 0;
}
