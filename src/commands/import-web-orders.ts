/**
 * Asks the sync server to import the web orders of a date range (all linked platforms, or one), and
 * reads the job's progress. Uses the register's bearer token from its pairing. The server writes the
 * orders into the store database; they reach this register by replication like any other order.
 */
import { err, ok, type Result } from '../domain/result.ts';
import type { Platform } from '../domain/documents.ts';
import type { Pairing } from '../store/sync-port.ts';
import { withDefaults, type CommandDeps } from './deps.ts';

export interface ImportJobView {
  id: string;
  state: 'running' | 'done' | 'failed' | 'interrupted';
  imported: number;
  unchanged: number;
  total: number;
  errors: Array<{ platform: Platform; orderId?: string; reason: string }>;
}

const TIMEOUT_MS = 15_000;

function isJob(x: unknown): x is ImportJobView {
  if (typeof x !== 'object' || x === null) return false;
  const j = x as Record<string, unknown>;
  return typeof j.id === 'string' && typeof j.state === 'string' && typeof j.imported === 'number' && typeof j.unchanged === 'number' && typeof j.total === 'number' && Array.isArray(j.errors);
}

async function call(pairing: Pairing, path: string, init: RequestInit, d: CommandDeps): Promise<Result<ImportJobView, string>> {
  let res: Response;
  try {
    res = await d.fetch(`${pairing.serverUrl}${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${pairing.token}`, ...(init.body ? { 'Content-Type': 'application/json' } : {}) },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    return err('The server cannot be reached: the import needs the network. Try again when the register is online.');
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const reason = typeof body === 'object' && body !== null && typeof (body as { reason?: unknown }).reason === 'string' ? (body as { reason: string }).reason : `HTTP ${res.status}`;
    return err(`The server refused the import: ${reason}`);
  }
  return isJob(body) ? ok(body) : err('The server answered with an unexpected import job.');
}

/** Starts an import of the orders created between `from` and `to` (ISO dates, inclusive). */
export function startWebOrderImport(pairing: Pairing, range: { from: string; to: string; platform?: Platform }, deps?: Partial<CommandDeps>): Promise<Result<ImportJobView, string>> {
  if (Number.isNaN(Date.parse(range.from)) || Number.isNaN(Date.parse(range.to))) return Promise.resolve(err('Choose a start and an end date.'));
  if (Date.parse(range.to) < Date.parse(range.from)) return Promise.resolve(err('The end date is before the start date.'));
  return call(pairing, `/api/stores/${encodeURIComponent(pairing.storeId)}/import-web-orders`, { method: 'POST', body: JSON.stringify(range) }, withDefaults(deps));
}

/** The current progress of an import job. */
export function getWebOrderImport(pairing: Pairing, jobId: string, deps?: Partial<CommandDeps>): Promise<Result<ImportJobView, string>> {
  return call(pairing, `/api/stores/${encodeURIComponent(pairing.storeId)}/import-jobs/${encodeURIComponent(jobId)}`, { method: 'GET' }, withDefaults(deps));
}

/** "2026-11-28" (a day picked in the register's time zone) → the ISO instants bounding that day range. */
export function dayRange(fromDay: string, toDay: string): { from: string; to: string } {
  const from = new Date(`${fromDay}T00:00:00`);
  const to = new Date(`${toDay}T23:59:59.999`);
  return { from: from.toISOString(), to: to.toISOString() };
}
