/**
 * POST /webhooks/{shopify|woocommerce|bigcommerce}/{storeId}
 * Raw body (verified on its exact bytes), signature checked in constant time by the platform's
 * adapter, then written to the store's durable inbox and answered 200 at once; the inbox processor
 * does the rest. Forged → 401, malformed → 400 with the reason; neither writes anything.
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { isValidStoreId } from '../db/backend.ts';
import type { Integrations } from '../inbox/integrations.ts';
import { storeDelivery } from '../inbox/inbox.ts';
import type { Registry } from '../registry.ts';
import { adapterFor, isPlatform } from '../platforms/registry.ts';

export function webhookRouter(deps: { integrations: Integrations; registry: Registry; bodyLimitBytes: number }): Router {
  const router = express.Router();
  const { integrations, registry } = deps;

  router.post(
    '/:platform/:storeId',
    express.raw({ type: () => true, limit: deps.bodyLimitBytes }),
    (req: Request, res: Response, next: NextFunction) => {
      const { platform, storeId } = req.params as { platform: string; storeId: string };
      if (!isPlatform(platform)) return void res.status(404).json({ error: 'not_found', reason: `unknown platform "${platform}"` });
      if (!isValidStoreId(storeId) || !registry.store(storeId)) return void res.status(404).json({ error: 'not_found', reason: `no store "${storeId}"` });
      const link = integrations.links.get(storeId, platform);
      if (!link) return void res.status(404).json({ error: 'not_found', reason: `store "${storeId}" is not linked to ${platform}` });
      const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const outcome = adapterFor(platform).verifyWebhook({ headers: req.headers, rawBody }, link.webhookSecret, new Date());
      switch (outcome.kind) {
        case 'ping':
          return void res.status(200).json({ ok: true, ping: true });
        case 'forged':
          return void res.status(401).json({ error: 'unauthorized', reason: outcome.reason });
        case 'malformed':
          return void res.status(400).json({ error: 'bad_request', reason: outcome.reason });
        case 'ok':
          storeDelivery(integrations.dbs.inbox(storeId), platform, outcome, new Date())
            .then(({ entry, duplicate }) => {
              res.status(200).json({ ok: true, duplicate, delivery: outcome.deliveryId });
              if (!duplicate) integrations.processor.enqueued(storeId, entry._id);
            })
            .catch(next);
      }
    },
  );

  router.use((_req, res) => res.status(404).json({ error: 'not_found', reason: 'POST /webhooks/{shopify|woocommerce|bigcommerce}/{storeId}' }));
  router.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const e = err as { type?: string };
    if (e.type === 'entity.too.large') return void res.status(413).json({ error: 'too_large', reason: `the body is larger than ${deps.bodyLimitBytes} bytes` });
    console.error('[webhooks] failed:', err);
    res.status(500).json({ error: 'internal_error', reason: 'the delivery could not be stored; retry' });
  });
  return router;
}
