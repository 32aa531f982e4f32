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
      ...layer(['**/electron/**'], ['electron', ...nodeBuiltins], 'renderer/ reaches main only through window.tokenDesk (shared/ipc).'),
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
