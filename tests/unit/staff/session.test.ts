import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { linkToJournal, journalSerial } from '../../../src/commands/journal.ts';
import { authoriseOverride, overrideBySignedInManager } from '../../../src/commands/override.ts';
import { currentStaff, resetPinThrottle, signIn, signOut } from '../../../src/commands/session.ts';
import { verifyJournal } from '../../../src/domain/journal.ts';
import type { StaffDoc } from '../../../src/domain/register-documents.ts';
import { hashPin, MIN_PIN_ITERATIONS } from '../../../src/domain/staff.ts';
import { parseStoreDoc } from '../../../src/domain/validate.ts';
import { savePairing } from '../../../src/store/device-settings.ts';
import { readModelDb } from '../../../src/store/schema.ts';
import type { Pairing } from '../../../src/store/sync-port.ts';
import { MemoryPort } from '../commands/memory-port.ts';
import { saleOf } from '../journal/chain.ts';

const pairing: Pairing = { serverUrl: 'http://srv', storeId: 'demo', registerId: 'R1', registerName: 'Till 1', token: 't', dbName: 'store-demo' };
const salt = new Uint8Array(16).fill(7);
let port: MemoryPort;
const now = () => new Date('2026-03-01T09:00:00.000Z');
const deps = () => ({ port: () => port, now });

async function staff(id: string, name: string, role: StaffDoc['role'], pin: string, active = true): Promise<StaffDoc> {
  return { _id: id, type: 'staff', name, role, pin: await hashPin(pin, salt, MIN_PIN_ITERATIONS), active, updatedAt: '2026-01-01T00:00:00Z' };
}

beforeEach(async () => {
  port = new MemoryPort();
  resetPinThrottle();
  const db = readModelDb();
  await db.registerDocs.clear();
  await signOut();
  await savePairing(pairing);
  await db.registerDocs.bulkPut([
    await staff('staff:camille', 'Camille', 'cashier', '1234'),
    await staff('staff:marc', 'Marc', 'manager', '9876'),
    await staff('staff:old', 'Ancien', 'manager', '1111', false),
  ]);
});

describe('sign-in', () => {
  it('signs in with the right PIN and keeps the session on the device', async () => {
    expect(await currentStaff()).toBeNull();
    const r = await signIn('staff:camille', '1234', deps());
    expect(r).toEqual({ ok: true, value: { staffId: 'staff:camille', name: 'Camille', role: 'cashier' } });
    expect(await currentStaff()).toEqual({ staffId: 'staff:camille', name: 'Camille', role: 'cashier' });
    await signOut();
    expect(await currentStaff()).toBeNull();
  });

  it('refuses a wrong PIN, an unknown or inactive person and a malformed PIN', async () => {
    expect(await signIn('staff:camille', '9876', deps())).toEqual({ ok: false, error: 'wrong_pin' });
    expect(await signIn('staff:nobody', '1234', deps())).toEqual({ ok: false, error: 'unknown_staff' });
    expect(await signIn('staff:old', '1111', deps())).toEqual({ ok: false, error: 'inactive_staff' });
    expect(await signIn('staff:camille', '12', deps())).toEqual({ ok: false, error: 'pin_format' });
    expect(await currentStaff()).toBeNull();
  });

  it('locks a person out after five wrong PINs in a row', async () => {
    for (let i = 0; i < 5; i++) expect((await signIn('staff:camille', '0000', deps())).ok).toBe(false);
    expect(await signIn('staff:camille', '1234', deps())).toEqual({ ok: false, error: 'too_many_attempts' });
    const later = () => new Date(now().getTime() + 31_000);
    expect((await signIn('staff:camille', '1234', { port: () => port, now: later })).ok).toBe(true);
  });
});

describe('manager overrides', () => {
  it('records who asked, who authorised, why and for what', async () => {
    await signIn('staff:camille', '1234', deps());
    const r = await authoriseOverride({ action: 'drawer_open', managerId: 'staff:marc', pin: '9876', reason: 'monnaie', ref: 'x' }, deps());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ type: 'override', registerId: 'R1', action: 'drawer_open', managerId: 'staff:marc', cashierId: 'staff:camille', reason: 'monnaie', ref: 'x', shiftId: null, at: '2026-03-01T09:00:00.000Z' });
    expect(r.value._id).toMatch(/^override:R1:[0-9A-Z]{26}$/);
    const stored = port.docs.get(r.value._id);
    expect(parseStoreDoc(stored).ok).toBe(true);
  });

  it('refuses a cashier as manager, a wrong PIN, an empty reason, or nobody signed in', async () => {
    const req = { action: 'void' as const, managerId: 'staff:marc', pin: '9876', reason: 'erreur' };
    expect(await authoriseOverride(req, deps())).toEqual({ ok: false, error: 'not_signed_in' });
    await signIn('staff:camille', '1234', deps());
    expect(await authoriseOverride({ ...req, managerId: 'staff:camille', pin: '1234' }, deps())).toEqual({ ok: false, error: 'not_manager' });
    expect(await authoriseOverride({ ...req, pin: '1234' }, deps())).toEqual({ ok: false, error: 'wrong_pin' });
    expect(await authoriseOverride({ ...req, reason: '  ' }, deps())).toEqual({ ok: false, error: 'reason_required' });
    expect(await overrideBySignedInManager({ action: 'void', reason: 'x' }, deps())).toEqual({ ok: false, error: 'not_manager' });
    expect(port.docs.size).toBe(0);
  });

  it('lets a signed-in manager authorise themselves, still recorded', async () => {
    await signIn('staff:marc', '9876', deps());
    const r = await overrideBySignedInManager({ action: 'price_override', reason: 'abîmé' }, deps());
    expect(r.ok && r.value).toMatchObject({ managerId: 'staff:marc', cashierId: 'staff:marc', reason: 'abîmé' });
  });
});

describe('journal commands', () => {
  it('links concurrent writes one after the other into a chain that verifies', async () => {
    const write = (n: number) => journalSerial(async () => {
      const doc = await linkToJournal(saleOf('R1', n, 100 * n), deps());
      await port.commit(doc);
      return doc;
    });
    const docs = await Promise.all([1, 2, 3, 4].map(write));
    expect(docs.map((d) => d.journal?.seq)).toEqual([1, 2, 3, 4]);
    expect(await verifyJournal([...port.docs.values()] as typeof docs)).toEqual({ ok: true, entries: 4, grandTotal: 1000 });
  });

  it('keeps the queue going after a failed task', async () => {
    await expect(journalSerial(async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(await journalSerial(async () => 42)).toBe(42);
  });
});
