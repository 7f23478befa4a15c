/**
 * The network printer relay in the real sync server, with a loopback TCP printer on 127.0.0.1: a
 * register of the store prints through it, a printer not configured is refused, another store's
 * register gets 403. The network transport passes the shared Transport contract against it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReceiptBytes } from '../../../src/documents/receipt-escpos.ts';
import { NetworkTransport } from '../../../src/hardware/network-transport.ts';
import { interpret } from '../../support/escpos/interpreter.ts';
import { startLoopbackPrinter, type LoopbackPrinter } from '../../support/loopback-printer.ts';
import { startServer, type Pairing, type RunningServer } from '../../support/server.ts';
import { transportContract } from '../../support/transport-contract.ts';
import { sampleSale } from '../../unit/hardware/fixtures.ts';

let server: RunningServer;
let printer: LoopbackPrinter;
let paris: Pairing;
let lyon: Pairing;

beforeAll(async () => {
  server = await startServer();
  printer = await startLoopbackPrinter();
  await server.createStore('paris');
  await server.createStore('lyon');
  paris = await server.pairNewRegister('paris');
  lyon = await server.pairNewRegister('lyon');
  const put = await server.adminFetch(`/api/admin/stores/paris/printers/counter`, { method: 'PUT', body: { host: '127.0.0.1', port: printer.port, name: 'Comptoir' } });
  expect(put.status).toBe(200);
}, 60_000);

afterAll(async () => {
  await printer?.stop();
  await server?.stop();
});

const raw = (p: Pairing, storeId: string, printerId: string, body: Uint8Array, extra = ''): Promise<Response> =>
  fetch(`${server.url}/api/stores/${storeId}/printers/${printerId}/raw${extra}`, { method: 'POST', headers: { Authorization: `Bearer ${p.token}`, 'Content-Type': 'application/octet-stream' }, body: new Blob([body.slice()]) });

describe('printer relay', () => {
  it('a register of the store prints a receipt through the relay: the printer receives the exact bytes', async () => {
    const bytes = buildReceiptBytes(sampleSale(), { shopName: 'Épicerie', address: [], registerName: 'Caisse 1', lang: 'fr' });
    const before = printer.bytes().length;
    const res = await raw(paris, 'paris', 'counter', bytes);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ printerId: 'counter', bytes: bytes.length });
    await printer.settled();
    const got = printer.bytes().slice(before);
    expect(Array.from(got)).toEqual(Array.from(bytes));
    expect(interpret(got).lines.join('\n')).toMatch(/TOTAL\s+28,78 €/);
  });

  it('lists the store\'s printers to its registers, without their addresses', async () => {
    const res = await fetch(`${server.url}/api/stores/paris/printers`, { headers: { Authorization: `Bearer ${paris.token}` } });
    expect(await res.json()).toEqual({ printers: [{ printerId: 'counter', name: 'Comptoir' }] });
  });

  it('refuses a printer not configured for the store, whatever address the caller names', async () => {
    const res = await raw(paris, 'paris', 'other', Uint8Array.of(0x41), `?host=127.0.0.1&port=${printer.port}`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'not_found' });
  });

  it("another store's register gets 403, and no byte reaches the printer", async () => {
    const before = printer.bytes().length;
    const res = await raw(lyon, 'paris', 'counter', Uint8Array.of(0x41));
    expect(res.status).toBe(403);
    await printer.settled();
    expect(printer.bytes().length).toBe(before);
  });

  it('needs credentials, and only the admin configures printers', async () => {
    const anonymous = await fetch(`${server.url}/api/stores/paris/printers/counter/raw`, { method: 'POST', body: 'A' });
    expect(anonymous.status).toBe(401);
    const byRegister = await fetch(`${server.url}/api/admin/stores/paris/printers/evil`, { method: 'PUT', headers: { Authorization: `Bearer ${paris.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ host: '127.0.0.1', port: 22 }) });
    expect(byRegister.status).toBe(401);
    const badHost = await server.adminFetch(`/api/admin/stores/paris/printers/x`, { method: 'PUT', body: { host: 'not a host!', port: 9100 } });
    expect(badHost.status).toBe(400);
  });

  it('says so when the printer is unreachable (502)', async () => {
    await server.adminFetch(`/api/admin/stores/paris/printers/off`, { method: 'PUT', body: { host: '127.0.0.1', port: 1 } });
    const res = await raw(paris, 'paris', 'off', Uint8Array.of(0x41));
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ error: 'printer_unreachable' });
  });
});

transportContract('network relay (loopback printer)', async () => {
  const before = printer.bytes().length;
  const transport = new NetworkTransport({ serverUrl: server.url, storeId: 'paris', token: paris.token, printerId: 'counter' });
  return {
    transport,
    received: async () => {
      await printer.settled();
      return printer.bytes().slice(before);
    },
    unplug: () => printer.stop(),
    replug: () => printer.start(),
  };
});
