/**
 * Staff, overrides and the journal as the read model holds them. Screens get staff members without
 * their PIN hashes (watchStaff); only commands read the hash (getStaffDoc) to verify a PIN offline.
 */
import { liveQuery, type Observable } from 'dexie';
import type { SaleDoc } from '../domain/documents.ts';
import { verifyJournal, type JournalProblem } from '../domain/journal.ts';
import type { Money } from '../domain/money.ts';
import type { OverrideDoc, StaffDoc, StaffRole, ZReportDoc } from '../domain/register-documents.ts';
import { readModelDb } from './schema.ts';

/** A staff member as a screen may see them: no PIN material. */
export interface StaffMember {
  _id: string;
  name: string;
  role: StaffRole;
  active: boolean;
}

function publicStaff(doc: StaffDoc): StaffMember {
  return { _id: doc._id, name: doc.name, role: doc.role, active: doc.active };
}

async function staffDocs(): Promise<StaffDoc[]> {
  const rows = await readModelDb().registerDocs.where('type').equals('staff').toArray();
  return rows.filter((r): r is StaffDoc => r.type === 'staff');
}

/** Active staff, by name (for the sign-in screen and the manager override). */
export function watchStaff(): Observable<StaffMember[]> {
  return liveQuery(async () =>
    (await staffDocs())
      .filter((d) => d.active)
      .map(publicStaff)
      .sort((a, b) => a.name.localeCompare(b.name)),
  );
}

/** The whole staff document, PIN hash included: for commands that verify a PIN, never for screens. */
export async function getStaffDoc(staffId: string): Promise<StaffDoc | undefined> {
  const row = await readModelDb().registerDocs.get(staffId);
  return row?.type === 'staff' ? row : undefined;
}

/** Manager overrides recorded in the store (every register), newest first. */
export function watchOverrides(limit = 100): Observable<OverrideDoc[]> {
  return liveQuery(async () => {
    const rows = await readModelDb().registerDocs.where('type').equals('override').toArray();
    return rows
      .filter((r): r is OverrideDoc => r.type === 'override')
      .sort((a, b) => b.at.localeCompare(a.at))
      .slice(0, limit);
  });
}

export type JournalStatus =
  | { state: 'ok'; entries: number; grandTotal: Money }
  | { state: 'broken'; entryId: string; seq: number; problem: JournalProblem; message: string; receiptLabel: string | null };

/** This register's journal entries (its sales, refunds and Z reports) as the read model holds them. */
export async function journalEntries(registerId: string): Promise<Array<SaleDoc | ZReportDoc>> {
  const db = readModelDb();
  const [sales, zs] = await Promise.all([
    db.sales.where('registerId').equals(registerId).toArray(),
    db.registerDocs.where('[type+registerId]').equals(['z_report', registerId]).toArray(),
  ]);
  return [...sales, ...zs.filter((d): d is ZReportDoc => d.type === 'z_report')];
}

/** Verifies this register's chain whenever one of its entries changes in the read model. */
export function watchJournalStatus(registerId: string): Observable<JournalStatus> {
  return liveQuery(async () => {
    const entries = await journalEntries(registerId);
    const verdict = await verifyJournal(entries);
    if (verdict.ok) return { state: 'ok', entries: verdict.entries, grandTotal: verdict.grandTotal };
    const entry = entries.find((e) => e._id === verdict.entryId);
    const receiptLabel = entry === undefined ? null : entry.type === 'sale' ? entry.receiptLabel : `Z ${entry.zNumber}`;
    return { state: 'broken', entryId: verdict.entryId, seq: verdict.seq, problem: verdict.problem, message: verdict.message, receiptLabel };
  });
}
