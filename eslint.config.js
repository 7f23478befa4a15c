// Lint enforces the one-way dependency rule: domain ← store ← commands ← ui.
import tseslint from 'typescript-eslint';

const browserOrNodeOrStorage = [
  { group: ['dexie', 'dexie/*'], message: 'The domain is pure: no Dexie.' },
  { group: ['pouchdb*', 'express*', 'comlink', 'solid-js', 'solid-js/*', '@solidjs/*'], message: 'The domain is pure TypeScript.' },
  { group: ['node:*', 'fs', 'path', 'crypto', 'os', 'http', 'https', 'url', 'child_process'], message: 'The domain runs in browsers and Node alike: no Node modules.' },
  { group: ['**/store/**', '**/commands/**', '**/ui/**', '**/hardware/**', '**/documents/**', '**/workers/**', '**/sync-server/**'], message: 'The domain imports nothing but the domain.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**', '.tmp/**', 'dev-dist/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { patterns: browserOrNodeOrStorage }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'indexedDB', 'localStorage', 'fetch', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['src/store/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/commands/**', '**/ui/**', 'solid-js', 'solid-js/*', '@solidjs/*'], message: 'The store never depends on commands or UI.' },
      ] }],
    },
  },
  {
    files: ['src/commands/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/ui/**', 'solid-js', 'solid-js/*', '@solidjs/*'], message: 'Commands never depend on the UI.' },
        { group: ['pouchdb*'], message: 'Commands reach the replica through the sync worker port.' },
      ] }],
    },
  },
  {
    files: ['src/ui/**/*.ts', 'src/ui/**/*.tsx', 'src/main.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['dexie', 'dexie/*', 'pouchdb*'], message: 'Screens read through named queries (src/store/queries) and write through commands.' },
        { group: ['**/store/schema*', '**/store/db*'], message: 'Screens read through named queries, never the Dexie tables.' },
      ] }],
    },
  },
  {
    // Devices, printable documents and carriers sit beside the store: the commands use them, never the reverse.
    files: ['src/hardware/**/*.ts', 'src/documents/**/*.ts', 'src/couriers/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/commands/**', '**/ui/**', 'solid-js', 'solid-js/*', '@solidjs/*'], message: 'Hardware, documents and couriers never depend on commands or the UI.' },
      ] }],
    },
  },
  {
    files: ['workers/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/ui/**', '**/commands/**', 'solid-js', 'solid-js/*', '@solidjs/*'], message: 'Workers import the domain and the store, never the UI.' },
      ] }],
    },
  },
  {
    files: ['sync-server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/ui/**', '**/commands/**', '**/store/**', '**/workers/**', 'solid-js', 'solid-js/*', '@solidjs/*', 'dexie', 'pouchdb-browser'], message: 'The server imports the domain only.' },
      ] }],
    },
  },
);
