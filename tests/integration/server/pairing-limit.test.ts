/** Failed pairing attempts are rate-limited per client address. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../support/server.ts';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ env: { PAIR_MAX_FAILURES: '3' } });
  await server.createStore('gamma', 'Gamma');
});

afterAll(async () => {
  await server?.stop();
});

const pair = (code: string) =>
  fetch(`${server.url}/api/pair`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }) });

it('answers 429 after too many wrong codes, even for a valid one', async () => {
  const { pairingCode } = await server.createRegister('gamma', 'Caisse 1');
  for (let i = 0; i < 3; i++) expect((await pair('WXYZ2345')).status).toBe(404);
  const blocked = await pair(pairingCode);
  expect(blocked.status).toBe(429);
  expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/);
  expect(await blocked.json()).toMatchObject({ error: 'too_many_requests' });
});
