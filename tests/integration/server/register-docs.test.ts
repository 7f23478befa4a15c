/**
 * Issue 3 write rules: registers create (never change or delete) their shifts, Z reports, overrides,
 * cash events, voids and invoice requests; park sales that any register of the store may resume
 * (delete); never write staff or invoices. Staff are managed through the admin API / CLI, and
 * verify-journal finds a sale altered on the server behind the registers' backs.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextJournalLink } from '../../../src/domain/journal.ts';
import type { JournalLink, SaleDoc } from '../../../src/domain/documents.ts';
import { startServer, type Pairing, type RunningServer } from '../../support/server.ts';
import { json, saleDoc } from './helpers.ts';

let server: RunningServer;
let a: Pairing;
let b: Pairing;
const ULID = '01KDZ2CN80QD9MK2F0M5ZNQ7AB';
const AT = '2026-03-01T09:00:00.000Z';

async function req(method: string, path: string, token: string | null, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { Authorization: token === null ? server.adminAuth : `Bearer ${token}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return fetch(`${server.url}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}
const put = (doc: Record<string, unknown>, token: string | null) => req('PUT', `/db/store-rd/${encodeURIComponent(doc._id as string)}`, token, doc);

function docs(registerId: string, suffix = ULID): Record<string, Record<string, unknown>> {
  const line = { sku: 'A', name: 'Pomme', quantity: 1, unitPrice: 250, vatRate: 550, total: 250 };
  return {
    shift: { _id: `shift:${registerId}:${suffix}`, type: 'shift', storeId: 'rd', registerId, openedAt: AT, openedBy: 'staff:x', float: 10000 },
    override: { _id: `override:${registerId}:${suffix}`, type: 'override', registerId, shiftId: null, action: 'drawer_open', managerId: 'staff:m', cashierId: 'staff:c', reason: 'monnaie', at: AT },
    cash: { _id: `cash:${registerId}:${suffix}`, type: 'cash_event', registerId, shiftId: `shift:${registerId}:${suffix}`, kind: 'drawer_open', amount: 0, reason: 'monnaie', by: 'staff:c', overrideId: `override:${registerId}:${suffix}`, at: AT },
    void: { _id: `void:${registerId}:${suffix}`, type: 'void', registerId, shiftId: null, lines: [line], total: 250, by: 'staff:c', reason: 'client parti', at: AT },
    invoicereq: { _id: `invoicereq:${registerId}:${suffix}`, type: 'invoice_request', registerId, source: `sale:${registerId}:00000001`, customer: { name: 'SARL Dupont', address: ['1 rue'] }, at: AT },
  };
}

const parked = (registerId: string, suffix = ULID) => ({
  _id: `parked:${registerId}:${suffix}`, type: 'parked_sale', registerId, parkedAt: AT, parkedBy: 'staff:c', label: 'Mme Durand', cart: { lines: [] }, total: 0,
});

beforeAll(async () => {
  server = await startServer();
  await server.createStore('rd', 'Register docs');
  a = await server.pairNewRegister('rd', 'Caisse 1');
  b = await server.pairNewRegister('rd', 'Caisse 2');
});

afterAll(async () => {
  await server?.stop();
});

describe('register documents', () => {
  it('lets a register create its own documents once, never change, delete or forge another register\'s', async () => {
    for (const [name, doc] of Object.entries(docs(a.registerId))) {
      const created = await put(doc, a.token);
      expect(created.status, `${name}: ${JSON.stringify(await created.clone().json())}`).toBe(201);
      const { rev } = (await created.json()) as { rev: string };
      expect((await put({ ...doc, _rev: rev, reason: 'changed' }, a.token)).status, name).toBe(403);
      const del = await req('POST', '/db/store-rd/_bulk_docs', a.token, { docs: [{ _id: doc._id, _rev: rev, _deleted: true }] });
      expect(((await del.json()) as Array<Record<string, unknown>>)[0], name).toMatchObject({ error: 'forbidden' });
    }
    for (const [name, doc] of Object.entries(docs(a.registerId, '01KDZ2CN80QD9MK2F0M5ZNQ7AC'))) {
      const forged = await put(doc, b.token);
      expect(forged.status, name).toBe(403);
      expect(((await json(forged)).reason as string)).toContain(b.registerId);
    }
  });

  it('refuses an invalid document with the field at fault', async () => {
    const shift = { ...docs(a.registerId, '01KDZ2CN80QD9MK2F0M5ZNQ7AD').shift, float: -5 };
    const res = await put(shift, a.token);
    expect(res.status).toBe(403);
    expect((await json(res)).reason).toMatch(/^float:/);
    const cash = { ...docs(a.registerId, '01KDZ2CN80QD9MK2F0M5ZNQ7AD').cash, amount: 100 };
    expect((await json(await put(cash, a.token))).reason).toMatch(/^amount:/);
  });

  it('lets any register of the store resume (delete) a parked sale, but nobody change it', async () => {
    const doc = parked(a.registerId);
    expect((await put(doc, b.token)).status).toBe(403);
    const created = await put(doc, a.token);
    expect(created.status).toBe(201);
    const { rev } = (await created.json()) as { rev: string };
    expect((await put({ ...doc, _rev: rev, label: 'autre' }, a.token)).status).toBe(403);
    const resumed = await req('DELETE', `/db/store-rd/${encodeURIComponent(doc._id)}?rev=${rev}`, b.token);
    expect(resumed.status).toBe(200);
    expect((await req('GET', `/db/store-rd/${encodeURIComponent(doc._id)}`, null)).status).toBe(404);
    // Resumed twice: the second deletion targets a revision that is gone.
    expect((await req('DELETE', `/db/store-rd/${encodeURIComponent(doc._id)}?rev=${rev}`, a.token)).status).toBe(409);

    const other = parked(b.registerId, '01KDZ2CN80QD9MK2F0M5ZNQ7AE');
    const made = (await (await put(other, b.token)).json()) as { rev: string };
    const bulk = await req('POST', '/db/store-rd/_bulk_docs', a.token, { docs: [{ _id: other._id, _rev: made.rev, _deleted: true }] });
    expect(((await bulk.json()) as Array<Record<string, unknown>>)[0]).toMatchObject({ ok: true, id: other._id });
  });

  it('keeps staff and invoices for the server alone', async () => {
    const staff = { _id: `staff:${ULID}`, type: 'staff', name: 'Eve', role: 'manager', pin: { algorithm: 'PBKDF2-SHA256', iterations: 100000, salt: 'AAAA', hash: 'AAAA' }, active: true, updatedAt: AT };
    const res = await put(staff, a.token);
    expect(res.status).toBe(403);
    expect((await json(res)).reason).toMatch(/server only/);
    const invoice = { _id: 'invoice:rd:00000001', type: 'invoice' };
    expect((await put(invoice, a.token)).status).toBe(403);
  });
});

describe('staff admin API', () => {
  it('creates, lists, updates and deactivates staff without ever returning a PIN', async () => {
    const bad = await req('POST', '/api/admin/stores/rd/staff', null, { name: 'Zoé', role: 'cashier', pin: '12' });
    expect(bad.status).toBe(400);
    expect((await json(bad)).reason).toMatch(/pin: the PIN is too short/);
    expect((await req('POST', '/api/admin/stores/rd/staff', null, { name: 'Zoé', role: 'boss', pin: '1234' })).status).toBe(400);
    expect((await req('POST', '/api/admin/stores/nope/staff', null, { name: 'Zoé', role: 'cashier', pin: '1234' })).status).toBe(404);
    expect((await req('POST', '/api/admin/stores/rd/staff', a.token, { name: 'Zoé', role: 'cashier', pin: '1234' })).status).toBe(401);

    const created = await req('POST', '/api/admin/stores/rd/staff', null, { name: 'Zoé', role: 'cashier', pin: '4321' });
    expect(created.status).toBe(201);
    const zoe = await json(created);
    expect(zoe).toMatchObject({ name: 'Zoé', role: 'cashier', active: true });
    expect(JSON.stringify(zoe)).not.toMatch(/pin|4321/i);
    const stored = await json(await req('GET', `/db/store-rd/${encodeURIComponent(zoe.id as string)}`, a.token));
    expect(stored.pin).toMatchObject({ algorithm: 'PBKDF2-SHA256' });
    expect((stored.pin as { iterations: number }).iterations).toBeGreaterThanOrEqual(100_000);

    const list = await json(await req('GET', '/api/admin/stores/rd/staff', null));
    expect(list.staff).toEqual([expect.objectContaining({ id: zoe.id, name: 'Zoé' })]);
    expect(JSON.stringify(list)).not.toMatch(/hash|salt/);

    const repinned = await req('PATCH', `/api/admin/stores/rd/staff/${encodeURIComponent(zoe.id as string)}`, null, { pin: '5555', active: false });
    expect(await json(repinned)).toMatchObject({ active: false });
    const after = await json(await req('GET', `/db/store-rd/${encodeURIComponent(zoe.id as string)}`, a.token));
    expect((after.pin as { hash: string }).hash).not.toBe((stored.pin as { hash: string }).hash);
    expect((await req('PATCH', '/api/admin/stores/rd/staff/staff:nobody', null, { active: false })).status).toBe(404);
    expect((await req('PATCH', `/api/admin/stores/rd/staff/${encodeURIComponent(zoe.id as string)}`, null, { salary: 1 })).status).toBe(400);
  });
});

function cli(...args: string[]): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'sync-server/cli/admin.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, COMPTOIR_URL: server.url, COMPTOIR_ADMIN_USER: server.admin.user, COMPTOIR_ADMIN_PASSWORD: server.admin.password },
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('verify-journal', () => {
  it('reports every chain as ok, then names a sale altered on the server and exits 1', async () => {
    expect(cli('create-staff', '--store', 'rd', '--name', 'Marc', '--role', 'manager', '--pin', '9876')).toMatchObject({ status: 0 });
    expect(cli('list-staff', '--store', 'rd').out).toMatch(/Marc\s+manager\s+active/);

    let prev: JournalLink | null = null;
    const sales: SaleDoc[] = [];
    for (let n = 1; n <= 3; n++) {
      const bare = saleDoc('rd', a.registerId, n) as unknown as SaleDoc;
      const doc: SaleDoc = { ...bare, journal: await nextJournalLink(prev, bare) };
      prev = doc.journal!;
      expect((await put(doc as unknown as Record<string, unknown>, a.token)).status).toBe(201);
      sales.push(doc);
    }
    const good = cli('verify-journal', '--store', 'rd');
    expect(good.status).toBe(0);
    expect(good.out).toContain(`${a.registerId}: ok, 3 entries, grand total €15.00`);

    // The admin rewrites sale 2 through the database API, bypassing the register rules: another cashier.
    const id = sales[1]!._id;
    const current = await json(await req('GET', `/db/store-rd/${encodeURIComponent(id)}`, null));
    const altered = { ...current, cashier: 'Quelqu’un d’autre' };
    expect((await req('PUT', `/db/store-rd/${encodeURIComponent(id)}`, null, altered)).status).toBe(201);

    const bad = cli('verify-journal', '--store', 'rd');
    expect(bad.status).toBe(1);
    expect(bad.out).toContain(`BROKEN at entry ${id}: altered`);
    const api = await json(await req('GET', '/api/admin/stores/rd/journal/verify', null));
    expect(api).toMatchObject({ ok: false, registers: [expect.objectContaining({ registerId: a.registerId, ok: false, entryId: id, seq: 2, problem: 'altered' })] });
  });
});
