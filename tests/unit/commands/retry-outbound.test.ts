import { describe, expect, it } from 'vitest';
import { retryOutboundJob } from '../../../src/commands/retry-outbound.ts';
import type { Pairing } from '../../../src/store/sync-port.ts';

const pairing: Pairing = { serverUrl: 'http://srv:8080', storeId: 'demo', registerId: 'rAB12', registerName: 'Caisse 1', token: 'tok', dbName: 'store-demo' };

function scripted(status: number, body: unknown, seen: Array<{ url: string; init: RequestInit | undefined }>): typeof fetch {
  return (async (url: string, init?: RequestInit) => {
    seen.push({ url, init });
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  }) as unknown as typeof fetch;
}

describe('retry outbound job command', () => {
  it('posts the retry for the job with the register token', async () => {
    const seen: Array<{ url: string; init: RequestInit | undefined }> = [];
    const r = await retryOutboundJob(pairing, 'outbound:shopify:stock_level:EPI-0001', { fetch: scripted(200, { job: { state: 'pending' } }, seen) });
    expect(r).toEqual({ ok: true, value: { state: 'pending' } });
    expect(seen[0]!.url).toBe('http://srv:8080/api/stores/demo/outbound/outbound%3Ashopify%3Astock_level%3AEPI-0001/retry');
    expect(seen[0]!.init!.method).toBe('POST');
    expect((seen[0]!.init!.headers as Record<string, string>).Authorization).toBe('Bearer tok');
  });

  it('reports the server reason, a network failure and a foreign id as sentences', async () => {
    const refused = await retryOutboundJob(pairing, 'mail:receipt:r:1', { fetch: scripted(409, { error: 'conflict', reason: 'job is done: only dead or failed jobs can be retried' }, []) });
    expect(refused).toEqual({ ok: false, error: 'The server refused the retry: job is done: only dead or failed jobs can be retried' });
    const offline = await retryOutboundJob(pairing, 'mail:receipt:r:1', { fetch: (async () => { throw new TypeError('fetch failed'); }) as unknown as typeof fetch });
    expect(offline.ok).toBe(false);
    expect((await retryOutboundJob(pairing, 'sale:r:1')).ok).toBe(false);
  });
});
