/**
 * Drops the read model and projects the whole replica again (repair screen; also a tested property).
 * Rejects when sync is not started (there is no replica to project from).
 */
import { withDefaults, type CommandDeps } from './deps.ts';

export async function rebuildReadModel(deps?: Partial<CommandDeps>): Promise<{ documents: number }> {
  return withDefaults(deps).port().rebuildReadModel();
}
