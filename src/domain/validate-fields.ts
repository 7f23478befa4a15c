/**
 * Field checks for validate.ts. Each one reads `o[key]`, and on a wrong value throws Invalid with the
 * field's full path first ("lines[2].quantity: …"): throwing keeps every document check a flat list
 * of one-liners instead of a ladder of early returns.
 */
import { isIsoDateTime } from './iso-date.ts';
import { isValidVatRate } from './vat.ts';

/** Thrown by the field checks and turned into a Result at the boundary (validate.ts run()). */
export class Invalid extends Error {}

export type Obj = Record<string, unknown>;

export function fail(path: string, message: string): never {
  throw new Invalid(`${path}: ${message}`);
}

export function describe(v: unknown): string {
  if (v === undefined) return 'nothing (field missing)';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
}

export function object(v: unknown, path: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(path, `must be an object, got ${describe(v)}`);
  return v as Obj;
}

export function array(o: Obj, key: string, path: string): unknown[] {
  const v = o[key];
  if (!Array.isArray(v)) fail(path + key, `must be an array, got ${describe(v)}`);
  return v;
}

export function string(o: Obj, key: string, path: string, opts: { nonEmpty?: boolean } = { nonEmpty: true }): string {
  const v = o[key];
  if (typeof v !== 'string') fail(path + key, `must be a string, got ${describe(v)}`);
  if (opts.nonEmpty && v.trim() === '') fail(path + key, 'must not be empty');
  return v;
}

export function optionalString(o: Obj, key: string, path: string): void {
  if (o[key] !== undefined) string(o, key, path, { nonEmpty: false });
}

export function boolean(o: Obj, key: string, path: string): boolean {
  const v = o[key];
  if (typeof v !== 'boolean') fail(path + key, `must be true or false, got ${describe(v)}`);
  return v;
}

export function integer(o: Obj, key: string, path: string, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) fail(path + key, `must be a whole number, got ${describe(v)}`);
  if (v < min || v > max) fail(path + key, `must be between ${min} and ${max}, got ${v}`);
  return v;
}

/** Money is a safe integer of minor units: 12.5 is a float price, not 12,50 €. */
export function moneyField(o: Obj, key: string, path: string, opts: { nonNegative?: boolean } = {}): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) fail(path + key, `must be a whole number of minor units, got ${describe(v)}`);
  if (opts.nonNegative && v < 0) fail(path + key, `must not be negative, got ${v}`);
  return v;
}

export function vatRate(o: Obj, key: string, path: string): number {
  const v = o[key];
  if (!isValidVatRate(v)) fail(path + key, `must be an integer of basis points in 0..10000, got ${describe(v)}`);
  return v;
}

export function isoDate(o: Obj, key: string, path: string): string {
  const v = o[key];
  if (!isIsoDateTime(v)) fail(path + key, `must be an ISO 8601 date-time with offset, got ${describe(v)}`);
  return v;
}

export function currency(o: Obj, key: string, path: string): string {
  const v = string(o, key, path);
  if (!/^[A-Z]{3}$/.test(v)) fail(path + key, `must be an ISO 4217 code such as "EUR", got ${describe(v)}`);
  return v;
}

export function oneOf<T extends string>(o: Obj, key: string, path: string, allowed: readonly T[]): T {
  const v = o[key];
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    fail(path + key, `must be one of ${allowed.join(', ')}, got ${describe(v)}`);
  }
  return v as T;
}
