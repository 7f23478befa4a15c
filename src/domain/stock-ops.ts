/**
 * What staff do to the shelves (issue 7), as immutable stock movements (documents.ts
 * StockMovementDoc) for the fold in stock.ts:
 * - a stock take counts SKUs at one location by scanning; applying it writes one 'count' per SKU
 *   (a baseline: later sales apply on top, earlier ones are inside the counted figure);
 * - receiving goods writes one 'receipt' (+units) per SKU, all with one ref;
 * - a transfer writes two 'transfer' movements per SKU, out of one location and into another, one ref.
 * Every operation is planned first (ids drawn once, kept with the plan): writing a plan twice writes
 * nothing more, and a plan interrupted half-way is finished by writing it again. Pure.
 */
import type { StockMovementDoc } from './documents.ts';
import { err, ok, type Result } from './result.ts';

export const MAX_UNITS = 100_000;

/** One SKU's count in a stock take, and when it was last counted (the baseline's instant). */
export interface CountLine {
  sku: string;
  counted: number;
  at: string;
}

export interface StockTake {
  /** A ULID drawn when the take starts; the movements' ref is `stocktake:<registerId>:<id>`. */
  id: string;
  location: string;
  startedAt: string;
  /** In the order SKUs were first counted. */
  lines: CountLine[];
}

export function startStockTake(id: string, location: string, at: string): StockTake {
  return { id, location, startedAt: at, lines: [] };
}

const isUnits = (n: number, min: number): boolean => Number.isSafeInteger(n) && n >= min && n <= MAX_UNITS;

/** A scan: one more unit of `sku` (or `quantity` more), counted at `at`. */
export function countScan(take: StockTake, sku: string, at: string, quantity = 1): StockTake {
  const line = take.lines.find((l) => l.sku === sku);
  const counted = Math.min(MAX_UNITS, Math.max(0, (line?.counted ?? 0) + quantity));
  return setCount(take, sku, counted, at);
}

/** Types a count over the scans (a correction, or 0 for an empty shelf). */
export function setCount(take: StockTake, sku: string, counted: number, at: string): StockTake {
  if (!isUnits(counted, 0)) return take;
  const exists = take.lines.some((l) => l.sku === sku);
  const lines = exists ? take.lines.map((l) => (l.sku === sku ? { sku, counted, at } : l)) : [...take.lines, { sku, counted, at }];
  return { ...take, lines };
}

export function dropCount(take: StockTake, sku: string): StockTake {
  return { ...take, lines: take.lines.filter((l) => l.sku !== sku) };
}

export interface VarianceLine {
  sku: string;
  /** On hand before the count (the fold's figure at the location). */
  expected: number;
  counted: number;
  /** counted − expected: negative is shrinkage. */
  variance: number;
}

/** Variance per counted SKU; `onHand` answers the current figure at the take's location. */
export function stockTakeVariance(take: StockTake, onHand: (sku: string) => number): VarianceLine[] {
  return take.lines.map((l) => {
    const expected = onHand(l.sku);
    return { sku: l.sku, expected, counted: l.counted, variance: l.counted - expected };
  });
}

export function varianceTotals(lines: readonly VarianceLine[]): { skus: number; differing: number; units: number } {
  return { skus: lines.length, differing: lines.filter((l) => l.variance !== 0).length, units: lines.reduce((s, l) => s + l.variance, 0) };
}

/** A planned write: the movements, their ids fixed, under one ref. Written in order, idempotently. */
export interface StockPlan {
  kind: 'count' | 'receipt' | 'transfer';
  ref: string;
  movements: StockMovementDoc[];
}

export type StockOpProblem =
  | { code: 'empty' }
  | { code: 'bad_quantity'; sku: string }
  | { code: 'unknown_sku'; sku: string }
  | { code: 'unknown_location'; location: string }
  | { code: 'same_location' }
  | { code: 'ids'; needed: number };

export interface PlanContext {
  registerId: string;
  /** ULIDs drawn for this plan, at least one per movement. */
  ids: readonly string[];
  isKnownSku: (sku: string) => boolean;
  isKnownLocation: (location: string) => boolean;
}

export interface QuantityLine {
  sku: string;
  quantity: number;
}

/** Lines of the same SKU added up, in first-seen order; lines of 0 dropped. */
export function mergeLines(lines: readonly QuantityLine[]): QuantityLine[] {
  const bySku = new Map<string, number>();
  for (const l of lines) bySku.set(l.sku, (bySku.get(l.sku) ?? 0) + l.quantity);
  return [...bySku].map(([sku, quantity]) => ({ sku, quantity })).filter((l) => l.quantity !== 0);
}

function checkLines(lines: readonly QuantityLine[], ctx: PlanContext, min: number): StockOpProblem[] {
  const problems: StockOpProblem[] = [];
  for (const l of lines) {
    if (!ctx.isKnownSku(l.sku)) problems.push({ code: 'unknown_sku', sku: l.sku });
    else if (!isUnits(l.quantity, min)) problems.push({ code: 'bad_quantity', sku: l.sku });
  }
  return problems;
}

function movementId(ctx: PlanContext, i: number): string {
  return `stock:${ctx.registerId}:${ctx.ids[i]}`;
}

function needIds(ctx: PlanContext, n: number): StockOpProblem[] {
  return ctx.ids.length < n || new Set(ctx.ids.slice(0, n)).size < n ? [{ code: 'ids', needed: n }] : [];
}

/** A take's counts as 'count' movements, one per SKU; nothing is planned unless every line is valid. */
export function planStockTake(take: StockTake, ctx: PlanContext): Result<StockPlan, StockOpProblem[]> {
  const lines = take.lines;
  const problems: StockOpProblem[] = [];
  if (lines.length === 0) problems.push({ code: 'empty' });
  if (!ctx.isKnownLocation(take.location)) problems.push({ code: 'unknown_location', location: take.location });
  problems.push(...checkLines(lines.map((l) => ({ sku: l.sku, quantity: l.counted })), ctx, 0), ...needIds(ctx, lines.length));
  if (problems.length > 0) return err(problems);
  const ref = `stocktake:${ctx.registerId}:${take.id}`;
  const movements = lines.map((l, i): StockMovementDoc => ({
    _id: movementId(ctx, i), type: 'stock_movement', sku: l.sku, location: take.location, reason: 'count', quantity: l.counted, at: l.at, ref,
  }));
  return ok({ kind: 'count', ref, movements });
}

export interface ReceiptInput {
  /** A ULID: the ref is `receipt:<registerId>:<id>`. */
  id: string;
  location: string;
  lines: readonly QuantityLine[];
  at: string;
  /** The supplier's delivery note number, kept in the ref's suffix when given ("receipt:R1:<id>:BL-42"). */
  note?: string;
}

/** Goods received: one 'receipt' (+units) per SKU, one ref. */
export function planReceipt(input: ReceiptInput, ctx: PlanContext): Result<StockPlan, StockOpProblem[]> {
  const lines = mergeLines(input.lines);
  const problems: StockOpProblem[] = [];
  if (lines.length === 0) problems.push({ code: 'empty' });
  if (!ctx.isKnownLocation(input.location)) problems.push({ code: 'unknown_location', location: input.location });
  problems.push(...checkLines(lines, ctx, 1), ...needIds(ctx, lines.length));
  if (problems.length > 0) return err(problems);
  const note = (input.note ?? '').trim().replace(/[^A-Za-z0-9._\-/]+/g, '-').slice(0, 40);
  const ref = `receipt:${ctx.registerId}:${input.id}${note !== '' ? `:${note}` : ''}`;
  const movements = lines.map((l, i): StockMovementDoc => ({
    _id: movementId(ctx, i), type: 'stock_movement', sku: l.sku, location: input.location, reason: 'receipt', delta: l.quantity, at: input.at, ref,
  }));
  return ok({ kind: 'receipt', ref, movements });
}

export interface TransferInput {
  id: string;
  from: string;
  to: string;
  lines: readonly QuantityLine[];
  at: string;
}

/** Units moved between locations: per SKU a −n out of `from` and a +n into `to`, same instant, one ref. */
export function planTransfer(input: TransferInput, ctx: PlanContext): Result<StockPlan, StockOpProblem[]> {
  const lines = mergeLines(input.lines);
  const problems: StockOpProblem[] = [];
  if (lines.length === 0) problems.push({ code: 'empty' });
  if (input.from === input.to) problems.push({ code: 'same_location' });
  for (const loc of [input.from, input.to]) if (!ctx.isKnownLocation(loc)) problems.push({ code: 'unknown_location', location: loc });
  problems.push(...checkLines(lines, ctx, 1), ...needIds(ctx, lines.length * 2));
  if (problems.length > 0) return err(problems);
  const ref = `transfer:${ctx.registerId}:${input.id}`;
  const movements = lines.flatMap((l, i): StockMovementDoc[] => [
    { _id: movementId(ctx, 2 * i), type: 'stock_movement', sku: l.sku, location: input.from, reason: 'transfer', delta: -l.quantity, at: input.at, ref },
    { _id: movementId(ctx, 2 * i + 1), type: 'stock_movement', sku: l.sku, location: input.to, reason: 'transfer', delta: l.quantity, at: input.at, ref },
  ]);
  return ok({ kind: 'transfer', ref, movements });
}

/** Lines asking to move more than the location holds (allowed: the figure may be stale; the screen warns). */
export function shortLines(lines: readonly QuantityLine[], onHand: (sku: string) => number): string[] {
  return mergeLines(lines).filter((l) => l.quantity > onHand(l.sku)).map((l) => l.sku);
}

/** How fresh the stock figures are, from the sync status. */
export type Freshness =
  | { kind: 'as_of'; at: string } // in step with the server at `at` (live while online)
  | { kind: 'offline_since'; at: string } // no server since `at`: other registers' sales and web orders may be missing
  | { kind: 'never_synced' };

export function stockFreshness(status: { state: string; lastSyncedAt: string | null }): Freshness {
  if (status.lastSyncedAt === null) return { kind: 'never_synced' };
  const inStep = status.state === 'online' || status.state === 'syncing';
  return inStep ? { kind: 'as_of', at: status.lastSyncedAt } : { kind: 'offline_since', at: status.lastSyncedAt };
}

/** Reads back a stock take kept on the device (a draft survives a reload); null when unreadable. */
export function parseStockTake(x: unknown): StockTake | null {
  if (typeof x !== 'object' || x === null) return null;
  const o = x as Record<string, unknown>;
  if (typeof o['id'] !== 'string' || typeof o['location'] !== 'string' || typeof o['startedAt'] !== 'string' || !Array.isArray(o['lines'])) return null;
  const lines: CountLine[] = [];
  for (const l of o['lines'] as unknown[]) {
    const r = l as Record<string, unknown> | null;
    if (r === null || typeof r !== 'object' || typeof r['sku'] !== 'string' || typeof r['at'] !== 'string' || typeof r['counted'] !== 'number' || !isUnits(r['counted'], 0)) return null;
    lines.push({ sku: r['sku'], counted: r['counted'], at: r['at'] });
  }
  return { id: o['id'], location: o['location'], startedAt: o['startedAt'], lines };
}
