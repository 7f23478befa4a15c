/**
 * A crash in the middle of replication: ~2,000 sales pushed from a client replica, the server process
 * SIGKILLed while the push runs, restarted on the same DATA_DIR and port, and the push resumed until
 * complete. Every sale must be on the server exactly once, and nothing may be left pending.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer, type Pairing, type RunningServer } from '../../support/server.ts';
import { clientPouch, remoteDb, saleDoc } from './helpers.ts';

const SALES = 2000;
let server: RunningServer;
let pairing: Pairing;
const client = clientPouch();

beforeAll(async () => {
  server = await startServer();
  await server.createStore('crash', 'Crash test');
  pairing = await server.pairNewRegister('crash', 'Caisse 1');
});

afterAll(async () => {
  await server?.stop();
  client.cleanup();
});

it('keeps every sale exactly once across a SIGKILL during replication', { timeout: 90_000 }, async () => {
  const local = new client.Pouch('register');
  const docs = Array.from({ length: SALES }, (_, i) => saleDoc('crash', pairing.registerId, i + 1));
  await local.bulkDocs(docs as never[]);
  const ids = new Set(docs.map((d) => String(d._id)));

  // First push: kill the server once a few batches are through.
  const firstPid = server.pid();
  let killed: Promise<void> | null = null;
  let writtenAtKill = 0;
  const first = local.replicate.to(remoteDb(pairing), { batch_size: 50, retry: false });
  first.on('change', (info) => {
    if (!killed && info.docs_written >= 300) {
      writtenAtKill = info.docs_written;
      killed = server.kill('SIGKILL');
    }
  });
  const firstOutcome = await first.then(
    (r) => ({ ok: true, written: r.docs_written }),
    (e: unknown) => ({ ok: false, error: e }),
  );
  expect(killed).not.toBeNull();
  await killed;
  expect(firstOutcome.ok).toBe(false);
  expect(writtenAtKill).toBeLessThan(SALES);

  // Restart on the same DATA_DIR and port, and push again until a run completes cleanly.
  await server.restart();
  expect(server.pid()).not.toBe(firstPid);
  let complete = false;
  for (let attempt = 0; attempt < 5 && !complete; attempt++) {
    const res = await local.replicate.to(remoteDb(pairing), { batch_size: 100 });
    complete = res.ok && res.status === 'complete' && res.doc_write_failures === 0;
  }
  expect(complete).toBe(true);

  // The server holds each sale exactly once, without conflicts.
  const res = await server.adminFetch('/db/store-crash/_all_docs?include_docs=true&conflicts=true&startkey=%22sale%3A%22&endkey=%22sale%3A%EF%BF%B0%22');
  expect(res.status).toBe(200);
  const body = (await res.json()) as { rows: Array<{ id: string; doc: { _conflicts?: string[]; _rev: string } }> };
  expect(body.rows.length).toBe(SALES);
  const serverIds = body.rows.map((r) => r.id);
  expect(new Set(serverIds).size).toBe(SALES);
  expect(serverIds.every((id) => ids.has(id))).toBe(true);
  expect(body.rows.filter((r) => r.doc._conflicts?.length).length).toBe(0);
  expect(body.rows.every((r) => r.doc._rev.startsWith('1-'))).toBe(true);

  // Nothing pending on the client: another push finds nothing to read or write.
  const after = await local.replicate.to(remoteDb(pairing));
  expect(after.docs_read).toBe(0);
  expect(after.docs_written).toBe(0);
  const health = await fetch(`${server.url}/healthz`);
  expect(health.status).toBe(200);
  await local.close();
});
