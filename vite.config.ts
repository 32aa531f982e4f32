import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';
import { configDefaults, defineConfig, type TestProjectConfiguration } from 'vitest/config';

const root = import.meta.dirname;
const nodeExternals = ['electron', ...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

/** One bundle per runtime: `vite build --mode <target>`. */
const targets: Record<string, UserConfig> = {
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [react()],
    /** Chromium has modulepreload: no polyfill. A language's catalog is a chunk of its own (renderer/i18n/i18n.ts). */
    build: { outDir: resolve(root, 'dist/renderer'), emptyOutDir: true, modulePreload: { polyfill: false } },
  },
  main: {
    build: {
      ssr: resolve(root, 'electron/app/main.ts'),
      outDir: resolve(root, 'dist-electron'),
      emptyOutDir: false,
      target: 'node22',
      rollupOptions: { external: nodeExternals, output: { format: 'cjs', entryFileNames: 'main.cjs' } },
    },
    ssr: { noExternal: true },
  },
  preload: {
    build: {
      outDir: resolve(root, 'dist-electron'),
      emptyOutDir: false,
      target: 'chrome140',
      lib: { entry: resolve(root, 'electron/preload/preload.ts'), formats: ['cjs'], fileName: () => 'preload.cjs' },
      rollupOptions: { external: ['electron'] },
    },
  },
  /** `npm run bench`: a page that runs the app's storage code beside raw IndexedDB. */
  bench: {
    root: resolve(root, 'test/bench/page'),
    base: './',
    build: { outDir: resolve(root, 'dist/bench'), emptyOutDir: true },
  },
  /** The browser shell's stand-in for the preload: the same factory, bound to a Playwright binding. */
  'shell-preload': {
    build: {
      outDir: resolve(root, 'dist/shell'),
      emptyOutDir: true,
      target: 'chrome140',
      lib: { entry: resolve(root, 'scripts/browser-shell/shellPreload.ts'), formats: ['iife'], name: 'tokenDeskShellPreload', fileName: () => 'shell-preload.js' },
    },
  },
};

const testProjects: { projects: TestProjectConfiguration[] } = {
  projects: [
    {
      extends: true as const,
      test: {
        name: 'node',
        environment: 'node',
        /** A ceiling for a loaded machine (other builds share its cores), not a speed target. */
        testTimeout: 60_000,
        include: ['test/{shared,electron,scripts,crm-sim,lint,storm,security}/**/*.test.ts', 'test/renderer/**/*.test.ts'],
        /** Security tests that launch Chromium run in the e2e project. */
        exclude: [...configDefaults.exclude, 'test/security/**/*.e2e.test.ts'],
        setupFiles: ['test/setup/fakeIndexedDb.ts'],
      },
    },
    {
      extends: true as const,
      test: {
        name: 'dom',
        environment: 'jsdom',
        include: ['test/renderer/**/*.test.tsx'],
        setupFiles: ['test/setup/fakeIndexedDb.ts', 'test/setup/waitCeilings.ts'],
        testTimeout: 60_000,
      },
    },
    {
      extends: true as const,
      test: {
        name: 'e2e',
        environment: 'node',
        include: ['test/e2e/**/*.test.ts', 'test/bench/**/*.test.ts', 'test/security/**/*.e2e.test.ts'],
        globalSetup: ['test/e2e/buildOnce.ts'],
        testTimeout: 120_000,
        hookTimeout: 120_000,
        fileParallelism: false,
      },
    },
  ],
};

export default defineConfig(({ mode }) => {
  if (mode === 'test') return { plugins: [react()], test: testProjects };
  const target = targets[mode];
  if (!target) throw new Error(`Unknown build mode "${mode}"; use one of: ${Object.keys(targets).join(', ')}`);
  return target;
});
