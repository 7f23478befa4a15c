import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { saveProduct } from '../../src/commands/products.ts';
import type { ProductDoc, StoreDoc } from '../../src/domain/documents.ts';
import { draftOf, type EditedProductDoc, type ProductDraft } from '../../src/domain/product-edit.ts';
import type { StaffDoc } from '../../src/domain/register-documents.ts';
import { hashPin, MIN_PIN_ITERATIONS } from '../../src/domain/staff.ts';
import { parseStoreDoc } from '../../src/domain/validate.ts';
import { nameTokens } from '../../src/domain/catalog.ts';
import { readModelDb } from '../../src/store/schema.ts';
import { clearStaffSession, saveStaffSession } from '../../src/store/staff-session.ts';
import type { CommitResult } from '../../src/store/sync-port.ts';
import { MemoryPort } from './commands/memory-port.ts';

/** A replica that knows revisions: a write must name the current one, as PouchDB's put does. */
class RevPort extends MemoryPort {
  override async commit(doc: StoreDoc): Promise<CommitResult> {
    const stored = this.docs.get(doc._id);
    if (stored !== undefined ? stored._rev !== doc._rev : doc._rev !== undefined) throw Object.assign(new Error('conflict'), { name: 'ConflictError' });
    const rev = `${Number((stored?._rev ?? '0-').split('-')[0]) + 1}-x`;
    this.docs.set(doc._id, { ...doc, _rev: rev });
    return { id: doc._id, rev };
  }
}

const now = () => new Date('2026-03-01T10:00:00.000Z');
let port: RevPort;
const deps = () => ({ port: () => port, now });
const db = readModelDb();
const project = async (doc: ProductDoc): Promise<void> => void (await db.products.put({ ...doc, nameTokens: nameTokens(doc.name) }));
const newDraft: ProductDraft = { sku: 'TEA-9', name: 'Thé vert', barcodes: ['3760000000017'], price: '5,90', vatRate: 550, category: 'épicerie', stockTracked: true };

beforeEach(async () => {
  port = new RevPort();
  await Promise.all([db.products.clear(), db.storeSettings.clear(), db.registerDocs.clear(), clearStaffSession()]);
  await db.storeSettings.put({ _id: 'store:settings', type: 'store_settings', storeId: 'demo', name: 'Demo', address: [], currency: 'EUR', locale: 'fr-FR', defaultLocation: 'shop' });
  const pin = async (p: string) => hashPin(p, 'c2FsdHNhbHRzYWx0c2FsdA==', MIN_PIN_ITERATIONS);
  const staff: StaffDoc[] = [
    { _id: 'staff:MARC', type: 'staff', name: 'Marc', role: 'manager', pin: await pin('9876'), active: true, updatedAt: '2026-01-01T00:00:00.000Z' },
    { _id: 'staff:CAMILLE', type: 'staff', name: 'Camille', role: 'cashier', pin: await pin('1234'), active: true, updatedAt: '2026-01-01T00:00:00.000Z' },
  ];
  await db.registerDocs.bulkPut(staff);
});

describe('saveProduct', () => {
  it('lets the signed-in manager create a product, refusing a cashier', async () => {
    await saveStaffSession({ staffId: 'staff:CAMILLE', name: 'Camille', role: 'cashier', signedInAt: now().toISOString() });
    expect(await saveProduct({ draft: newDraft, locale: 'fr-FR' }, { kind: 'signed_in' }, deps())).toEqual({ ok: false, error: { kind: 'not_manager' } });
    expect(port.docs.size).toBe(0);
    await saveStaffSession({ staffId: 'staff:MARC', name: 'Marc', role: 'manager', signedInAt: now().toISOString() });
    const r = await saveProduct({ draft: newDraft, locale: 'fr-FR' }, { kind: 'signed_in' }, deps());
    expect(r).toMatchObject({ ok: true, value: { created: true } });
    const doc = port.docs.get('product:TEA-9') as EditedProductDoc;
    expect(doc).toMatchObject({ price: 590, vatRate: 550, currency: 'EUR', updatedBy: 'staff:MARC', updatedAt: '2026-03-01T10:00:00.000Z' });
    expect(parseStoreDoc(doc).ok).toBe(true);
    // The same SKU again is taken, whether the read model has it yet or not.
    expect(await saveProduct({ draft: newDraft, locale: 'fr-FR' }, { kind: 'signed_in' }, deps())).toEqual({ ok: false, error: { kind: 'invalid', problems: [{ field: 'sku', code: 'taken' }] } });
    await project(doc);
    expect(await saveProduct({ draft: { ...newDraft, barcodes: [] }, locale: 'fr-FR' }, { kind: 'signed_in' }, deps())).toMatchObject({ ok: false, error: { kind: 'invalid', problems: [{ field: 'sku', code: 'taken' }] } });
  });

  it('takes a manager’s PIN when a cashier is signed in; a wrong PIN or a cashier’s PIN writes nothing', async () => {
    const pinOf = (staffId: string, pin: string) => ({ kind: 'pin' as const, staffId, pin });
    expect(await saveProduct({ draft: newDraft, locale: 'fr-FR' }, pinOf('staff:MARC', '0000'), deps())).toEqual({ ok: false, error: { kind: 'staff', code: 'wrong_pin' } });
    expect(await saveProduct({ draft: newDraft, locale: 'fr-FR' }, pinOf('staff:CAMILLE', '1234'), deps())).toEqual({ ok: false, error: { kind: 'not_manager' } });
    expect(port.docs.size).toBe(0);
    expect(await saveProduct({ draft: newDraft, locale: 'fr-FR' }, pinOf('staff:MARC', '9876'), deps())).toMatchObject({ ok: true });
  });

  it('edits the latest revision: only the changed fields, keeping another register’s change; refuses a barcode of another product', async () => {
    await saveStaffSession({ staffId: 'staff:MARC', name: 'Marc', role: 'manager', signedInAt: now().toISOString() });
    await saveProduct({ draft: newDraft, locale: 'fr-FR' }, { kind: 'signed_in' }, deps());
    const v1 = port.docs.get('product:TEA-9') as ProductDoc;
    await project(v1);
    // Another register renames the category meanwhile; this register's form was opened on v1.
    const v2 = { ...v1, category: 'thés', _rev: '2-x' };
    port.docs.set(v2._id, v2);
    await project(v2);
    const r = await saveProduct({ draft: { ...draftOf(v1, '6,20') }, locale: 'fr-FR', base: v1 }, { kind: 'signed_in' }, deps());
    expect(r).toMatchObject({ ok: true, value: { changed: ['price'], created: false } });
    expect(port.docs.get('product:TEA-9')).toMatchObject({ _rev: '3-x', price: 620, category: 'thés' });
    // Saving the same values again writes nothing.
    await project(port.docs.get('product:TEA-9') as ProductDoc);
    const again = await saveProduct({ draft: draftOf(v1, '6,20'), locale: 'fr-FR', base: v1 }, { kind: 'signed_in' }, deps());
    expect(again).toMatchObject({ ok: true, value: { changed: [] } });
    expect(port.docs.get('product:TEA-9')).toMatchObject({ _rev: '3-x' });
    await project({ ...v1, _id: 'product:OTHER', sku: 'OTHER', barcodes: ['3760000000024'] });
    const taken = await saveProduct({ draft: { ...draftOf(v1, '6,20'), barcodes: ['3760000000024'] }, locale: 'fr-FR', base: v1 }, { kind: 'signed_in' }, deps());
    expect(taken).toEqual({ ok: false, error: { kind: 'invalid', problems: [{ field: 'barcodes', code: 'taken', value: '3760000000024', sku: 'OTHER' }] } });
  });

  it('retries an edit whose revision went stale once the newer one is projected', async () => {
    await saveStaffSession({ staffId: 'staff:MARC', name: 'Marc', role: 'manager', signedInAt: now().toISOString() });
    await saveProduct({ draft: newDraft, locale: 'fr-FR' }, { kind: 'signed_in' }, deps());
    const v1 = port.docs.get('product:TEA-9') as ProductDoc;
    await project(v1);
    const v2 = { ...v1, name: 'Thé vert Sencha', _rev: '2-x' };
    port.docs.set(v2._id, v2); // in the replica, not yet in the read model
    port.onCaughtUp = () => project(v2);
    const r = await saveProduct({ draft: draftOf(v1, '7,00'), locale: 'fr-FR', base: v1 }, { kind: 'signed_in' }, deps());
    expect(r).toMatchObject({ ok: true });
    expect(port.docs.get('product:TEA-9')).toMatchObject({ name: 'Thé vert Sencha', price: 700, _rev: '3-x' });
  });
});
