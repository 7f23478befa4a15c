/**
 * CORS for registers served from another origin (the app is normally same-origin, so nothing is
 * allowed by default). CORS_ORIGINS lists the allowed origins; "*" allows any origin (credentials are
 * bearer tokens in a header, never cookies, so this does not expose ambient credentials).
 */
import type { NextFunction, Request, Response } from 'express';

export function cors(allowed: string[]) {
  const any = allowed.includes('*');
  const set = new Set(allowed);
  return (req: Request, res: Response, next: NextFunction): void => {
    const origin = req.headers.origin;
    if (origin && (any || set.has(origin))) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.append('Vary', 'Origin');
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Access-Control-Expose-Headers', 'ETag, Location, Content-Type, Cache-Control');
      if (req.method === 'OPTIONS') {
        res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, POST, PUT, DELETE, OPTIONS');
        res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, Accept, Origin, Cache-Control');
        res.setHeader('Access-Control-Max-Age', '600');
        res.status(204).end();
        return;
      }
    }
    next();
  };
}
