/** Constant-time checks of webhook signatures, on the raw bytes. */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function hmacSha256(key: string | Uint8Array, data: string | Uint8Array): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

/** Compares a base64 signature with the expected digest in constant time (length mismatch → false). */
export function base64SignatureMatches(given: string, expected: Buffer): boolean {
  const buf = Buffer.from(given.trim(), 'base64');
  if (buf.length !== expected.length) return false;
  return timingSafeEqual(new Uint8Array(buf), new Uint8Array(expected));
}

/** Compares two secrets in constant time (hashed first, so lengths do not leak). */
export function secretsEqual(a: string, b: string): boolean {
  const ha = createHmac('sha256', 'comptoir').update(a).digest();
  const hb = createHmac('sha256', 'comptoir').update(b).digest();
  return timingSafeEqual(new Uint8Array(ha), new Uint8Array(hb));
}

export function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

export function parseJsonObject(raw: Buffer): Record<string, unknown> | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    return 'the body is not valid JSON';
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'the body must be a JSON object';
  return parsed as Record<string, unknown>;
}
