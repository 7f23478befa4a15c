/** Credential primitives: tokens, hashing, constant-time comparison, header parsing. */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Compares two secrets in constant time (both are hashed first so lengths never leak). */
export function safeEqual(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a, 'utf8').digest();
  const hb = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(new Uint8Array(ha), new Uint8Array(hb));
}

/** A register's bearer token: 32 random bytes, base64url (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Pairing-code alphabet without look-alikes: no 0/O, 1/I/L, and no U (read as V). */
export const PAIRING_ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';
export const PAIRING_CODE_LENGTH = 8;

export function newPairingCode(): string {
  let code = '';
  for (let i = 0; i < PAIRING_CODE_LENGTH; i++) code += PAIRING_ALPHABET[randomInt(PAIRING_ALPHABET.length)];
  return code;
}

/** Uppercases and strips spaces and dashes ("abcd-efgh" → "ABCDEFGH"); null when malformed. */
export function normalizePairingCode(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== PAIRING_CODE_LENGTH) return null;
  for (const ch of code) if (!PAIRING_ALPHABET.includes(ch)) return null;
  return code;
}

/** "ABCDEFGH" → "ABCD-EFGH" for display. */
export function formatPairingCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** Short register id: "r" + 4 base-36 characters, e.g. "r1a2b". */
export function newRegisterId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let id = 'r';
  for (let i = 0; i < 4; i++) id += alphabet[randomInt(alphabet.length)];
  return id;
}

export type ParsedAuthorization =
  | { scheme: 'basic'; user: string; password: string }
  | { scheme: 'bearer'; token: string }
  | { scheme: 'invalid'; reason: string }
  | null;

export function parseAuthorization(header: string | undefined): ParsedAuthorization {
  if (header === undefined || header.trim() === '') return null;
  const m = /^(\S+)\s+(.+)$/.exec(header.trim());
  if (!m) return { scheme: 'invalid', reason: 'malformed Authorization header' };
  const scheme = m[1]!.toLowerCase();
  const value = m[2]!.trim();
  if (scheme === 'bearer') {
    if (!/^[A-Za-z0-9_-]{20,200}$/.test(value)) return { scheme: 'invalid', reason: 'malformed bearer token' };
    return { scheme: 'bearer', token: value };
  }
  if (scheme === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return { scheme: 'invalid', reason: 'malformed basic credentials' };
    return { scheme: 'basic', user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  return { scheme: 'invalid', reason: `unsupported authorization scheme "${m[1]}"` };
}
