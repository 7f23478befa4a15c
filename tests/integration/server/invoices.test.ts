/**
 * Invoice numbering on the real server: registers write invoice requests (as replication would), the
 * server numbers the invoices per store without gaps or duplicates, one per request, and a restart
 * (even a SIGKILL in the middle) neither skips nor doubles a number.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { InvoiceDoc } from '../../../src/domain/register-documents.ts';
import { startServer, type Pairing, type RunningServer } from '../../support/server.ts';
import { remoteDb, saleDoc } from './helpers.ts';

let server: RunningServer;
let registers: Pairing[];

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
let counter = 0;
function ulid(): string {
  const n = counter++;
  const tail = Array.from({ length: 6 }, (_, i) => CROCKFORD[Math.floor(n / 32 ** (5 - i)) % 32]).join('');
  return `01KDZ2CN80QD9MK2F0M5${tail}`;
}

function request(p: Pairing, source: string, i: number): Record<string, unknown> {
  return {
    _id: `invoicereq:${p.registerId}:${ulid()}`,
    type: 'invoice_request',
    registerId: p.registerId,
    source,
    customer: { name: `Client ${i}`, address: ['1 rue de la Paix', '75002 Paris'] },
    at: new Date(Date.UTC(2026, 0, 5, 10, 0, i)).toISOString(),
  };
}

async function invoices(): Promise<InvoiceDoc[]> {
  const q = `startkey=${encodeURIComponent('"invoice:inv:"')}&endkey=${encodeURIComponent('"invoice:inv:\ufff0"')}&include_docs=true`;
  const res = await server.adminFetch(`/db/store-inv/_all_docs?${q}`);
  const body = (await res.json()) as { rows: Array<{ doc: InvoiceDoc }> };
  return body.rows.map((r) => r.doc);
}

async function waitForInvoices(n: number, timeoutMs = 20_000): Promise<InvoiceDoc[]> {
  const deadline = Date.now() + timeoutMs;
  let list: InvoiceDoc[] = [];
  while (Date.now() < deadline) {
    list = await invoices();
    if (list.length >= n) return list;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`expected ${n} invoices, got ${list.length}`);
}

function expectGapless(list: InvoiceDoc[], n: number, requestIds: string[]): void {
  expect(list.map((i) => i.number)).toEqual(Array.from({ length: n }, (_, k) => k + 1));
  expect(list.map((i) => i._id)).toEqual(list.map((i) => `invoice:inv:${String(i.number).padStart(8, '0')}`));
  expect(new Set(list.map((i) => i.requestId)).size).toBe(n);
  expect(list.map((i) => i.requestId).sort()).toEqual([...requestIds].sort());
}

beforeAll(async () => {
  server = await startServer();
  await server.createStore('inv', 'Invoices');
  registers = [await server.pairNewRegister('inv', 'Caisse 1'), await server.pairNewRegister('inv', 'Caisse 2')];
  for (const p of registers) {
    const res = await remoteDb(p).put(saleDoc('inv', p.registerId, 1) as never);
    expect(res.ok).toBe(true);
  }
});

afterAll(async () => {
  await server?.stop();
});

it('numbers 20 concurrent requests from two registers 1..20, then survives restarts', { timeout: 90_000 }, async () => {
  const requests = Array.from({ length: 20 }, (_, i) => {
    const p = registers[i % 2]!;
    return { p, doc: request(p, `sale:${p.registerId}:00000001`, i) };
  });
  const results = await Promise.all(requests.map(({ p, doc }) => remoteDb(p).put(doc as never)));
  expect(results.every((r) => r.ok)).toBe(true);
  const ids = requests.map((r) => String(r.doc._id));

  const first = await waitForInvoices(20);
  expectGapless(first, 20, ids);
  const one = first[0]!;
  expect(one.total).toBe(500);
  expect(one.sourceLabel).toMatch(/^R-/);
  expect(one.customer.address).toEqual(['1 rue de la Paix', '75002 Paris']);

  // A SIGKILL right after more requests land, a restart: the pending ones are numbered on start.
  const more = Array.from({ length: 5 }, (_, i) => {
    const p = registers[i % 2]!;
    return { p, doc: request(p, `sale:${p.registerId}:00000001`, 100 + i) };
  });
  await Promise.all(more.map(({ p, doc }) => remoteDb(p).put(doc as never)));
  await server.kill('SIGKILL');
  await server.restart();
  const after = await waitForInvoices(25);
  expectGapless(after, 25, [...ids, ...more.map((m) => String(m.doc._id))]);

  // A clean restart with nothing pending issues nothing new.
  await server.restart();
  await new Promise((r) => setTimeout(r, 1000));
  expect(await invoices()).toHaveLength(25);
});

it('waits for a source that has not arrived, without taking a number', { timeout: 30_000 }, async () => {
  const p = registers[0]!;
  const before = (await invoices()).length;
  const early = request(p, `sale:${p.registerId}:00000002`, 200);
  await remoteDb(p).put(early as never);
  await new Promise((r) => setTimeout(r, 800));
  expect(await invoices()).toHaveLength(before);
  await remoteDb(p).put(saleDoc('inv', p.registerId, 2) as never);
  const list = await waitForInvoices(before + 1);
  expect(list.at(-1)).toMatchObject({ number: before + 1, requestId: early._id, source: `sale:${p.registerId}:00000002` });
});
