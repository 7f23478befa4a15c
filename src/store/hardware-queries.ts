/**
 * Device-local hardware tables for the screens: paired devices and print jobs (never replicated,
 * untouched by a read-model rebuild). The UI reads these, never the Dexie tables.
 */
import { liveQuery, type Observable } from 'dexie';
import { readModelDb, type DeviceRow, type PrintJobRow } from './schema.ts';

export type { DeviceRow, PrintJobRow };

export function watchDevices(): Observable<DeviceRow[]> {
  return liveQuery(async () => (await readModelDb().devices.toArray()).sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.id.localeCompare(b.id)));
}

/** The most recent print jobs, newest first. */
export function watchPrintJobs(limit = 30): Observable<PrintJobRow[]> {
  return liveQuery(async () => (await readModelDb().printJobs.orderBy('createdAt').reverse().limit(limit * 2).toArray()).sort((a, b) => b.id.localeCompare(a.id)).slice(0, limit));
}

export async function listDevices(): Promise<DeviceRow[]> {
  return (await readModelDb().devices.toArray()).sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.id.localeCompare(b.id));
}

export async function getDevice(id: string): Promise<DeviceRow | undefined> {
  return readModelDb().devices.get(id);
}

export async function putDevice(row: DeviceRow): Promise<void> {
  await readModelDb().devices.put(row);
}

export async function deleteDevice(id: string): Promise<void> {
  await readModelDb().devices.delete(id);
}

export async function getPrintJob(id: string): Promise<PrintJobRow | undefined> {
  return readModelDb().printJobs.get(id);
}
