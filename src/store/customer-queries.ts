/**
 * Named queries over customer profiles. Search runs on the `*nameTokens` multi-entry index, which
 * the projection fills with customerSearchTokens (name words, email, phone digits in both forms), so
 * "dup", "marie@ex" and "06 12" all answer from an index range, never a table scan.
 * Profiles absorbed by a merge (mergedInto) are never offered.
 */
import { liveQuery, type Observable } from 'dexie';
import { customerQueryTokens, isActiveCustomer, mergeProposals, normaliseEmail, type MergeProposal } from '../domain/customer.ts';
import { readModelDb, type CustomerRow, type SaleRow } from './schema.ts';

export type { CustomerRow };

const byName = (a: CustomerRow, b: CustomerRow): number => a.name.localeCompare(b.name) || a._id.localeCompare(b._id);

function active(rows: readonly (CustomerRow | undefined)[]): CustomerRow[] {
  return rows.filter((r): r is CustomerRow => r !== undefined && isActiveCustomer(r));
}

/** Profiles matching every query token (prefix), by name; at most `limit`. Empty text: none. */
export async function searchCustomers(text: string, limit = 20): Promise<CustomerRow[]> {
  const tokens = customerQueryTokens(text).sort((a, b) => b.length - a.length);
  if (tokens.length === 0 || limit <= 0) return [];
  const table = readModelDb().customers;
  const keySets = await Promise.all(tokens.map((t) => table.where('nameTokens').startsWith(t).primaryKeys()));
  const [first, ...rest] = keySets.map((keys) => new Set(keys)).sort((a, b) => a.size - b.size);
  const hits: string[] = [];
  for (const key of first ?? []) if (rest.every((s) => s.has(key))) hits.push(key);
  // Absorbed profiles are filtered after reading, so read a little more than asked.
  const rows = active(await table.bulkGet(hits.slice(0, limit * 2 + 10)));
  return rows.sort(byName).slice(0, limit);
}

export async function getCustomer(id: string): Promise<CustomerRow | undefined> {
  return readModelDb().customers.get(id);
}

export function watchCustomer(id: string): Observable<CustomerRow | undefined> {
  return liveQuery(() => getCustomer(id));
}

/** The search result list (or, without text, the most recently created profiles). */
export function watchCustomers(text: string, limit = 50): Observable<CustomerRow[]> {
  return liveQuery(async () => {
    if (text.trim() !== '') return searchCustomers(text, limit);
    const rows = await readModelDb().customers.orderBy('_id').reverse().filter((c) => isActiveCustomer(c)).limit(limit).toArray();
    return rows;
  });
}

/** Active profiles whose email is `email` (normalised), except `exceptId`: the "already exists" check. */
export async function customersWithEmail(email: string, exceptId?: string): Promise<CustomerRow[]> {
  const wanted = normaliseEmail(email);
  if (wanted === '') return [];
  const rows = await readModelDb().customers.where('email').equals(wanted).toArray();
  return rows.filter((c) => c._id !== exceptId && isActiveCustomer(c));
}

export async function listMergeProposals(): Promise<MergeProposal[]> {
  // Only profiles with an email can share one: the email index skips the others.
  const rows = await readModelDb().customers.where('email').above('').toArray();
  return mergeProposals(rows);
}

/** Groups of active profiles sharing an email: each is a merge proposal until merged. */
export function watchMergeProposals(): Observable<MergeProposal[]> {
  return liveQuery(listMergeProposals);
}

/** Ids of a profile and of every profile merged into it (sales may be attached to any of them). */
async function idsOf(customerId: string): Promise<string[]> {
  const absorbed = await readModelDb().customers.filter((c) => c.mergedInto === customerId).primaryKeys();
  return [customerId, ...absorbed];
}

/** The customer's sales, newest first (including those attached to profiles merged into it). */
export async function customerSales(customerId: string, limit = 100): Promise<SaleRow[]> {
  const ids = await idsOf(customerId);
  const rows = await readModelDb().sales.where('customerId').anyOf(ids).toArray();
  return rows.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, limit);
}

export function watchCustomerSales(customerId: string, limit = 100): Observable<SaleRow[]> {
  return liveQuery(() => customerSales(customerId, limit));
}

/** Names of the given profiles (absorbed ones resolve to the profile they were merged into). */
export async function customerNames(ids: readonly string[]): Promise<Record<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return {};
  const table = readModelDb().customers;
  const rows = await table.bulkGet(unique);
  const out: Record<string, string> = {};
  const survivors = new Map<string, string>();
  rows.forEach((row, i) => {
    const id = unique[i]!;
    if (!row) return;
    out[id] = row.name;
    if (row.mergedInto) survivors.set(id, row.mergedInto);
  });
  if (survivors.size > 0) {
    const kept = await table.bulkGet([...survivors.values()]);
    [...survivors.keys()].forEach((id, i) => {
      const name = kept[i]?.name;
      if (name) out[id] = name;
    });
  }
  return out;
}
