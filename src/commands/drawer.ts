/**
 * "Open drawer" without a sale: a manager's authorisation (override document, action drawer_open)
 * and a cash event kind 'drawer_open' pointing at it, in the open shift; then the paired receipt
 * printer's drawer is kicked once (src/hardware/printing.ts openDrawerFor).
 */
import { err, ok, type Result } from '../domain/result.ts';
import type { CashEventDoc, OverrideDoc } from '../domain/register-documents.ts';
import { openDrawerFor } from '../hardware/printing.ts';
import { openShift, recordDrawerOpen, type ShiftDeps } from './shift.ts';

/** Refusal codes: no_open_shift, wrong_override, or the shift command's refusal kind ("not_saved: …"). */
export async function openDrawerWithOverride(override: OverrideDoc, deps?: Partial<ShiftDeps>): Promise<Result<CashEventDoc, string>> {
  if (override.action !== 'drawer_open') return err('wrong_override');
  if ((await openShift()) === null) return err('no_open_shift');
  const r = await recordDrawerOpen(override.reason, { overrideId: override._id }, deps);
  // Issue 5: kick the receipt printer's drawer once for this cash event (a job with ref = its id).
  if (r.ok) void openDrawerFor(r.value._id);
  if (r.ok) return ok(r.value);
  const e = r.error as { kind: string; message?: string };
  return err(e.kind === 'not_saved' ? `not_saved: ${e.message ?? ''}` : e.kind);
}
