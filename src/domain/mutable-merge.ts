/**
 * The deterministic merge of conflicting revisions of one mutable document (a customer profile, a
 * product): field by field, the value from the revision whose stamp for that field is latest
 * (field-clock.ts). Every register, and the server, computes the same document from the same
 * revisions, whatever order it reads them in.
 *
 * Why it is order-free, idempotent and associative: each field is a maximum over (stamp, value) —
 * the value only decides between equal stamps, which valid data never has — and the result writes
 * every winning stamp down (those equal to the base stamp implicitly), including the stamps of
 * fields that ended up cleared. Merging a merge with a third revision is merging all three.
 */
import { canonicalJson } from './journal.ts';
import { BASE_STAMP, baseStamp, fieldStamp, isMergedField, latestStamp, type MutableDoc } from './field-clock.ts';
import { maxStamp } from './hlc.ts';

interface Candidate {
  stamp: string;
  /** Absent fields sort below any value: '' against '1…'. */
  key: string;
  value: unknown;
}

const valueKey = (v: unknown): string => (v === undefined ? '' : `1${canonicalJson(v)}`);

function better(a: Candidate, b: Candidate | null): boolean {
  if (b === null) return true;
  if (a.stamp !== b.stamp) return a.stamp > b.stamp;
  return a.key > b.key;
}

const copy = <V>(v: V): V => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as V));

/** updatedAt is an ISO date: the latest instant wins, the text breaks ties between two spellings of one. */
function laterDate(a: string, b: string): string {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (ta !== tb) return ta > tb ? a : b;
  return a > b ? a : b;
}

/** Who made the latest write among the revisions (a product's updatedBy, checked by the server). */
function latestAuthor(revisions: readonly MutableDoc[]): string | undefined {
  let best: { stamp: string; by: string } | null = null;
  for (const r of revisions) {
    const by = (r as { updatedBy?: unknown }).updatedBy;
    const stamp = latestStamp(r);
    const key = typeof by === 'string' ? by : '';
    if (best === null || stamp > best.stamp || (stamp === best.stamp && key > best.by)) best = { stamp, by: key };
  }
  return best === null || best.by === '' ? undefined : best.by;
}

/**
 * Merges revisions of one document (same _id and type, already validated). The result has no _rev:
 * it becomes a new revision. Throws when given nothing or revisions of different documents.
 */
export function mergeRevisions<T extends MutableDoc>(revisions: readonly T[]): T {
  const first = revisions[0];
  if (first === undefined) throw new Error('mergeRevisions: nothing to merge');
  for (const r of revisions) {
    if (r._id !== first._id || r.type !== first.type) throw new Error(`mergeRevisions: ${r._id} is not a revision of ${first._id}`);
  }
  const base = maxStamp(revisions.map(baseStamp)) as string;
  const fields = new Set<string>();
  for (const r of revisions) {
    for (const k of Object.keys(r)) if (isMergedField(k)) fields.add(k);
    for (const k of Object.keys(r.clock ?? {})) if (k !== BASE_STAMP && isMergedField(k)) fields.add(k);
  }

  const merged: Record<string, unknown> = { _id: first._id };
  const clock: Record<string, string> = { [BASE_STAMP]: base };
  for (const field of [...fields].sort()) {
    let best: Candidate | null = null;
    for (const r of revisions) {
      const value = Object.hasOwn(r, field) ? (r as unknown as Record<string, unknown>)[field] : undefined;
      const candidate: Candidate = { stamp: fieldStamp(r, field), key: valueKey(value), value };
      if (better(candidate, best)) best = candidate;
    }
    if (best === null) continue;
    if (best.value !== undefined) merged[field] = copy(best.value);
    if (best.stamp !== base) clock[field] = best.stamp;
  }
  merged['updatedAt'] = revisions.map((r) => r.updatedAt).reduce(laterDate);
  const by = latestAuthor(revisions);
  if (by !== undefined) merged['updatedBy'] = by;
  merged['clock'] = clock;
  return merged as unknown as T;
}
