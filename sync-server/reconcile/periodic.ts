/**
 * The periodic stock reconciliation: every STOCK_RECONCILE_INTERVAL_MS (default 15 minutes, 0 = off)
 * each store's linked web stores are compared with Comptoir and the differences pushed through the
 * outbound queue (platform-stock.ts). Started and stopped with the outbound side (outbound/index.ts).
 */
import type { StoreBackend } from '../db/backend.ts';
import type { PushLink } from '../outbound/http.ts';
import type { Registry } from '../registry.ts';
import { reconcileStock } from './platform-stock.ts';

export const DEFAULT_STOCK_RECONCILE_INTERVAL_MS = 15 * 60_000;

/** STOCK_RECONCILE_INTERVAL_MS: a whole number of milliseconds ≥ 0 (0: off); problems are reported. */
export function stockReconcileInterval(env: Record<string, string | undefined> = process.env): { intervalMs: number; problem?: string } {
  const raw = env.STOCK_RECONCILE_INTERVAL_MS;
  if (raw === undefined || raw.trim() === '') return { intervalMs: DEFAULT_STOCK_RECONCILE_INTERVAL_MS };
  const v = Number(raw.trim());
  if (!Number.isInteger(v) || v < 0 || v > 7 * 86_400_000) {
    return { intervalMs: DEFAULT_STOCK_RECONCILE_INTERVAL_MS, problem: `STOCK_RECONCILE_INTERVAL_MS must be an integer between 0 and ${7 * 86_400_000}, got "${raw}" (using the default)` };
  }
  return { intervalMs: v };
}

export interface PeriodicReconcileOptions {
  backend: StoreBackend;
  registry: Registry;
  links: (storeId: string) => PushLink[];
  intervalMs: number;
  timeoutMs: number;
  maxAttempts: number;
  onQueued: () => void;
  log: (msg: string) => void;
}

export interface PeriodicReconcile {
  /** One pass over every store now (also what the timer runs). */
  runOnce(): Promise<void>;
  stop(): Promise<void>;
}

export function startPeriodicReconcile(opts: PeriodicReconcileOptions): PeriodicReconcile {
  let running: Promise<void> | null = null;
  let stopped = false;
  const runOnce = (): Promise<void> => {
    if (running) return running;
    running = (async () => {
      for (const s of opts.registry.stores()) {
        if (stopped) return;
        const links = opts.links(s.id);
        if (links.length === 0) continue;
        try {
          const results = await reconcileStock({ db: opts.backend.db(s.id), links, fix: true, timeoutMs: opts.timeoutMs, maxAttempts: opts.maxAttempts });
          const queued = results.reduce((n, r) => n + (r.queued ?? 0), 0);
          if (queued > 0) {
            opts.log(`stock reconciliation of store ${s.id}: ${queued} stock level(s) differed and were queued`);
            opts.onQueued();
          }
          for (const r of results) if (!r.ok) opts.log(`stock reconciliation of store ${s.id}: ${r.error ?? 'failed'}`);
        } catch (err) {
          opts.log(`stock reconciliation of store ${s.id} failed: ${String(err)}`);
        }
      }
    })().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = opts.intervalMs > 0 ? setInterval(() => void runOnce(), opts.intervalMs) : null;
  timer?.unref();
  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
