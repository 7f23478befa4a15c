import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareStamps, formatStamp, isHlcStamp, MAX_COUNTER, parseStamp, receive, stampAfter, startClock, tick, type Hlc,
} from '../../../src/domain/hlc.ts';

const T0 = Date.UTC(2026, 2, 1);
const node = fc.stringMatching(/^[A-Za-z0-9_.-]{1,12}$/);
const hlc: fc.Arbitrary<Hlc> = fc.record({
  ms: fc.integer({ min: T0, max: T0 + 10_000 }),
  counter: fc.integer({ min: 0, max: MAX_COUNTER }),
  node,
});
/** Wall clocks that wander: forwards, backwards, standing still. */
const wallClock = fc.array(fc.integer({ min: T0 - 5_000, max: T0 + 20_000 }), { minLength: 1, maxLength: 40 });
const sign = (n: number): number => Math.sign(n);

describe('hybrid logical clock stamps', () => {
  it('format and parse round-trip, and stamps compare as the clocks they encode', () => {
    fc.assert(
      fc.property(hlc, hlc, (a, b) => {
        const sa = formatStamp(a);
        expect(isHlcStamp(sa)).toBe(true);
        expect(parseStamp(sa)).toEqual(a);
        const byParts = a.ms !== b.ms ? a.ms - b.ms : a.counter !== b.counter ? a.counter - b.counter : a.node < b.node ? -1 : a.node > b.node ? 1 : 0;
        expect(sign(compareStamps(sa, formatStamp(b)))).toBe(sign(byParts));
      }),
    );
  });

  it('is a total order: antisymmetric, transitive, equal only for the same clock', () => {
    fc.assert(
      fc.property(hlc, hlc, hlc, (a, b, c) => {
        const [sa, sb, sc] = [a, b, c].map(formatStamp) as [string, string, string];
        expect(sign(compareStamps(sa, sb))).toBe(-sign(compareStamps(sb, sa)));
        if (compareStamps(sa, sb) <= 0 && compareStamps(sb, sc) <= 0) expect(compareStamps(sa, sc)).toBeLessThanOrEqual(0);
        if (compareStamps(sa, sb) === 0) expect(a).toEqual(b);
      }),
    );
  });

  it('breaks ties by device id: two registers writing in the same millisecond never make equal stamps', () => {
    fc.assert(
      fc.property(fc.integer({ min: T0, max: T0 + 1000 }), fc.integer({ min: 0, max: 99 }), node, node, (ms, counter, n1, n2) => {
        fc.pre(n1 !== n2);
        const s1 = formatStamp({ ms, counter, node: n1 });
        const s2 = formatStamp({ ms, counter, node: n2 });
        expect(s1).not.toBe(s2);
        expect(sign(compareStamps(s1, s2))).toBe(n1 < n2 ? -1 : 1);
      }),
    );
  });

  it('tick is strictly monotonic whatever the wall clock does, and never behind it', () => {
    fc.assert(
      fc.property(node, wallClock, (n, walls) => {
        let clock = startClock(n);
        let previous = '';
        for (const now of walls) {
          clock = tick(clock, now);
          const s = formatStamp(clock);
          expect(s > previous).toBe(true);
          expect(clock.ms).toBeGreaterThanOrEqual(now);
          previous = s;
        }
      }),
    );
  });

  it('receive moves past both clocks (causality), staying monotonic', () => {
    fc.assert(
      fc.property(hlc, hlc, fc.integer({ min: T0 - 5_000, max: T0 + 20_000 }), (local, remote, now) => {
        const next = receive(local, remote, now);
        const s = formatStamp(next);
        expect(next.node).toBe(local.node);
        expect(s > formatStamp(local)).toBe(true);
        expect(formatStamp({ ...next, node: remote.node }) > formatStamp(remote)).toBe(true);
        expect(next.ms).toBeGreaterThanOrEqual(now);
      }),
    );
  });

  it('stampAfter is after every stamp seen, by the writing register', () => {
    fc.assert(
      fc.property(fc.array(hlc, { maxLength: 6 }), node, fc.integer({ min: T0 - 5_000, max: T0 + 20_000 }), (seen, n, now) => {
        const stamps = seen.map(formatStamp);
        const s = stampAfter(stamps, n, now);
        expect(parseStamp(s)?.node).toBe(n);
        for (const other of stamps) expect(s > other).toBe(true);
      }),
    );
  });

  it('rolls a full counter over into the next millisecond, keeping stamps fixed-width', () => {
    const full = { ms: T0, counter: MAX_COUNTER, node: 'R1' };
    expect(tick(full, T0)).toEqual({ ms: T0 + 1, counter: 0, node: 'R1' });
    expect(formatStamp({ ms: T0, counter: 7, node: 'R1' })).toBe(`${T0}-00007-R1`);
  });

  it('refuses what is not a stamp', () => {
    for (const bad of ['', '1-2-3', `${T0}-1-R1`, `${T0}-00001-`, `${T0}-00001-a b`, `0${T0}-00001-R1`, 42, null]) expect(isHlcStamp(bad)).toBe(false);
    expect(() => formatStamp({ ms: T0, counter: 0, node: 'has space' })).toThrow(/device id/);
  });
});
