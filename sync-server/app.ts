/**
 * The HTTP application: /healthz, /api (admin + pairing), /db (CouchDB replication API behind our
 * auth), and the built app. No listening, no config reading, no signals: main.ts does those.
 */
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { adminApi } from './admin-api.ts';
import { couchApi } from './auth/db-guard.ts';
import type { ServerConfig } from './config.ts';
import { cors } from './cors.ts';
import { outboundApi } from './outbound/api.ts';
import type { StoreBackend } from './db/backend.ts';
import type { Registry } from './registry.ts';
import type { Integrations } from './inbox/integrations.ts';
import { integrationsApi } from './import/api.ts';
import { printersApi } from './printers/api.ts';
import { stockDifferencesApi, systemPushLinks } from './reconcile/platform-stock-api.ts';
import { webOrderDifferencesApi } from './reconcile/web-orders-api.ts';
import type { SystemStore } from './system/system-store.ts';
import { staticApp } from './static.ts';
import { webhookRouter } from './webhooks/router.ts';
import { SERVER_VERSION } from './version.ts';

export interface AppDeps {
  config: Pick<ServerConfig, 'admin' | 'corsOrigins' | 'bodyLimitBytes' | 'staticDir' | 'pairMaxFailures' | 'pairWindowMs' | 'trustProxy'>;
  backend: StoreBackend;
  registry: Registry;
  /** When true, /healthz answers 503 (the server is stopping). */
  isShuttingDown?: () => boolean;
  startedAt?: number;
  /** Web platforms (webhooks, imports, links); absent in apps built without them. */
  integrations?: Integrations;
  /** The private system store: network printers live there (absent: no printer relay). */
  system?: SystemStore;
}

export function createApp(deps: AppDeps): Express {
  const { config, backend, registry } = deps;
  const startedAt = deps.startedAt ?? Date.now();
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);

  app.use(cors(config.corsOrigins));

  app.get('/healthz', (_req, res, next) => {
    backend
      .health()
      .then((health) => {
        res.setHeader('Cache-Control', 'no-store');
        const body = {
          status: health.ok && !deps.isShuttingDown?.() ? 'ok' : 'unavailable',
          version: SERVER_VERSION,
          uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
          backend: backend.kind,
          stores: registry.stores().length,
          ...(health.ok ? {} : { reason: health.reason }),
          ...(deps.isShuttingDown?.() ? { reason: 'shutting down' } : {}),
        };
        res.status(body.status === 'ok' ? 200 : 503).json(body);
      })
      .catch(next);
  });

  // Outbound queue for staff (issue 4): GET /api/stores/:storeId/outbound, POST …/:id/retry.
  app.use('/api/stores', outboundApi({ registry, backend, admin: config.admin }));
  // Stock differences with the web stores (issue 7): GET /api/stores/:storeId/stock-differences, POST …/fix.
  if (deps.system) app.use('/api/stores', stockDifferencesApi({ registry, backend, admin: config.admin, links: systemPushLinks(deps.system) }));
  if (deps.integrations) {
    app.use('/webhooks', webhookRouter({ integrations: deps.integrations, registry, bodyLimitBytes: deps.integrations.options.webhookBodyLimitBytes }));
    app.use('/api', integrationsApi({ integrations: deps.integrations, registry, admin: config.admin, csvLimitBytes: config.bodyLimitBytes }));
    // Web orders vs the platforms (issue 7): GET /api/stores/:storeId/web-order-differences, POST …/repair.
    app.use('/api', webOrderDifferencesApi({ integrations: deps.integrations, registry, admin: config.admin }));
  }

  // Network printer relay (issue 5): admin configuration + raw bytes from the store's registers.
  if (deps.system) app.use('/api', printersApi({ registry, system: deps.system, admin: config.admin }));

  app.use(
    '/api',
    adminApi({
      registry,
      backend,
      admin: config.admin,
      pairMaxFailures: config.pairMaxFailures,
      pairWindowMs: config.pairWindowMs,
    }),
  );
  app.use('/db', couchApi({ registry, backend, admin: config.admin, bodyLimitBytes: config.bodyLimitBytes }));

  const site = staticApp(config.staticDir);
  if (site) {
    app.use(site);
  } else {
    app.get('/', (_req, res) => {
      res
        .status(200)
        .type('text/plain')
        .send(`Comptoir sync server ${SERVER_VERSION}.\nThe app is not built (no index.html in ${config.staticDir}): run \`npm run build\`.\n`);
    });
  }

  app.use((_req: Request, res: Response) => {
    res.status(404).json({ error: 'not_found', reason: 'no such route' });
  });
  app.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    console.error('[http] request failed:', err);
    res.status(500).json({ error: 'internal_error', reason: 'internal error' });
  });
  return app;
}
