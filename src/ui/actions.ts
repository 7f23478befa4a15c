/**
 * The only door from the UI to the commands (every write). Screens import from here, so a change in
 * a command's signature is absorbed in one file.
 */
export {
  completeSale,
  pairRegister,
  rebuildReadModel,
  requestPersistence,
  startSync,
  stopSync,
} from '../commands/index.ts';
