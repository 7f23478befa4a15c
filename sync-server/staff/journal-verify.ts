/**
 * Server-side journal check: every register's sales, refunds and Z reports in the store database,
 * chain by chain, through the same verifyJournal the registers run (src/domain/journal.ts).
 */
import type { SaleDoc } from '../../src/domain/documents.ts';
import { verifyJournal, type JournalVerdict } from '../../src/domain/journal.ts';
import type { ZReportDoc } from '../../src/domain/register-documents.ts';
import type { StoreDb } from '../db/backend.ts';

export type RegisterJournal = { registerId: string } & JournalVerdict;

async function docsWithPrefix(db: StoreDb, prefix: string): Promise<unknown[]> {
  const res = await db.allDocs({ startkey: prefix, endkey: `${prefix}\ufff0`, include_docs: true });
  return res.rows.map((r) => r.doc);
}

export async function verifyStoreJournals(db: StoreDb): Promise<RegisterJournal[]> {
  const docs = [...(await docsWithPrefix(db, 'sale:')), ...(await docsWithPrefix(db, 'z:'))] as Array<SaleDoc | ZReportDoc>;
  const byRegister = new Map<string, Array<SaleDoc | ZReportDoc>>();
  for (const doc of docs) {
    if (doc?.type !== 'sale' && doc?.type !== 'z_report') continue;
    // The id names the register (sale:<registerId>:…, z:<registerId>:…), whatever the body claims.
    const registerId = String(doc._id).split(':')[1] ?? '';
    const list = byRegister.get(registerId) ?? [];
    list.push(doc);
    byRegister.set(registerId, list);
  }
  const out: RegisterJournal[] = [];
  for (const [registerId, entries] of [...byRegister].sort(([a], [b]) => a.localeCompare(b))) {
    out.push({ registerId, ...(await verifyJournal(entries)) });
  }
  return out;
}
