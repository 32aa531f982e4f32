import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

/** Layering: shared/ is pure; renderer/ and electron/ meet only through shared/'s IPC contract. */
const layer = (patterns, paths, message) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: paths.map((name) => ({ name, message })),
      patterns: patterns.length > 0 ? [{ group: patterns, message }] : [],
    },
  ],
});

/** The thin files that hand Electron's objects to plain modules; each sits beside its concept. */
const ELECTRON_FACING = [
  'electron/app/main.ts',
  'electron/preload/preload.ts',
  'electron/protocol/appProtocol.ts',
  'electron/ipc/ipcRegistration.ts',
  'electron/vault/safeStorageVault.ts',
];

const rendererMessage = 'renderer/ reaches main only through window.tokenDesk (shared/ipc).';
const rendererPaths = ['electron', ...nodeBuiltins].map((name) => ({ name, message: rendererMessage }));
const rendererElectron = { group: ['**/electron/**'], message: rendererMessage };

/**
 * Screens and components call commands and read queries; they never write the database. Each module
 * that can write is named with what a screen may take from it (reads and types); anything else is refused.
 */
const writes = 'Screens and components write nothing: call a command (renderer/commands) and read queries.';
const noDatabaseWrites = [
  { group: ['**/commands/*', '**/outbox/*'], message: `${writes} Use the folder's index.` },
  {
    regex: '(^|/)outbox$',
    allowImportNames: ['attentionEntries', 'queueEntries', 'queueSize', 'queueStats', 'isWaiting', 'isDuplicateIdentifier', 'isRefusedParticipant', 'isRefusedVerification', 'isDiscardable', 'rowsOf', 'tokenDetail', 'QueueEntry', 'QueueStats', 'TokenDetail'],
    message: writes,
  },
  { group: ['**/storage/meta'], allowImportNamePattern: '^(read[A-Z]|[A-Z]|.+Schema$)', message: writes },
  { group: ['**/storage/audit'], allowImportNames: ['tokenHistory'], message: writes },
  { group: ['**/storage/database', '**/storage/migrations'], allowTypeImports: true, message: writes },
  { group: ['**/storage/serverCopies', '**/storage/tokenRows', '**/refusals'], message: writes },
];

/** The same for a table reached through the services' `db`: no put, add, update, delete or read-write transaction. */
const tableWrites = [
  {
    selector: "CallExpression[callee.object.object.name='db'][callee.property.name=/^(add|put|update|delete|clear|bulkAdd|bulkPut|bulkUpdate|bulkDelete)$/]",
    message: writes,
  },
  { selector: "CallExpression[callee.object.name='db'][callee.property.name='transaction']", message: writes },
];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-electron/**', 'release/**', 'test-results/**', 'node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      ...layer(
        ['**/electron/**', '**/renderer/**', 'react', 'react-dom', 'dexie', 'zustand', 'playwright-core'],
        ['electron', ...nodeBuiltins],
        'shared/ is pure TypeScript: no Electron, Node, DOM, renderer or main-process imports.',
      ),
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'indexedDB', 'process', 'Buffer', 'require', '__dirname'].map(
          (name) => ({ name, message: 'shared/ must not touch environment-specific globals.' }),
        ),
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...layer(['**/electron/**'], ['electron', ...nodeBuiltins], rendererMessage),
    },
  },
  {
    files: ['renderer/components/**/*.{ts,tsx}', 'renderer/screens/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { paths: rendererPaths, patterns: [rendererElectron, ...noDatabaseWrites] }],
      'no-restricted-syntax': ['error', ...tableWrites],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: layer(['**/renderer/**'], [], 'electron/ never imports renderer/; they meet through shared/ipc.'),
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ELECTRON_FACING,
    rules: layer(['**/renderer/**'], ['electron'], `Only these files may import Electron, the rest runs in plain Node: ${ELECTRON_FACING.join(', ')}.`),
  },
  {
    files: ['scripts/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: layer(['**/renderer/**'], ['electron'], 'scripts/ is build and launch tooling in plain Node: it drives the app, never imports renderer/ or Electron.'),
  },
  {
    files: ['test/**/*.{ts,tsx}', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
