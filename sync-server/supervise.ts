/**
 * A tiny supervisor: runs sync-server/main.ts in a child process and restarts it when it crashes,
 * with exponential backoff (1 s, 2 s, 4 s … capped at 30 s; reset after 60 s of healthy uptime).
 * SIGTERM/SIGINT are forwarded and the supervisor exits with the child. A configuration error
 * (exit code 78) or a clean exit (0) is not restarted.
 *
 *   tsx sync-server/supervise.ts        (or: node --import tsx sync-server/supervise.ts)
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const EXIT_CONFIG = 78;
const MIN_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 30_000;
const STABLE_AFTER_MS = 60_000;

let child: ChildProcess | null = null;
let stopping = false;
let backoff = MIN_BACKOFF_MS;
let restartTimer: NodeJS.Timeout | null = null;

const log = (msg: string): void => console.error(`[supervisor] ${msg}`);

function start(): void {
  const startedAt = Date.now();
  child = fork(MAIN, process.argv.slice(2), { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  log(`started server (pid ${child.pid})`);
  child.on('exit', (code, signal) => {
    child = null;
    if (stopping) {
      log('server stopped');
      process.exit(code ?? 0);
    }
    if (code === 0 || code === EXIT_CONFIG) {
      log(code === 0 ? 'server exited cleanly' : 'server configuration is invalid: not restarting');
      process.exit(code);
    }
    if (Date.now() - startedAt > STABLE_AFTER_MS) backoff = MIN_BACKOFF_MS;
    log(`server died (${signal ?? `exit code ${code}`}); restarting in ${backoff / 1000} s`);
    restartTimer = setTimeout(start, backoff);
    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
  });
}

function stop(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  if (restartTimer) clearTimeout(restartTimer);
  if (child) child.kill(signal);
  else process.exit(0);
}

process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
start();
