/**
 * Serves the built app (STATIC_DIR, normally ./dist) with an SPA fallback: a GET that is not an API
 * path and asks for a page (no file extension, or Accept: text/html) gets index.html. index.html and
 * sw.js are never cached by HTTP caches (the service worker decides); hashed assets are immutable.
 */
import fs from 'node:fs';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';

const NO_CACHE = new Set(['/index.html', '/sw.js', '/registerSW.js', '/manifest.webmanifest']);
const API_PREFIXES = ['/db', '/api', '/healthz'];

export function staticApp(staticDir: string): Router | null {
  const index = path.join(staticDir, 'index.html');
  if (!fs.existsSync(index)) return null;
  const router = express.Router();
  router.use(
    express.static(staticDir, {
      index: 'index.html',
      setHeaders(res, filePath) {
        const rel = `/${path.relative(staticDir, filePath).split(path.sep).join('/')}`;
        if (NO_CACHE.has(rel) || rel.startsWith('/workbox-')) res.setHeader('Cache-Control', 'no-cache');
        else if (rel.startsWith('/assets/')) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  router.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (API_PREFIXES.some((p) => req.path === p || req.path.startsWith(`${p}/`))) return next();
    const wantsPage = path.extname(req.path) === '' || (req.headers.accept ?? '').includes('text/html');
    if (!wantsPage) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
