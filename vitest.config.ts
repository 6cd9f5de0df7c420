import { defineConfig } from 'vitest/config';

/**
 * Test files that replace a module with vi.mock: they need a fresh module registry of their own.
 * Every other file shares its worker's modules with the files before it (isolate: false), which
 * spares re-importing the SDKs, PGlite and the sources per file: measured on 2 cores, the whole
 * suite in 482 s instead of 750 s.
 */
const MOCKS_MODULES = ['tests/notes/robustness.test.ts'];

export default defineConfig({
  test: {
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 30000,
    hookTimeout: 60000,
    pool: 'forks',
    env: { TZ: 'Asia/Shanghai' },
    projects: [
      { extends: true, test: { name: 'shared', include: ['tests/**/*.test.ts'], exclude: MOCKS_MODULES, isolate: false } },
      { extends: true, test: { name: 'isolated', include: MOCKS_MODULES, isolate: true } },
    ],
  },
});
