/**
 * Network printers, reached through this server (browsers cannot open TCP sockets):
 *
 *   PUT    /api/admin/stores/:storeId/printers/:printerId   {host, port?, name?} → 200 {printer}   (admin)
 *   GET    /api/admin/stores/:storeId/printers               → 200 {printers}                     (admin)
 *   DELETE /api/admin/stores/:storeId/printers/:printerId    → 204                                (admin)
 *   GET    /api/stores/:storeId/printers                     → 200 {printers: [{printerId, name}]} (register of the store)
 *   POST   /api/stores/:storeId/printers/:printerId/raw      raw bytes → 200 {bytes}               (register of the store)
 *
 * The relay only ever connects to an address the admin configured for that printer of that store,
 * kept in the private system file: a register names a printer id, never an address, so the server
 * cannot be used to reach anything else on its network. 404 for a printer not configured, 403 for a
 * register of another store, 502/504 when the printer is unreachable or silent.
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { authenticate } from '../auth/authenticate.ts';
import { principalOf } from '../auth/principal.ts';
import type { Registry } from '../registry.ts';
import type { PrinterRecord, SystemStore } from '../system/system-store.ts';
import { RelayError, sendRaw } from './relay.ts';

export interface PrintersApiOptions {
  registry: Registry;
  system: SystemStore;
  admin: { user: string; password: string };
  /** Bytes per job (default 1 MiB: a receipt with a logo is a few tens of KiB). */
  maxBytes?: number;
  timeoutMs?: number;
}

const ID = /^[a-z0-9][a-z0-9_-]{0,39}$/i;
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$|^\[?[0-9a-f:]+\]?$/i;

const bad = (res: Response, status: number, error: string, reason: string): void => {
  res.status(status).json({ error, reason });
};

export function printersApi(opts: PrintersApiOptions): Router {
  const router = express.Router();
  const adminAuth = authenticate({ admin: opts.admin, registry: opts.registry, accept: 'admin' });
  const anyAuth = authenticate({ admin: opts.admin, registry: opts.registry, accept: 'admin-or-register' });
  const list = (storeId: string): PrinterRecord[] => (opts.system.snapshot.printers ?? []).filter((p) => p.storeId === storeId);

  /** The store, when it exists and the caller may use it (admin, or a register of that store). */
  const store = (req: Request, res: Response): string | null => {
    const storeId = req.params.storeId!;
    if (!opts.registry.store(storeId)) return bad(res, 404, 'not_found', `no store "${storeId}"`), null;
    const principal = principalOf(res);
    if (principal?.kind === 'register' && principal.storeId !== storeId) {
      return bad(res, 403, 'forbidden', `register ${principal.registerId} belongs to store "${principal.storeId}"`), null;
    }
    return storeId;
  };

  router.put('/admin/stores/:storeId/printers/:printerId', adminAuth, express.json({ limit: '8kb' }), (req, res, next) => {
    const storeId = store(req, res);
    if (!storeId) return;
    const printerId = req.params.printerId!;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const host = typeof body.host === 'string' ? body.host.trim() : '';
    const port = body.port === undefined ? 9100 : body.port;
    if (!ID.test(printerId)) return bad(res, 400, 'bad_request', 'printerId: 1 to 40 letters, digits, "-" or "_"');
    if (!HOST.test(host) || host.length > 253) return bad(res, 400, 'bad_request', 'host must be an IP address or a host name, e.g. "192.168.1.50"');
    if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) return bad(res, 400, 'bad_request', 'port must be an integer from 1 to 65535 (raw printing: 9100)');
    const name = typeof body.name === 'string' && body.name.trim() ? body.name.trim().slice(0, 80) : printerId;
    const record: PrinterRecord = { storeId, printerId, name, host: host.replace(/^\[|\]$/g, ''), port, updatedAt: new Date().toISOString() };
    opts.system
      .mutate((d) => {
        const printers = (d.printers ??= []);
        const i = printers.findIndex((p) => p.storeId === storeId && p.printerId === printerId);
        if (i >= 0) printers[i] = record;
        else printers.push(record);
      })
      .then(() => res.json({ printer: record }), next);
  });

  router.get('/admin/stores/:storeId/printers', adminAuth, (req, res) => {
    const storeId = store(req, res);
    if (storeId) res.json({ printers: list(storeId) });
  });

  router.delete('/admin/stores/:storeId/printers/:printerId', adminAuth, (req, res, next) => {
    const storeId = store(req, res);
    if (!storeId) return;
    opts.system
      .mutate((d) => {
        d.printers = (d.printers ?? []).filter((p) => !(p.storeId === storeId && p.printerId === req.params.printerId));
      })
      .then(() => res.status(204).end(), next);
  });

  router.get('/stores/:storeId/printers', anyAuth, (req, res) => {
    const storeId = store(req, res);
    if (storeId) res.json({ printers: list(storeId).map((p) => ({ printerId: p.printerId, name: p.name })) });
  });

  router.post(
    '/stores/:storeId/printers/:printerId/raw',
    anyAuth,
    express.raw({ type: () => true, limit: opts.maxBytes ?? 1024 * 1024 }),
    (req: Request, res: Response, next: NextFunction) => {
      const storeId = store(req, res);
      if (!storeId) return;
      const printer = list(storeId).find((p) => p.printerId === req.params.printerId);
      if (!printer) return bad(res, 404, 'not_found', `no printer "${req.params.printerId}" is configured for store "${storeId}"`);
      const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      if (bytes.length === 0) return bad(res, 400, 'bad_request', 'no bytes to print');
      sendRaw(printer.host, printer.port, bytes, opts.timeoutMs).then(
        () => res.json({ printerId: printer.printerId, bytes: bytes.length }),
        (error: unknown) => {
          if (error instanceof RelayError) return bad(res, error.kind === 'timeout' ? 504 : 502, 'printer_unreachable', error.message);
          next(error);
        },
      );
    },
  );

  return router;
}
