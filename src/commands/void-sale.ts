/**
 * Void a sale in progress: the cart is abandoned, and what it held is recorded as an immutable
 * void:<registerId>:<ulid> document (lines, total, reason, who, the manager override), so that the Z
 * report counts voids and nobody can ring up and quietly abandon a sale. An empty cart needs no record.
 */
import { cartSummary, type Cart } from '../domain/cart.ts';
import type { ShiftDoc, VoidDoc } from '../domain/register-documents.ts';
import { err, ok, type Result } from '../domain/result.ts';
import { getPairing } from '../store/queries.ts';
import { withDefaults, type CommandDeps } from './deps.ts';
import { registerDocId } from './register-ids.ts';
import { currentStaff, type StaffSession } from './session.ts';
import { openShift } from './shift.ts';

export type VoidRefusal =
  | { kind: 'not_paired' }
  | { kind: 'empty_cart' }
  | { kind: 'not_signed_in' }
  | { kind: 'no_reason' }
  /** A cart with lines needs a manager's override to be voided. */
  | { kind: 'needs_manager' }
  | { kind: 'invalid_cart'; message: string }
  | { kind: 'not_saved'; message: string };

export interface VoidDeps extends CommandDeps {
  currentStaff: () => Promise<StaffSession | null>;
  openShift: () => Promise<ShiftDoc | null>;
}

export async function voidSale(
  input: { cart: Cart; reason: string; overrideId: string | null },
  partial?: Partial<VoidDeps>,
): Promise<Result<VoidDoc, VoidRefusal>> {
  const deps = { currentStaff, openShift, ...withDefaults(partial), ...partial } as VoidDeps;
  const pairing = await getPairing();
  if (pairing === null) return err({ kind: 'not_paired' });
  if (input.cart.items.length === 0) return err({ kind: 'empty_cart' });
  const reason = input.reason.trim();
  if (reason === '') return err({ kind: 'no_reason' });
  if (input.overrideId === null) return err({ kind: 'needs_manager' });
  const staff = await deps.currentStaff();
  if (staff === null) return err({ kind: 'not_signed_in' });
  const summary = cartSummary(input.cart);
  if (!summary.ok) return err({ kind: 'invalid_cart', message: summary.error.kind });
  const shift = await deps.openShift();
  const doc: VoidDoc = {
    _id: registerDocId('void', pairing.registerId),
    type: 'void',
    registerId: pairing.registerId,
    shiftId: shift?._id ?? null,
    lines: summary.value.lines,
    total: summary.value.gross,
    by: staff.staffId,
    overrideId: input.overrideId,
    reason,
    at: deps.now().toISOString(),
  };
  try {
    const { rev } = await deps.port().commit(doc);
    return ok({ ...doc, _rev: rev });
  } catch (e) {
    return err({ kind: 'not_saved', message: e instanceof Error ? e.message : String(e) });
  }
}
