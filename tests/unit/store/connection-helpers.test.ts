import { describe, expect, it } from 'vitest';
import { backOff, MAX_BACKOFF_MS, probeHealth } from '../../../workers/sync/health.ts';
import { bearerFetch, describeError, isAuthError } from '../../../workers/sync/server-answers.ts';

describe('reconnect backoff', () => {
  it('doubles from 1 s and never exceeds 30 s', () => {
    const delays: number[] = [];
    let d = 0;
    for (let i = 0; i < 10; i++) delays.push((d = backOff(d)));
    expect(delays.slice(0, 5)).toEqual([1000, 2000, 4000, 8000, 16000]);
    expect(Math.max(...delays)).toBe(MAX_BACKOFF_MS);
  });
});

describe('health probe', () => {
  it('tells healthy, unhealthy and unreachable apart', async () => {
    const urls: string[] = [];
    const answer = (status: number): typeof fetch => async (input) => {
      urls.push(String(input));
      return new Response('{}', { status });
    };
    expect(await probeHealth('http://srv', 100, answer(200))).toBe('healthy');
    expect(await probeHealth('http://srv', 100, answer(503))).toBe('unhealthy');
    expect(await probeHealth('http://srv', 100, async () => Promise.reject(new TypeError('Failed to fetch')))).toBe('unreachable');
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    expect(await probeHealth('http://srv', 20, hanging)).toBe('unreachable');
    expect(urls[0]).toBe('http://srv/healthz');
  });
});

describe('server answers', () => {
  it('adds the bearer token to PouchDB requests, keeping its headers', async () => {
    let seen: Headers | undefined;
    const f = bearerFetch('tok-1', async (_input, init) => {
      seen = new Headers(init?.headers);
      return new Response('{}');
    });
    await f('http://srv/db/store-demo', { headers: new Headers({ Accept: 'application/json' }) });
    expect(seen?.get('Authorization')).toBe('Bearer tok-1');
    expect(seen?.get('Accept')).toBe('application/json');
  });

  it('recognises refused credentials and describes errors', () => {
    expect(isAuthError({ status: 401 })).toBe(true);
    expect(isAuthError({ status: 403 })).toBe(true);
    expect(isAuthError({ status: 500 })).toBe(false);
    expect(describeError({ status: 403, reason: 'forbidden register' })).toBe('403 forbidden register');
  });
});
