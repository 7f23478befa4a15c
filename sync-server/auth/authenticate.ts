/**
 * Authentication middleware. Admin: HTTP Basic, compared in constant time with the configured
 * credentials. Registers: `Authorization: Bearer <token>`; only the token's SHA-256 is stored.
 * Failures answer 401 {error:'unauthorized', reason}.
 */
import type { NextFunction, Request, Response } from 'express';
import type { Registry } from '../registry.ts';
import { parseAuthorization, safeEqual } from './credentials.ts';
import { setPrincipal } from './principal.ts';

export interface AuthenticateOptions {
  admin: { user: string; password: string };
  registry: Registry;
  /** Which credentials this route accepts. */
  accept: 'admin' | 'admin-or-register';
}

export function unauthorized(res: Response, reason: string, scheme: 'Basic' | 'Bearer'): void {
  // Bearer for the CouchDB API: a Basic challenge there would make browsers pop a login dialog.
  res.setHeader('WWW-Authenticate', `${scheme} realm="comptoir"`);
  res.status(401).json({ error: 'unauthorized', reason });
}

export function isAdmin(header: string | undefined, admin: { user: string; password: string }): boolean {
  const parsed = parseAuthorization(header);
  if (!parsed || parsed.scheme !== 'basic') return false;
  // Both compared, always, so timing does not tell which one was wrong.
  const userOk = safeEqual(parsed.user, admin.user);
  const passOk = safeEqual(parsed.password, admin.password);
  return userOk && passOk;
}

export function authenticate(opts: AuthenticateOptions) {
  const challenge = opts.accept === 'admin' ? 'Basic' : 'Bearer';
  return (req: Request, res: Response, next: NextFunction): void => {
    const parsed = parseAuthorization(req.headers.authorization);
    if (!parsed) return unauthorized(res, 'Credentials are required (admin: HTTP Basic; register: Bearer token).', challenge);
    if (parsed.scheme === 'invalid') return unauthorized(res, parsed.reason, challenge);
    if (parsed.scheme === 'basic') {
      if (!isAdmin(req.headers.authorization, opts.admin)) return unauthorized(res, 'Wrong admin user name or password.', challenge);
      setPrincipal(res, { kind: 'admin', user: parsed.user });
      return next();
    }
    if (opts.accept === 'admin') return unauthorized(res, 'This route needs the admin credentials (HTTP Basic).', 'Basic');
    const register = opts.registry.authenticateToken(parsed.token);
    if (!register) return unauthorized(res, 'Unknown or revoked register token: pair this register again.', challenge);
    setPrincipal(res, register);
    next();
  };
}
