/**
 * Shift commands: open with a float, pay-in / pay-out, drawer openings, X report (figures now, not
 * stored) and close (the Z report: counted cash, totals, next gapless Z number, journal link). Every
 * write is one immutable document committed to the replica before success is reported; the Z goes
 * through the journal queue so that no sale can slip in between its totals and its commit.
 */
import type { SaleDoc } from '../domain/documents.ts';
import { createUlid } from '../domain/ids.ts';
import type { Money } from '../domain/money.ts';
import { err, ok, type Result } from '../domain/result.ts';
import type { CashEventDoc, CashEventKind, ShiftDoc, ShiftTotals, ZReportDoc } from '../domain/register-documents.ts';
import { refundsCash } from '../domain/refund.ts';
import { buildCashEvent, buildShift, buildZReport, nextZNumber, type ShiftRefusal } from '../domain/shift-docs.ts';
import { shiftTotals, type LateSale } from '../domain/shift.ts';
import type { CashCounts } from '../domain/cash-count.ts';
import { getPairing } from '../store/queries.ts';
import { getLateSales, getOpenShift, getShiftDocs } from '../store/shift-queries.ts';
import type { Pairing, SyncPort } from '../store/sync-port.ts';
import { withDefaults, type CommandDeps } from './deps.ts';
import { journalSerial, linkToJournal } from './journal.ts';
import { currentStaff, type StaffSession } from './session.ts';

export type ShiftCommandRefusal =
  | ShiftRefusal
  | { kind: 'not_paired' }
  | { kind: 'not_signed_in' }
  | { kind: 'shift_already_open'; shiftId: string }
  | { kind: 'no_open_shift' }
  /** Another Z took the number twice in a row: nothing was saved. */
  | { kind: 'z_conflict'; zNumber: number }
  | { kind: 'not_saved'; message: string };

export interface XReport {
  shift: ShiftDoc;
  totals: ShiftTotals;
  saleIds: string[];
  /** Sales of earlier, closed shifts that their Z did not include (listed, not in the totals). */
  lateSales: LateSale[];
  at: string;
}

export interface ShiftDeps extends CommandDeps {
  currentStaff: () => Promise<StaffSession | null>;
}

function resolve(partial?: Partial<ShiftDeps>): ShiftDeps {
  return { currentStaff, ...withDefaults(partial), ...partial } as ShiftDeps;
}

const nextUlid = createUlid(
  () => Date.now(),
  (n) => crypto.getRandomValues(new Uint8Array(n)),
);

function isConflict(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'ConflictError';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Lets the read model catch up with what was just committed; a register without sync started has nothing to wait for. */
async function caughtUp(port: SyncPort): Promise<void> {
  try {
    await port.readModelCaughtUp();
  } catch {
    // not started (tests, unpaired): the read model is whatever it is
  }
}

async function commit<D extends ShiftDoc | CashEventDoc | ZReportDoc>(port: SyncPort, doc: D): Promise<Result<D, ShiftCommandRefusal>> {
  try {
    const { rev } = await port.commit(doc);
    await caughtUp(port);
    return ok({ ...doc, _rev: rev });
  } catch (error) {
    return err({ kind: 'not_saved', message: messageOf(error) });
  }
}

/** This register's open shift (its latest shift without a Z report), or null. */
export async function openShift(): Promise<ShiftDoc | null> {
  const pairing = await getPairing();
  return pairing === null ? null : getOpenShift(pairing.registerId);
}

async function context(d: ShiftDeps): Promise<Result<{ pairing: Pairing; staffId: string }, ShiftCommandRefusal>> {
  const pairing = await getPairing();
  if (pairing === null) return err({ kind: 'not_paired' });
  const staff = await d.currentStaff();
  if (staff === null) return err({ kind: 'not_signed_in' });
  return ok({ pairing, staffId: staff.staffId });
}

/** Opens a shift with the cash counted into the drawer; refused while one is open. */
export async function startShift(float: Money, deps?: Partial<ShiftDeps>): Promise<Result<ShiftDoc, ShiftCommandRefusal>> {
  const d = resolve(deps);
  const ctx = await context(d);
  if (!ctx.ok) return ctx;
  const { pairing, staffId } = ctx.value;
  const open = await getOpenShift(pairing.registerId);
  if (open !== null) return err({ kind: 'shift_already_open', shiftId: open._id });
  const built = buildShift({ registerId: pairing.registerId, storeId: pairing.storeId, ulid: nextUlid(), openedAt: d.now().toISOString(), openedBy: staffId, float });
  if (!built.ok) return built;
  return commit(d.port(), built.value);
}

async function cashEvent(kind: CashEventKind, amount: Money, reason: string, overrideId: string | undefined, deps?: Partial<ShiftDeps>): Promise<Result<CashEventDoc, ShiftCommandRefusal>> {
  const d = resolve(deps);
  const ctx = await context(d);
  if (!ctx.ok) return ctx;
  const { pairing, staffId } = ctx.value;
  const shift = await getOpenShift(pairing.registerId);
  if (shift === null) return err({ kind: 'no_open_shift' });
  const built = buildCashEvent({
    registerId: pairing.registerId,
    shiftId: shift._id,
    ulid: nextUlid(),
    kind,
    amount,
    reason,
    by: staffId,
    at: d.now().toISOString(),
    ...(overrideId === undefined ? {} : { overrideId }),
  });
  if (!built.ok) return built;
  return commit(d.port(), built.value);
}

/** Cash put into (pay-in) or taken out of (pay-out) the drawer outside a sale, with its reason. */
export function payInOut(kind: 'pay_in' | 'pay_out', amount: Money, reason: string, deps?: Partial<ShiftDeps>): Promise<Result<CashEventDoc, ShiftCommandRefusal>> {
  return cashEvent(kind, amount, reason, undefined, deps);
}

/** Records that the drawer opened without a sale (a cash refund, or a manager's "open drawer"). */
export function recordDrawerOpen(reason: string, opts: { overrideId?: string } = {}, deps?: Partial<ShiftDeps>): Promise<Result<CashEventDoc, ShiftCommandRefusal>> {
  return cashEvent('drawer_open', 0 as Money, reason, opts.overrideId, deps);
}

/** After a refund or exchange that paid cash back: the drawer opened for it (reason "remboursement"). */
export async function recordRefundDrawerOpening(sale: Pick<SaleDoc, 'tenders'>, deps?: Partial<ShiftDeps>): Promise<Result<CashEventDoc | null, ShiftCommandRefusal>> {
  if (!refundsCash(sale.tenders)) return ok(null);
  return recordDrawerOpen('remboursement', {}, deps);
}

async function report(shift: ShiftDoc, registerId: string, at: string): Promise<XReport> {
  const [docs, lateSales] = await Promise.all([getShiftDocs(shift._id), getLateSales(registerId)]);
  const saleIds = docs.filter((doc) => doc.type === 'sale').map((doc) => doc._id);
  return { shift, totals: shiftTotals(docs, { float: shift.float }), saleIds, lateSales, at };
}

/** The open shift's figures now (an X report: read, never stored). */
export async function xReport(deps?: Partial<ShiftDeps>): Promise<Result<XReport, ShiftCommandRefusal>> {
  const d = resolve(deps);
  const pairing = await getPairing();
  if (pairing === null) return err({ kind: 'not_paired' });
  await caughtUp(d.port());
  const shift = await getOpenShift(pairing.registerId);
  if (shift === null) return err({ kind: 'no_open_shift' });
  return ok(await report(shift, pairing.registerId, d.now().toISOString()));
}

/**
 * Closes the open shift with the drawer's count by denomination: the Z report gets the next Z number
 * of this register, the shift's totals and sale ids, the difference counted − expected, and its
 * journal link. Runs in the journal queue: no sale, refund or other Z can interleave.
 */
export function closeShift(counted: CashCounts, deps?: Partial<ShiftDeps>): Promise<Result<ZReportDoc, ShiftCommandRefusal>> {
  const d = resolve(deps);
  return journalSerial(async () => {
    const ctx = await context(d);
    if (!ctx.ok) return ctx;
    const { pairing, staffId } = ctx.value;
    const port = d.port();
    await caughtUp(port);
    const shift = await getOpenShift(pairing.registerId);
    if (shift === null) return err({ kind: 'no_open_shift' });
    const closedAt = d.now().toISOString();
    const x = await report(shift, pairing.registerId, closedAt);

    let last = await port.lastZNumber(pairing.registerId);
    let zNumber = nextZNumber(last);
    for (let attempt = 0; attempt < 2; attempt++) {
      zNumber = nextZNumber(last);
      const built = buildZReport({ shift, zNumber, closedAt, closedBy: staffId, counted, totals: x.totals, saleIds: x.saleIds, lateSales: x.lateSales });
      if (!built.ok) return built;
      try {
        const linked = await linkToJournal(built.value, { port: () => port });
        const { rev } = await port.commit(linked);
        await caughtUp(port);
        return ok({ ...linked, _rev: rev });
      } catch (error) {
        if (!isConflict(error)) return err({ kind: 'not_saved', message: messageOf(error) });
        // The number was taken (a Z replicated back from a restored backup): once more, past both.
        last = Math.max(zNumber, await port.lastZNumber(pairing.registerId));
      }
    }
    return err({ kind: 'z_conflict', zNumber });
  });
}
