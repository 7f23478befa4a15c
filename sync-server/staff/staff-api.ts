/**
 * Admin routes (HTTP Basic, admin only; mounted on the admin router by admin-api.ts):
 *
 *   POST  /api/admin/stores/:storeId/staff          {name, role, pin} → 201 {id, name, role, active, updatedAt}
 *   GET   /api/admin/stores/:storeId/staff          → 200 {staff: [...]}   (never any PIN material)
 *   PATCH /api/admin/stores/:storeId/staff/:id      {name?, role?, pin?, active?} → 200 {…}
 *   GET   /api/admin/stores/:storeId/journal/verify → 200 {ok, registers: [{registerId, ok, entries, grandTotal} |
 *                                                    {registerId, ok: false, entryId, seq, problem, message}]}
 */
import type { NextFunction, Request, Response, Router } from 'express';
import type { StoreBackend } from '../db/backend.ts';
import type { Registry } from '../registry.ts';
import { verifyStoreJournals } from './journal-verify.ts';
import { createStaff, listStaff, StaffInputError, staffView, updateStaff } from './staff-store.ts';

type Handler = (req: Request, res: Response) => Promise<void>;
const wrap = (h: Handler) => (req: Request, res: Response, next: NextFunction) => {
  h(req, res).catch((error: unknown) => {
    if (error instanceof StaffInputError) {
      res.status(400).json({ error: 'bad_request', reason: error.message });
      return;
    }
    next(error);
  });
};

export function mountStaffRoutes(admin: Router, opts: { registry: Registry; backend: StoreBackend }): void {
  const { registry, backend } = opts;
  const storeDb = (req: Request, res: Response) => {
    const storeId = req.params.storeId!;
    if (!registry.store(storeId)) {
      res.status(404).json({ error: 'not_found', reason: `no store "${storeId}"` });
      return null;
    }
    return backend.db(storeId);
  };

  admin.post('/stores/:storeId/staff', wrap(async (req, res) => {
    const db = storeDb(req, res);
    if (!db) return;
    const doc = await createStaff(db, (req.body ?? {}) as Record<string, unknown>);
    res.status(201).json(staffView(doc));
  }));

  admin.get('/stores/:storeId/staff', wrap(async (req, res) => {
    const db = storeDb(req, res);
    if (!db) return;
    res.json({ staff: (await listStaff(db)).map(staffView) });
  }));

  admin.patch('/stores/:storeId/staff/:id', wrap(async (req, res) => {
    const db = storeDb(req, res);
    if (!db) return;
    const doc = await updateStaff(db, req.params.id!, (req.body ?? {}) as Record<string, unknown>);
    if (doc === null) {
      res.status(404).json({ error: 'not_found', reason: `no staff member "${req.params.id}"` });
      return;
    }
    res.json(staffView(doc));
  }));

  admin.get('/stores/:storeId/journal/verify', wrap(async (req, res) => {
    const db = storeDb(req, res);
    if (!db) return;
    const registers = await verifyStoreJournals(db);
    res.json({ ok: registers.every((r) => r.ok), registers });
  }));
}
