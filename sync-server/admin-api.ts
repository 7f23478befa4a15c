/**
 * The admin API (HTTP Basic, admin only) and pairing (no auth, rate-limited on failures).
 *
 *   POST /api/admin/stores                                    {id, name, address?, currency?} → 201
 *   GET  /api/admin/stores                                    → 200 {stores}
 *   POST /api/admin/stores/:storeId/registers                 {name} → 201 {registerId, storeId, name, pairingCode, expiresAt}
 *   GET  /api/admin/stores/:storeId/registers                 → 200 {registers}
 *   POST /api/admin/stores/:storeId/registers/:id/pairing-code → 201 {registerId, storeId, name, pairingCode, expiresAt}
 *   …/stores/:storeId/staff, …/stores/:storeId/journal/verify: see staff/staff-api.ts
 *   POST /api/pair                                            {code} → 200 {storeId, registerId, registerName, token, dbName}
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { authenticate } from './auth/authenticate.ts';
import { isValidStoreId, storeDbName, type StoreBackend } from './db/backend.ts';
import { FailureLimiter } from './rate-limit.ts';
import { isPairingFailure, type IssuedCode, type Registry } from './registry.ts';
import { mountStaffRoutes } from './staff/staff-api.ts';
import { createStore } from './stores.ts';

export interface AdminApiOptions {
  registry: Registry;
  backend: StoreBackend;
  admin: { user: string; password: string };
  pairMaxFailures: number;
  pairWindowMs: number;
}

const bad = (res: Response, reason: string, status = 400, error = 'bad_request'): void => {
  res.status(status).json({ error, reason });
};

function cleanName(x: unknown, fallback?: string): string | null {
  if (x === undefined && fallback !== undefined) return fallback;
  if (typeof x !== 'string') return null;
  const name = x.trim().replace(/\s+/g, ' ');
  return name.length >= 1 && name.length <= 80 ? name : null;
}

function issuedJson(i: IssuedCode) {
  return { registerId: i.register.id, storeId: i.register.storeId, name: i.register.name, pairingCode: i.pairingCode, expiresAt: i.expiresAt };
}

type Handler = (req: Request, res: Response) => Promise<void>;
const wrap = (h: Handler) => (req: Request, res: Response, next: NextFunction) => {
  h(req, res).catch(next);
};

export function adminApi(opts: AdminApiOptions): Router {
  const { registry, backend } = opts;
  const router = express.Router();
  router.use(express.json({ limit: '64kb' }));

  const admin = express.Router();
  admin.use(authenticate({ admin: opts.admin, registry, accept: 'admin' }));

  admin.post('/stores', wrap(async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (!isValidStoreId(body.id)) {
      return bad(res, 'id must be 2 to 31 characters: a lowercase letter, then lowercase letters, digits or "-" (e.g. "paris-11")');
    }
    const name = cleanName(body.name, body.id);
    if (!name) return bad(res, 'name must be a string of 1 to 80 characters');
    let address: string[] | undefined;
    if (body.address !== undefined) {
      if (!Array.isArray(body.address) || !body.address.every((l) => typeof l === 'string') || body.address.length > 10) {
        return bad(res, 'address must be an array of at most 10 strings');
      }
      address = body.address as string[];
    }
    if (body.currency !== undefined && (typeof body.currency !== 'string' || !/^[A-Z]{3}$/.test(body.currency))) {
      return bad(res, 'currency must be an ISO 4217 code like EUR');
    }
    if (registry.store(body.id)) return bad(res, `store "${body.id}" already exists`, 409, 'conflict');
    const record = await createStore(backend, registry, {
      id: body.id,
      name,
      ...(address ? { address } : {}),
      ...(typeof body.currency === 'string' ? { currency: body.currency } : {}),
    });
    res.status(201).json({ ...record, dbName: storeDbName(record.id) });
  }));

  admin.get('/stores', (_req, res) => {
    const stores = registry.stores().map((s) => ({ ...s, dbName: storeDbName(s.id), registers: registry.registers(s.id).length }));
    res.json({ stores });
  });

  admin.post('/stores/:storeId/registers', wrap(async (req, res) => {
    const storeId = req.params.storeId!;
    if (!registry.store(storeId)) return bad(res, `no store "${storeId}"`, 404, 'not_found');
    const body = (req.body ?? {}) as Record<string, unknown>;
    const name = cleanName(body.name, `Caisse ${registry.registers(storeId).length + 1}`);
    if (!name) return bad(res, 'name must be a string of 1 to 80 characters');
    const issued = await registry.createRegister(storeId, name);
    res.status(201).json(issuedJson(issued));
  }));

  admin.get('/stores/:storeId/registers', (req, res) => {
    const storeId = req.params.storeId!;
    if (!registry.store(storeId)) return bad(res, `no store "${storeId}"`, 404, 'not_found');
    const registers = registry.registers(storeId).map((r) => ({
      registerId: r.id,
      storeId: r.storeId,
      name: r.name,
      createdAt: r.createdAt,
      paired: r.tokenHash !== null,
      pairedAt: r.pairedAt,
    }));
    res.json({ registers });
  });

  admin.post('/stores/:storeId/registers/:registerId/pairing-code', wrap(async (req, res) => {
    const { storeId, registerId } = req.params as { storeId: string; registerId: string };
    if (!registry.registers(storeId).some((r) => r.id === registerId)) {
      return bad(res, `no register "${registerId}" in store "${storeId}"`, 404, 'not_found');
    }
    res.status(201).json(issuedJson(await registry.issuePairingCode(registerId)));
  }));

  mountStaffRoutes(admin, { registry, backend }); // staff and journal verification (issue 3)
  router.use('/admin', admin);

  const limiter = new FailureLimiter(opts.pairMaxFailures, opts.pairWindowMs);
  router.post('/pair', wrap(async (req, res) => {
    const ip = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const wait = limiter.blockedFor(ip);
    if (wait > 0) {
      res.setHeader('Retry-After', String(Math.ceil(wait / 1000)));
      return bad(res, `Too many wrong pairing codes from this address; try again in ${Math.ceil(wait / 60_000)} min.`, 429, 'too_many_requests');
    }
    const body = (req.body ?? {}) as Record<string, unknown>;
    const outcome = await registry.pair(body.code);
    if (isPairingFailure(outcome)) {
      limiter.fail(ip);
      const status = outcome.kind === 'unknown' ? 404 : 400;
      const error = { malformed: 'bad_request', unknown: 'unknown_code', used: 'code_used', expired: 'code_expired' }[outcome.kind];
      return bad(res, outcome.reason, status, error);
    }
    res.status(200).json(outcome);
  }));

  router.use((_req, res) => bad(res, 'no such API route', 404, 'not_found'));
  router.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const e = err as { type?: string; status?: number; message?: string };
    if (e.type === 'entity.parse.failed') return bad(res, 'the body is not valid JSON');
    if (e.type === 'entity.too.large') return bad(res, 'the body is too large', 413, 'too_large');
    console.error('[api] request failed:', err);
    bad(res, e.message ?? 'internal error', 500, 'internal_error');
  });
  return router;
}
