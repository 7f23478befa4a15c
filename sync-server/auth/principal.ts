/** Who is calling: the administrator (HTTP Basic) or a paired register (Bearer token). */
import type { Response } from 'express';
import type { RegisterPrincipal } from '../registry.ts';

export interface AdminPrincipal {
  kind: 'admin';
  user: string;
}

export type Principal = AdminPrincipal | RegisterPrincipal;

export function principalOf(res: Response): Principal | undefined {
  return (res.locals as { principal?: Principal }).principal;
}

export function setPrincipal(res: Response, principal: Principal): void {
  (res.locals as { principal?: Principal }).principal = principal;
}
