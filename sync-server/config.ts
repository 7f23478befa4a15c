/**
 * Server configuration, read from the environment once at start and validated.
 * Every problem is reported at once, with the variable name and what is expected.
 */
import path from 'node:path';

export const DEMO_ADMIN_USER = 'admin';
export const DEMO_ADMIN_PASSWORD = 'comptoir-demo';

export interface ServerConfig {
  port: number;
  host: string;
  /** Absolute path of the directory holding LevelDB databases and the private system file. */
  dataDir: string;
  /** Absolute path of the built app (vite build output); served when it exists. */
  staticDir: string;
  admin: { user: string; password: string };
  /** True when the documented demo credentials are in use (a loud warning is printed). */
  usingDefaultAdmin: boolean;
  seedDemo: boolean;
  /** Origins allowed to call the API cross-origin (the app itself is same-origin). */
  corsOrigins: string[];
  /** Largest accepted request body, in bytes. */
  bodyLimitBytes: number;
  /** Longest time an idle `_changes?feed=longpoll` is held open, in ms (≤ 60 s). */
  longpollMaxMs: number;
  /** Failed pairing attempts allowed per IP address per window. */
  pairMaxFailures: number;
  pairWindowMs: number;
  /** Express "trust proxy" setting (only when behind a reverse proxy). */
  trustProxy: boolean;
  /** PouchDB storage adapter of the embedded engine ("leveldb" today; "nodesqlite" with PouchDB 10). */
  storageAdapter: string;
  /** Safety-net poll of the web platforms, in ms (0 = off). */
  pollIntervalMs: number;
  /** Largest webhook body, in bytes. */
  webhookBodyLimitBytes: number;
  /** First retry delay of a failed inbox delivery (doubles each time), and the attempts before "failed". */
  inboxRetryBaseMs: number;
  inboxMaxAttempts: number;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function intVar(env: Env, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw.trim());
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
    return fallback;
  }
  return value;
}

function boolVar(env: Env, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const v = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  problems.push(`${name} must be true or false, got "${raw}"`);
  return fallback;
}

function sizeVar(env: Env, name: string, fallback: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const m = /^(\d+)\s*(b|kb|mb)?$/i.exec(raw.trim());
  if (!m) {
    problems.push(`${name} must be a size like 8mb, 512kb or 1048576, got "${raw}"`);
    return fallback;
  }
  const unit = (m[2] ?? 'b').toLowerCase();
  const bytes = Number(m[1]) * (unit === 'mb' ? 1024 * 1024 : unit === 'kb' ? 1024 : 1);
  if (bytes < 1024 || bytes > 64 * 1024 * 1024) {
    problems.push(`${name} must be between 1kb and 64mb, got "${raw}"`);
    return fallback;
  }
  return bytes;
}

export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): ServerConfig {
  const problems: string[] = [];
  const port = intVar(env, 'PORT', 8080, 0, 65535, problems);
  const host = (env.HOST ?? '').trim() || '0.0.0.0';
  const dataDir = path.resolve(cwd, (env.DATA_DIR ?? '').trim() || './data');
  const staticDir = path.resolve(cwd, (env.STATIC_DIR ?? '').trim() || './dist');

  const userRaw = env.COMPTOIR_ADMIN_USER;
  const passRaw = env.COMPTOIR_ADMIN_PASSWORD;
  const user = userRaw === undefined || userRaw === '' ? DEMO_ADMIN_USER : userRaw;
  const password = passRaw === undefined || passRaw === '' ? DEMO_ADMIN_PASSWORD : passRaw;
  if (user.includes(':')) problems.push('COMPTOIR_ADMIN_USER must not contain ":" (HTTP Basic separator)');
  if (password.length < 8) problems.push('COMPTOIR_ADMIN_PASSWORD must be at least 8 characters');
  const usingDefaultAdmin = user === DEMO_ADMIN_USER && password === DEMO_ADMIN_PASSWORD;

  const corsOrigins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim().replace(/\/+$/, ''))
    .filter((o) => o !== '');
  for (const origin of corsOrigins) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
      problems.push(`CORS_ORIGINS entries must look like https://host[:port] (or *), got "${origin}"`);
    }
  }

  const config: ServerConfig = {
    port,
    host,
    dataDir,
    staticDir,
    admin: { user, password },
    usingDefaultAdmin,
    seedDemo: boolVar(env, 'COMPTOIR_SEED_DEMO', true, problems),
    corsOrigins,
    bodyLimitBytes: sizeVar(env, 'BODY_LIMIT', 8 * 1024 * 1024, problems),
    longpollMaxMs: intVar(env, 'LONGPOLL_MAX_MS', 25_000, 100, 60_000, problems),
    pairMaxFailures: intVar(env, 'PAIR_MAX_FAILURES', 10, 1, 10_000, problems),
    pairWindowMs: intVar(env, 'PAIR_WINDOW_MS', 15 * 60_000, 1000, 24 * 3600_000, problems),
    trustProxy: boolVar(env, 'TRUST_PROXY', false, problems),
    storageAdapter: (env.POUCHDB_ADAPTER ?? '').trim() || 'leveldb',
    pollIntervalMs: intVar(env, 'POLL_INTERVAL_MS', 5 * 60_000, 0, 24 * 3600_000, problems),
    webhookBodyLimitBytes: sizeVar(env, 'WEBHOOK_BODY_LIMIT', 2 * 1024 * 1024, problems),
    inboxRetryBaseMs: intVar(env, 'INBOX_RETRY_BASE_MS', 5000, 10, 3600_000, problems),
    inboxMaxAttempts: intVar(env, 'INBOX_MAX_ATTEMPTS', 10, 1, 100, problems),
  };
  if (!/^[a-z][a-z0-9-]*$/.test(config.storageAdapter)) {
    problems.push(`POUCHDB_ADAPTER must be a PouchDB adapter name like leveldb, got "${config.storageAdapter}"`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** The multi-line warning printed on stderr when the demo admin credentials are in use. */
export function defaultAdminWarning(): string {
  const line = '!'.repeat(78);
  return [
    '',
    line,
    '!!  WARNING: the sync server is using the DEMO admin credentials',
    `!!           (user "${DEMO_ADMIN_USER}", password "${DEMO_ADMIN_PASSWORD}").`,
    '!!  Anyone who can reach this server can create stores and registers.',
    '!!  Set COMPTOIR_ADMIN_USER and COMPTOIR_ADMIN_PASSWORD before real use.',
    line,
    '',
  ].join('\n');
}
