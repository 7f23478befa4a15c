/**
 * Web orders vs the online shops for a date range (issue 7): asks the sync server to compare
 * (GET /api/stores/:storeId/web-order-differences) or to repair what it can (POST …/repair: re-import,
 * re-push). Needs the network; the answer is checked before the screen sees it.
 */
import type { WebOrderDifference } from '../domain/web-order-compare.ts';
import { err, ok, type Result } from '../domain/result.ts';
import type { Pairing } from '../store/sync-port.ts';
import { withDefaults, type CommandDeps } from './deps.ts';

export interface WebOrderDifferencesReport {
  checked: number;
  differences: WebOrderDifference[];
  errors: Array<{ platform: string; reason: string }>;
  actions?: Array<{ kind: string; platform: string; platformOrderId: string; action: string; detail?: string }>;
}

export type WebOrderDifferencesRefusal = { kind: 'offline' } | { kind: 'refused'; reason: string };

const TIMEOUT_MS = 60_000;

function isReport(x: unknown): x is WebOrderDifferencesReport {
  const r = x as Partial<WebOrderDifferencesReport> | null;
  return typeof r === 'object' && r !== null && typeof r.checked === 'number' && Array.isArray(r.differences) && Array.isArray(r.errors);
}

export async function compareWebOrders(
  pairing: Pairing,
  mode: 'check' | 'repair',
  range: { from: string; to: string },
  deps?: Partial<CommandDeps>,
): Promise<Result<WebOrderDifferencesReport, WebOrderDifferencesRefusal>> {
  const d = withDefaults(deps);
  const base = `${pairing.serverUrl}/api/stores/${encodeURIComponent(pairing.storeId)}/web-order-differences`;
  const auth = { Authorization: `Bearer ${pairing.token}` };
  let res: Response;
  try {
    res =
      mode === 'check'
        ? await d.fetch(`${base}?from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}`, { headers: auth, signal: AbortSignal.timeout(TIMEOUT_MS) })
        : await d.fetch(`${base}/repair`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify(range), signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch {
    return err({ kind: 'offline' });
  }
  const body: unknown = await res.json().catch(() => null);
  if (res.ok && isReport(body)) return ok(body);
  const reason = typeof (body as { reason?: unknown } | null)?.reason === 'string' ? (body as { reason: string }).reason : `HTTP ${res.status}`;
  return err({ kind: 'refused', reason });
}
