/**
 * Who works the register. Sign-in picks a staff member and checks the PIN offline against the staff
 * document replicated into the read model (PBKDF2, domain/staff.ts); the session is a device-local
 * row that survives reloads. Refusals are codes (StaffRefusal) the UI turns into a sentence.
 */
import { err, ok, type Result } from '../domain/result.ts';
import type { StaffRole } from '../domain/register-documents.ts';
import { pinProblem, verifyPin } from '../domain/staff.ts';
import { getStaffDoc } from '../store/staff-queries.ts';
import { clearStaffSession, readStaffSession, saveStaffSession } from '../store/staff-session.ts';
import { withDefaults, type CommandDeps } from './deps.ts';

export interface StaffSession {
  staffId: string;
  name: string;
  role: StaffRole;
}

/**
 * unknown_staff: no such staff document on this register (not replicated yet, or removed);
 * inactive_staff: deactivated by the office; pin_format: not 4–8 digits; wrong_pin;
 * too_many_attempts: 5 wrong PINs in a row for that person, wait LOCKOUT_MS.
 */
export type StaffRefusal = 'unknown_staff' | 'inactive_staff' | 'pin_format' | 'wrong_pin' | 'too_many_attempts' | 'not_manager';

const MAX_FAILURES = 5;
export const LOCKOUT_MS = 30_000;
const failures = new Map<string, { count: number; lockedUntil: number }>();

/** Checks a PIN for a staff member, throttling repeated wrong guesses on this device. */
export async function checkStaffPin(staffId: string, pin: string, now: Date): Promise<Result<StaffSession, StaffRefusal>> {
  const doc = await getStaffDoc(staffId);
  if (doc === undefined) return err('unknown_staff');
  if (!doc.active) return err('inactive_staff');
  const state = failures.get(staffId) ?? { count: 0, lockedUntil: 0 };
  if (state.lockedUntil > now.getTime()) return err('too_many_attempts');
  if (pinProblem(pin) !== null) return err('pin_format');
  if (!(await verifyPin(pin, doc.pin))) {
    const count = state.count + 1;
    failures.set(staffId, count >= MAX_FAILURES ? { count: 0, lockedUntil: now.getTime() + LOCKOUT_MS } : { count, lockedUntil: 0 });
    return err('wrong_pin');
  }
  failures.delete(staffId);
  return ok({ staffId: doc._id, name: doc.name, role: doc.role });
}

/** The signed-in staff member, or null. */
export async function currentStaff(): Promise<StaffSession | null> {
  const s = await readStaffSession();
  return s === null ? null : { staffId: s.staffId, name: s.name, role: s.role };
}

export async function signIn(staffId: string, pin: string, deps?: Partial<CommandDeps>): Promise<Result<StaffSession, StaffRefusal>> {
  const now = withDefaults(deps).now();
  const checked = await checkStaffPin(staffId, pin, now);
  if (!checked.ok) return checked;
  await saveStaffSession({ ...checked.value, signedInAt: now.toISOString() });
  return checked;
}

export async function signOut(): Promise<void> {
  await clearStaffSession();
}

/** For tests: forget the wrong-PIN counters. */
export function resetPinThrottle(): void {
  failures.clear();
}
