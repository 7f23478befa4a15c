/**
 * HTTP API of the platform integrations (mounted at /api, before the admin API):
 *
 *   PUT    /api/admin/stores/:storeId/platforms/:platform  {shop, apiUrl, credentials{…}, webhookSecret} → 200 link (no secrets)
 *   GET    /api/admin/stores/:storeId/platforms             → 200 {links}
 *   DELETE /api/admin/stores/:storeId/platforms/:platform   → 204
 *   GET    /api/admin/stores/:storeId/inbox?state=failed    → 200 {entries}
 *   POST   /api/admin/stores/:storeId/inbox/retry           → 200 {retried}   (failed → pending)
 *   POST   /api/admin/stores/:storeId/poll                  → 200 {ok}        (safety-net poll now)
 *   POST   /api/admin/stores/:storeId/import-products       {platform} → 200 {created, updated, unchanged, stockCounts, warnings}
 *   POST   /api/admin/stores/:storeId/import-csv            text/csv (or JSON {csv}) → 200 same; 400 {errors:[{line, reason}]}
 *   POST   /api/stores/:storeId/import-web-orders           {from, to, platform?} (register of the store, or admin) → 202 job
 *   GET    /api/stores/:storeId/import-jobs/:jobId          → 200 {id, state, imported, unchanged, total, errors, …}
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { authenticate } from '../auth/authenticate.ts';
import { principalOf } from '../auth/principal.ts';
import type { StoreSettingsDoc } from '../../src/domain/documents.ts';
import type { Integrations } from '../inbox/integrations.ts';
import { listEntries, type InboxEntry } from '../inbox/inbox.ts';
import { getOrNull } from '../inbox/private-db.ts';
import { parseLinkInput, publicLink } from '../platforms/links.ts';
import { adapterFor, isPlatform } from '../platforms/registry.ts';
import type { Registry } from '../registry.ts';
import { CatalogueError, importCatalogue, parseCatalogueCsv, type CatalogueRow } from './catalogue.ts';

type Handler = (req: Request, res: Response) => Promise<void>;
const wrap = (h: Handler) => (req: Request, res: Response, next: NextFunction) => {
  h(req, res).catch(next);
};
const bad = (res: Response, reason: string, status = 400, error = 'bad_request'): void => {
  res.status(status).json({ error, reason });
};

const MAX_RANGE_MS = 366 * 24 * 3600_000;

export function integrationsApi(deps: { integrations: Integrations; registry: Registry; admin: { user: string; password: string }; csvLimitBytes: number }): Router {
  const { integrations, registry } = deps;
  const router = express.Router();
  const json = express.json({ limit: '64kb' });
  const adminOnly = authenticate({ admin: deps.admin, registry, accept: 'admin' });
  const adminOrRegister = authenticate({ admin: deps.admin, registry, accept: 'admin-or-register' });

  const store = (req: Request, res: Response): string | null => {
    const storeId = req.params.storeId!;
    if (!registry.store(storeId)) {
      bad(res, `no store "${storeId}"`, 404, 'not_found');
      return null;
    }
    return storeId;
  };

  router.put('/admin/stores/:storeId/platforms/:platform', adminOnly, json, wrap(async (req, res) => {
    const storeId = store(req, res);
    if (!storeId) return;
    const platform = req.params.platform;
    if (!isPlatform(platform)) return bad(res, 'platform must be shopify, woocommerce or bigcommerce', 404, 'not_found');
    const input = parseLinkInput(platform, (req.body ?? {}) as Record<string, unknown>);
    if (typeof input === 'string') return bad(res, input);
    res.status(200).json(publicLink(await integrations.links.set(storeId, platform, input)));
  }));

  router.get('/admin/stores/:storeId/platforms', adminOnly, (req, res) => {
    const storeId = store(req, res);
    if (!storeId) return;
    res.json({ links: integrations.links.list(storeId).map(publicLink) });
  });

  router.delete('/admin/stores/:storeId/platforms/:platform', adminOnly, wrap(async (req, res) => {
    const storeId = store(req, res);
    if (!storeId) return;
    const platform = req.params.platform;
    if (!isPlatform(platform) || !(await integrations.links.remove(storeId, platform))) return bad(res, 'no such link', 404, 'not_found');
    res.status(204).end();
  }));

  router.get('/admin/stores/:storeId/inbox', adminOnly, wrap(async (req, res) => {
    const storeId = store(req, res);
    if (!storeId) return;
    const state = req.query.state;
    if (state !== undefined && state !== 'pending' && state !== 'done' && state !== 'failed') return bad(res, 'state must be pending, done or failed');
    const entries = await listEntries(integrations.dbs.inbox(storeId), state);
    res.json({ entries: entries.map(({ payload: _p, _rev: _r, ...e }) => e) });
  }));

  router.post('/admin/stores/:storeId/inbox/retry', adminOnly, wrap(async (req, res) => {
    const storeId = store(req, res);
    if (!storeId) return;
    const db = integrations.dbs.inbox(storeId);
    const failed = await listEntries(db, 'failed');
    for (const e of failed) {
      const next: InboxEntry = { ...e, state: 'pending', attempts: 0, nextAttemptAt: 0 };
      await db.put(next as unknown as PouchDB.Core.PutDocument<Record<string, unknown>>);
      integrations.processor.enqueued(storeId, e._id);
    }
    res.json({ retried: failed.length });
  }));

  router.post('/admin/stores/:storeId/poll', adminOnly, wrap(async (req, res) => {
    if (!store(req, res)) return;
    await integrations.poller.pollAll();
    res.json({ ok: true });
  }));

  router.post('/admin/stores/:storeId/import-products', adminOnly, json, wrap(async (req, res) => {
    const storeId = store(req, res);
    if (!storeId) return;
    const platform = ((req.body ?? {}) as Record<string, unknown>).platform;
    if (!isPlatform(platform)) return bad(res, 'platform must be shopify, woocommerce or bigcommerce');
    const link = integrations.links.get(storeId, platform);
    if (!link) return bad(res, `store "${storeId}" is not linked to ${platform}`, 404, 'not_found');
    const rows: CatalogueRow[] = [];
    const seen = new Set<string>();
    const warnings: string[] = [];
    try {
      for await (const page of adapterFor(platform).client(link).listProducts()) {
        for (const p of page.items) {
          if (seen.has(p.sku)) {
            warnings.push(`${p.sku}: listed twice on ${platform}; the first one was kept`);
            continue;
          }
          if (/[\s:]/.test(p.sku) || p.name.trim() === '') {
            warnings.push(`${p.sku}: skipped (SKU with spaces or ":", or no name)`);
            continue;
          }
          seen.add(p.sku);
          rows.push({ sku: p.sku, name: p.name.trim(), price: Math.max(0, p.price), ...(p.barcode ? { barcode: p.barcode } : {}), ...(p.stock !== undefined ? { stock: Math.max(0, p.stock) } : {}) });
        }
      }
    } catch (err) {
      return bad(res, `listing the ${platform} products failed: ${(err as Error).message}`, 502, 'platform_error');
    }
    const outcome = await importCatalogue(integrations.backend.db(storeId), rows, `import:${platform}`);
    res.json({ ...outcome, warnings: [...warnings, ...outcome.warnings] });
  }));

  router.post(
    '/admin/stores/:storeId/import-csv',
    adminOnly,
    express.text({ type: ['text/csv', 'text/plain', 'application/csv'], limit: deps.csvLimitBytes }),
    express.json({ limit: deps.csvLimitBytes }),
    wrap(async (req, res) => {
      const storeId = store(req, res);
      if (!storeId) return;
      const body = req.body as unknown;
      const text = typeof body === 'string' ? body : typeof (body as { csv?: unknown } | undefined)?.csv === 'string' ? (body as { csv: string }).csv : null;
      if (text === null) return bad(res, 'send the CSV as text/csv (sku;name;price;vat;barcode;stock), or JSON {csv}', 415, 'bad_content_type');
      const db = integrations.backend.db(storeId);
      const settings = await getOrNull<StoreSettingsDoc>(db, 'store:settings');
      try {
        const rows = parseCatalogueCsv(text, settings?.currency ?? 'EUR');
        res.json(await importCatalogue(db, rows, 'import:csv'));
      } catch (err) {
        if (err instanceof CatalogueError) return void res.status(400).json({ error: 'bad_request', reason: 'the CSV has errors; nothing was imported', errors: err.errors });
        throw err;
      }
    }),
  );

  const registerOfStore = (req: Request, res: Response): string | null => {
    const storeId = store(req, res);
    if (!storeId) return null;
    const p = principalOf(res);
    if (p?.kind === 'register' && p.storeId !== storeId) {
      bad(res, 'this register belongs to another store', 403, 'forbidden');
      return null;
    }
    return storeId;
  };

  router.post('/stores/:storeId/import-web-orders', adminOrRegister, json, (req, res) => {
    const storeId = registerOfStore(req, res);
    if (!storeId) return;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const from = typeof body.from === 'string' ? Date.parse(body.from) : NaN;
    const to = typeof body.to === 'string' ? Date.parse(body.to) : NaN;
    if (Number.isNaN(from) || Number.isNaN(to)) return bad(res, 'from and to must be dates (ISO 8601), e.g. "2026-11-01T00:00:00Z"');
    if (to < from) return bad(res, 'to must not be before from');
    if (to - from > MAX_RANGE_MS) return bad(res, 'the range must not exceed one year');
    if (body.platform !== undefined && !isPlatform(body.platform)) return bad(res, 'platform must be shopify, woocommerce or bigcommerce');
    const platform = body.platform === undefined ? undefined : (body.platform as 'shopify' | 'woocommerce' | 'bigcommerce');
    const links = integrations.jobs.listable(storeId, platform);
    if (links.length === 0) return bad(res, platform ? `store "${storeId}" has no ${platform} link with API credentials` : `store "${storeId}" has no platform link with API credentials`, 409, 'not_linked');
    const job = integrations.jobs.start(storeId, new Date(from).toISOString(), new Date(to).toISOString(), links);
    res.status(202).json(job);
  });

  router.get('/stores/:storeId/import-jobs/:jobId', adminOrRegister, wrap(async (req, res) => {
    const storeId = registerOfStore(req, res);
    if (!storeId) return;
    const job = await integrations.jobs.get(storeId, req.params.jobId!);
    if (!job) return bad(res, `no import job "${req.params.jobId}"`, 404, 'not_found');
    res.json(job);
  }));

  return router;
}
