/** Starting and stopping the sync worker for the register's pairing (app start, tab hand-over). */
import { getPairing } from '../store/queries.ts';
import type { SyncPort } from '../store/sync-port.ts';
import { withDefaults, type CommandDeps } from './deps.ts';

/** On app start: starts sync when the register is paired. Resolves true when it was started. */
export async function startSync(deps?: Partial<CommandDeps>): Promise<boolean> {
  const pairing = await getPairing();
  if (pairing === null) return false;
  const port = withDefaults(deps).port();
  await port.start(pairing);
  forwardNetworkEvents(port);
  return true;
}

let forwarding: SyncPort | null = null;

/** Workers miss the page's online/offline events: forward them (once per port). */
function forwardNetworkEvents(port: SyncPort): void {
  if (forwarding === port || typeof window === 'undefined') return;
  forwarding = port;
  window.addEventListener('online', () => void port.networkChanged(true));
  window.addEventListener('offline', () => void port.networkChanged(false));
  if (!navigator.onLine) void port.networkChanged(false);
}

/** Stops replication (another tab took over the register, or the register is being unpaired). */
export async function stopSync(deps?: Partial<CommandDeps>): Promise<void> {
  await withDefaults(deps).port().stop();
}
