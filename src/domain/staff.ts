/**
 * Staff PINs. A register verifies a PIN offline against the staff document replicated into its store
 * database, so the document carries a slow salted hash, never the PIN: PBKDF2-SHA256 through the
 * standard WebCrypto `crypto.subtle` (browsers and Node 20 alike), a random 16-byte salt per staff
 * member, ≥ 100,000 iterations, and a constant-time comparison of the derived bits.
 * docs/adr/0008-staff-pins-and-journal.md says why replicating these hashes is acceptable.
 */
import type { StaffDoc } from './register-documents.ts';

export type PinHash = StaffDoc['pin'];

/** Default work factor; a stored hash keeps its own count, so raising it later needs no migration. */
export const PIN_ITERATIONS = 120_000;
export const MIN_PIN_ITERATIONS = 100_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;

/** Why a PIN cannot be used (4 to 8 digits), or null when it can. */
export function pinProblem(pin: unknown): string | null {
  if (typeof pin !== 'string') return 'the PIN must be 4 to 8 digits';
  if (!/^\d*$/.test(pin)) return 'the PIN must contain digits only';
  if (pin.length < 4) return 'the PIN is too short: 4 to 8 digits';
  if (pin.length > 8) return 'the PIN is too long: 4 to 8 digits';
  return null;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    out += B64.charAt((n >> 18) & 63) + B64.charAt((n >> 12) & 63);
    out += i + 1 < bytes.length ? B64.charAt((n >> 6) & 63) : '=';
    out += i + 2 < bytes.length ? B64.charAt(n & 63) : '=';
  }
  return out;
}

export function fromBase64(text: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) throw new RangeError('Not base64');
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 6) / 8));
  let acc = 0;
  let bits = 0;
  let j = 0;
  for (const ch of clean) {
    acc = ((acc << 6) | B64.indexOf(ch)) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, HASH_BITS);
  return new Uint8Array(bits);
}

/** Same length and same bytes, in a time that does not depend on where they first differ. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/**
 * The stored form of a PIN. `salt` (bytes or base64) and `iterations` are for tests and for re-hashing
 * with known parameters; a new PIN gets a fresh random salt. Throws on a PIN that pinProblem refuses.
 */
export async function hashPin(pin: string, salt?: Uint8Array | string, iterations: number = PIN_ITERATIONS): Promise<PinHash> {
  const problem = pinProblem(pin);
  if (problem !== null) throw new RangeError(problem);
  if (!Number.isSafeInteger(iterations) || iterations < MIN_PIN_ITERATIONS) {
    throw new RangeError(`PIN hashing needs at least ${MIN_PIN_ITERATIONS} iterations, got ${iterations}`);
  }
  const saltBytes = salt === undefined
    ? crypto.getRandomValues(new Uint8Array(SALT_BYTES))
    : typeof salt === 'string' ? fromBase64(salt) : salt;
  if (saltBytes.length < SALT_BYTES) throw new RangeError(`A PIN salt is at least ${SALT_BYTES} bytes`);
  const hash = await derive(pin, saltBytes, iterations);
  return { algorithm: 'PBKDF2-SHA256', iterations, salt: toBase64(saltBytes), hash: toBase64(hash) };
}

/** Whether `pin` matches the stored hash. A malformed PIN or stored hash never matches. */
export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  if (pinProblem(pin) !== null) return false;
  if (stored.algorithm !== 'PBKDF2-SHA256' || !Number.isSafeInteger(stored.iterations) || stored.iterations < 1) return false;
  let salt: Uint8Array;
  let expected: Uint8Array;
  try {
    salt = fromBase64(stored.salt);
    expected = fromBase64(stored.hash);
  } catch {
    return false;
  }
  const actual = await derive(pin, salt, stored.iterations);
  return constantTimeEqual(actual, expected);
}
