/**
 * The server's invoice numbering against a real (LevelDB) PouchDB: two numbering instances on one
 * database stand for two server processes; a counter left "pending" stands for a crash between the
 * counter write and the invoice write.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PouchDB from 'pouchdb';
import { afterAll, expect, it } from 'vitest';
import type { InvoiceDoc, InvoiceRequestDoc } from '../../../src/domain/register-documents.ts';
import { COUNTER_ID, InvoiceNumbering } from '../../../sync-server/invoices/numbering.ts';
import { saleDoc } from '../../integration/server/helpers.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comptoir-invoices-'));
const Pouch = PouchDB.defaults({ prefix: `${dir}/` } as PouchDB.Configuration.DatabaseConfiguration) as unknown as PouchDB.Static;
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const request = (i: number): InvoiceRequestDoc => ({
  _id: `invoicereq:R1:01KDZ2CN80QD9MK2F0M5ZNQ${String(i).padStart(3, '0')}`,
  type: 'invoice_request',
  registerId: 'R1',
  source: 'sale:R1:00000001',
  customer: { name: `C${i}`, address: ['x'] },
  at: '2026-01-05T10:00:00.000Z',
});

async function allInvoices(db: PouchDB.Database<object>): Promise<InvoiceDoc[]> {
  const res = await db.allDocs({ startkey: 'invoice:s:', endkey: 'invoice:s:\ufff0', include_docs: true });
  return res.rows.map((r) => r.doc as unknown as InvoiceDoc);
}

it('two processes racing on one database never skip or double a number', async () => {
  const db = new Pouch('race') as PouchDB.Database<object>;
  await db.put(saleDoc('s', 'R1', 1) as never);
  const a = new InvoiceNumbering(db, 's');
  const b = new InvoiceNumbering(db, 's');
  const reqs = Array.from({ length: 12 }, (_, i) => request(i));
  for (const r of reqs) await db.put(r as never);
  // Each process handles its requests one by one; both also try the other's (a duplicate delivery).
  const run = async (n: InvoiceNumbering, list: InvoiceRequestDoc[]): Promise<void> => {
    for (const r of list) await n.allocate(r);
  };
  await Promise.all([run(a, reqs), run(b, [...reqs].reverse())]);
  const list = await allInvoices(db);
  expect(list.map((i) => i.number)).toEqual(Array.from({ length: 12 }, (_, k) => k + 1));
  expect(new Set(list.map((i) => i.requestId)).size).toBe(12);
  await db.destroy();
});

it('a crash after the counter write is completed by the next reader, with the same number', async () => {
  const db = new Pouch('crash') as PouchDB.Database<object>;
  await db.put(saleDoc('s', 'R1', 1) as never);
  const r1 = request(1);
  const r2 = request(2);
  await db.put(r1 as never);
  await db.put(r2 as never);
  // As if a process took number 1 for r1 and died before writing the invoice.
  await db.put({ _id: COUNTER_ID, last: 1, pending: { number: 1, requestId: r1._id, issuedAt: '2026-01-05T11:00:00.000Z' } } as never);
  const n = new InvoiceNumbering(db, 's');
  const second = await n.allocate(r2);
  expect(second).toMatchObject({ kind: 'issued', invoice: { number: 2, requestId: r2._id } });
  const again = await n.allocate(r1);
  expect(again).toMatchObject({ kind: 'exists', invoice: { number: 1, requestId: r1._id, issuedAt: '2026-01-05T11:00:00.000Z' } });
  expect((await allInvoices(db)).map((i) => i.number)).toEqual([1, 2]);
  const missing = await n.allocate({ ...request(3), source: 'sale:R1:00000009' });
  expect(missing).toEqual({ kind: 'source_missing', source: 'sale:R1:00000009' });
  expect(await allInvoices(db)).toHaveLength(2);
  await db.destroy();
});
