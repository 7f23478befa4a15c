/**
 * Staff requeue a dead outbound or mail job (ADR 0007): POST /api/stores/:storeId/outbound/:id/retry
 * with the register's bearer token from its pairing. The server rewrites the job to pending; the new
 * state reaches this register by replication like the job itself.
 */
import { err, ok, type Result } from '../domain/result.ts';
import { isQueueJobId } from '../domain/outbound-documents.ts';
import type { Pairing } from '../store/sync-port.ts';
import { withDefaults, type CommandDeps } from './deps.ts';

const TIMEOUT_MS = 15_000;

/** Asks the server to send a dead (or failed) job again, with a fresh attempt budget. */
export async function retryOutboundJob(pairing: Pairing, jobId: string, deps?: Partial<CommandDeps>): Promise<Result<{ state: string }, string>> {
  if (!isQueueJobId(jobId)) return err(`"${jobId}" is not an outbound or mail job.`);
  const d = withDefaults(deps);
  let res: Response;
  try {
    res = await d.fetch(`${pairing.serverUrl}/api/stores/${encodeURIComponent(pairing.storeId)}/outbound/${encodeURIComponent(jobId)}/retry`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${pairing.token}` },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    return err('The server cannot be reached: a retry needs the network. Try again when the register is online.');
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const reason = typeof body === 'object' && body !== null && typeof (body as { reason?: unknown }).reason === 'string' ? (body as { reason: string }).reason : `HTTP ${res.status}`;
    return err(`The server refused the retry: ${reason}`);
  }
  const state = (body as { job?: { state?: unknown } } | null)?.job?.state;
  return ok({ state: typeof state === 'string' ? state : 'pending' });
}
