/**
 * What commands reach outside themselves for. Defaults are the real ones; tests pass fakes (an
 * in-memory SyncPort, a fixed clock, a scripted fetch).
 */
import { getSyncPort } from '../store/sync-client.ts';
import type { SyncPort } from '../store/sync-port.ts';

export interface CommandDeps {
  port: () => SyncPort;
  now: () => Date;
  fetch: typeof fetch;
}

export const defaultDeps: CommandDeps = {
  port: getSyncPort,
  now: () => new Date(),
  fetch: (input, init) => fetch(input, init),
};

export function withDefaults(deps: Partial<CommandDeps> | undefined): CommandDeps {
  return { ...defaultDeps, ...deps };
}
