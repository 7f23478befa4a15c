/**
 * Who is signed in (device-local session) and the staff the sign-in screen lists, as Solid signals,
 * plus the sentence for each staff refusal code the commands return.
 */
import { createRoot } from 'solid-js';
import type { StaffMember } from '../store/staff-queries.ts';
import { watchStaff } from '../store/staff-queries.ts';
import { watchStaffSession } from '../store/staff-session.ts';
import type { StaffSessionValue } from '../store/staff-session.ts';
import { t } from './i18n/index.ts';
import { live } from './reactive.ts';

export const staffState = createRoot(() => {
  const session = live<StaffSessionValue | null>(() => watchStaffSession(), null);
  const staff = live<StaffMember[]>(() => watchStaff(), []);
  return { session, staff };
});

/** The signed-in staff member: undefined while loading, null when nobody is signed in. */
export function signedInStaff(): StaffSessionValue | null | undefined {
  return staffState.session.ready() ? staffState.session.value() : undefined;
}

/** A refusal code of the session/override commands ("wrong_pin", "not_saved: …") as a sentence. */
export function describeStaffRefusal(code: string): string {
  const r = t().staff.refusals;
  if (code.startsWith('not_saved')) return r.not_saved(code.replace(/^not_saved:\s*/, ''));
  const known = r[code as Exclude<keyof typeof r, 'not_saved'>];
  return typeof known === 'string' ? known : code;
}
