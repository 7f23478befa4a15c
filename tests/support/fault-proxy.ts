/**
 * A loopback HTTP proxy put between the sync server and a mock platform, to inject faults without
 * touching the mock: answer some requests with an error instead of forwarding them (a platform
 * that is down), or forward at once but hold the answer back (the platform applied the change, the
 * caller has not heard yet — the window in which a crash makes the outcome unknown).
 *
 *   const proxy = await startFaultProxy(mock.url);
 *   proxy.fault = (r) => (r.method === 'PUT' ? 500 : null);  // 500 without forwarding
 *   proxy.holdMs = 5000;                                      // forward, answer 5 s later
 *   proxy.holdIf = (r) => r.method !== 'GET';                // (only these)
 *   proxy.log                                                 // every request seen, with its outcome
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
  at: number;
  /** 'forwarded' or the injected status. */
  outcome: 'forwarded' | number;
}

export interface FaultProxy {
  url: string;
  log: ProxiedRequest[];
  /** Status to answer instead of forwarding, or null to forward. */
  fault: ((req: ProxiedRequest) => number | null) | null;
  /** Hold forwarded answers this long (ms)… */
  holdMs: number;
  /** …only for the requests this accepts (default: all). */
  holdIf: ((req: ProxiedRequest) => boolean) | null;
  /** Requests forwarded whose answer has not been sent yet. */
  inFlight(): number;
  close(): Promise<void>;
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  let inflight = 0;
  const proxy: FaultProxy = {
    url: '',
    log: [],
    fault: null,
    holdMs: 0,
    holdIf: null,
    inFlight: () => inflight,
    close: async () => undefined,
  };
  const server = http.createServer((req, res) => {
    const chunks: Uint8Array[] = [];
    req.on('data', (c: Buffer) => chunks.push(new Uint8Array(c)));
    req.on('end', () => {
      void (async () => {
        const raw = Buffer.concat(chunks);
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
        let body: unknown = undefined;
        if (raw.length > 0) {
          try {
            body = JSON.parse(raw.toString('utf8'));
          } catch {
            body = raw.toString('utf8');
          }
        }
        const entry: ProxiedRequest = { method: req.method ?? 'GET', path: req.url ?? '/', headers, body, at: Date.now(), outcome: 'forwarded' };
        proxy.log.push(entry);
        const status = proxy.fault?.(entry) ?? null;
        if (status !== null) {
          entry.outcome = status;
          res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify({ errors: `injected ${status}` }));
          return;
        }
        inflight++;
        try {
          const fwdHeaders = { ...headers };
          delete fwdHeaders.host;
          delete fwdHeaders['content-length'];
          delete fwdHeaders.connection;
          const answer = await fetch(`${target}${req.url ?? '/'}`, {
            method: req.method,
            headers: fwdHeaders,
            ...(raw.length > 0 && req.method !== 'GET' && req.method !== 'HEAD' ? { body: raw.toString('utf8') } : {}),
          });
          const text = await answer.text();
          if (proxy.holdMs > 0 && (proxy.holdIf?.(entry) ?? true)) await new Promise((r) => setTimeout(r, proxy.holdMs));
          const out: Record<string, string> = {};
          answer.headers.forEach((v, k) => {
            if (!['content-length', 'transfer-encoding', 'connection', 'content-encoding'].includes(k)) out[k] = v;
          });
          if (!res.destroyed) res.writeHead(answer.status, out).end(text);
        } catch (err) {
          if (!res.destroyed) res.writeHead(502).end(String(err));
        } finally {
          inflight--;
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}
