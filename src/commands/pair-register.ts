/**
 * Pairs this device with a register of a store: the server trades a one-time code for the register's
 * identity and bearer token. Every failure is a sentence a shop assistant can act on.
 */
import { err, ok, type Result } from '../domain/result.ts';
import { savePairing } from '../store/sync-client.ts';
import type { Pairing } from '../store/sync-port.ts';
import { withDefaults, type CommandDeps } from './deps.ts';

const PAIR_TIMEOUT_MS = 10_000;

/** "http://host:8080/" and " http://host:8080" are the same server. */
export function normaliseServerUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

function isString(v: unknown): v is string {
  return typeof v === 'string' && v !== '';
}

function pairingFrom(serverUrl: string, body: unknown): Pairing | null {
  if (typeof body !== 'object' || body === null) return null;
  const b = body as Record<string, unknown>;
  const { storeId, registerId, registerName, token, dbName } = b;
  if (!isString(storeId) || !isString(registerId) || !isString(registerName) || !isString(token) || !isString(dbName)) return null;
  return { serverUrl, storeId, registerId, registerName, token, dbName };
}

async function serverMessage(res: Response): Promise<string> {
  const body: unknown = await res.json().catch(() => null);
  const message = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  return typeof message === 'string' ? ` (${message})` : '';
}

export async function pairRegister(serverUrl: string, code: string, deps?: Partial<CommandDeps>): Promise<Result<Pairing, string>> {
  const d = withDefaults(deps);
  const base = normaliseServerUrl(serverUrl);
  if (!/^https?:\/\/[^/\s]+/.test(base)) return err(`"${serverUrl}" is not a server address: it starts with http:// or https://.`);
  const trimmed = code.trim();
  if (trimmed === '') return err('Enter the pairing code shown on the server.');
  let res: Response;
  try {
    res = await d.fetch(`${base}/api/pair`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: trimmed }),
      signal: AbortSignal.timeout(PAIR_TIMEOUT_MS),
    });
  } catch {
    return err(`Cannot reach the server at ${base}: check the address and the network, then try again.`);
  }
  if (res.status === 400) return err(`The pairing code was not accepted: check it and try again${await serverMessage(res)}.`);
  if (res.status === 404) return err(`This pairing code is unknown or has expired: create a new one on the server${await serverMessage(res)}.`);
  if (!res.ok) return err(`The server could not pair this register (HTTP ${res.status})${await serverMessage(res)}.`);
  const pairing = pairingFrom(base, await res.json().catch(() => null));
  if (pairing === null) return err('The server answered with an unexpected pairing: is this a Comptoir server?');
  await savePairing(pairing);
  try {
    await d.port().start(pairing);
  } catch (error) {
    // The pairing is saved; sync retries on the next start. Pairing itself succeeded.
    console.error('[comptoir] sync did not start after pairing', error);
  }
  return ok(pairing);
}
