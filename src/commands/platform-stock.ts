/**
 * Asks the sync server to compare Comptoir's stock with the web stores now (GET
 * /api/stores/:storeId/stock-differences) or to compare and push Comptoir's figures for every SKU
 * that differs (POST …/fix), with the register's bearer token. The server keeps each platform's
 * result as reconcile:stock:<platform>, which reaches this register by replication like any other
 * document: the answer here only says whether the request went through. Needs the network.
 */
import type { Platform } from '../domain/documents.ts';
import { err, ok, type Result } from '../domain/result.ts';
import type { Pairing } from '../store/sync-port.ts';
import { withDefaults, type CommandDeps } from './deps.ts';

export interface WebStoreStockRun {
  /** Per platform: whether it could be read, and why not. */
  platforms: Array<{ platform: Platform; ok: boolean; error?: string; differences: number; queued?: number }>;
  /** Pushes queued (fix only). */
  queued?: number;
}

export type WebStoreStockRefusal = { kind: 'offline' } | { kind: 'refused'; reason: string };

/** Reading every product of a large web store takes a while. */
const TIMEOUT_MS = 120_000;
const PLATFORMS: readonly string[] = ['shopify', 'woocommerce', 'bigcommerce'];

function runOf(body: unknown): WebStoreStockRun | null {
  const b = body as { platforms?: unknown; queued?: unknown } | null;
  if (typeof b !== 'object' || b === null || !Array.isArray(b.platforms)) return null;
  const platforms: WebStoreStockRun['platforms'] = [];
  for (const raw of b.platforms as unknown[]) {
    const p = raw as { platform?: unknown; ok?: unknown; error?: unknown; differences?: unknown; queued?: unknown } | null;
    if (typeof p !== 'object' || p === null || typeof p.platform !== 'string' || !PLATFORMS.includes(p.platform) || typeof p.ok !== 'boolean') return null;
    platforms.push({
      platform: p.platform as Platform,
      ok: p.ok,
      ...(typeof p.error === 'string' ? { error: p.error } : {}),
      differences: Array.isArray(p.differences) ? p.differences.length : 0,
      ...(typeof p.queued === 'number' ? { queued: p.queued } : {}),
    });
  }
  return { platforms, ...(typeof b.queued === 'number' ? { queued: b.queued } : {}) };
}

export async function compareWebStoreStock(
  pairing: Pairing,
  opts: { fix: boolean; platform?: Platform },
  deps?: Partial<CommandDeps>,
): Promise<Result<WebStoreStockRun, WebStoreStockRefusal>> {
  const d = withDefaults(deps);
  const query = opts.platform ? `?platform=${encodeURIComponent(opts.platform)}` : '';
  const url = `${pairing.serverUrl}/api/stores/${encodeURIComponent(pairing.storeId)}/stock-differences${opts.fix ? '/fix' : ''}${query}`;
  let res: Response;
  try {
    res = await d.fetch(url, { method: opts.fix ? 'POST' : 'GET', headers: { Authorization: `Bearer ${pairing.token}` }, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch {
    return err({ kind: 'offline' });
  }
  const body: unknown = await res.json().catch(() => null);
  const run = res.ok ? runOf(body) : null;
  if (run) return ok(run);
  const reason = typeof (body as { reason?: unknown } | null)?.reason === 'string' ? (body as { reason: string }).reason : `HTTP ${res.status}`;
  return err({ kind: 'refused', reason });
}
