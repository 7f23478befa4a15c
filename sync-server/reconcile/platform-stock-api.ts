/**
 * Stock differences between Comptoir and the linked web stores, for the store's registers and the
 * admin (platform-stock.ts does the work):
 *
 *   GET  /api/stores/:storeId/stock-differences[?platform=shopify]
 *        → 200 {storeId, platforms:[{platform, shop, ok, error?, compared, differences:[{sku, comptoir,
 *          platform, onHand, reserved}], checkedAt, asOf}]}
 *          run on demand; each platform's result is also kept as reconcile:stock:<platform> in the
 *          store database (registers show it offline). A platform that cannot be read has ok:false
 *          and an error; the others are still compared.
 *   POST /api/stores/:storeId/stock-differences/fix[?platform=shopify]
 *        → 200 {storeId, queued, platforms:[… each with queued]}: compares again and queues one
 *          stock-level push per difference (Comptoir's figure), sent even when the queue had
 *          already pushed that level.
 *
 * Auth: admin (HTTP Basic) or a register of that store (Bearer).
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Platform } from '../../src/domain/documents.ts';
import { authenticate } from '../auth/authenticate.ts';
import { storeOfRequest } from '../auth/store-access.ts';
import type { StoreBackend } from '../db/backend.ts';
import { hasPushCredentials, type PushLink } from '../outbound/http.ts';
import type { Registry } from '../registry.ts';
import type { SystemStore } from '../system/system-store.ts';
import { reconcileStock, type PlatformResult } from './platform-stock.ts';

export interface StockDifferencesApiOptions {
  registry: Registry;
  backend: StoreBackend;
  admin: { user: string; password: string };
  /** The store's links that can be read from (with API credentials). */
  links: (storeId: string) => PushLink[];
  timeoutMs?: number;
  maxAttempts?: number;
  /** Called after a fix queued pushes (wakes the runner). */
  onQueued?: () => void;
}

const PLATFORMS: readonly Platform[] = ['shopify', 'woocommerce', 'bigcommerce'];

export function stockDifferencesApi(opts: StockDifferencesApiOptions): Router {
  const router = express.Router();
  const auth = authenticate({ admin: opts.admin, registry: opts.registry, accept: 'admin-or-register' });

  const store = (req: Request, res: Response): string | null => storeOfRequest(opts.registry, req, res);

  /** The platforms asked for (?platform=…), undefined for all; null after answering 400. */
  const platforms = (req: Request, res: Response): readonly Platform[] | undefined | null => {
    const p = (req.query as Record<string, unknown>).platform;
    if (p === undefined) return undefined;
    if (typeof p !== 'string' || !PLATFORMS.includes(p as Platform)) {
      res.status(400).json({ error: 'bad_request', reason: `platform must be one of ${PLATFORMS.join(', ')}` });
      return null;
    }
    return [p as Platform];
  };

  const run = (fix: boolean) => (req: Request, res: Response, next: NextFunction) => {
    const storeId = store(req, res);
    if (!storeId) return;
    const only = platforms(req, res);
    if (only === null) return;
    const links = opts.links(storeId).filter((l) => !only || only.includes(l.platform));
    if (links.length === 0) {
      res.status(409).json({ error: 'conflict', reason: only ? `store "${storeId}" has no ${only[0]} link with API credentials` : `store "${storeId}" has no web store link with API credentials` });
      return;
    }
    reconcileStock({
      db: opts.backend.db(storeId),
      links,
      fix,
      ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
      ...(opts.maxAttempts ? { maxAttempts: opts.maxAttempts } : {}),
    })
      .then((results: PlatformResult[]) => {
        const queued = results.reduce((n, r) => n + (r.queued ?? 0), 0);
        if (queued > 0) opts.onQueued?.();
        res.setHeader('Cache-Control', 'no-store');
        res.json({ storeId, ...(fix ? { queued } : {}), platforms: results });
      })
      .catch(next);
  };

  router.get('/:storeId/stock-differences', auth, run(false));
  router.post('/:storeId/stock-differences/fix', auth, run(true));

  router.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    console.error('[stock differences] request failed:', err);
    res.status(500).json({ error: 'internal_error', reason: (err as Error).message ?? 'internal error' });
  });
  return router;
}

/** A store's links from the private system store, as the outbound side sees them (with API credentials only). */
export function systemPushLinks(system: SystemStore): (storeId: string) => PushLink[] {
  return (storeId) =>
    (system.snapshot.platformLinks ?? [])
      .filter((l) => l.storeId === storeId)
      .map((l): PushLink => ({ platform: l.platform, shop: l.shop, apiUrl: l.apiUrl, credentials: l.credentials, ...(l.credentials.locationId ? { locationId: l.credentials.locationId } : {}) }))
      .filter(hasPushCredentials);
}
