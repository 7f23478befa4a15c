/**
 * The one check every /api/stores/:storeId route makes after authentication: the store exists, and a
 * register only reaches its own store (the administrator reaches every store). Answers 404 / 403
 * itself and returns null; otherwise the store id.
 */
import type { Request, Response } from 'express';
import type { Registry } from '../registry.ts';
import { principalOf } from './principal.ts';

export function storeOfRequest(registry: Registry, req: Request, res: Response): string | null {
  const storeId = req.params['storeId'] ?? '';
  const principal = principalOf(res);
  if (!registry.store(storeId)) {
    res.status(404).json({ error: 'not_found', reason: `no store "${storeId}"` });
    return null;
  }
  if (principal?.kind === 'register' && principal.storeId !== storeId) {
    res.status(403).json({ error: 'forbidden', reason: `register ${principal.registerId} belongs to store "${principal.storeId}"` });
    return null;
  }
  return storeId;
}
