/**
 * Builders of the documents a shift writes: its opening (float), cash events (pay-in, pay-out, a
 * drawer opened without a sale) and its closure (the Z report, numbered without gaps per register).
 * Refusals are data, so the shift screen can say what to fix.
 */
import { countedCash, normaliseCounts, type CashCounts } from './cash-count.ts';
import type { JournalLink } from './documents.ts';
import { money } from './money.ts';
import type { Money } from './money.ts';
import { isValidRegisterId } from './receipt-number.ts';
import type { CashEventDoc, CashEventKind, ShiftDoc, ShiftTotals, ZReportDoc } from './register-documents.ts';
import { err, ok, type Result } from './result.ts';
import type { LateSale } from './shift.ts';

export const MAX_Z_NUMBER = 999_999;

export function shiftDocId(registerId: string, ulid: string): string {
  if (!isValidRegisterId(registerId)) throw new RangeError(`Invalid register id "${registerId}"`);
  return `shift:${registerId}:${ulid}`;
}

export function cashEventId(registerId: string, ulid: string): string {
  if (!isValidRegisterId(registerId)) throw new RangeError(`Invalid register id "${registerId}"`);
  return `cash:${registerId}:${ulid}`;
}

/** z:<registerId>:<6 digits>: the number in the id makes a second Z with the same number a conflict. */
export function zReportId(registerId: string, zNumber: number): string {
  if (!isValidRegisterId(registerId)) throw new RangeError(`Invalid register id "${registerId}"`);
  if (!Number.isSafeInteger(zNumber) || zNumber < 1 || zNumber > MAX_Z_NUMBER) throw new RangeError(`A Z number is in 1..${MAX_Z_NUMBER}, got ${zNumber}`);
  return `z:${registerId}:${String(zNumber).padStart(6, '0')}`;
}

export function parseZReportId(id: string): { registerId: string; zNumber: number } | null {
  const m = /^z:([^:\s]+):(\d{6})$/.exec(id);
  if (!m) return null;
  const zNumber = Number(m[2]);
  return zNumber >= 1 ? { registerId: m[1] as string, zNumber } : null;
}

export function nextZNumber(last: number): number {
  if (!Number.isSafeInteger(last) || last < 0 || last >= MAX_Z_NUMBER) throw new RangeError(`No Z number follows ${last}`);
  return last + 1;
}

export type ShiftRefusal =
  | { kind: 'invalid_amount'; amount: number }
  | { kind: 'reason_required' }
  | { kind: 'invalid_count'; denomination: string; count: number };

export function buildShift(input: { registerId: string; storeId: string; ulid: string; openedAt: string; openedBy: string; float: Money }): Result<ShiftDoc, ShiftRefusal> {
  if (!Number.isSafeInteger(input.float) || input.float < 0) return err({ kind: 'invalid_amount', amount: input.float });
  return ok({
    _id: shiftDocId(input.registerId, input.ulid),
    type: 'shift',
    storeId: input.storeId,
    registerId: input.registerId,
    openedAt: input.openedAt,
    openedBy: input.openedBy,
    float: input.float,
  });
}

export function buildCashEvent(input: {
  registerId: string;
  shiftId: string;
  ulid: string;
  kind: CashEventKind;
  amount: Money;
  reason: string;
  by: string;
  at: string;
  overrideId?: string;
}): Result<CashEventDoc, ShiftRefusal> {
  const reason = input.reason.trim();
  if (input.kind === 'drawer_open') {
    if (input.amount !== 0) return err({ kind: 'invalid_amount', amount: input.amount });
  } else if (!Number.isSafeInteger(input.amount) || input.amount <= 0) {
    return err({ kind: 'invalid_amount', amount: input.amount });
  }
  if (reason === '') return err({ kind: 'reason_required' });
  const doc: CashEventDoc = {
    _id: cashEventId(input.registerId, input.ulid),
    type: 'cash_event',
    registerId: input.registerId,
    shiftId: input.shiftId,
    kind: input.kind,
    amount: input.amount,
    reason,
    by: input.by,
    at: input.at,
  };
  if (input.overrideId !== undefined) doc.overrideId = input.overrideId;
  return ok(doc);
}

/** Placeholder link: linkToJournal replaces it before the document is committed. */
export const UNLINKED: JournalLink = { seq: 0, prev: '', hash: '', grandTotal: money(0) };

export function buildZReport(input: {
  shift: ShiftDoc;
  zNumber: number;
  closedAt: string;
  closedBy: string;
  counted: CashCounts;
  totals: ShiftTotals;
  saleIds: readonly string[];
  lateSales?: readonly LateSale[];
}): Result<ZReportDoc, ShiftRefusal> {
  for (const [denomination, count] of Object.entries(input.counted)) {
    if (!Number.isSafeInteger(count) || count < 0 || !/^[1-9]\d*$/.test(denomination)) return err({ kind: 'invalid_count', denomination, count });
  }
  const counted = normaliseCounts(input.counted);
  const cash = countedCash(counted);
  const doc: ZReportDoc = {
    _id: zReportId(input.shift.registerId, input.zNumber),
    type: 'z_report',
    storeId: input.shift.storeId,
    registerId: input.shift.registerId,
    zNumber: input.zNumber,
    shiftId: input.shift._id,
    openedAt: input.shift.openedAt,
    closedAt: input.closedAt,
    closedBy: input.closedBy,
    float: input.shift.float,
    counted,
    countedCash: cash,
    totals: input.totals,
    difference: money(cash - input.totals.expectedCash),
    saleIds: [...new Set(input.saleIds)].sort(),
    journal: UNLINKED,
  };
  if (input.lateSales && input.lateSales.length > 0) doc.lateSales = input.lateSales.map((l) => ({ ...l }));
  return ok(doc);
}
