/**
 * The commands stamp what they change: a customer edit or merge and a manager's product edit set
 * `clock[field]` for exactly the fields they change, with this register's id as the device.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { mergeCustomers, saveCustomer } from '../../../src/commands/customers.ts';
import { saveProduct } from '../../../src/commands/products.ts';
import { nameTokens } from '../../../src/domain/catalog.ts';
import { customerSearchTokens } from '../../../src/domain/customer.ts';
import type { CustomerDoc, ProductDoc, StoreDoc } from '../../../src/domain/documents.ts';
import { parseStamp } from '../../../src/domain/hlc.ts';
import { draftOf } from '../../../src/domain/product-edit.ts';
import { savePairing } from '../../../src/store/device-settings.ts';
import { readModelDb } from '../../../src/store/schema.ts';
import { clearStaffSession, saveStaffSession } from '../../../src/store/staff-session.ts';
import type { CommitResult } from '../../../src/store/sync-port.ts';
import { MemoryPort } from '../commands/memory-port.ts';

/** Revisions checked as PouchDB's put does, and projected into the read model at once. */
class ProjectingPort extends MemoryPort {
  override async commit(doc: StoreDoc): Promise<CommitResult> {
    const current = this.docs.get(doc._id);
    if (current ? current._rev !== doc._rev : doc._rev !== undefined) throw Object.assign(new Error('conflict'), { name: 'ConflictError' });
    const rev = `${Number((current?._rev ?? '0-').split('-')[0]) + 1}-x`;
    const stored = { ...doc, _rev: rev } as StoreDoc;
    this.docs.set(doc._id, stored);
    if (stored.type === 'customer') await db.customers.put({ ...stored, nameTokens: customerSearchTokens(stored) });
    if (stored.type === 'product') await db.products.put({ ...stored, nameTokens: nameTokens(stored.name) });
    return { id: doc._id, rev };
  }
}

const db = readModelDb();
let port: ProjectingPort;
let tick = 0;
const deps = () => ({ port: () => port, now: () => new Date(Date.UTC(2026, 2, 1, 9, 0, tick++)) });
const nodeOf = (stamp: string | undefined): string | undefined => (stamp === undefined ? undefined : parseStamp(stamp)?.node);

beforeEach(async () => {
  port = new ProjectingPort();
  await Promise.all([db.customers.clear(), db.products.clear(), db.storeSettings.clear(), db.registerDocs.clear(), clearStaffSession()]);
  await savePairing({ serverUrl: 'http://srv', storeId: 'demo', registerId: 'R7', registerName: 'Till 7', token: 't', dbName: 'store-demo' });
});

describe('customer commands', () => {
  it('stamp a new profile as a whole, then an edit on the changed fields only', async () => {
    const created = await saveCustomer({ name: 'Ada Lovelace', email: 'ada@example.fr' }, {}, deps());
    if (!created.ok) throw new Error('created');
    expect(Object.keys(created.value.clock ?? {})).toEqual(['*']);
    expect(nodeOf(created.value.clock?.['*'])).toBe('R7');

    const edited = await saveCustomer({ _id: created.value._id, name: 'Ada Lovelace', email: 'ada@example.fr', phone: '06 12 34 56 78' }, {}, deps());
    if (!edited.ok) throw new Error('edited');
    expect(edited.value.clock).toEqual({ '*': created.value.clock?.['*'], phone: expect.stringMatching(/-R7$/) });
    expect(edited.value.clock!['phone']! > edited.value.clock!['*']!).toBe(true);

    const cleared = await saveCustomer({ _id: created.value._id, name: 'Ada Lovelace', phone: '06 12 34 56 78' }, {}, deps());
    if (!cleared.ok) throw new Error('cleared');
    expect(cleared.value.email).toBeUndefined();
    expect(Object.keys(cleared.value.clock ?? {}).sort()).toEqual(['*', 'email', 'phone']);
    expect(cleared.value.clock!['email']! > cleared.value.clock!['phone']!).toBe(true);
  });

  it('stamp a merge: the survivor\'s filled-in fields and the absorbed profile\'s mergedInto', async () => {
    const keep = await saveCustomer({ name: 'Ada', email: 'ada@example.fr' }, {}, deps());
    const absorb = await saveCustomer({ name: 'Ada L.', email: 'ada@example.fr', phone: '0612345678' }, { allowDuplicate: true }, deps());
    if (!keep.ok || !absorb.ok) throw new Error('setup');
    const merged = await mergeCustomers(keep.value._id, absorb.value._id, deps());
    if (!merged.ok) throw new Error('merged');
    // "Ada L." is the later profile: its name wins, and its phone fills the empty one.
    expect(Object.keys(merged.value.clock ?? {}).sort()).toEqual(['*', 'name', 'phone']);
    const absorbed = port.docs.get(absorb.value._id) as CustomerDoc;
    expect(Object.keys(absorbed.clock ?? {}).sort()).toEqual(['*', 'mergedInto']);
  });
});

describe('product edit command', () => {
  it('stamps the fields a manager changes', async () => {
    await db.storeSettings.put({ _id: 'store:settings', type: 'store_settings', storeId: 'demo', name: 'Demo', address: [], currency: 'EUR', locale: 'fr-FR', defaultLocation: 'shop' });
    await saveStaffSession({ staffId: 'staff:MARC', name: 'Marc', role: 'manager', signedInAt: new Date().toISOString() });
    const draft = { sku: 'TEA-9', name: 'Thé vert', barcodes: [], price: '5,90', vatRate: 550, category: 'épicerie', stockTracked: true };
    expect(await saveProduct({ draft, locale: 'fr-FR' }, { kind: 'signed_in' }, deps())).toMatchObject({ ok: true });
    const v1 = port.docs.get('product:TEA-9') as ProductDoc;
    expect(Object.keys(v1.clock ?? {})).toEqual(['*']);
    const r = await saveProduct({ draft: { ...draftOf(v1, '6,50'), category: 'thés' }, locale: 'fr-FR', base: v1 }, { kind: 'signed_in' }, deps());
    expect(r).toMatchObject({ ok: true, value: { changed: ['price', 'category'] } });
    const v2 = port.docs.get('product:TEA-9') as ProductDoc;
    expect(Object.keys(v2.clock ?? {}).sort()).toEqual(['*', 'category', 'price']);
    expect(nodeOf(v2.clock?.['price'])).toBe('R7');
  });
});
