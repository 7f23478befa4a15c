/**
 * Starts the real sync server (sync-server/main.ts) as a child process, on a free port of 127.0.0.1
 * with a temporary DATA_DIR, for integration, e2e and bench tests.
 *
 *   const server = await startServer({ seedDemo: true });
 *   await fetch(`${server.url}/healthz`);
 *   const pairing = await server.pairNewRegister('demo');        // a Pairing, ready for the replica
 *   await server.kill('SIGKILL'); await server.restart();         // same DATA_DIR, same port
 *   await server.stop();                                          // SIGTERM, waits, removes DATA_DIR
 *
 * The child is `node --import tsx sync-server/main.ts` (one process, so kill() hits the server itself).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface StartServerOptions {
  /** Seed the demo store on first start (default false: an empty server starts faster). */
  seedDemo?: boolean;
  /** Reuse a data directory (default: a fresh temp dir, removed by stop()). */
  dataDir?: string;
  /** Port to listen on (default: a free port). */
  port?: number;
  /** Built app to serve (default: a directory that does not exist, so nothing is served). */
  staticDir?: string;
  /** Admin credentials (default: admin / a random password). */
  adminUser?: string;
  adminPassword?: string;
  /** Extra environment variables for the server (CORS_ORIGINS, LONGPOLL_MAX_MS, …). */
  env?: Record<string, string>;
  /** How long to wait for /healthz to answer 200 (default 20 s). */
  readyTimeoutMs?: number;
  /** Echo the server's output to this process's stdout/stderr (default: only when DEBUG_SERVER=1). */
  echo?: boolean;
}

export interface Pairing {
  serverUrl: string;
  storeId: string;
  registerId: string;
  registerName: string;
  token: string;
  dbName: string;
}

export interface RunningServer {
  /** e.g. "http://127.0.0.1:41234" (no trailing slash). */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** Value of an Authorization header for the admin: "Basic …". */
  readonly adminAuth: string;
  readonly admin: { user: string; password: string };
  /** Process id of the current server process (changes on restart). */
  pid(): number | undefined;
  /** Everything the server printed since it was first started. */
  output(): string;
  /** Graceful stop (SIGTERM, then SIGKILL after 5 s); removes a temp DATA_DIR unless keepData. */
  stop(opts?: { keepData?: boolean }): Promise<void>;
  /** Sends a signal (default SIGKILL) and waits for the process to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts the server again on the same port and DATA_DIR (stops it first if it is running). */
  restart(): Promise<void>;
  /** fetch() against the server as admin: path like "/api/admin/stores". JSON body when given. */
  adminFetch(pathname: string, init?: { method?: string; body?: unknown }): Promise<Response>;
  createStore(id: string, name?: string): Promise<void>;
  /** Creates a register and returns its pairing code. */
  createRegister(storeId: string, name?: string): Promise<{ registerId: string; pairingCode: string; expiresAt: string }>;
  /** Redeems a pairing code (throws on failure). */
  pair(code: string): Promise<Pairing>;
  /** createRegister + pair. */
  pairNewRegister(storeId: string, name?: string): Promise<Pairing>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startServer(opts: StartServerOptions = {}): Promise<RunningServer> {
  const ownsDataDir = opts.dataDir === undefined;
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'comptoir-server-'));
  const port = opts.port ?? (await freePort());
  const admin = { user: opts.adminUser ?? 'admin', password: opts.adminPassword ?? `test-${Math.random().toString(36).slice(2)}` };
  const url = `http://127.0.0.1:${port}`;
  const adminAuth = `Basic ${Buffer.from(`${admin.user}:${admin.password}`).toString('base64')}`;
  const echo = opts.echo ?? process.env.DEBUG_SERVER === '1';
  let out = '';
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    STATIC_DIR: opts.staticDir ?? path.join(dataDir, 'no-static'),
    COMPTOIR_ADMIN_USER: admin.user,
    COMPTOIR_ADMIN_PASSWORD: admin.password,
    COMPTOIR_SEED_DEMO: opts.seedDemo ? 'true' : 'false',
    ...opts.env,
  };

  async function launch(): Promise<void> {
    const proc = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'sync-server/main.ts')], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    const collect = (stream: NodeJS.WritableStream) => (chunk: Buffer) => {
      const text = chunk.toString();
      out += text;
      if (echo) stream.write(text);
    };
    proc.stdout?.on('data', collect(process.stdout));
    proc.stderr?.on('data', collect(process.stderr));

    const deadline = Date.now() + (opts.readyTimeoutMs ?? 60_000);
    let gone = false;
    void exited.then(() => (gone = true));
    while (Date.now() < deadline) {
      if (gone) throw new Error(`sync server exited during start (code ${proc.exitCode}):\n${out}`);
      try {
        const res = await fetch(`${url}/healthz`);
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      await sleep(50);
    }
    proc.kill('SIGKILL');
    throw new Error(`sync server did not become healthy within ${opts.readyTimeoutMs ?? 60_000} ms:\n${out}`);
  }

  async function kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const proc = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    proc.kill(signal);
    await exited;
  }

  async function adminFetch(pathname: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
    return fetch(`${url}${pathname}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: { Authorization: adminAuth, ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  }

  async function expectJson<T>(res: Response, what: string): Promise<T> {
    const text = await res.text();
    if (!res.ok) throw new Error(`${what} failed: ${res.status} ${text}`);
    return JSON.parse(text) as T;
  }

  await launch();

  const server: RunningServer = {
    url,
    port,
    dataDir,
    adminAuth,
    admin,
    pid: () => child?.pid,
    output: () => out,
    async stop({ keepData = false } = {}) {
      const proc = child;
      if (proc && proc.exitCode === null && proc.signalCode === null) {
        proc.kill('SIGTERM');
        const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      if (ownsDataDir && !keepData) fs.rmSync(dataDir, { recursive: true, force: true });
    },
    kill,
    async restart() {
      await kill('SIGTERM');
      await launch();
    },
    adminFetch,
    async createStore(id, name) {
      await expectJson(await adminFetch('/api/admin/stores', { body: { id, name: name ?? id } }), `create store ${id}`);
    },
    async createRegister(storeId, name) {
      return expectJson(await adminFetch(`/api/admin/stores/${storeId}/registers`, { body: name ? { name } : {} }), `create register in ${storeId}`);
    },
    async pair(code) {
      const res = await fetch(`${url}/api/pair`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }) });
      const body = await expectJson<Omit<Pairing, 'serverUrl'>>(res, 'pairing');
      return { serverUrl: url, ...body };
    },
    async pairNewRegister(storeId, name) {
      const { pairingCode } = await server.createRegister(storeId, name);
      return server.pair(pairingCode);
    },
  };
  return server;
}
