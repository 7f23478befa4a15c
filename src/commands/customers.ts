/**
 * Customer profiles, created and edited offline: one document per profile (customer:<ulid>), an edit
 * is a new revision of it. A new profile whose email is already known is not written unless the
 * cashier says so ("create anyway"); it then shows up as a merge proposal, never as a silent
 * duplicate. A merge writes both profiles: the survivor with the merged fields, the other marked
 * mergedInto the survivor.
 */
import {
  buildCustomer,
  mergeCustomers as mergeProfiles,
  validateCustomerDraft,
  type CustomerDraft,
  type CustomerFields,
  type CustomerProblem,
} from '../domain/customer.ts';
import type { CustomerDoc } from '../domain/documents.ts';
import { stampWrite } from '../domain/field-clock.ts';
import { createUlid } from '../domain/ids.ts';
import { err, ok, type Result } from '../domain/result.ts';
import { customersWithEmail, getCustomer, type CustomerRow } from '../store/customer-queries.ts';
import { getPairing } from '../store/queries.ts';
import type { SyncPort } from '../store/sync-port.ts';
import { withDefaults, type CommandDeps } from './deps.ts';

const nextUlid = createUlid(
  () => Date.now(),
  (n) => crypto.getRandomValues(new Uint8Array(n)),
);

export type SaveCustomerRefusal =
  | { kind: 'invalid'; problems: CustomerProblem[] }
  /** Another profile has this email: show it, offer "use it" or "create anyway" (allowDuplicate). */
  | { kind: 'email_exists'; existing: CustomerDoc[] }
  | { kind: 'not_found'; id: string }
  | { kind: 'not_saved'; message: string };

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const isConflict = (e: unknown): boolean => typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'ConflictError';
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** This register's id: the device part of the field stamps its edits carry (ADR 0015). */
async function clockNode(): Promise<string> {
  return (await getPairing())?.registerId ?? 'unpaired';
}

/** A read-model row as a document: without the search tokens. */
function docOf(row: CustomerRow): CustomerDoc {
  const { nameTokens: _tokens, ...doc } = row;
  return doc;
}

/**
 * Commits a new revision of an existing profile, built from its latest known revision. The read
 * model can lag the replica by a moment after an earlier edit: on a conflict, wait for it and retry.
 */
type WriteFailure = { kind: 'not_found'; id: string } | { kind: 'not_saved'; message: string };

async function commitRevision(port: SyncPort, id: string, build: (current: CustomerDoc) => CustomerDoc): Promise<Result<CustomerDoc, WriteFailure>> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 8; attempt++) {
    const row = await getCustomer(id);
    if (!row) return err({ kind: 'not_found', id });
    const doc = build(docOf(row));
    try {
      const { rev } = await port.commit(doc);
      return ok({ ...doc, _rev: rev });
    } catch (e) {
      if (!isConflict(e)) return err({ kind: 'not_saved', message: messageOf(e) });
      lastError = e;
      await sleep(50 * (attempt + 1));
    }
  }
  return err({ kind: 'not_saved', message: messageOf(lastError) });
}

/** The fields a profile form edits. */
const FORM_FIELDS = ['name', 'email', 'phone', 'address', 'vatNumber', 'note'] as const;

/**
 * The form's fields laid over the latest revision: only those that differ from what the form was
 * opened on (`base`). A field another register changed meanwhile, and that this form left alone, keeps
 * the other register's value instead of the stale one the form still showed.
 */
function fieldsOverLatest(fields: CustomerFields, base: CustomerDoc | undefined, current: CustomerDoc): CustomerFields {
  if (base === undefined) return fields;
  const out: Record<string, unknown> = {};
  for (const key of FORM_FIELDS) {
    const edited = JSON.stringify(fields[key]) !== JSON.stringify(base[key]);
    const value = edited ? fields[key] : current[key];
    if (value !== undefined) out[key] = value;
  }
  return out as unknown as CustomerFields;
}

/**
 * Creates (no _id) or edits (with _id) a profile. `allowDuplicate` creates even when the email is
 * already used by another profile. `base`: the revision the edit form was opened on.
 */
export async function saveCustomer(
  draft: CustomerDraft,
  options: { allowDuplicate?: boolean; base?: CustomerDoc } = {},
  deps?: Partial<CommandDeps>,
): Promise<Result<CustomerDoc, SaveCustomerRefusal>> {
  const d = withDefaults(deps);
  const valid = validateCustomerDraft(draft);
  if (!valid.ok) return err({ kind: 'invalid', problems: valid.error });
  const fields = valid.value;
  const at = d.now().toISOString();
  const node = await clockNode();

  if (draft._id) {
    // An edit that gives the profile an email another one has is allowed: it becomes a proposal.
    return commitRevision(d.port(), draft._id, (current) => stampWrite(buildCustomer(fieldsOverLatest(fields, options.base, current), at, current), current, node, Date.parse(at)));
  }
  if (fields.email && !options.allowDuplicate) {
    const existing = await customersWithEmail(fields.email);
    if (existing.length > 0) return err({ kind: 'email_exists', existing: existing.map(docOf) });
  }
  const doc = stampWrite(buildCustomer(fields, at, nextUlid()), undefined, node, Date.parse(at));
  try {
    const { rev } = await d.port().commit(doc);
    return ok({ ...doc, _rev: rev });
  } catch (e) {
    return err({ kind: 'not_saved', message: messageOf(e) });
  }
}

export type MergeCustomersRefusal =
  | { kind: 'not_found'; id: string }
  | { kind: 'same_profile' | 'already_merged' }
  | { kind: 'not_saved'; message: string };

/** Merges `absorbId` into `keepId` (the survivor keeps its id and gets the merged fields). */
export async function mergeCustomers(keepId: string, absorbId: string, deps?: Partial<CommandDeps>): Promise<Result<CustomerDoc, MergeCustomersRefusal>> {
  const d = withDefaults(deps);
  const [keepRow, absorbRow] = await Promise.all([getCustomer(keepId), getCustomer(absorbId)]);
  if (!keepRow) return err({ kind: 'not_found', id: keepId });
  if (!absorbRow) return err({ kind: 'not_found', id: absorbId });
  const at = d.now().toISOString();
  const merged = mergeProfiles(docOf(keepRow), docOf(absorbRow), at);
  if (!merged.ok) return err({ kind: merged.error });
  const port = d.port();
  const node = await clockNode();
  const nowMs = Date.parse(at);
  // The survivor first: if the second write fails, the proposal is still there to finish the merge.
  const kept = await commitRevision(port, keepId, (current) => {
    const again = mergeProfiles(current, docOf(absorbRow), at);
    return again.ok ? stampWrite(again.value.kept, current, node, nowMs) : current;
  });
  if (!kept.ok) return kept;
  const absorbed = await commitRevision(port, absorbId, (current) => stampWrite({ ...current, mergedInto: keepId, updatedAt: at }, current, node, nowMs));
  return absorbed.ok ? ok(kept.value) : absorbed;
}
