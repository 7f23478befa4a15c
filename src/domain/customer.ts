/**
 * Customer profiles: how contact details are normalised (so that one person is one email, one phone),
 * how a profile is searched (name, email, phone), and how duplicates are handled. Two profiles with the
 * same email are never silently merged nor silently kept apart: they become a merge proposal, and a
 * merge keeps one profile (field-wise, non-empty wins, latest write breaks ties) and marks the other
 * as absorbed (`mergedInto`), so that sales attached to either still resolve to one person.
 */
import { nameTokens } from './catalog.ts';
import type { CustomerDoc } from './documents.ts';
import { customerId } from './ids.ts';
import { err, ok } from './result.ts';
import type { Result } from './result.ts';

/** Trimmed, lowercase; '' for nothing. Idempotent. */
export function normaliseEmail(email: string | undefined | null): string {
  return (email ?? '').trim().toLowerCase();
}

const EMAIL_RE = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export function isValidEmail(email: string): boolean {
  return EMAIL_RE.test(email);
}

/**
 * Phone numbers to E.164 where the form says which country it is: French national numbers
 * ("06 12 34 56 78", "01.23.45.67.89") become "+33612345678"; "0033…" and "+33 (0)6…" too; any
 * other "+…" or "00…" number keeps its country code. What cannot be read as a number is returned
 * trimmed (validation refuses it). Idempotent.
 */
export function normalisePhone(phone: string | undefined | null): string {
  const raw = (phone ?? '').trim();
  if (raw === '') return '';
  if (!/^[+\d\s().\-/]+$/.test(raw)) return raw;
  let digits = raw.replace(/\(0\)/g, '').replace(/[^\d+]/g, '');
  if (digits.indexOf('+', 1) !== -1) return raw;
  if (digits.startsWith('00')) digits = '+' + digits.slice(2);
  digits = digits.replace(/^\+330+/, '+33');
  if (/^0[1-9]\d{8}$/.test(digits)) return '+33' + digits.slice(1);
  return digits;
}

const E164_RE = /^\+[1-9]\d{6,14}$/;

export function isValidPhone(phone: string): boolean {
  return E164_RE.test(phone);
}

/** The national form of a French E.164 number ("+33612345678" → "0612345678"), for display and search. */
export function frenchNationalForm(phone: string): string | null {
  return /^\+33[1-9]\d{8}$/.test(phone) ? '0' + phone.slice(3) : null;
}

/** "+33612345678" → "06 12 34 56 78"; other numbers as stored. */
export function formatPhone(phone: string | undefined): string {
  if (!phone) return '';
  const national = frenchNationalForm(phone);
  return national ? national.replace(/(\d{2})(?=\d)/g, '$1 ') : phone;
}

export interface CustomerDraft {
  /** Present when editing an existing profile. */
  _id?: string;
  name: string;
  email?: string;
  phone?: string;
  address?: string[];
  vatNumber?: string;
  note?: string;
}

export type CustomerProblem = 'name_required' | 'email_invalid' | 'phone_invalid';

/** The fields a profile stores, normalised; empty optional fields are left out. */
export type CustomerFields = Omit<CustomerDraft, '_id'>;

/** Normalises and validates a draft; every problem is reported at once (one per field). */
export function validateCustomerDraft(draft: CustomerDraft): Result<CustomerFields, CustomerProblem[]> {
  const problems: CustomerProblem[] = [];
  const name = draft.name.trim().replace(/\s+/g, ' ');
  const email = normaliseEmail(draft.email);
  const phone = normalisePhone(draft.phone);
  if (name === '') problems.push('name_required');
  if (email !== '' && !isValidEmail(email)) problems.push('email_invalid');
  if (phone !== '' && !isValidPhone(phone)) problems.push('phone_invalid');
  if (problems.length > 0) return err(problems);
  const address = (draft.address ?? []).map((l) => l.trim()).filter((l) => l !== '');
  const vatNumber = (draft.vatNumber ?? '').replace(/\s+/g, '').toUpperCase();
  const note = (draft.note ?? '').trim();
  return ok({
    name,
    ...(email ? { email } : {}),
    ...(phone ? { phone } : {}),
    ...(address.length > 0 ? { address } : {}),
    ...(vatNumber ? { vatNumber } : {}),
    ...(note ? { note } : {}),
  });
}

/** A new profile, or a new revision of `existing` with the draft's fields (absent fields are cleared). */
export function buildCustomer(fields: CustomerFields, at: string, ulidOrExisting: string | CustomerDoc): CustomerDoc {
  if (typeof ulidOrExisting === 'string') {
    return { _id: customerId(ulidOrExisting), type: 'customer', ...fields, updatedAt: at };
  }
  const { _id, _rev, mergedInto } = ulidOrExisting;
  return { _id, ...(_rev ? { _rev } : {}), type: 'customer', ...fields, ...(mergedInto ? { mergedInto } : {}), updatedAt: at };
}

/**
 * Tokens the read model indexes (multi-entry, prefix search): the name's words, the email (whole,
 * and its words), and the phone's digits in international ("33612345678") and French national
 * ("0612345678") forms. The search box tokenises with customerQueryTokens, so both sides agree.
 */
export function customerSearchTokens(c: Pick<CustomerDoc, 'name' | 'email' | 'phone'>): string[] {
  const tokens = new Set(nameTokens(c.name));
  const email = normaliseEmail(c.email);
  if (email !== '') {
    tokens.add(email);
    for (const t of nameTokens(email)) tokens.add(t);
  }
  const phone = normalisePhone(c.phone);
  if (phone !== '') {
    const digits = phone.replace(/\D/g, '');
    if (digits !== '') tokens.add(digits);
    const national = frenchNationalForm(phone);
    if (national) tokens.add(national);
  }
  return [...tokens];
}

/**
 * Query tokens: a phone-looking query ("06 12 34", "+33 6 12") becomes one digits token (its
 * international form when it starts with + or 00), an email-looking one stays whole, anything else is
 * tokenised like a name. Every query token must prefix some profile token.
 */
export function customerQueryTokens(text: string): string[] {
  const q = text.trim();
  if (q === '') return [];
  if (/^[+\d\s().\-/]+$/.test(q) && /\d{2,}/.test(q.replace(/\D/g, ''))) {
    let digits = q.replace(/\(0\)/g, '').replace(/[^\d+]/g, '');
    if (digits.startsWith('00')) digits = '+' + digits.slice(2);
    return [digits.replace(/\D/g, '')];
  }
  if (q.includes('@')) return [normaliseEmail(q)];
  return nameTokens(q);
}

/** The in-memory form of the index match: every query token prefixes one of the profile's tokens. */
export function customerMatches(c: Pick<CustomerDoc, 'name' | 'email' | 'phone'>, text: string): boolean {
  const query = customerQueryTokens(text);
  if (query.length === 0) return false;
  const tokens = customerSearchTokens(c);
  return query.every((q) => tokens.some((t) => t.startsWith(q)));
}

export function isActiveCustomer(c: Pick<CustomerDoc, 'mergedInto'>): boolean {
  return c.mergedInto === undefined || c.mergedInto === '';
}

export interface MergeProposal {
  email: string;
  /** Two or more active profiles sharing the email, oldest update first (then by id). */
  customers: CustomerDoc[];
}

const byUpdatedThenId = (a: CustomerDoc, b: CustomerDoc): number =>
  a.updatedAt.localeCompare(b.updatedAt) || a._id.localeCompare(b._id);

/** Groups of active profiles sharing a normalised email, sorted by email. Absorbed profiles never count. */
export function mergeProposals(customers: readonly CustomerDoc[]): MergeProposal[] {
  const groups = new Map<string, CustomerDoc[]>();
  for (const c of customers) {
    if (!isActiveCustomer(c)) continue;
    const email = normaliseEmail(c.email);
    if (email === '') continue;
    const group = groups.get(email);
    if (group) group.push(c);
    else groups.set(email, [c]);
  }
  return [...groups.entries()]
    .filter(([, group]) => group.length > 1)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([email, group]) => ({ email, customers: [...group].sort(byUpdatedThenId) }));
}

/** Profiles among `customers` (active) whose email is `email` once normalised; for the "already exists" notice. */
export function customersWithEmail(customers: readonly CustomerDoc[], email: string, exceptId?: string): CustomerDoc[] {
  const wanted = normaliseEmail(email);
  if (wanted === '') return [];
  return customers.filter((c) => c._id !== exceptId && isActiveCustomer(c) && normaliseEmail(c.email) === wanted);
}

const isEmpty = (v: unknown): boolean => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

const MERGED_FIELDS = ['name', 'email', 'phone', 'address', 'vatNumber', 'note'] as const;

export interface MergeResult {
  /** `keep` with the merged fields: a new revision of the surviving profile. */
  kept: CustomerDoc;
  /** `absorb`, marked mergedInto keep's id: a new revision of the absorbed profile. */
  absorbed: CustomerDoc;
}

/**
 * Merges `absorb` into `keep`: field by field, a non-empty value wins over an empty one; when both
 * have one, the profile updated last wins (keep on an exact tie). The survivor keeps its id, so the
 * sales attached to it stay attached; sales attached to the absorbed one resolve through mergedInto.
 */
export function mergeCustomers(keep: CustomerDoc, absorb: CustomerDoc, at: string): Result<MergeResult, 'same_profile' | 'already_merged'> {
  if (keep._id === absorb._id) return err('same_profile');
  if (!isActiveCustomer(keep) || !isActiveCustomer(absorb)) return err('already_merged');
  const absorbIsNewer = absorb.updatedAt > keep.updatedAt;
  const kept: Record<string, unknown> = { ...keep, updatedAt: at };
  for (const field of MERGED_FIELDS) {
    const mine = keep[field];
    const theirs = absorb[field];
    const pick = isEmpty(mine) ? theirs : isEmpty(theirs) ? mine : absorbIsNewer ? theirs : mine;
    if (isEmpty(pick)) delete kept[field];
    else kept[field] = Array.isArray(pick) ? [...pick] : pick;
  }
  return ok({ kept: kept as unknown as CustomerDoc, absorbed: { ...absorb, mergedInto: keep._id, updatedAt: at } });
}

/** Follows mergedInto links to the surviving profile (cycle-safe). */
export function survivingCustomer(id: string, byId: (id: string) => CustomerDoc | undefined): CustomerDoc | undefined {
  const seen = new Set<string>();
  let current = byId(id);
  while (current?.mergedInto && !seen.has(current._id)) {
    seen.add(current._id);
    const next = byId(current.mergedInto);
    if (!next) break;
    current = next;
  }
  return current;
}
