/**
 * Stock take, receiving and transfers (issue 7): planned by the domain (domain/stock-ops.ts) with ids
 * drawn once, then written movement by movement to the replica. PouchDB has no transaction over
 * several documents, so "all or nothing" is kept in two steps:
 * - nothing is written unless the whole operation is valid (every SKU known, every quantity sane,
 *   the locations the store's);
 * - a plan is written in a fixed order under fixed ids: an id already in the replica is a movement
 *   written before (a double tap, a retry after a crash), skipped, never duplicated. A plan stopped
 *   half-way (storage full, tab closed) is finished by applying the same plan again, which the
 *   screens offer until it has been written in full.
 * Each count is a baseline of its own SKU, so a take interrupted between two SKUs never shows a
 * wrong figure: only a SKU not yet counted.
 */
import { createUlid } from '../domain/ids.ts';
import { err, ok, type Result } from '../domain/result.ts';
import {
  planReceipt,
  planStockTake,
  planTransfer,
  type PlanContext,
  type QuantityLine,
  type StockOpProblem,
  type StockPlan,
  type StockTake,
} from '../domain/stock-ops.ts';
import { getProducts } from '../store/product-queries.ts';
import { getPairing } from '../store/queries.ts';
import { getStockLocations } from '../store/stock-queries.ts';
import { withDefaults, type CommandDeps } from './deps.ts';

const nextUlid = createUlid(
  () => Date.now(),
  (n) => crypto.getRandomValues(new Uint8Array(n)),
);

/** A fresh id for a stock take, a receipt or a transfer (and for each of its movements). */
export function newStockOperationId(): string {
  return nextUlid();
}

export type PlanRefusal = { kind: 'not_paired' } | { kind: 'invalid'; problems: StockOpProblem[] };

async function context(skus: readonly string[], movements: number): Promise<Result<PlanContext, PlanRefusal>> {
  const pairing = await getPairing();
  if (pairing === null) return err({ kind: 'not_paired' });
  const known = new Set((await getProducts([...new Set(skus)])).map((p) => p.sku));
  const locations = new Set((await getStockLocations()).map((l) => l.id));
  return ok({
    registerId: pairing.registerId,
    ids: Array.from({ length: movements }, () => nextUlid()),
    isKnownSku: (sku) => known.has(sku),
    isKnownLocation: (loc) => locations.has(loc),
  });
}

const planned = (r: Result<StockPlan, StockOpProblem[]>): Result<StockPlan, PlanRefusal> => (r.ok ? r : err({ kind: 'invalid', problems: r.error }));

/** The take's counts as a plan (one 'count' per SKU); nothing is planned unless every line is valid. */
export async function planStockTakeApply(take: StockTake): Promise<Result<StockPlan, PlanRefusal>> {
  const ctx = await context(take.lines.map((l) => l.sku), take.lines.length);
  return ctx.ok ? planned(planStockTake(take, ctx.value)) : ctx;
}

export interface ReceivingInput {
  location: string;
  lines: readonly QuantityLine[];
  /** The supplier's delivery note, kept in the movements' ref. */
  note?: string;
}

export async function planReceiving(input: ReceivingInput, deps?: Partial<CommandDeps>): Promise<Result<StockPlan, PlanRefusal>> {
  const at = withDefaults(deps).now().toISOString();
  const ctx = await context(input.lines.map((l) => l.sku), input.lines.length);
  if (!ctx.ok) return ctx;
  return planned(planReceipt({ id: nextUlid(), location: input.location, lines: input.lines, at, ...(input.note ? { note: input.note } : {}) }, ctx.value));
}

export interface TransferRequest {
  from: string;
  to: string;
  lines: readonly QuantityLine[];
}

export async function planStockTransfer(input: TransferRequest, deps?: Partial<CommandDeps>): Promise<Result<StockPlan, PlanRefusal>> {
  const at = withDefaults(deps).now().toISOString();
  const ctx = await context(input.lines.map((l) => l.sku), input.lines.length * 2);
  if (!ctx.ok) return ctx;
  return planned(planTransfer({ id: nextUlid(), from: input.from, to: input.to, lines: input.lines, at }, ctx.value));
}

export interface PlanWritten {
  /** Movements written by this call. */
  written: number;
  /** Movements the replica already held (an earlier, possibly interrupted, application). */
  already: number;
}

export interface PlanNotFinished {
  kind: 'not_saved';
  message: string;
  written: number;
  /** Movements still to write: apply the same plan again to finish it. */
  remaining: number;
}

const isConflict = (e: unknown): boolean => typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'ConflictError';

/** Writes a plan's movements in order; idempotent (ids are fixed), resumable after an interruption. */
export async function applyStockPlan(plan: StockPlan, deps?: Partial<CommandDeps>): Promise<Result<PlanWritten, PlanNotFinished>> {
  const port = withDefaults(deps).port();
  let written = 0;
  let already = 0;
  for (const [i, doc] of plan.movements.entries()) {
    try {
      await port.commit(doc);
      written++;
    } catch (e) {
      if (isConflict(e)) {
        already++;
        continue;
      }
      return err({ kind: 'not_saved', message: e instanceof Error ? e.message : String(e), written, remaining: plan.movements.length - i });
    }
  }
  return ok({ written, already });
}
