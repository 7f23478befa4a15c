/**
 * The UI's door to the commands (every write). The list of commands lives once, in
 * src/commands/index.ts; screens import from here so the UI depends on one module of the layer below.
 */
export * from '../commands/index.ts';
