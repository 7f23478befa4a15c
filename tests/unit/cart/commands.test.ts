import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { emailReceipt } from '../../../src/commands/email-receipt.ts';
import { parkSale, resumeParkedSale } from '../../../src/commands/park.ts';
import { createQuickProduct, quickSku } from '../../../src/commands/quick-product.ts';
import { voidSale } from '../../../src/commands/void-sale.ts';
import { addProduct, emptyCart, setNote } from '../../../src/domain/cart.ts';
import type { ProductDoc } from '../../../src/domain/documents.ts';
import { money } from '../../../src/domain/money.ts';
import type { ParkedSaleDoc, VoidDoc } from '../../../src/domain/register-documents.ts';
import { parseStoreDoc } from '../../../src/domain/validate.ts';
import { savePairing } from '../../../src/store/device-settings.ts';
import { readModelDb } from '../../../src/store/schema.ts';
import { MemoryPort } from '../commands/memory-port.ts';

const now = () => new Date('2026-03-01T10:00:00.000Z');
const camille = { staffId: 'staff:01JCAMILLE', name: 'Camille', role: 'cashier' as const };
let port: MemoryPort;
const deps = () => ({ port: () => port, now, currentStaff: async () => camille, openShift: async () => null });
const jam = { sku: 'JAM', name: 'Confiture', price: money(450), priceIncludesTax: true, vatRate: 550 };

beforeEach(async () => {
  port = new MemoryPort();
  const db = readModelDb();
  await Promise.all([db.registerDocs.clear(), db.products.clear(), db.storeSettings.clear()]);
  await savePairing({ serverUrl: 'http://srv', storeId: 'demo', registerId: 'R1', registerName: 'Caisse 1', token: 't', dbName: 'store-demo' });
  await db.storeSettings.put({ _id: 'store:settings', type: 'store_settings', storeId: 'demo', name: 'Demo', address: [], currency: 'EUR', locale: 'fr-FR', defaultLocation: 'shop' });
});

describe('park and resume', () => {
  it('parks a cart as a valid parked:<register>:<ulid> document and resumes it once', async () => {
    const cart = setNote(addProduct(emptyCart(), jam, 2), 1, 'pour Mme Durand');
    const parked = await parkSale({ cart, label: ' Mme Durand ' }, deps());
    expect(parked.ok).toBe(true);
    if (!parked.ok) return;
    const doc = port.docs.get(parked.value._id) as ParkedSaleDoc;
    expect(doc._id).toMatch(/^parked:R1:[0-9A-Z]{26}$/);
    expect(doc).toMatchObject({ label: 'Mme Durand', total: 900, parkedBy: 'Camille', registerId: 'R1' });
    expect(parseStoreDoc(doc).ok).toBe(true);

    // The projection puts it in the read model; any register resumes it from there.
    await readModelDb().registerDocs.put({ ...doc });
    const resumed = await resumeParkedSale(doc._id, { port: () => port });
    expect(resumed).toEqual({ ok: true, value: cart });
    expect(port.removed).toEqual([doc._id]);
    expect(await resumeParkedSale(doc._id, { port: () => port })).toEqual({ ok: false, error: { kind: 'already_resumed' } });
    expect(await resumeParkedSale('parked:R1:NOPE', { port: () => port })).toEqual({ ok: false, error: { kind: 'not_found' } });
  });

  it('refuses to park an empty cart', async () => {
    expect(await parkSale({ cart: emptyCart(), label: 'x' }, deps())).toEqual({ ok: false, error: { kind: 'empty_cart' } });
  });
});

describe('void', () => {
  it('records the voided lines, total, reason and override; needs a manager and a reason', async () => {
    const cart = addProduct(emptyCart(), jam, 3);
    expect(await voidSale({ cart, reason: 'changed mind', overrideId: null }, deps())).toEqual({ ok: false, error: { kind: 'needs_manager' } });
    expect(await voidSale({ cart, reason: '  ', overrideId: 'override:R1:X' }, deps())).toEqual({ ok: false, error: { kind: 'no_reason' } });
    const r = await voidSale({ cart, reason: 'changed mind', overrideId: 'override:R1:01JOVERRIDE' }, deps());
    expect(r.ok).toBe(true);
    const doc = [...port.docs.values()][0] as VoidDoc;
    expect(doc).toMatchObject({ type: 'void', total: 1350, reason: 'changed mind', by: camille.staffId, overrideId: 'override:R1:01JOVERRIDE', shiftId: null });
    expect(doc.lines).toHaveLength(1);
    expect(parseStoreDoc(doc)).toMatchObject({ ok: true });
  });
});

describe('quick product and e-mail', () => {
  it('creates a product for an unknown barcode, refusing a duplicate or an invalid code', async () => {
    expect(quickSku('3760000000017')).toBe('QP-3760000000017');
    expect(quickSku('JAM-42')).toBe('JAM-42');
    const r = await createQuickProduct({ barcode: '3760000000017', name: 'Confiture maison', price: money(650), vatRate: 550 }, { port: () => port, now });
    expect(r.ok).toBe(true);
    const doc = port.docs.get('product:QP-3760000000017') as ProductDoc;
    expect(doc).toMatchObject({ barcodes: ['3760000000017'], price: 650, currency: 'EUR', priceIncludesTax: true });
    expect(parseStoreDoc(doc).ok).toBe(true);
    await readModelDb().products.put({ ...doc, nameTokens: [] });
    expect(await createQuickProduct({ barcode: '3760000000017', name: 'x', price: money(1), vatRate: 550 }, { port: () => port, now })).toEqual({ ok: false, error: { kind: 'exists', sku: 'QP-3760000000017' } });
    const bad = await createQuickProduct({ barcode: '3760000000024', name: '', price: money(1), vatRate: 550 }, { port: () => port, now });
    expect(bad.ok ? null : bad.error.kind).toBe('invalid');
  });

  it('queues a receipt e-mail as a mail request', async () => {
    expect(await emailReceipt({ saleId: 'sale:R1:00000001', to: 'nope' }, { port: () => port, now })).toEqual({ ok: false, error: { kind: 'invalid_email' } });
    const r = await emailReceipt({ saleId: 'sale:R1:00000001', to: ' camille@example.fr ', locale: 'fr-FR' }, { port: () => port, now });
    expect(r.ok && r.value).toMatchObject({ type: 'mail_request', saleId: 'sale:R1:00000001', to: 'camille@example.fr', at: '2026-03-01T10:00:00.000Z' });
    expect(r.ok && r.value._id).toMatch(/^mailreq:R1:/);
    expect(r.ok && parseStoreDoc(r.value).ok).toBe(true);
  });
});
