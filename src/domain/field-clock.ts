/**
 * Field clocks on the few mutable documents (customer profiles, products): `clock[field]` is the
 * hybrid-logical-clock stamp of the write that last set (or cleared) that field, and `clock['*']`
 * the stamp every other field counts as written at. Two conflicting revisions are then merged field
 * by field, latest stamp wins (mutable-merge.ts).
 * Documents written before field clocks existed have none: each of their fields counts as written at
 * the revision's updatedAt, with the revision id as the "device" — so they merge deterministically
 * too, and the whole later revision wins, as a plain "latest edit wins" would have it.
 */
import type { CustomerDoc, ProductDoc } from './documents.ts';
import { formatStamp, maxStamp, stampAfter } from './hlc.ts';

/** A mutable document as it may arrive: a product may also name who changed it last. */
export type MutableDoc = CustomerDoc | (ProductDoc & { updatedBy?: string });

/** The key of `clock` holding the stamp of every field without one of its own. */
export const BASE_STAMP = '*';

/** Properties that are about the revision, not fields of the profile or product. */
export function isMergedField(key: string): boolean {
  return !key.startsWith('_') && key !== 'clock' && key !== 'updatedAt' && key !== 'updatedBy';
}

/** What an unstamped field of an old revision counts as: its updatedAt, its revision id breaking ties. */
export function legacyStamp(updatedAt: string, rev: string | undefined): string {
  const ms = Date.parse(updatedAt);
  return formatStamp({ ms: Number.isFinite(ms) && ms >= 0 ? ms : 0, counter: 0, node: `~${rev ?? ''}` });
}

/** The stamp of every field that has none of its own. */
export function baseStamp(doc: Pick<MutableDoc, 'clock' | 'updatedAt' | '_rev'>): string {
  return doc.clock?.[BASE_STAMP] ?? legacyStamp(doc.updatedAt, doc._rev);
}

/** The stamp of the write that last set `field` in this revision. */
export function fieldStamp(doc: Pick<MutableDoc, 'clock' | 'updatedAt' | '_rev'>, field: string): string {
  return doc.clock?.[field] ?? baseStamp(doc);
}

/** The latest write this revision holds. */
export function latestStamp(doc: Pick<MutableDoc, 'clock' | 'updatedAt' | '_rev'>): string {
  return maxStamp([baseStamp(doc), ...Object.values(doc.clock ?? {})]) as string;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The fields whose value differs between two revisions (a field added or removed counts). */
export function changedMergedFields(before: object, after: object): string[] {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const keys = new Set([...Object.keys(b), ...Object.keys(a)].filter(isMergedField));
  return [...keys].filter((k) => !same(b[k], a[k])).sort();
}

/**
 * Stamps a write: `next` is the new revision built from `previous` (absent: a creation). Every field
 * it changes gets one new stamp, after every stamp `previous` holds and made by `node` (this
 * register) at `nowMs`; the other fields keep theirs, the old revision's implicit ones written down
 * so that they do not turn into this write's (a later updatedAt must not make old values newer).
 */
export function stampWrite<T extends MutableDoc>(next: T, previous: MutableDoc | undefined, node: string, nowMs: number): T {
  if (previous === undefined) {
    return { ...next, clock: { [BASE_STAMP]: stampAfter([], node, nowMs) } };
  }
  const clock: Record<string, string> = { ...previous.clock, [BASE_STAMP]: baseStamp(previous) };
  const changed = changedMergedFields(previous, next);
  if (changed.length > 0) {
    const stamp = stampAfter(Object.values(clock), node, nowMs);
    for (const field of changed) clock[field] = stamp;
  }
  return { ...next, clock };
}
