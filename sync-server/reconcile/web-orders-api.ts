/**
 * Web orders vs the platforms (issue 7), for the store's registers and the admin (like the import):
 *
 *   GET  /api/stores/:storeId/web-order-differences?from&to          → 200 {from, to, platforms, checked, differences, errors}
 *   POST /api/stores/:storeId/web-order-differences/repair {from, to} → 200 the same + {actions}
 *
 * from/to: ISO 8601 dates (created-at range, at most a year). 409 when the store has no platform link
 * with API credentials; 403 for a register of another store.
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { authenticate } from '../auth/authenticate.ts';
import { principalOf } from '../auth/principal.ts';
import type { Integrations } from '../inbox/integrations.ts';
import type { Registry } from '../registry.ts';
import { repairWebOrderDifferences, webOrderDifferences, type WebOrderReconcileDeps } from './web-orders.ts';

const MAX_RANGE_MS = 366 * 24 * 3600_000;

type Handler = (req: Request, res: Response) => Promise<void>;
const wrap = (h: Handler) => (req: Request, res: Response, next: NextFunction) => {
  h(req, res).catch(next);
};
const bad = (res: Response, reason: string, status = 400, error = 'bad_request'): void => {
  res.status(status).json({ error, reason });
};

export function webOrderDifferencesApi(deps: { integrations: Integrations; registry: Registry; admin: { user: string; password: string } }): Router {
  const { integrations, registry } = deps;
  const router = express.Router();
  const json = express.json({ limit: '16kb' });
  const adminOrRegister = authenticate({ admin: deps.admin, registry, accept: 'admin-or-register' });

  /** The store, its range and links, or null once an error was answered. */
  const context = (req: Request, res: Response, input: Record<string, unknown>): { deps: WebOrderReconcileDeps; from: string; to: string } | null => {
    const storeId = req.params.storeId!;
    if (!registry.store(storeId)) {
      bad(res, `no store "${storeId}"`, 404, 'not_found');
      return null;
    }
    const p = principalOf(res);
    if (p?.kind === 'register' && p.storeId !== storeId) {
      bad(res, 'this register belongs to another store', 403, 'forbidden');
      return null;
    }
    const from = typeof input.from === 'string' ? Date.parse(input.from) : NaN;
    const to = typeof input.to === 'string' ? Date.parse(input.to) : NaN;
    if (Number.isNaN(from) || Number.isNaN(to)) {
      bad(res, 'from and to must be dates (ISO 8601), e.g. "2026-11-01T00:00:00Z"');
      return null;
    }
    if (to < from) {
      bad(res, 'to must not be before from');
      return null;
    }
    if (to - from > MAX_RANGE_MS) {
      bad(res, 'the range must not exceed one year');
      return null;
    }
    const links = integrations.jobs.listable(storeId);
    if (links.length === 0) {
      bad(res, `store "${storeId}" has no platform link with API credentials`, 409, 'not_linked');
      return null;
    }
    return {
      deps: { db: integrations.backend.db(storeId), links, writer: integrations.writer, storeId },
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
    };
  };

  router.get('/stores/:storeId/web-order-differences', adminOrRegister, wrap(async (req, res) => {
    const ctx = context(req, res, req.query as Record<string, unknown>);
    if (!ctx) return;
    res.setHeader('Cache-Control', 'no-store');
    res.json(await webOrderDifferences(ctx.deps, ctx.from, ctx.to));
  }));

  router.post('/stores/:storeId/web-order-differences/repair', adminOrRegister, json, wrap(async (req, res) => {
    const ctx = context(req, res, (req.body ?? {}) as Record<string, unknown>);
    if (!ctx) return;
    res.json(await repairWebOrderDifferences(ctx.deps, ctx.from, ctx.to));
  }));

  return router;
}
