/**
 * "Server unreachable or unhealthy" is offline, not an error: a short probe of /healthz decides, so a
 * server that accepts connections but answers 502 from a proxy never looks like a live sync.
 */
export type Health = 'healthy' | 'unhealthy' | 'unreachable';

export const HEALTH_TIMEOUT_MS = 3_000;

export async function probeHealth(
  serverUrl: string,
  timeoutMs: number = HEALTH_TIMEOUT_MS,
  fetchImpl: typeof fetch = fetch,
): Promise<Health> {
  try {
    const res = await fetchImpl(`${serverUrl}/healthz`, {
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
    return res.ok ? 'healthy' : 'unhealthy';
  } catch {
    // Network failure, DNS, CORS or the timeout: all mean the register cannot talk to its server now.
    return 'unreachable';
  }
}

/** Exponential backoff for reconnect attempts: 1 s, 2 s, 4 s … capped at 30 s (a till must come back fast). */
export const MAX_BACKOFF_MS = 30_000;

export function backOff(previousMs: number): number {
  if (previousMs <= 0) return 1_000;
  return Math.min(previousMs * 2, MAX_BACKOFF_MS);
}
