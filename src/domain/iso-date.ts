/**
 * ISO 8601 date-times as stored in documents. Stricter than Date.parse, which accepts "2024-02-30"
 * (as 1 March) and locale-dependent forms; a timestamp that replicates must mean the same everywhere.
 */
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A full date and time with an explicit offset ("Z" or "+02:00"): local times without offset are refused. */
export function isIsoDateTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE_TIME.exec(value);
  if (!m) return false;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, offH = 0, offM = 0] = m.slice(1).map((p) => (p === undefined ? 0 : Number(p)));
  return (
    month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) &&
    hour <= 23 && minute <= 59 && second <= 59 && offH <= 23 && offM <= 59
  );
}

/** Milliseconds since the epoch; compare instants with this, never the strings (offsets differ). */
export function isoToEpochMs(value: string): number {
  return Date.parse(value);
}
