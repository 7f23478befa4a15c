/**
 * Two registers change the same product offline (each signed by a manager): the server keeps both
 * revisions as a conflict, a register merges them field-wise (ADR 0015) and replicates the merge —
 * the server accepts it, tombstone of the losing branch included, and no conflict remains. A
 * register still cannot delete a product by sending a tombstone of its current revision.
 *
 * Two registers create the same quick product offline (no manager named): the second creation is
 * kept as a conflicting leaf, and the merge — naming no manager either — is accepted because it is
 * exactly the resolution of the leaves the server holds; any other unsigned revision is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductDoc } from '../../../src/domain/documents.ts';
import { stampWrite } from '../../../src/domain/field-clock.ts';
import { resolveDocument } from '../../../workers/sync/conflict-merge.ts';
import { conflictReplicaOf } from '../../../workers/sync/conflict-merge-runner.ts';
import { startServer, type Pairing, type RunningServer } from '../../support/server.ts';
import { clientPouch, remoteDb } from './helpers.ts';

let server: RunningServer;
let regA: Pairing;
let regB: Pairing;
const client = clientPouch();
const ID = 'product:JAM-9';
const QP = 'product:QP-3760000000017';
const T0 = Date.UTC(2026, 2, 1, 9);

const jam = {
  _id: ID, type: 'product', sku: 'JAM-9', name: 'Confiture de fraises', barcodes: ['JAM-9'], price: 650, priceIncludesTax: true,
  vatRate: 550, currency: 'EUR', category: 'Épicerie', stockTracked: true, updatedAt: new Date(T0).toISOString(),
} as unknown as ProductDoc;

async function admin(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: server.adminAuth, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** A manager's edit on a register, as the product command writes it: changed fields stamped. */
async function edit(db: PouchDB.Database<object>, register: string, minute: number, change: Partial<ProductDoc>): Promise<void> {
  const current = (await db.get(ID)) as unknown as ProductDoc;
  const at = T0 + minute * 60_000;
  await db.put(stampWrite({ ...current, ...change, updatedBy: 'staff:MGR', updatedAt: new Date(at).toISOString() } as ProductDoc, current, register, at));
}

async function serverLeaves(id = ID): Promise<Array<{ _rev: string; _deleted?: boolean }>> {
  const res = await admin('GET', `/db/store-pc/${encodeURIComponent(id)}?open_revs=all`, undefined);
  const body = (await res.json()) as Array<{ ok?: { _rev: string; _deleted?: boolean } }>;
  return body.flatMap((l) => (l.ok ? [l.ok] : []));
}

/** A quick product as a register creates it for an unknown barcode: stamped, no manager named. */
function quick(register: string, minute: number, fields: Record<string, unknown>): ProductDoc {
  const at = T0 + minute * 60_000;
  const doc = { _id: QP, type: 'product', sku: 'QP-3760000000017', name: 'Nouveau', barcodes: ['3760000000017'], price: 300, priceIncludesTax: true,
    vatRate: 2000, currency: 'EUR', category: 'Création rapide', stockTracked: false, updatedAt: new Date(at).toISOString(), ...fields } as unknown as ProductDoc;
  return stampWrite(doc, undefined, register, at);
}

async function bulkAsRegister(reg: Pairing, docs: unknown[]): Promise<Array<Record<string, unknown>>> {
  const res = await fetch(`${server.url}/db/store-pc/_bulk_docs`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${reg.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ new_edits: false, docs }),
  });
  return (await res.json()) as Array<Record<string, unknown>>;
}

const liveLeaves = async (id: string): Promise<string[]> => (await serverLeaves(id)).filter((l) => l._deleted !== true).map((l) => l._rev).sort();

beforeAll(async () => {
  server = await startServer();
  await server.createStore('pc', 'Conflits');
  regA = await server.pairNewRegister('pc', 'Caisse 1');
  regB = await server.pairNewRegister('pc', 'Caisse 2');
  const manager = { _id: 'staff:MGR', type: 'staff', name: 'Hélène', role: 'manager', active: true, updatedAt: '2026-01-01T00:00:00.000Z',
    pin: { algorithm: 'PBKDF2-SHA256', iterations: 100000, salt: 'c2FsdA==', hash: 'aGFzaA==' } };
  expect((await admin('PUT', '/db/store-pc/staff%3AMGR', manager)).status).toBe(201);
});

afterAll(async () => {
  await server?.stop();
  client.cleanup();
});

describe('a product changed on two registers offline', () => {
  it('is merged field-wise by a register and the server keeps no conflicting revision', async () => {
    const [a, b] = [new client.Pouch<object>('register-a'), new client.Pouch<object>('register-b')];
    const [serverA, serverB] = [remoteDb(regA), remoteDb(regB)];
    await a.put(stampWrite(jam, undefined, regA.registerId, T0));
    await a.replicate.to(serverA);
    await b.replicate.from(serverB);

    // Offline: the price on A, the name on B.
    await edit(a, regA.registerId, 2, { price: 700 as ProductDoc['price'] });
    await edit(b, regB.registerId, 1, { name: 'Confiture de fraises bio' });
    expect((await a.replicate.to(serverA)).doc_write_failures).toBe(0);
    expect((await b.replicate.to(serverB)).doc_write_failures).toBe(0);
    expect((await serverLeaves()).filter((l) => l._deleted !== true)).toHaveLength(2);

    // Register B gets A's revision, merges, and sends the merge back.
    await b.replicate.from(serverB);
    const report = await resolveDocument(conflictReplicaOf(b), ID);
    expect(report.merged).toEqual([ID]);
    const pushed = await b.replicate.to(serverB);
    expect(pushed.doc_write_failures).toBe(0);

    const onServer = (await (await admin('GET', `/db/store-pc/${encodeURIComponent(ID)}?conflicts=true`)).json()) as Record<string, unknown>;
    expect(onServer).toMatchObject({ price: 700, name: 'Confiture de fraises bio', sku: 'JAM-9', updatedBy: 'staff:MGR' });
    expect(onServer['_conflicts']).toBeUndefined();
    expect((await serverLeaves()).filter((l) => l._deleted !== true).map((l) => l._rev)).toEqual([onServer['_rev']]);

    // Register A converges on the same revision.
    await a.replicate.from(serverA);
    expect(await a.get(ID, { conflicts: true })).toEqual(onServer);
    await Promise.all([a.destroy(), b.destroy()]);
  });

  it('refuses a tombstone of the product\'s current revision: the product stays', async () => {
    const current = (await (await admin('GET', `/db/store-pc/${encodeURIComponent(ID)}`)).json()) as { _rev: string; price: number };
    const [gen, hash] = current._rev.split('-') as [string, string];
    const res = await fetch(`${server.url}/db/store-pc/_bulk_docs`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${regA.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ new_edits: false, docs: [{ _id: ID, _deleted: true, _rev: `${Number(gen) + 1}-${'d'.repeat(32)}`, _revisions: { start: Number(gen) + 1, ids: ['d'.repeat(32), hash] } }] }),
    });
    const failures = (await res.json()) as Array<Record<string, unknown>>;
    expect(failures).toEqual([expect.objectContaining({ id: ID, error: 'forbidden', reason: expect.stringContaining('never its current revision') })]);
    expect(await (await admin('GET', `/db/store-pc/${encodeURIComponent(ID)}`)).json()).toMatchObject({ _rev: current._rev, price: current.price });
  });
});

describe('the same quick product created on two registers offline', () => {
  it('keeps the second creation as a conflict, accepts the merge that names no manager, and leaves one revision', async () => {
    const [a, b] = [new client.Pouch<object>('register-qa'), new client.Pouch<object>('register-qb')];
    const [serverA, serverB] = [remoteDb(regA), remoteDb(regB)];
    await a.put(quick(regA.registerId, 1, { name: 'Savon lavande', price: 450 }));
    await b.put(quick(regB.registerId, 2, { name: 'Savon à la lavande' }));
    expect((await a.replicate.to(serverA)).doc_write_failures).toBe(0);
    expect((await b.replicate.to(serverB)).doc_write_failures).toBe(0);
    expect(await liveLeaves(QP)).toHaveLength(2);

    await b.replicate.from(serverB);
    expect((await resolveDocument(conflictReplicaOf(b), QP)).merged).toEqual([QP]);
    const pushed = await b.replicate.to(serverB);
    expect(pushed.doc_write_failures).toBe(0);

    const onServer = (await (await admin('GET', `/db/store-pc/${encodeURIComponent(QP)}?conflicts=true`)).json()) as Record<string, unknown>;
    // The name from the later creation, the price from the only one that set it apart.
    expect(onServer).toMatchObject({ name: 'Savon à la lavande', price: 300, sku: 'QP-3760000000017' });
    expect(onServer['updatedBy']).toBeUndefined();
    expect(onServer['_conflicts']).toBeUndefined();
    expect(await liveLeaves(QP)).toEqual([onServer['_rev']]);
    await a.replicate.from(serverA);
    expect(await a.get(QP, { conflicts: true })).toEqual(onServer);
    await Promise.all([a.destroy(), b.destroy()]);
  });

  it('refuses an unsigned revision that is not the merge of the leaves, and a second creation in another currency', async () => {
    const id = 'product:QP-3760000000024';
    const first = { ...quick(regA.registerId, 1, {}), _id: id, sku: 'QP-3760000000024', barcodes: ['3760000000024'] };
    const second = { ...first, name: 'Autre nom', clock: { '*': `${T0 + 120_000}-00000-${regB.registerId}` } };
    expect(await bulkAsRegister(regA, [{ ...first, _rev: `1-${'a'.repeat(32)}` }])).toEqual([]);
    expect(await bulkAsRegister(regB, [{ ...second, _rev: `1-${'b'.repeat(32)}` }])).toEqual([]);
    expect(await bulkAsRegister(regB, [{ ...second, currency: 'CHF', _rev: `1-${'c'.repeat(32)}` }])).toEqual([
      expect.objectContaining({ id, error: 'forbidden', reason: expect.stringContaining('currency') }),
    ]);
    // A cheaper "merge" nobody signed: refused, the two leaves stay as they were.
    const forged = { ...second, price: 1, _rev: `2-${'d'.repeat(32)}`, _revisions: { start: 2, ids: ['d'.repeat(32), 'b'.repeat(32)] } };
    expect(await bulkAsRegister(regB, [forged])).toEqual([expect.objectContaining({ id, error: 'forbidden', reason: expect.stringContaining('only a manager') })]);
    expect(await liveLeaves(id)).toEqual([`1-${'a'.repeat(32)}`, `1-${'b'.repeat(32)}`]);
  });
});
