/**
 * Staff documents (staff:<ulid>) in a store's database. Only the server writes them (registers are
 * refused by validate/store-doc.ts); registers receive them by replication and verify PINs offline
 * against the PBKDF2 hash (src/domain/staff.ts). The PIN itself is never stored or returned.
 */
import { createUlid } from '../../src/domain/ids.ts';
import type { StaffDoc, StaffRole } from '../../src/domain/register-documents.ts';
import { hashPin, pinProblem } from '../../src/domain/staff.ts';
import { parseStoreDoc } from '../../src/domain/validate.ts';
import type { StoreDb } from '../db/backend.ts';

const nextUlid = createUlid(
  () => Date.now(),
  (n) => crypto.getRandomValues(new Uint8Array(n)),
);

/** A staff member as the admin API shows them: no PIN material. */
export interface StaffView {
  id: string;
  name: string;
  role: StaffRole;
  active: boolean;
  updatedAt: string;
}

export class StaffInputError extends Error {}

export function staffView(d: StaffDoc): StaffView {
  return { id: d._id, name: d.name, role: d.role, active: d.active, updatedAt: d.updatedAt };
}

function cleanName(x: unknown): string {
  if (typeof x !== 'string' || x.trim() === '' || x.trim().length > 80) throw new StaffInputError('name must be a string of 1 to 80 characters');
  return x.trim().replace(/\s+/g, ' ');
}

function role(x: unknown): StaffRole {
  if (x !== 'cashier' && x !== 'manager') throw new StaffInputError('role must be "cashier" or "manager"');
  return x;
}

function pin(x: unknown): string {
  const problem = pinProblem(x);
  if (problem !== null) throw new StaffInputError(`pin: ${problem}`);
  return x as string;
}

async function save(db: StoreDb, doc: StaffDoc): Promise<StaffDoc> {
  const parsed = parseStoreDoc(doc);
  if (!parsed.ok) throw new Error(`staff document ${doc._id} is invalid: ${parsed.error}`);
  const res = await db.put(doc);
  return { ...doc, _rev: res.rev };
}

export async function listStaff(db: StoreDb): Promise<StaffDoc[]> {
  const res = await db.allDocs({ startkey: 'staff:', endkey: 'staff:\ufff0', include_docs: true });
  return res.rows
    .map((r) => r.doc as unknown as StaffDoc | undefined)
    .filter((d): d is StaffDoc => d?.type === 'staff')
    .sort((a, b) => a.name.localeCompare(b.name));
}

export async function createStaff(db: StoreDb, body: Record<string, unknown>, now = new Date()): Promise<StaffDoc> {
  const doc: StaffDoc = {
    _id: `staff:${nextUlid()}`,
    type: 'staff',
    name: cleanName(body.name),
    role: role(body.role),
    pin: await hashPin(pin(body.pin)),
    active: true,
    updatedAt: now.toISOString(),
  };
  return save(db, doc);
}

/** PATCH: any of name, role, pin (a new PIN), active (false deactivates). */
export async function updateStaff(db: StoreDb, id: string, body: Record<string, unknown>, now = new Date()): Promise<StaffDoc | null> {
  let current: StaffDoc;
  try {
    current = (await db.get(id)) as unknown as StaffDoc;
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null;
    throw error;
  }
  if (current.type !== 'staff') return null;
  const known = new Set(['name', 'role', 'pin', 'active']);
  const unknown = Object.keys(body).filter((k) => !known.has(k));
  if (unknown.length > 0) throw new StaffInputError(`unknown field(s): ${unknown.join(', ')} (allowed: name, role, pin, active)`);
  if (body.active !== undefined && typeof body.active !== 'boolean') throw new StaffInputError('active must be true or false');
  const next: StaffDoc = {
    ...current,
    ...(body.name === undefined ? {} : { name: cleanName(body.name) }),
    ...(body.role === undefined ? {} : { role: role(body.role) }),
    ...(body.pin === undefined ? {} : { pin: await hashPin(pin(body.pin)) }),
    ...(typeof body.active === 'boolean' ? { active: body.active } : {}),
    updatedAt: now.toISOString(),
  };
  return save(db, next);
}
