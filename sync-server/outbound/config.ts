/**
 * Configuration of the outbound queue and mail, read from the environment by main.ts (problems are
 * reported with the server's other configuration problems, exit code 78).
 */
import { loadMailConfig, type MailConfig } from '../mail/mailer.ts';

export interface OutboundConfig {
  enabled: boolean;
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  leaseMs: number;
  pollMs: number;
  coalesceMs: number;
  pushTimeoutMs: number;
  /** How often each store's unpaid web orders are checked for the automatic cancellation. */
  autoCancelIntervalMs: number;
  mail: MailConfig;
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const v = Number(raw.trim());
  if (!Number.isInteger(v) || v < min || v > max) {
    problems.push(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
    return fallback;
  }
  return v;
}

export function loadOutboundConfig(env: Env = process.env): { config: OutboundConfig; problems: string[] } {
  const problems: string[] = [];
  const enabledRaw = (env.OUTBOUND_ENABLED ?? '').trim().toLowerCase();
  if (enabledRaw !== '' && !['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'].includes(enabledRaw)) problems.push(`OUTBOUND_ENABLED must be true or false, got "${env.OUTBOUND_ENABLED}"`);
  const mail = loadMailConfig(env);
  problems.push(...mail.problems);
  const config: OutboundConfig = {
    enabled: !['0', 'false', 'no', 'off'].includes(enabledRaw),
    maxAttempts: int(env, 'OUTBOUND_MAX_ATTEMPTS', 10, 1, 100, problems),
    backoffBaseMs: int(env, 'OUTBOUND_BACKOFF_BASE_MS', 5_000, 1, 3_600_000, problems),
    backoffMaxMs: int(env, 'OUTBOUND_BACKOFF_MAX_MS', 3_600_000, 1, 86_400_000, problems),
    leaseMs: int(env, 'OUTBOUND_LEASE_MS', 60_000, 100, 3_600_000, problems),
    pollMs: int(env, 'OUTBOUND_POLL_MS', 1_000, 10, 600_000, problems),
    coalesceMs: int(env, 'OUTBOUND_COALESCE_MS', 2_000, 0, 600_000, problems),
    pushTimeoutMs: int(env, 'OUTBOUND_PUSH_TIMEOUT_MS', 15_000, 100, 600_000, problems),
    autoCancelIntervalMs: int(env, 'OUTBOUND_AUTO_CANCEL_INTERVAL_MS', 60_000, 100, 86_400_000, problems),
    mail: mail.config,
  };
  if (config.pushTimeoutMs >= config.leaseMs) problems.push(`OUTBOUND_PUSH_TIMEOUT_MS (${config.pushTimeoutMs}) must be shorter than OUTBOUND_LEASE_MS (${config.leaseMs})`);
  return { config, problems };
}
