/**
 * How the register talks to its server over HTTP beyond what PouchDB does: the bearer credential on
 * every request, and reading what a refusal means. No PouchDB import, so node tests cover it.
 */

/** Adds the register's bearer token to every request PouchDB makes (it sets no header of its own for it). */
export function bearerFetch(token: string, fetchImpl: typeof fetch = fetch): typeof fetch {
  return (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('Authorization', `Bearer ${token}`);
    return fetchImpl(input, { ...init, headers });
  };
}

/** 401/403: the token is refused; retrying cannot help, a person must pair the register again. */
export function isAuthError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { status?: unknown; name?: unknown };
  return e.status === 401 || e.status === 403 || e.name === 'unauthorized';
}

export function describeError(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const e = error as { status?: unknown; reason?: unknown; message?: unknown; name?: unknown };
    const text = [e.reason, e.message, e.name].find((v) => typeof v === 'string' && v !== '');
    return `${typeof e.status === 'number' ? `${e.status} ` : ''}${String(text ?? 'unknown error')}`;
  }
  return String(error);
}
