/**
 * A hybrid logical clock (Kulkarni et al.): wall-clock milliseconds, a counter for events within the
 * same millisecond (or while the wall clock lags a stamp already seen), and the device that made the
 * stamp. Stamps are strings of fixed-width parts, "<13-digit ms>-<5-digit counter>-<device id>", so
 * that comparing two stamps is comparing the strings: time, then counter, then device id — the device
 * breaks ties, and two devices never make the same stamp.
 * A register's clock only has to move forward past every stamp it has seen (tick/receive); wall
 * clocks that disagree by minutes still give a total order, just not the "true" one.
 */

export interface Hlc {
  /** Milliseconds since the epoch (the larger of the wall clock and any stamp seen). */
  ms: number;
  /** Events within `ms`; fixed width, so it rolls over into the next millisecond. */
  counter: number;
  /** The device (register id) making stamps with this clock. */
  node: string;
}

const MS_WIDTH = 13;
const COUNTER_WIDTH = 5;
export const MAX_COUNTER = 10 ** COUNTER_WIDTH - 1;
const MAX_MS = 10 ** MS_WIDTH - 1;
/** Printable ASCII without spaces: register ids, and `~<rev>` for stamps derived from old documents. */
const NODE_PATTERN = /^[\x21-\x7e]{1,128}$/;
const STAMP_PATTERN = /^(\d{13})-(\d{5})-([\x21-\x7e]{1,128})$/;

export function isValidNode(node: unknown): node is string {
  return typeof node === 'string' && NODE_PATTERN.test(node);
}

/** Whether `x` is a well-formed stamp. */
export function isHlcStamp(x: unknown): x is string {
  return typeof x === 'string' && STAMP_PATTERN.test(x);
}

export function formatStamp(h: Hlc): string {
  if (!Number.isSafeInteger(h.ms) || h.ms < 0 || h.ms > MAX_MS) throw new RangeError(`hlc: ms out of range: ${h.ms}`);
  if (!Number.isSafeInteger(h.counter) || h.counter < 0 || h.counter > MAX_COUNTER) throw new RangeError(`hlc: counter out of range: ${h.counter}`);
  if (!isValidNode(h.node)) throw new RangeError(`hlc: a device id is 1–128 printable characters without spaces, got ${JSON.stringify(h.node)}`);
  return `${String(h.ms).padStart(MS_WIDTH, '0')}-${String(h.counter).padStart(COUNTER_WIDTH, '0')}-${h.node}`;
}

export function parseStamp(stamp: string): Hlc | null {
  const m = STAMP_PATTERN.exec(stamp);
  if (m === null) return null;
  return { ms: Number(m[1]), counter: Number(m[2]), node: m[3] as string };
}

/** Total order of stamps: time, then counter, then device id. */
export function compareStamps(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxStamp(stamps: Iterable<string>): string | undefined {
  let best: string | undefined;
  for (const s of stamps) if (best === undefined || s > best) best = s;
  return best;
}

/** A clock that has seen nothing yet. */
export function startClock(node: string): Hlc {
  return { ms: 0, counter: 0, node };
}

/** The counter is fixed width: once full, the clock moves on to the next millisecond. */
function normalise(ms: number, counter: number, node: string): Hlc {
  return counter > MAX_COUNTER ? { ms: ms + 1, counter: 0, node } : { ms, counter, node };
}

/** A local event (a write): the next clock, strictly after `clock`, never behind the wall clock. */
export function tick(clock: Hlc, nowMs: number): Hlc {
  const now = Math.max(0, Math.floor(nowMs));
  if (now > clock.ms) return { ms: now, counter: 0, node: clock.node };
  return normalise(clock.ms, clock.counter + 1, clock.node);
}

/** A stamp seen from elsewhere: the next clock is after both `clock` and `remote`. */
export function receive(clock: Hlc, remote: Hlc, nowMs: number): Hlc {
  const now = Math.max(0, Math.floor(nowMs));
  const ms = Math.max(clock.ms, remote.ms, now);
  if (ms === now && ms > clock.ms && ms > remote.ms) return { ms, counter: 0, node: clock.node };
  const counter = ms === clock.ms && ms === remote.ms ? Math.max(clock.counter, remote.counter)
    : ms === clock.ms ? clock.counter : remote.counter;
  return normalise(ms, counter + 1, clock.node);
}

/**
 * The stamp after every stamp in `seen`, made by `node` at `nowMs`: what a write that saw those
 * stamps (the document it edits) is stamped with. With nothing seen, it is a plain tick.
 */
export function stampAfter(seen: Iterable<string>, node: string, nowMs: number): string {
  const latest = maxStamp(seen);
  const parsed = latest === undefined ? null : parseStamp(latest);
  const clock = startClock(node);
  return formatStamp(parsed === null ? tick(clock, nowMs) : receive(clock, parsed, nowMs));
}
