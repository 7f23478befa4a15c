/**
 * The CouchDB API at /db, behind our authentication and per-store authorisation. The engine behind
 * it (express-pouchdb) has no usable access control and several crash-level faults, so everything is
 * decided here, from an allow-list:
 *
 *  - admin (Basic): any store database's documents, design documents and views; never database
 *    creation/deletion (that goes through POST /api/admin/stores), `_config`, `_replicate`,
 *    `_temp_view`, `_users`, or non-store databases.
 *  - register (Bearer): only `/db/store-<its store>` and below, only what replication needs
 *    (`_changes`, `_revs_diff`, `_bulk_get`, `_bulk_docs`, `_all_docs`, `_local/*`, document reads)
 *    and document writes that pass validate/store-doc.ts; design documents are read-only to them
 *    (replication copies them) and their views never run.
 *  - everyone: `_changes` only with the built-in `_doc_ids` / `_selector` filters (a missing or
 *    throwing design filter kills the embedded engine), never `view=`.
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { StoreBackend } from '../db/backend.ts';
import { storeIdOfDbName } from '../db/backend.ts';
import { RegisterWrites } from '../db/register-writes.ts';
import type { Registry } from '../registry.ts';
import { authenticate } from './authenticate.ts';
import { principalOf, type Principal } from './principal.ts';

export interface CouchApiOptions {
  registry: Registry;
  backend: StoreBackend;
  admin: { user: string; password: string };
  bodyLimitBytes: number;
}

type Decision = { allow: true; registerWrite?: 'bulk' | 'put' } | { allow: false; status: number; error: string; reason: string };

const allow: Decision = { allow: true };
const deny = (reason: string, status = 403, error = 'forbidden'): Decision => ({ allow: false, status, error, reason });

/** Database-level endpoints ("_changes" in /db/store-x/_changes) and the methods allowed on them. */
const REGISTER_DB_ENDPOINTS: Record<string, string[]> = {
  _changes: ['GET', 'HEAD', 'POST'],
  _bulk_docs: ['POST'],
  _bulk_get: ['POST'],
  _revs_diff: ['POST'],
  _all_docs: ['GET', 'HEAD', 'POST'],
  _ensure_full_commit: ['POST'],
};
const ADMIN_DB_ENDPOINTS: Record<string, string[]> = {
  ...REGISTER_DB_ENDPOINTS,
  _compact: ['POST'],
  _view_cleanup: ['POST'],
};
/** Server-level endpoints an admin may use (/db/_all_dbs …); registers may only GET /db/. */
const ADMIN_ROOT_ENDPOINTS: Record<string, string[]> = {
  _all_dbs: ['GET', 'HEAD'],
  _uuids: ['GET', 'HEAD'],
};
const READ = ['GET', 'HEAD'];

function splitPath(rawPath: string): string[] | null {
  try {
    return rawPath
      .split('/')
      .filter((s) => s !== '')
      .map((s) => decodeURIComponent(s));
  } catch {
    return null;
  }
}

function checkChanges(req: Request): Decision {
  const q = req.query as Record<string, unknown>;
  if (q.view !== undefined) return deny('_changes?view= is not allowed (views run code on the server)');
  const filter = q.filter;
  if (filter === undefined || filter === '') return allow;
  const body = (req.body ?? {}) as Record<string, unknown>;
  if (filter === '_doc_ids') {
    const inBody = Array.isArray(body.doc_ids);
    const inQuery = typeof q.doc_ids === 'string';
    if (!inBody && !inQuery) return deny('filter=_doc_ids needs a doc_ids list', 400, 'bad_request');
    if (!inBody && inQuery) {
      try {
        const ids = JSON.parse(q.doc_ids as string) as unknown;
        if (!Array.isArray(ids)) throw new Error('not an array');
      } catch {
        return deny('doc_ids must be a JSON array', 400, 'bad_request');
      }
    }
    return allow;
  }
  if (filter === '_selector') {
    const selector = body.selector;
    if (typeof selector !== 'object' || selector === null || Array.isArray(selector)) {
      return deny('filter=_selector needs a selector object in the request body', 400, 'bad_request');
    }
    // express-pouchdb only forwards doc_ids from the body: hand the selector over as an option.
    (req.query as Record<string, unknown>).selector = selector;
    return allow;
  }
  return deny(`_changes?filter=${String(filter)} is not allowed: only the built-in _doc_ids and _selector filters are`);
}

export function decide(req: Request, principal: Principal, registry: Registry): Decision {
  const method = req.method.toUpperCase();
  const segs = splitPath(req.path);
  if (!segs) return deny('malformed path', 400, 'bad_request');
  const isAdmin = principal.kind === 'admin';

  if (segs.length === 0) return READ.includes(method) ? allow : deny('method not allowed here', 405, 'method_not_allowed');

  const dbName = segs[0]!;
  if (dbName.startsWith('_')) {
    const methods = ADMIN_ROOT_ENDPOINTS[dbName];
    if (isAdmin && methods?.includes(method)) return allow;
    return deny(`/db/${dbName} is not available`);
  }
  const storeId = storeIdOfDbName(dbName);
  if (!storeId) return deny(`only store databases (store-<id>) are served, not "${dbName}"`);
  if (!isAdmin && principal.storeId !== storeId) {
    return deny(`register ${principal.registerId} belongs to store "${principal.storeId}" and may not use ${dbName}`);
  }

  if (segs.length === 1) {
    if (method === 'PUT' || method === 'DELETE') {
      return deny('databases are never created or deleted through /db: create stores with POST /api/admin/stores');
    }
    if (!registry.store(storeId)) return deny(`no store "${storeId}"`, 404, 'not_found');
    if (READ.includes(method)) return allow;
    if (method === 'POST') return isAdmin ? allow : deny('registers write documents with an id (PUT or _bulk_docs)');
    return deny('method not allowed here', 405, 'method_not_allowed');
  }
  if (!registry.store(storeId)) return deny(`no store "${storeId}"`, 404, 'not_found');

  const second = segs[1]!;
  if (second === '_design') {
    // Registers may read a design document (replication copies it) but never write or run one.
    if (!isAdmin) return segs.length === 3 && READ.includes(method) ? allow : deny('registers may not write or run design documents');
    if (segs.length >= 4 && ['_show', '_list', '_update', '_rewrite'].includes(segs[3]!)) return deny('design functions are disabled');
    return allow;
  }
  if (second === '_local') {
    if (segs.length !== 3) return deny('malformed _local path', 400, 'bad_request');
    return ['GET', 'HEAD', 'PUT', 'DELETE'].includes(method) ? allow : deny('method not allowed here', 405, 'method_not_allowed');
  }
  if (second.startsWith('_design/')) {
    if (isAdmin) return allow;
    return segs.length === 2 && READ.includes(method) ? allow : deny('registers may not write or run design documents');
  }
  if (second.startsWith('_local/')) return ['GET', 'HEAD', 'PUT', 'DELETE'].includes(method) ? allow : deny('method not allowed here', 405, 'method_not_allowed');
  if (second.startsWith('_')) {
    if (second === '_temp_view') return deny('_temp_view is disabled (it runs code on the server)');
    const methods = (isAdmin ? ADMIN_DB_ENDPOINTS : REGISTER_DB_ENDPOINTS)[second];
    if (!methods) return deny(`${dbName}/${second} is not available`);
    if (!methods.includes(method)) return deny('method not allowed here', 405, 'method_not_allowed');
    if (second === '_changes') return checkChanges(req);
    if (second === '_bulk_docs' && !isAdmin) return { allow: true, registerWrite: 'bulk' };
    return allow;
  }

  // A document (segs[1]) or one of its attachments (segs[2..]).
  if (isAdmin) return allow;
  if (READ.includes(method)) return allow;
  if (segs.length > 2) return deny('registers may not write attachments');
  if (method === 'PUT') return { allow: true, registerWrite: 'put' };
  if (method === 'DELETE') {
    // Customers, and parked sales (resuming one deletes it, from any register of the store).
    return second.startsWith('customer:') || second.startsWith('parked:') ? allow : deny(`registers may not delete ${second}`);
  }
  return deny('method not allowed here', 405, 'method_not_allowed');
}

export function couchApi(opts: CouchApiOptions): Router {
  const router = express.Router({ caseSensitive: true });
  const writes = new RegisterWrites(opts.backend);

  router.use(authenticate({ admin: opts.admin, registry: opts.registry, accept: 'admin-or-register' }));

  router.use((req: Request, res: Response, next: NextFunction) => {
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > opts.bodyLimitBytes) {
      res.status(413).json({ error: 'too_large', reason: `the request body is larger than ${opts.bodyLimitBytes} bytes` });
      return;
    }
    const principal = principalOf(res);
    if (principal?.kind === 'register' && ['PUT', 'POST'].includes(req.method) && req.headers['content-length'] !== '0') {
      const type = req.headers['content-type'] ?? '';
      if (type !== '' && !/^application\/json\b/i.test(type)) {
        res.status(415).json({ error: 'bad_content_type', reason: 'registers send application/json only' });
        return;
      }
    }
    next();
  });
  router.use(express.json({ limit: opts.bodyLimitBytes, type: ['application/json'] }));

  router.use((req: Request, res: Response, next: NextFunction) => {
    const principal = principalOf(res);
    if (!principal) {
      res.status(401).json({ error: 'unauthorized', reason: 'no credentials' });
      return;
    }
    const decision = decide(req, principal, opts.registry);
    if (!decision.allow) {
      res.status(decision.status).json({ error: decision.error, reason: decision.reason });
      return;
    }
    if (principal.kind !== 'register' || !decision.registerWrite) return next();

    const ctx = { storeId: principal.storeId, registerId: principal.registerId };
    const body = req.body as unknown;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      res.status(400).json({ error: 'bad_request', reason: 'the request body must be a JSON object' });
      return;
    }
    const b = body as Record<string, unknown>;
    const run = async (): Promise<void> => {
      if (decision.registerWrite === 'bulk') {
        if (!Array.isArray(b.docs)) {
          res.status(400).json({ error: 'bad_request', reason: "Missing JSON list of 'docs'" });
          return;
        }
        const newEdits = b.new_edits !== false;
        const results = await writes.write(ctx, b.docs, newEdits);
        res.status(201).json(results);
        return;
      }
      // PUT /db/store-x/<docid>
      const segs = splitPath(req.path) ?? [];
      const docId = segs[1]!;
      if (b._id !== undefined && b._id !== docId) {
        res.status(400).json({ error: 'bad_request', reason: 'the _id in the body differs from the id in the URL' });
        return;
      }
      const q = req.query as Record<string, unknown>;
      const doc: Record<string, unknown> = { ...b, _id: docId };
      if (doc._rev === undefined && typeof q.rev === 'string') doc._rev = q.rev;
      const newEdits = q.new_edits !== 'false';
      const [result] = await writes.write(ctx, [doc], newEdits);
      if (!result) {
        res.status(201).json({ ok: true, id: docId, rev: typeof doc._rev === 'string' ? doc._rev : '' });
        return;
      }
      if ('ok' in result) {
        res.setHeader('ETag', `"${result.rev}"`);
        res.status(201).json(result);
        return;
      }
      const status = result.error === 'forbidden' ? 403 : result.error === 'conflict' ? 409 : result.error === 'bad_request' ? 400 : 500;
      res.status(status).json({ error: result.error, reason: result.reason });
    };
    run().catch(next);
  });

  router.use(opts.backend.couchRouter);

  // Errors (body too large, malformed JSON, engine failures) answer CouchDB-style, never crash.
  router.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const e = err as { status?: number; type?: string; message?: string };
    if (e.type === 'entity.too.large' || e.status === 413) {
      res.status(413).json({ error: 'too_large', reason: 'the request entity is too large' });
      return;
    }
    if (e.type === 'entity.parse.failed' || e.status === 400) {
      res.status(400).json({ error: 'bad_request', reason: 'invalid_json' });
      return;
    }
    console.error('[db] request failed:', err);
    res.status(500).json({ error: 'internal_error', reason: e.message ?? 'internal error' });
  });
  return router;
}
