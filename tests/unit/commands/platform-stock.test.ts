import { describe, expect, it } from 'vitest';
import { compareWebStoreStock } from '../../../src/commands/platform-stock.ts';
import type { Pairing } from '../../../src/store/sync-port.ts';

const pairing: Pairing = { serverUrl: 'http://srv:8080', storeId: 'demo', registerId: 'rAB12', registerName: 'Caisse 1', token: 'tok', dbName: 'store-demo' };

type Seen = Array<{ url: string; init: RequestInit | undefined }>;

function scripted(status: number, body: unknown, seen: Seen): typeof fetch {
  return (async (url: string, init?: RequestInit) => {
    seen.push({ url, init });
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  }) as unknown as typeof fetch;
}

const platformResult = { platform: 'shopify', shop: 'demo.myshopify.com', ok: true, compared: 2, differences: [{ sku: 'EPI-0001', comptoir: 7, platform: 2, onHand: 7, reserved: 0 }], checkedAt: '2026-03-01T14:32:00.000Z', asOf: '2026-03-01T14:32:00.000Z' };

describe('compare web store stock command', () => {
  it('asks the server to compare with the register token', async () => {
    const seen: Seen = [];
    const r = await compareWebStoreStock(pairing, { fix: false }, { fetch: scripted(200, { storeId: 'demo', platforms: [platformResult] }, seen) });
    expect(r).toEqual({ ok: true, value: { platforms: [{ platform: 'shopify', ok: true, differences: 1 }] } });
    expect(seen[0]!.url).toBe('http://srv:8080/api/stores/demo/stock-differences');
    expect(seen[0]!.init!.method).toBe('GET');
    expect((seen[0]!.init!.headers as Record<string, string>).Authorization).toBe('Bearer tok');
  });

  it('posts a correction for one platform and reports what was queued', async () => {
    const seen: Seen = [];
    const r = await compareWebStoreStock(pairing, { fix: true, platform: 'shopify' }, { fetch: scripted(200, { storeId: 'demo', queued: 1, platforms: [{ ...platformResult, queued: 1 }] }, seen) });
    expect(r).toEqual({ ok: true, value: { queued: 1, platforms: [{ platform: 'shopify', ok: true, differences: 1, queued: 1 }] } });
    expect(seen[0]!.url).toBe('http://srv:8080/api/stores/demo/stock-differences/fix?platform=shopify');
    expect(seen[0]!.init!.method).toBe('POST');
  });

  it('keeps a platform error, and refuses an answer of the wrong shape', async () => {
    const failed = await compareWebStoreStock(pairing, { fix: false }, { fetch: scripted(200, { platforms: [{ ...platformResult, ok: false, error: 'shopify stock could not be read: HTTP 503', differences: [] }] }, []) });
    expect(failed).toEqual({ ok: true, value: { platforms: [{ platform: 'shopify', ok: false, error: 'shopify stock could not be read: HTTP 503', differences: 0 }] } });
    const odd = await compareWebStoreStock(pairing, { fix: false }, { fetch: scripted(200, { platforms: [{ platform: 'etsy', ok: true }] }, []) });
    expect(odd).toEqual({ ok: false, error: { kind: 'refused', reason: 'HTTP 200' } });
  });

  it('says when the server refuses or cannot be reached', async () => {
    const refused = await compareWebStoreStock(pairing, { fix: false }, { fetch: scripted(409, { error: 'conflict', reason: 'store "demo" has no web store link with API credentials' }, []) });
    expect(refused).toEqual({ ok: false, error: { kind: 'refused', reason: 'store "demo" has no web store link with API credentials' } });
    const offline = await compareWebStoreStock(pairing, { fix: true }, { fetch: (async () => { throw new TypeError('fetch failed'); }) as unknown as typeof fetch });
    expect(offline).toEqual({ ok: false, error: { kind: 'offline' } });
  });
});
