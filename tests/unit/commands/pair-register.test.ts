import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { pairRegister } from '../../../src/commands/pair-register.ts';
import { requestPersistence } from '../../../src/commands/request-persistence.ts';
import { startSync } from '../../../src/commands/start-sync.ts';
import { clearPairing } from '../../../src/store/device-settings.ts';
import { getPairing } from '../../../src/store/queries.ts';
import { MemoryPort } from './memory-port.ts';

const answer = { storeId: 'demo', registerId: 'R1', registerName: 'Till 1', token: 'tok', dbName: 'store-demo' };
let port: MemoryPort;

function respond(status: number, body: unknown): typeof fetch {
  return async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

beforeEach(async () => {
  port = new MemoryPort();
  await clearPairing();
});

describe('pairRegister', () => {
  it('posts the code, saves the pairing and starts sync', async () => {
    let sent: { url: string; body: string } | undefined;
    const fetchImpl: typeof fetch = async (input, init) => {
      sent = { url: String(input), body: String(init?.body) };
      return new Response(JSON.stringify(answer), { status: 200 });
    };
    const r = await pairRegister('http://srv:8080/ ', ' 123-456 ', { fetch: fetchImpl, port: () => port });
    expect(r).toEqual({ ok: true, value: { serverUrl: 'http://srv:8080', ...answer } });
    expect(sent).toEqual({ url: 'http://srv:8080/api/pair', body: '{"code":"123-456"}' });
    expect(await getPairing()).toEqual({ serverUrl: 'http://srv:8080', ...answer });
    expect(port.started).toHaveLength(1);
    expect(await startSync({ port: () => port })).toBe(true);
  });

  it('says clearly what went wrong and saves nothing', async () => {
    const bad = await pairRegister('http://srv', 'x', { fetch: respond(400, { error: 'malformed code' }), port: () => port });
    expect(bad.ok ? '' : bad.error).toMatch(/not accepted.*malformed code/);
    const unknown = await pairRegister('http://srv', 'x', { fetch: respond(404, {}), port: () => port });
    expect(unknown.ok ? '' : unknown.error).toMatch(/unknown or has expired/);
    const down = await pairRegister('http://srv', 'x', { fetch: async () => Promise.reject(new TypeError('Failed to fetch')), port: () => port });
    expect(down.ok ? '' : down.error).toMatch(/Cannot reach the server at http:\/\/srv/);
    const odd = await pairRegister('http://srv', 'x', { fetch: respond(200, { hello: 1 }), port: () => port });
    expect(odd.ok).toBe(false);
    expect((await pairRegister('srv', 'x', { port: () => port })).ok).toBe(false);
    expect(await getPairing()).toBeNull();
    expect(port.started).toHaveLength(0);
    expect(await startSync({ port: () => port })).toBe(false);
  });
});

describe('requestPersistence', () => {
  it('asks only when not yet persisted, and records the answer with the estimate', async () => {
    let asked = 0;
    const storage = {
      persisted: async () => false,
      persist: async () => (asked++, true),
      estimate: async () => ({ usage: 10, quota: 100 }),
    } as unknown as StorageManager;
    const a = await requestPersistence(storage);
    expect(a).toMatchObject({ persisted: true, usage: 10, quota: 100 });
    expect(asked).toBe(1);
    expect((await requestPersistence(undefined)).persisted).toBe(false);
  });
});
