/**
 * Staff visibility of the outbound queue (platform pushes and mail), for the store's registers and
 * the admin:
 *
 *   GET  /api/stores/:storeId/outbound[?state=dead&channel=mail&limit=200]
 *        → 200 {storeId, counts:{pending, sending, done, failed, dead}, blocked, jobs:[…]}
 *          jobs sorted dead, failed, sending, pending, then the most recent done; each with its
 *          state, attempts, nextAttemptAt, lastError, blocked, result and attempt history
 *   POST /api/stores/:storeId/outbound/:id/retry   (id: outbound:… or mail:…, URL-encoded)
 *        → 200 {job} (requeued: pending, attempts 0); 404 unknown; 409 not dead/failed
 *
 * Auth: admin (HTTP Basic) or a register of that store (Bearer). The registers also replicate the
 * job documents, so the queue shows offline too; the API is for the figures and the retry.
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { authenticate } from '../auth/authenticate.ts';
import { storeOfRequest } from '../auth/store-access.ts';
import type { StoreBackend } from '../db/backend.ts';
import type { Registry } from '../registry.ts';
import { isJobId, JOB_STATES, MAIL_PREFIX, OUTBOUND_PREFIX, type JobDoc, type JobState } from './jobs.ts';
import { JobStore } from './queue.ts';

export interface OutboundApiOptions {
  registry: Registry;
  backend: StoreBackend;
  admin: { user: string; password: string };
  /** Called after a retry (wakes the runner). */
  onRetry?: () => void;
}

const ORDER: Record<JobState, number> = { dead: 0, failed: 1, sending: 2, pending: 3, done: 4 };

export function jobView(j: JobDoc): Record<string, unknown> {
  return {
    id: j._id,
    channel: j.channel,
    kind: j.kind,
    ...(j.channel === 'platform' ? { platform: j.platform, shop: j.shop } : {}),
    state: j.state,
    idempotencyKey: j.idempotencyKey,
    attempts: j.attempts,
    maxAttempts: j.maxAttempts,
    nextAttemptAt: j.nextAttemptAt,
    createdAt: j.createdAt,
    updatedAt: j.updatedAt,
    ...(j.lastError ? { lastError: j.lastError } : {}),
    ...(j.blocked ? { blocked: j.blocked } : {}),
    ...(j.result ? { result: j.result } : {}),
    ...(j.doneAt ? { doneAt: j.doneAt } : {}),
    ...(j.claim ? { claim: j.claim } : {}),
    payload: j.payload,
    history: j.history ?? [],
  };
}

export function outboundApi(opts: OutboundApiOptions): Router {
  const router = express.Router();
  // Per route, so that other /api/stores/… routes (mounted after this router) keep their own auth.
  const auth = authenticate({ admin: opts.admin, registry: opts.registry, accept: 'admin-or-register' });

  const store = (req: Request, res: Response): string | null => storeOfRequest(opts.registry, req, res);

  router.get('/:storeId/outbound', auth, (req: Request, res: Response, next: NextFunction) => {
    const storeId = store(req, res);
    if (!storeId) return;
    const q = req.query as Record<string, unknown>;
    const state = typeof q.state === 'string' ? q.state : undefined;
    const channel = typeof q.channel === 'string' ? q.channel : undefined;
    const limit = Math.min(1000, Math.max(1, Number(q.limit ?? 200) || 200));
    if (state !== undefined && !JOB_STATES.includes(state as JobState)) {
      res.status(400).json({ error: 'bad_request', reason: `state must be one of ${JOB_STATES.join(', ')}` });
      return;
    }
    if (channel !== undefined && channel !== 'platform' && channel !== 'mail') {
      res.status(400).json({ error: 'bad_request', reason: 'channel must be platform or mail' });
      return;
    }
    const prefix = channel === 'mail' ? MAIL_PREFIX : channel === 'platform' ? OUTBOUND_PREFIX : undefined;
    new JobStore(opts.backend.db(storeId))
      .list(prefix)
      .then((all) => {
        const counts: Record<JobState, number> = { pending: 0, sending: 0, done: 0, failed: 0, dead: 0 };
        let blocked = 0;
        for (const j of all) {
          counts[j.state]++;
          if (j.blocked) blocked++;
        }
        const jobs = all
          .filter((j) => state === undefined || j.state === state)
          .sort((a, b) => ORDER[a.state] - ORDER[b.state] || (a.state === 'done' ? b.updatedAt.localeCompare(a.updatedAt) : a.nextAttemptAt.localeCompare(b.nextAttemptAt)))
          .slice(0, limit)
          .map(jobView);
        res.setHeader('Cache-Control', 'no-store');
        res.json({ storeId, counts, blocked, jobs });
      })
      .catch(next);
  });

  router.post('/:storeId/outbound/:id/retry', auth, (req: Request, res: Response, next: NextFunction) => {
    const storeId = store(req, res);
    if (!storeId) return;
    const id = req.params.id!;
    if (!isJobId(id)) {
      res.status(400).json({ error: 'bad_request', reason: 'not an outbound job id (outbound:… or mail:…)' });
      return;
    }
    new JobStore(opts.backend.db(storeId))
      .retry(id)
      .then((r) => {
        if (!r.ok) {
          res.status(r.status).json({ error: r.status === 404 ? 'not_found' : 'conflict', reason: r.reason });
          return;
        }
        opts.onRetry?.();
        res.json({ job: jobView(r.job) });
      })
      .catch(next);
  });

  router.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    console.error('[outbound api] request failed:', err);
    res.status(500).json({ error: 'internal_error', reason: (err as Error).message ?? 'internal error' });
  });
  return router;
}
