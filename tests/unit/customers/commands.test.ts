import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { mergeCustomers, saveCustomer } from '../../../src/commands/customers.ts';
import { requestInvoice } from '../../../src/commands/invoice.ts';
import { customerSearchTokens } from '../../../src/domain/customer.ts';
import type { StoreDoc } from '../../../src/domain/documents.ts';
import { listMergeProposals, searchCustomers, getCustomer } from '../../../src/store/customer-queries.ts';
import { clearPairing, savePairing } from '../../../src/store/device-settings.ts';
import { readModelDb } from '../../../src/store/schema.ts';
import type { CommitResult } from '../../../src/store/sync-port.ts';
import { MemoryPort } from '../commands/memory-port.ts';

/** A port with revisions (an edit names the current one) that projects customers into the read model at once. */
class RevisionPort extends MemoryPort {
  override async commit(doc: StoreDoc): Promise<CommitResult> {
    const current = this.docs.get(doc._id);
    if (current && current._rev !== doc._rev) throw Object.assign(new Error('conflict'), { name: 'ConflictError' });
    const n = current?._rev ? Number(current._rev.split('-')[0]) + 1 : 1;
    const rev = `${n}-x`;
    const stored = { ...doc, _rev: rev } as StoreDoc;
    this.docs.set(doc._id, stored);
    if (stored.type === 'customer') await readModelDb().customers.put({ ...stored, nameTokens: customerSearchTokens(stored) });
    return { id: doc._id, rev };
  }
}

let port: RevisionPort;
let clock = 0;
const deps = () => ({ port: () => port, now: () => new Date(Date.UTC(2026, 2, 1, 9, 0, clock++)) });

beforeEach(async () => {
  port = new RevisionPort();
  await readModelDb().customers.clear();
  await savePairing({ serverUrl: 'http://srv', storeId: 'demo', registerId: 'R1', registerName: 'Till 1', token: 't', dbName: 'store-demo' });
});

describe('saveCustomer', () => {
  it('creates offline with normalised fields, and finds it by name, email and phone', async () => {
    const r = await saveCustomer({ name: 'Marie Curie', email: ' Marie@Example.fr ', phone: '06 12 34 56 78' }, {}, deps());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value._id).toMatch(/^customer:[0-9A-Z]{26}$/);
    expect(r.value).toMatchObject({ email: 'marie@example.fr', phone: '+33612345678' });
    for (const q of ['cur', 'marie@ex', '06 12 34', '+33 6 12']) expect((await searchCustomers(q)).map((c) => c._id), q).toEqual([r.value._id]);
  });

  it('refuses a silent duplicate email, and creating anyway yields a merge proposal', async () => {
    const first = await saveCustomer({ name: 'Marie', email: 'm@x.fr' }, {}, deps());
    const again = await saveCustomer({ name: 'Marie C.', email: 'M@X.FR' }, {}, deps());
    expect(again.ok ? null : again.error.kind).toBe('email_exists');
    if (again.ok || again.error.kind !== 'email_exists' || !first.ok) return;
    expect(again.error.existing.map((c) => c._id)).toEqual([first.value._id]);
    expect(await listMergeProposals()).toEqual([]);
    const anyway = await saveCustomer({ name: 'Marie C.', email: 'M@X.FR' }, { allowDuplicate: true }, deps());
    expect(anyway.ok).toBe(true);
    const proposals = await listMergeProposals();
    expect(proposals).toHaveLength(1);
    expect(proposals[0]!.customers).toHaveLength(2);
  });

  it('edits are new revisions of the same document; validation refusals are data', async () => {
    const created = await saveCustomer({ name: 'Paul' }, {}, deps());
    if (!created.ok) throw new Error('create');
    const edited = await saveCustomer({ _id: created.value._id, name: 'Paul Martin', phone: '0601020304' }, {}, deps());
    expect(edited.ok && edited.value._rev).toBe('2-x');
    expect((await getCustomer(created.value._id))?.name).toBe('Paul Martin');
    expect(await saveCustomer({ name: '', email: 'bad' }, {}, deps())).toEqual({ ok: false, error: { kind: 'invalid', problems: ['name_required', 'email_invalid'] } });
  });

  it('a form opened before another edit changes only its own fields: the other edit is kept', async () => {
    const created = await saveCustomer({ name: 'Paul', email: 'paul@old.fr', note: 'Client fidèle' }, {}, deps());
    if (!created.ok) throw new Error('create');
    const base = created.value;
    // Meanwhile (another register, replicated): a new email.
    const other = await saveCustomer({ _id: base._id, name: 'Paul', email: 'paul@new.fr', note: 'Client fidèle' }, { base }, deps());
    expect(other.ok).toBe(true);
    // This form still shows the old email; the cashier adds a phone and clears the note.
    const saved = await saveCustomer({ _id: base._id, name: 'Paul', email: 'paul@old.fr', phone: '0601020304', note: '' }, { base }, deps());
    if (!saved.ok) throw new Error('save');
    expect(saved.value).toMatchObject({ email: 'paul@new.fr', phone: '+33601020304' });
    expect(saved.value.note).toBeUndefined();
    expect(await getCustomer(base._id)).toMatchObject({ email: 'paul@new.fr', phone: '+33601020304' });
  });
});

describe('mergeCustomers', () => {
  it('keeps one profile with the merged fields and hides the other', async () => {
    const a = await saveCustomer({ name: 'Marie', email: 'm@x.fr', phone: '0612345678' }, {}, deps());
    const b = await saveCustomer({ name: 'Marie Curie', email: 'm@x.fr', address: ['1 rue X'] }, { allowDuplicate: true }, deps());
    if (!a.ok || !b.ok) throw new Error('create');
    const merged = await mergeCustomers(a.value._id, b.value._id, deps());
    expect(merged.ok).toBe(true);
    expect(await getCustomer(a.value._id)).toMatchObject({ name: 'Marie Curie', phone: '+33612345678', address: ['1 rue X'] });
    expect((await getCustomer(b.value._id))?.mergedInto).toBe(a.value._id);
    expect(await listMergeProposals()).toEqual([]);
    expect((await searchCustomers('marie')).map((c) => c._id)).toEqual([a.value._id]);
  });
});

describe('requestInvoice', () => {
  it('writes an invoice request for the sale, offline', async () => {
    const r = await requestInvoice({ source: 'sale:R1:00000001', customer: { name: 'ACME', address: '1 rue X\n75001 Paris' } }, deps());
    expect(r.ok && r.value._id).toMatch(/^invoicereq:R1:[0-9A-Z]{26}$/);
    expect(port.docs.size).toBe(1);
    expect((await requestInvoice({ source: 'sale:R1:00000001', customer: { name: 'ACME', address: '' } }, deps())).ok).toBe(false);
    await clearPairing();
    expect(await requestInvoice({ source: 'sale:R1:00000001', customer: { name: 'A', address: 'B' } }, deps())).toEqual({ ok: false, error: { kind: 'not_paired' } });
  });
});
