/**
 * The signed-in staff member of this register: a device-local settings row ('session'), never
 * replicated, kept across reloads and read-model rebuilds, cleared on sign-out.
 */
import { liveQuery, type Observable } from 'dexie';
import { readModelDb, type StaffSessionValue } from './schema.ts';

export type { StaffSessionValue };

export async function readStaffSession(): Promise<StaffSessionValue | null> {
  const row = await readModelDb().settings.get('session');
  return row?.key === 'session' ? row.value : null;
}

export function watchStaffSession(): Observable<StaffSessionValue | null> {
  return liveQuery(readStaffSession);
}

export async function saveStaffSession(value: StaffSessionValue): Promise<void> {
  await readModelDb().settings.put({ key: 'session', value });
}

export async function clearStaffSession(): Promise<void> {
  await readModelDb().settings.delete('session');
}
