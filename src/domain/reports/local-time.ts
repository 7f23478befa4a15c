/**
 * The shop's calendar: which local day and hour an instant falls in, in a named time zone (IANA,
 * "Europe/Paris"). Reports bucket by it, so a sale rung up at 00:30 in Paris is on the day the
 * cashier lived, whatever offset its createdAt was written with. Pure: Intl only, no clock.
 *
 * Intl is asked for the zone's offset about twice per hour of the period, not once per sale: 100,000
 * sales of a year cost some 17,000 Intl calls, then arithmetic.
 */

export interface LocalSlot {
  /** Local calendar day, "YYYY-MM-DD". */
  day: string;
  /** Local hour, 0..23. */
  hour: number;
}

export type LocalClock = (epochMs: number) => LocalSlot;

const MINUTE_MS = 60_000;
const CACHE_LIMIT = 200_000;

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** "YYYY-MM-DD" of a day number (days since 1970-01-01), without a Date (Hinnant's civil_from_days). */
function civilDay(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The local day and hour of instants in `timeZone` (an unknown zone falls back to UTC). The zone's
 * offset is asked of Intl at most twice per UTC hour (its start and end): when both agree, every
 * instant of that hour is the offset plus arithmetic; an hour with a change of offset inside (a DST
 * switch) is answered minute by minute.
 */
export function localClock(timeZone: string): LocalClock {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone: isValidTimeZone(timeZone) ? timeZone : 'UTC',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  /** Local wall time minus UTC at `ms`, in ms (whole seconds). */
  const offsetAt = (ms: number): number => {
    const p: Record<string, number> = {};
    for (const part of fmt.formatToParts(ms)) if (part.type !== 'literal') p[part.type] = Number(part.value);
    const wall = Date.UTC(p['year'] ?? 1970, (p['month'] ?? 1) - 1, p['day'] ?? 1, (p['hour'] ?? 0) % 24, p['minute'] ?? 0, p['second'] ?? 0);
    return wall - (ms - (((ms % 1000) + 1000) % 1000));
  };
  const dayNames = new Map<number, string>();
  const slotOfLocal = (local: number): LocalSlot => {
    const dayNo = Math.floor(local / DAY_MS);
    let day = dayNames.get(dayNo);
    if (day === undefined) {
      day = civilDay(dayNo);
      dayNames.set(dayNo, day);
    }
    return { day, hour: Math.floor((local - dayNo * DAY_MS) / HOUR_MS) };
  };
  /** Per UTC hour: its offset when constant through the hour, else null (ask per minute). */
  const hourOffsets = new Map<number, number | null>();
  const minutes = new Map<number, LocalSlot>();
  return (epochMs) => {
    const hourNo = Math.floor(epochMs / HOUR_MS);
    let offset = hourOffsets.get(hourNo);
    if (offset === undefined) {
      const first = offsetAt(hourNo * HOUR_MS);
      const last = offsetAt(hourNo * HOUR_MS + HOUR_MS - 1);
      offset = first === last ? first : null;
      if (hourOffsets.size >= CACHE_LIMIT) hourOffsets.clear();
      hourOffsets.set(hourNo, offset);
    }
    if (offset !== null) return slotOfLocal(epochMs + offset);
    const minute = Math.floor(epochMs / MINUTE_MS);
    let slot = minutes.get(minute);
    if (slot === undefined) {
      slot = slotOfLocal(minute * MINUTE_MS + offsetAt(minute * MINUTE_MS));
      if (minutes.size >= CACHE_LIMIT) minutes.clear();
      minutes.set(minute, slot);
    }
    return slot;
  };
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days from `first` to `last` inclusive ("YYYY-MM-DD"), at most `limit` of them; [] when last < first. */
export function daysBetween(first: string, last: string, limit = 1_100): string[] {
  const a = DAY.exec(first);
  const b = DAY.exec(last);
  if (a === null || b === null) return [];
  const start = Date.UTC(Number(a[1]), Number(a[2]) - 1, Number(a[3]));
  const end = Date.UTC(Number(b[1]), Number(b[2]) - 1, Number(b[3]));
  const out: string[] = [];
  for (let t = start; t <= end && out.length < limit; t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/**
 * The instant a local day starts in `timeZone` ("2026-03-29" in Paris → "2026-03-28T23:00:00.000Z").
 * Found by correcting a UTC guess with the zone's offset twice (enough across a DST change).
 */
export function startOfLocalDay(day: string, timeZone: string): string | null {
  const m = DAY.exec(day);
  if (m === null) return null;
  const target = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone: isValidTimeZone(timeZone) ? timeZone : 'UTC',
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  });
  const asUtc = (ms: number): number => {
    const p: Record<string, number> = {};
    for (const part of fmt.formatToParts(ms)) if (part.type !== 'literal') p[part.type] = Number(part.value);
    return Date.UTC(p['year'] ?? 0, (p['month'] ?? 1) - 1, p['day'] ?? 1, (p['hour'] ?? 0) % 24, p['minute'] ?? 0, p['second'] ?? 0);
  };
  let guess = target;
  for (let i = 0; i < 3; i += 1) {
    const offset = asUtc(guess) - guess;
    const next = target - offset;
    if (next === guess) break;
    guess = next;
  }
  return new Date(guess).toISOString();
}

/**
 * The instants of local days `firstDay` to `lastDay` inclusive in `timeZone`: [start of firstDay,
 * start of the day after lastDay). Null when a day is malformed or lastDay is before firstDay.
 */
export function localDaysRange(firstDay: string, lastDay: string, timeZone: string): { from: string; until: string } | null {
  const m = DAY.exec(lastDay);
  if (m === null || !DAY.test(firstDay) || lastDay < firstDay) return null;
  const dayAfter = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1)).toISOString().slice(0, 10);
  const from = startOfLocalDay(firstDay, timeZone);
  const until = startOfLocalDay(dayAfter, timeZone);
  return from === null || until === null ? null : { from, until };
}
