import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createUlid, customerId, isUlid, stockMovementId, ulidTime } from '../../../src/domain/ids.ts';

function seededRandom(seed: number): (n: number) => Uint8Array {
  let s = seed >>> 0 || 1;
  return (n) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      out[i] = s & 0xff;
    }
    return out;
  };
}

describe('createUlid', () => {
  it('encodes the time in the first 10 Crockford characters', () => {
    const ulid = createUlid(() => 1_469_918_176_385, () => new Uint8Array(10))();
    expect(ulid).toBe('01ARYZ6S41' + '0'.repeat(16));
    expect(isUlid(ulid)).toBe(true);
    expect(ulidTime(ulid)).toBe(1_469_918_176_385);
  });

  it('uses the whole 80-bit random part', () => {
    expect(createUlid(() => 0, () => new Uint8Array(10).fill(0xff))()).toBe('0000000000' + 'Z'.repeat(16));
  });

  it('increments within a millisecond and when the clock steps back, and survives random overflow', () => {
    const times = [5, 5, 3, 6];
    const next = createUlid(() => times.shift() ?? 6, () => new Uint8Array(10).fill(0xff));
    const a = next();
    const b = next(); // same ms, random part full: borrows ms 6
    const c = next(); // clock stepped back
    const d = next();
    expect([a, b, c, d]).toEqual([...[a, b, c, d]].sort());
    expect(new Set([a, b, c, d]).size).toBe(4);
    expect(ulidTime(b)).toBe(6);
  });

  it('refuses a clock value a ULID cannot hold and a short random source', () => {
    expect(() => createUlid(() => -1, seededRandom(1))()).toThrow(RangeError);
    expect(() => createUlid(() => 2 ** 48, seededRandom(1))()).toThrow(RangeError);
    expect(() => createUlid(() => 1, () => new Uint8Array(4))()).toThrow(RangeError);
  });

  it('sorts by time across a non-decreasing clock, and a burst is unique and strictly increasing', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 300 }), fc.integer(), (steps, seed) => {
        let t = 1_700_000_000_000;
        const clock = steps.map((s) => (t += s));
        let i = 0;
        const next = createUlid(() => clock[i++] ?? t, seededRandom(seed));
        const ids = clock.map(() => next());
        for (let k = 1; k < ids.length; k++) expect((ids[k - 1] as string) < (ids[k] as string)).toBe(true);
        for (const [k, id] of ids.entries()) expect(ulidTime(id)).toBe(clock[k]);
      }),
    );
  });

  it('two registers with different random sources never collide in the same millisecond', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1 }), fc.integer({ min: 1 }), (s1, s2) => {
        fc.pre(s1 !== s2);
        const a = createUlid(() => 42, seededRandom(s1));
        const b = createUlid(() => 42, seededRandom(s2));
        const ids = new Set<string>();
        for (let k = 0; k < 50; k++) ids.add(a()).add(b());
        expect(ids.size).toBe(100);
      }),
    );
  });
});

describe('prefixed ids', () => {
  const ulid = '01ARYZ6S41TSV4RRFFQ69G5FAV';
  it('builds movement and customer ids from a valid ULID only', () => {
    expect(stockMovementId('r1', ulid)).toBe(`stock:r1:${ulid}`);
    expect(stockMovementId('server', ulid)).toBe(`stock:server:${ulid}`);
    expect(customerId(ulid)).toBe(`customer:${ulid}`);
    expect(() => customerId('01ARYZ6S41TSV4RRFFQ69G5FAU0')).toThrow(RangeError);
    expect(() => customerId('01ARYZ6S41TSV4RRFFQ69G5FAI')).toThrow(RangeError); // I is not Crockford
    expect(() => stockMovementId('r:1', ulid)).toThrow(RangeError);
  });
});
