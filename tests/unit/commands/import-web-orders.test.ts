import { describe, expect, it } from 'vitest';
import { dayRange, getWebOrderImport, startWebOrderImport } from '../../../src/commands/import-web-orders.ts';
import type { Pairing } from '../../../src/store/sync-port.ts';

const pairing: Pairing = { serverUrl: 'http://srv:8080', storeId: 'demo', registerId: 'rAB12', registerName: 'Caisse 1', token: 'tok', dbName: 'store-demo' };
const job = { id: 'imp-1', state: 'running', imported: 0, unchanged: 0, total: 0, errors: [] };

function scripted(status: number, body: unknown, seen: Array<{ url: string; init: RequestInit | undefined }>): typeof fetch {
  return (async (url: string, init?: RequestInit) => {
    seen.push({ url, init });
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  }) as unknown as typeof fetch;
}

describe('import web orders command', () => {
  it('posts the range with the register token and returns the job', async () => {
    const seen: Array<{ url: string; init: RequestInit | undefined }> = [];
    const r = await startWebOrderImport(pairing, { from: '2026-11-01T00:00:00Z', to: '2026-11-02T00:00:00Z' }, { fetch: scripted(202, job, seen) });
    expect(r).toEqual({ ok: true, value: job });
    expect(seen[0]!.url).toBe('http://srv:8080/api/stores/demo/import-web-orders');
    expect((seen[0]!.init!.headers as Record<string, string>).Authorization).toBe('Bearer tok');
    expect(JSON.parse(seen[0]!.init!.body as string)).toEqual({ from: '2026-11-01T00:00:00Z', to: '2026-11-02T00:00:00Z' });
  });

  it('reports the server reason, a network failure and a reversed range as sentences', async () => {
    const refused = await startWebOrderImport(pairing, { from: '2026-11-01', to: '2026-11-02' }, { fetch: scripted(409, { error: 'not_linked', reason: 'no platform link' }, []) });
    expect(refused).toEqual({ ok: false, error: 'The server refused the import: no platform link' });
    const offline = await getWebOrderImport(pairing, 'imp-1', { fetch: (async () => { throw new TypeError('fetch failed'); }) as unknown as typeof fetch });
    expect(offline.ok).toBe(false);
    expect((await startWebOrderImport(pairing, { from: '2026-11-02', to: '2026-11-01' })).ok).toBe(false);
  });

  it('turns picked days into a whole-day range', () => {
    const { from, to } = dayRange('2026-11-01', '2026-11-03');
    expect(Date.parse(to) - Date.parse(from)).toBe(3 * 24 * 3600_000 - 1);
  });
});
