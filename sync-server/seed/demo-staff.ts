/**
 * The demo store's staff: Camille (cashier, PIN 1234) and Marc (manager, PIN 9876), documented in
 * README.md. Written when the demo store has no staff yet, so a demo data directory seeded before
 * staff existed gets them on its next start; the PINs are stored as PBKDF2 hashes like any other.
 */
import type { StaffDoc } from '../../src/domain/register-documents.ts';
import { hashPin } from '../../src/domain/staff.ts';
import { parseStoreDoc } from '../../src/domain/validate.ts';
import type { StoreDb } from '../db/backend.ts';

export const DEMO_STAFF = [
  { _id: 'staff:01KDZ2CN80STAFFCAM0000000A', name: 'Camille', role: 'cashier', pin: '1234' },
  { _id: 'staff:01KDZ2CN80STAFFMARC000000B', name: 'Marc', role: 'manager', pin: '9876' },
] as const;

/** Adds the demo staff when the store has none; returns how many were written. */
export async function ensureDemoStaff(db: StoreDb): Promise<number> {
  const existing = await db.allDocs({ startkey: 'staff:', endkey: 'staff:\ufff0', limit: 1 });
  if (existing.rows.length > 0) return 0;
  const docs: StaffDoc[] = [];
  for (const s of DEMO_STAFF) {
    const doc: StaffDoc = { _id: s._id, type: 'staff', name: s.name, role: s.role, pin: await hashPin(s.pin), active: true, updatedAt: '2026-01-01T08:00:00.000Z' };
    const parsed = parseStoreDoc(doc);
    if (!parsed.ok) throw new Error(`demo staff ${doc._id} is invalid: ${parsed.error}`);
    docs.push(doc);
  }
  const results = await db.bulkDocs(docs as Array<PouchDB.Core.PutDocument<object>>);
  return results.filter((r) => 'ok' in r && r.ok).length;
}
