/** Starting and stopping the sync worker for the register's pairing (app start, tab hand-over). */
import { getPairing } from '../store/queries.ts';
import { withDefaults, type CommandDeps } from './deps.ts';

/** On app start: starts sync when the register is paired. Resolves true when it was started. */
export async function startSync(deps?: Partial<CommandDeps>): Promise<boolean> {
  const pairing = await getPairing();
  if (pairing === null) return false;
  await withDefaults(deps).port().start(pairing);
  return true;
}

/** Stops replication (another tab took over the register, or the register is being unpaired). */
export async function stopSync(deps?: Partial<CommandDeps>): Promise<void> {
  await withDefaults(deps).port().stop();
}
