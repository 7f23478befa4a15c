/**
 * Manager overrides: a manager authorises something a cashier may not do alone (a refund without a
 * receipt, a big discount, a price change, a void, opening the drawer). The manager's PIN is checked
 * offline against the replicated staff documents, and every authorisation is one immutable override
 * document (who asked, who authorised, why, what it was for) that replicates to the server.
 */
import { err, ok, type Result } from '../domain/result.ts';
import type { OverrideAction, OverrideDoc } from '../domain/register-documents.ts';
import { getPairing } from '../store/queries.ts';
import { withDefaults, type CommandDeps } from './deps.ts';
import { registerDocId } from './register-ids.ts';
import { checkStaffPin, currentStaff, type StaffRefusal, type StaffSession } from './session.ts';
import { openShift } from './shift.ts';

export interface OverrideRequest {
  action: OverrideAction;
  managerId: string;
  pin: string;
  reason: string;
  ref?: string;
}

/** StaffRefusal, or: not_paired, not_signed_in, reason_required, or "not_saved: <why>". */
export type OverrideRefusal = StaffRefusal | 'not_paired' | 'not_signed_in' | 'reason_required' | `not_saved: ${string}`;

async function record(
  input: { action: OverrideAction; reason: string; ref?: string | undefined },
  manager: StaffSession,
  cashier: StaffSession,
  d: CommandDeps,
): Promise<Result<OverrideDoc, OverrideRefusal>> {
  const pairing = await getPairing();
  if (pairing === null) return err('not_paired');
  const shift = await openShift();
  const doc: OverrideDoc = {
    _id: registerDocId('override', pairing.registerId),
    type: 'override',
    registerId: pairing.registerId,
    shiftId: shift?._id ?? null,
    action: input.action,
    managerId: manager.staffId,
    cashierId: cashier.staffId,
    reason: input.reason.trim(),
    at: d.now().toISOString(),
    ...(input.ref === undefined ? {} : { ref: input.ref }),
  };
  try {
    const { rev } = await d.port().commit(doc);
    return ok({ ...doc, _rev: rev });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return err(`not_saved: ${message}` as const);
  }
}

/** A manager (not necessarily the one signed in) authorises `action` with their PIN and a reason. */
export async function authoriseOverride(input: OverrideRequest, deps?: Partial<CommandDeps>): Promise<Result<OverrideDoc, OverrideRefusal>> {
  const d = withDefaults(deps);
  const cashier = await currentStaff();
  if (cashier === null) return err('not_signed_in');
  if (input.reason.trim() === '') return err('reason_required');
  const checked = await checkStaffPin(input.managerId, input.pin, d.now());
  if (!checked.ok) return checked;
  if (checked.value.role !== 'manager') return err('not_manager');
  return record(input, checked.value, cashier, d);
}

/** The signed-in staff member is a manager: their session is the authorisation, still recorded. */
export async function overrideBySignedInManager(
  input: { action: OverrideAction; reason: string; ref?: string },
  deps?: Partial<CommandDeps>,
): Promise<Result<OverrideDoc, OverrideRefusal>> {
  const d = withDefaults(deps);
  const me = await currentStaff();
  if (me === null) return err('not_signed_in');
  if (me.role !== 'manager') return err('not_manager');
  if (input.reason.trim() === '') return err('reason_required');
  return record(input, me, me, d);
}
