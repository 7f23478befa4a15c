import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pbkdf2Sync } from 'node:crypto';
import {
  constantTimeEqual, fromBase64, hashPin, MIN_PIN_ITERATIONS, PIN_ITERATIONS, pinProblem, toBase64, verifyPin,
} from '../../../src/domain/staff.ts';

const SALT = new Uint8Array(16).map((_v, i) => i + 1);

describe('pinProblem', () => {
  it.each([
    ['1234', null],
    ['12345678', null],
    ['123', 'the PIN is too short: 4 to 8 digits'],
    ['123456789', 'the PIN is too long: 4 to 8 digits'],
    ['12a4', 'the PIN must contain digits only'],
    [' 1234', 'the PIN must contain digits only'],
    ['', 'the PIN is too short: 4 to 8 digits'],
  ])('%j → %s', (pin, problem) => {
    expect(pinProblem(pin)).toBe(problem);
  });
  it('refuses what is not a string', () => {
    expect(pinProblem(1234)).toBe('the PIN must be 4 to 8 digits');
  });
});

describe('base64', () => {
  it('round-trips any bytes and matches the standard encoding', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
      const text = toBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect([...fromBase64(text)]).toEqual([...bytes]);
    }));
  });
});

describe('hashPin / verifyPin', () => {
  it('derives PBKDF2-SHA256 with the stored salt and iterations (as Node computes it)', async () => {
    const stored = await hashPin('1234', SALT, MIN_PIN_ITERATIONS);
    const expected = pbkdf2Sync('1234', SALT, MIN_PIN_ITERATIONS, 32, 'sha256').toString('base64');
    expect(stored).toEqual({ algorithm: 'PBKDF2-SHA256', iterations: MIN_PIN_ITERATIONS, salt: Buffer.from(SALT).toString('base64'), hash: expected });
  });

  it('uses a fresh 16-byte salt and at least 100,000 iterations by default', async () => {
    const [a, b] = await Promise.all([hashPin('9876'), hashPin('9876')]);
    expect(a.iterations).toBe(PIN_ITERATIONS);
    expect(PIN_ITERATIONS).toBeGreaterThanOrEqual(100_000);
    expect(fromBase64(a.salt)).toHaveLength(16);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(JSON.stringify(a)).not.toContain('9876');
  });

  it('accepts the right PIN and refuses any other', async () => {
    const stored = await hashPin('1234', SALT, MIN_PIN_ITERATIONS);
    expect(await verifyPin('1234', stored)).toBe(true);
    for (const wrong of ['1235', '4321', '12345', '0000', '123', 'abcd']) expect(await verifyPin(wrong, stored)).toBe(false);
  });

  it('refuses against a tampered or malformed stored hash', async () => {
    const stored = await hashPin('1234', SALT, MIN_PIN_ITERATIONS);
    const bytes = fromBase64(stored.hash);
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    expect(await verifyPin('1234', { ...stored, hash: toBase64(bytes) })).toBe(false);
    expect(await verifyPin('1234', { ...stored, hash: 'not base64!' })).toBe(false);
    expect(await verifyPin('1234', { ...stored, iterations: stored.iterations + 1 })).toBe(false);
    expect(await verifyPin('1234', { ...stored, algorithm: 'MD5' as 'PBKDF2-SHA256' })).toBe(false);
  });

  it('refuses to hash a malformed PIN, a short salt or too few iterations', async () => {
    await expect(hashPin('12')).rejects.toThrow(/too short/);
    await expect(hashPin('1234', new Uint8Array(8))).rejects.toThrow(/salt/);
    await expect(hashPin('1234', SALT, 1000)).rejects.toThrow(/100000 iterations/);
  });
});

describe('constantTimeEqual', () => {
  it('agrees with plain equality', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 8 }), fc.uint8Array({ maxLength: 8 }), (a, b) => {
      expect(constantTimeEqual(a, b)).toBe(Buffer.from(a).equals(Buffer.from(b)));
      expect(constantTimeEqual(a, a.slice())).toBe(true);
    }));
  });
});
