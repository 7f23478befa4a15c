/**
 * A typed outcome for refusals that are part of normal operation (a cashier typo, an underpaid sale,
 * a malformed replicated document). Exceptions stay for programmer errors; a Result forces the caller
 * to look at the refusal, and its error is data the UI can translate.
 */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function err<E>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}
